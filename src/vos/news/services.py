"""Articles and pages: writing, publishing, and what readers are shown (one version of
each article, in their language when it has one)."""

import secrets
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from vos.common.images import picture_from_upload, picture_store
from vos.common.log import log_action
from vos.edition.models import Edition
from vos.news.models import Article, Page, PagePicture, Subject

User = get_user_model()

ARTICLE_PICTURE_SIDE = 1200
PAGE_PICTURE_SIDE = 1400


def may_write(person: User) -> bool:
    return person.has_perm("news.write")


def may_edit(person: User, article: Article) -> bool:
    return person.has_perm("news.edit_article", article)


def published() -> QuerySet[Article]:
    return Article.objects.filter(published_at__isnull=False, published_at__lte=timezone.now())


# What lists, feeds and cards show: not the text, which is most of a row.
LISTED = ("slug", "language", "original_id", "title", "summary", "published_at", "updated_at")


def _picture(upload, *, folder: str, side: int) -> tuple[str, bytes]:
    return picture_from_upload(
        upload,
        folder=folder,
        side=side,
        limit=settings.NEWS_PICTURE_MAX_BYTES,
        too_big=_("The picture is %(size)s MB; it may be %(limit)s MB at most."),
        too_many_pixels=_("This picture has too many pixels; send a smaller one."),
    )


def _unique_slug(title: str, language: str) -> str:
    base = (slugify(title)[:100].strip("-") or "article") + f"-{language}"
    slug = base
    while Article.objects.filter(slug=slug).exists():
        slug = f"{base}-{secrets.token_hex(2)}"
    return slug


def authors_from_emails(text: str) -> list[User]:
    """The accounts named by their email addresses (separated by commas, spaces or
    lines), or a ValidationError naming the addresses that have none."""
    emails = list(dict.fromkeys(part for part in text.replace(",", " ").split() if part))
    if not emails:
        return []
    query = Q()
    for email in emails:
        query |= Q(email__iexact=email)
    found = {user.email.lower(): user for user in User.objects.filter(query)}
    missing = [email for email in emails if email.lower() not in found]
    if missing:
        raise ValidationError(
            {
                "authors": _("No account has this address: %(emails)s.")
                % {"emails": ", ".join(missing)}
            }
        )
    return list({user.pk: user for user in found.values()}.values())


@transaction.atomic
def article_save(
    *,
    by: User,
    title: str,
    summary: str,
    body: str,
    language: str,
    article: Article | None = None,
    original: Article | None = None,
    subjects: Iterable[Subject] = (),
    edition: Edition | None = None,
    authors: Iterable[User] = (),
    picture=None,
    picture_alt: str = "",
    picture_remove: bool = False,
) -> Article:
    """Write a new article, a new language version of ``original``, or correct
    ``article``. Everything is checked before anything is written."""
    if article is not None:
        if not may_edit(by, article):
            raise ValidationError(_("You may not edit this article."))
        original = article.original
    elif original is not None:
        if not may_edit(by, original):
            raise ValidationError(_("You may not add a version of this article."))
    elif not may_write(by):
        raise ValidationError(_("Only the facilitation team writes articles."))
    if original is not None and original.original_id:
        original = original.original
    group = original or article
    if group is not None:
        taken = Article.objects.filter(Q(pk=group.pk) | Q(original=group), language=language)
        if article is not None:
            taken = taken.exclude(pk=article.pk)
        if taken.exists():
            raise ValidationError(
                {"language": _("This article already has a version in this language.")}
            )
    stored = None
    if picture is not None and original is None:
        try:
            stored = _picture(picture, folder="articles", side=ARTICLE_PICTURE_SIDE)
        except ValidationError as error:
            raise ValidationError({"picture": error.messages}) from None
    keeps_picture = stored is not None or (
        article is not None and article.picture and not picture_remove
    )
    if original is None and keeps_picture and not picture_alt.strip():
        raise ValidationError(
            {"picture_alt": _("Say what the picture shows, for readers who cannot see it.")}
        )
    now = timezone.now()
    if article is None:
        article = Article(created_by=by, created_at=now, slug=_unique_slug(title, language))
    article.original = original
    article.title, article.summary, article.body = title.strip(), summary.strip(), body
    article.language = language
    article.updated_at = now
    if original is None:
        article.edition = edition
        if stored is not None:
            article.picture = picture_store(*stored)
        elif picture_remove:
            article.picture = ""
        article.picture_alt = picture_alt.strip() if article.picture else ""
    article.save()
    if original is None:
        article.subjects.set(subjects)
        if may_write(by):
            article.authors.set(authors)
    log_action(article, actor=by, action="news.article_save", data={"language": language})
    return article


def article_publish(*, article: Article, by: User, publish: bool = True) -> Article:
    if not may_edit(by, article):
        raise ValidationError(_("You may not edit this article."))
    if publish and article.original_id and not article.original.is_published:
        raise ValidationError(_("Publish the original first."))
    article.published_at = (article.published_at or timezone.now()) if publish else None
    article.save(update_fields=["published_at"])
    if not publish and article.original_id is None:
        # Withdrawn in every language: its versions stand on the original.
        article.versions.update(published_at=None)
    log_action(
        article, actor=by, action="news.article_publish" if publish else "news.article_unpublish"
    )
    return article


class ArticlesInOrder(Sequence):
    """Articles chosen by id, in order, read from the database only for the slice a page
    or a feed shows: a list of hundreds is sorted on four columns, not on models."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1 or None][0]
        chosen = self.ids[index]
        rows = {row.pk: row for row in Article.objects.filter(pk__in=chosen).only(*LISTED)}
        return [rows[pk] for pk in chosen]


def _one_per_group(articles: QuerySet[Article], language: str) -> ArticlesInOrder:
    """Each article once, in ``language`` when it has a published version in it, else in
    its original (or its first version); in the order of the originals' publication."""
    groups: dict[int, list[tuple]] = {}
    for row in articles.values_list("pk", "original_id", "language", "published_at"):
        groups.setdefault(row[1] or row[0], []).append(row)
    chosen = []
    for versions in groups.values():
        mine = [row for row in versions if row[2] == language]
        originals = [row for row in versions if row[1] is None]
        first = min(row[3] for row in versions)
        chosen.append((first, (mine or originals or versions)[0][0]))
    chosen.sort(reverse=True)
    return ArticlesInOrder([pk for _first, pk in chosen])


def _in_subject(subject: Subject) -> Q:
    return Q(original__isnull=True, subjects=subject) | Q(original__subjects=subject)


def for_readers(
    *,
    language: str,
    subject: Subject | None = None,
    written_in: str = "",
    edition: Edition | None = None,
) -> ArticlesInOrder:
    """The published articles for a list or a feed (or of an edition). With
    ``written_in``, only those written in that language; otherwise each article once, in
    ``language`` if it can."""
    articles = published()
    if edition is not None:
        articles = articles.filter(
            Q(original__isnull=True, edition=edition) | Q(original__edition=edition)
        )
    if subject is not None:
        group_ids = (
            published().filter(_in_subject(subject)).values_list("pk", "original_id").distinct()
        )
        ids = {original or pk for pk, original in group_ids}
        articles = articles.filter(Q(pk__in=ids) | Q(original__in=ids))
    if written_in:
        ordered = articles.filter(language=written_in).order_by("-published_at", "-pk")
        return ArticlesInOrder(list(ordered.values_list("pk", flat=True)))
    return _one_per_group(articles, language)


def with_subjects(articles: list[Article]) -> list[Article]:
    """Each article with ``subjects_shown``: its original's subjects, read in one query."""
    group_ids = {article.group_id for article in articles}
    subjects: dict[int, list[Subject]] = {}
    for link in Article.subjects.through.objects.filter(article_id__in=group_ids).select_related(
        "subject"
    ):
        subjects.setdefault(link.article_id, []).append(link.subject)
    for article in articles:
        article.subjects_shown = sorted(subjects.get(article.group_id, []), key=lambda s: s.name)
    return articles


def versions_of(article: Article, *, readers: bool = True) -> list[Article]:
    """Every language version of the article, the original first."""
    group = article.original or article
    versions = Article.objects.filter(Q(pk=group.pk) | Q(original=group))
    if readers:
        versions = versions.filter(published_at__isnull=False, published_at__lte=timezone.now())
    return sorted(versions, key=lambda item: (item.original_id is not None, item.language))


def others_on_the_same_subjects(
    article: Article, *, language: str, limit: int = 5
) -> list[Article]:
    """Other published articles sharing a subject with this one, each once."""
    group = article.original or article
    subject_ids = list(group.subjects.values_list("pk", flat=True))
    if not subject_ids:
        return []
    related = (
        published()
        .filter(
            Q(original__isnull=True, subjects__in=subject_ids)
            | Q(original__subjects__in=subject_ids)
        )
        .exclude(pk=group.pk)
        .exclude(original=group)
        .values_list("pk", "original_id")
        .distinct()
    )
    ids = {original or pk for pk, original in related}
    candidates = published().filter(Q(pk__in=ids) | Q(original__in=ids))
    return _one_per_group(candidates, language)[:limit]


@transaction.atomic
def subject_save(
    *, by: User, name: str, subject: Subject | None = None, language: str = "en"
) -> Subject:
    if not may_write(by):
        raise ValidationError(_("Only the facilitation team names subjects."))
    # Names in scripts without Latin letters have no slug: the address gets a short code.
    slug = slugify(name)[:50] or f"subject-{secrets.token_hex(3)}"
    if (
        Subject.objects.filter(name__iexact=name.strip())
        .exclude(pk=getattr(subject, "pk", None))
        .exists()
    ):
        raise ValidationError({"name": _("A subject of this name exists already.")})
    clash = Subject.objects.filter(slug=slug)
    if subject is not None:
        clash = clash.exclude(pk=subject.pk)
    if clash.exists():
        raise ValidationError({"name": _("A subject of this name exists already.")})
    if subject is None:
        subject = Subject(slug=slug, original_language=language)
    subject.name = name.strip()
    subject.save()
    return subject


@transaction.atomic
def subject_rename(*, by: User, subject: Subject, names: dict[str, str]) -> Subject:
    """The subject's name in each language of the site: the original's language changes
    its name, the others its translations (an empty one is removed)."""
    if not may_write(by):
        raise ValidationError(_("Only the facilitation team names subjects."))
    original = (names.get(subject.original_language) or "").strip()
    if not original:
        raise ValidationError(
            {
                f"name_{subject.original_language}": _(
                    "The subject keeps a name in the language it was first named in."
                )
            }
        )
    if Subject.objects.filter(name__iexact=original).exclude(pk=subject.pk).exists():
        raise ValidationError(
            {f"name_{subject.original_language}": _("A subject of this name exists already.")}
        )
    subject.name = original
    for language, name in names.items():
        if language != subject.original_language:
            subject.set_translation(language, {"name": name})
    subject.save()
    return subject


# Pages


def page_of(kind: str) -> Page | None:
    return Page.objects.filter(kind=kind).first()


@transaction.atomic
def page_save(*, by: User, kind: str, language: str, title: str, body: str) -> Page:
    """Write the page in a language: the original's language changes the original, any
    other its translation."""
    if not may_write(by):
        raise ValidationError(_("Only the facilitation team edits the pages."))
    page = Page.objects.select_for_update().filter(kind=kind).first()
    if page is None:
        page = Page(kind=kind, original_language=language)
    if language == page.original_language:
        page.title, page.body = title.strip(), body
    else:
        page.set_translation(language, {"title": title, "body": body})
    page.updated_at, page.updated_by = timezone.now(), by
    page.save()
    log_action(page, actor=by, action="news.page_save", data={"language": language})
    return page


def page_picture_add(*, by: User, upload, alt: str) -> PagePicture:
    if not may_write(by):
        raise ValidationError(_("Only the facilitation team edits the pages."))
    if not alt.strip():
        raise ValidationError(
            {"alt": _("Say what the picture shows, for readers who cannot see it.")}
        )
    try:
        name, data = _picture(upload, folder="pages", side=PAGE_PICTURE_SIDE)
    except ValidationError as error:
        raise ValidationError({"picture": error.messages}) from None
    picture_store(name, data)
    picture, _created = PagePicture.objects.update_or_create(
        name=name, defaults={"alt": alt.strip(), "uploaded_by": by}
    )
    return picture
