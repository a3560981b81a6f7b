"""The news as open data: published articles (each language version its own item, the
original named), their subjects, and the subjects with their translations."""

import datetime as dt

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from vos.api.errors import Error
from vos.api.pagination import Pages
from vos.common.multilingual import translations_for_api
from vos.news.models import Article, Subject
from vos.news.services import published

router = Router()


class SubjectOut(Schema):
    slug: str
    name: str
    original_language: str
    translations: dict[str, dict]

    @staticmethod
    def resolve_translations(subject: Subject) -> dict[str, dict]:
        return translations_for_api(subject)


class ArticleOut(Schema):
    id: int
    language: str
    original: int | None = Field(
        ...,
        description="The original's id, for a version in another language; null for an original.",
    )
    title: str
    summary: str
    subjects: list[str] = Field(..., description="Slugs of the original's subjects.")
    edition: str | None
    picture: str | None
    picture_alt: str
    published_at: dt.datetime
    url: str

    @staticmethod
    def resolve_original(article: Article) -> int | None:
        return article.original_id

    @staticmethod
    def resolve_subjects(article: Article) -> list[str]:
        group = article.original or article
        return [subject.slug for subject in group.subjects.all()]

    @staticmethod
    def resolve_edition(article: Article) -> str | None:
        group = article.original or article
        return group.edition.slug if group.edition else None

    @staticmethod
    def resolve_picture(article: Article) -> str | None:
        group = article.original or article
        return reverse("news.picture_file", args=[group.picture_name]) if group.picture else None

    @staticmethod
    def resolve_picture_alt(article: Article) -> str:
        return (article.original or article).picture_alt

    @staticmethod
    def resolve_url(article: Article) -> str:
        return article.get_absolute_url()


class ArticleDetailOut(ArticleOut):
    body: str = Field(..., description="The text, in Markdown.")
    versions: dict[str, int] = Field(
        ..., description="Every published language version, the original included: language → id."
    )

    @staticmethod
    def resolve_versions(article: Article) -> dict[str, int]:
        group = article.original_id or article.pk
        return dict(
            published().filter(Q(pk=group) | Q(original_id=group)).values_list("language", "pk")
        )


class ArticleFilters(Schema):
    subject: str = Field("", max_length=50, description="A subject's slug.")
    language: str = Field("", max_length=8, description="Only the articles written in it.")


def _articles():
    return (
        published()
        .select_related("edition", "original__edition")
        .prefetch_related("subjects", "original__subjects")
    )


@router.get(
    "/articles",
    response={200: list[ArticleOut], 400: Error, 401: Error, 429: Error},
    tags=["news"],
)
@paginate(Pages)
def list_articles(request, filters: Query[ArticleFilters]):
    articles = _articles()
    if filters.subject:
        articles = articles.filter(
            Q(original__isnull=True, subjects__slug=filters.subject)
            | Q(original__subjects__slug=filters.subject)
        ).distinct()
    if filters.language:
        articles = articles.filter(language=filters.language)
    return articles.order_by("-published_at", "pk")


@router.get(
    "/articles/{article_id}",
    response={200: ArticleDetailOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["news"],
)
def get_article(request, article_id: int):
    return get_object_or_404(_articles(), pk=article_id)


@router.get(
    "/subjects",
    response={200: list[SubjectOut], 400: Error, 401: Error, 429: Error},
    tags=["news"],
)
@paginate(Pages)
def list_subjects(request):
    return Subject.objects.order_by("name")
