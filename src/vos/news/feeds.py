"""RSS and Atom feeds of the articles: the site's, a subject's and a language's. Django's
syndication framework writes them; these classes say what goes in."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from vos.common.locales import language_name
from vos.common.multilingual import interface_languages, reader_language
from vos.news import services
from vos.news.models import Article, Subject

FEED_LENGTH = 30


class _ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, subject: str = "", language: str = ""):
        if subject:
            return ("subject", get_object_or_404(Subject, slug=subject))
        if language:
            if language_name(language) == language:  # not an ISO 639-1 code
                raise Http404
            return ("language", language)
        return ("site", None)

    def title(self, obj) -> str:
        kind, value = obj
        site = _("News of the Viral Open Space")
        if kind == "subject":
            return f"{site} · {value.tr.name}"
        if kind == "language":
            return f"{site} · {language_name(value)}"
        return site

    def description(self, obj) -> str:
        return _("Articles of the forum's facilitation team and of the authors it invites.")

    def link(self, obj) -> str:
        kind, value = obj
        if kind == "subject":
            return value.get_absolute_url()
        if kind == "language":
            return reverse("news.list") + f"?language={value}"
        return reverse("news.list")

    def items(self, obj) -> list[Article]:
        kind, value = obj
        articles = services.for_readers(
            language=reader_language(),
            subject=value if kind == "subject" else None,
            written_in=value if kind == "language" else "",
        )
        return services.with_subjects(articles[:FEED_LENGTH])

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_link(self, item: Article) -> str:
        if item.language not in interface_languages():
            return item.get_absolute_url()
        with translation.override(item.language):
            return item.get_absolute_url()

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return max(item.updated_at, item.published_at)

    def item_categories(self, item: Article) -> list[str]:
        return [subject.shown_in(item.language).name for subject in item.subjects_shown]

    def item_guid(self, item: Article) -> str:
        return f"tag:viral-open-space,article:{item.pk}"

    item_guid_is_permalink = False


class RssFeed(_ArticleFeed):
    feed_type = Rss201rev2Feed


class AtomFeed(_ArticleFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj) -> str:
        return self.description(obj)
