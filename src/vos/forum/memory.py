"""The forum's memory: one search across the contributions, live notes, summaries and
outcomes of every edition, "who said what", filtered by edition, theme, kind, language
and author. Every word typed must appear (accents and case ignored, in the original or,
for summaries and outcomes, in any translation); only what the reader may see is found."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from vos.activity.queries import activities_public
from vos.common.search import Fold, fold
from vos.edition.models import Edition, Theme
from vos.forum.models import Contribution, Note, Outcome, Summary

PER_KIND = 50
KINDS = ("contribution", "note", "summary", "outcome")


@dataclass
class Found:
    kind: str  # one of KINDS
    item: object
    when: dt.datetime


def _words(text: str) -> list[str]:
    return [fold(word) for word in text.split()[:10] if word.strip()]


def _matching(items: QuerySet, words: list[str], *columns: str) -> QuerySet:
    aliases = {
        f"folded_{n}": Fold(column)
        for n, column in enumerate(columns)
        if column != "translated_text"
    }
    items = items.alias(**aliases)
    for word in words:
        condition = Q()
        for name in aliases:
            condition |= Q(**{f"{name}__contains": word})
        if "translated_text" in columns:
            condition |= Q(translated_text__contains=word)
        items = items.filter(condition)
    return items


def _visible_spaces() -> Q:
    """Spaces of a theme, between editions, or of an activity of the program."""
    return Q(space__activity=None) | Q(space__activity__in=activities_public())


def memory_search(
    text: str = "",
    *,
    edition: Edition | None = None,
    theme: Theme | None = None,
    kind: str = "",
    language: str = "",
    author: str = "",
) -> list[Found]:
    words = _words(text)
    if not words and not author:
        return []
    author_folded = fold(author.strip())
    found: list[Found] = []
    contribution_kinds = set(Contribution.Kind.values)
    if not kind or kind in contribution_kinds or kind == "contribution":
        items = Contribution.objects.filter(_visible_spaces(), hidden_at=None)
        if kind in contribution_kinds:
            items = items.filter(kind=kind)
        if edition:
            items = items.filter(space__edition=edition)
        if theme:
            items = items.filter(Q(space__theme=theme) | Q(space__activity__themes=theme))
        if language:
            items = items.filter(language=language)
        if author_folded:
            items = items.alias(folded_author=Fold("author__display_name")).filter(
                folded_author__contains=author_folded
            )
        items = _matching(items, words, "body").select_related(
            "author", "space__theme", "space__activity", "space__edition"
        )
        found += [
            Found("contribution", item, item.created_at)
            for item in items.distinct().order_by("-created_at")[:PER_KIND]
        ]
    if kind in ("", "note"):
        items = Note.objects.filter(_visible_spaces())
        if edition:
            items = items.filter(space__edition=edition)
        if theme:
            items = items.filter(space__activity__themes=theme)
        if language:
            items = items.filter(language=language)
        if author_folded:
            items = items.alias(folded_speaker=Fold("speaker")).filter(
                folded_speaker__contains=author_folded
            )
        items = _matching(items, words, "body").select_related("space__activity", "space__edition")
        found += [
            Found("note", item, item.created_at)
            for item in items.distinct().order_by("-created_at")[:PER_KIND]
        ]
    if kind in ("", "summary") and not author_folded:
        items = Summary.objects.exclude(published_at=None).filter(Q(space=None) | _visible_spaces())
        if edition:
            items = items.filter(Q(branch__edition=edition) | Q(space__edition=edition))
        if theme:
            items = items.filter(
                Q(branch__theme=theme) | Q(space__theme=theme) | Q(space__activity__themes=theme)
            )
        if language:
            items = items.filter(original_language=language)
        items = _matching(items, words, "title", "body", "translated_text").select_related(
            "branch", "space__theme", "space__activity"
        )
        found += [
            Found("summary", item, item.published_at)
            for item in items.distinct().order_by("-published_at")[:PER_KIND]
        ]
    if kind in ("", "outcome"):
        items = Outcome.objects.filter(activity__in=activities_public())
        if edition:
            items = items.filter(activity__edition=edition)
        if theme:
            items = items.filter(activity__themes=theme)
        if language:
            items = items.filter(original_language=language)
        if author_folded:
            items = items.alias(folded_author=Fold("author__display_name")).filter(
                folded_author__contains=author_folded
            )
        items = _matching(
            items, words, "summary", "proposals", "next_steps", "translated_text"
        ).select_related("activity")
        found += [
            Found("outcome", item, item.created_at)
            for item in items.distinct().order_by("-created_at")[:PER_KIND]
        ]
    return sorted(found, key=lambda result: result.when, reverse=True)
