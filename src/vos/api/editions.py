"""Editions and what frames their program: key dates, types, themes, the public part of
their rooms."""

import datetime as dt

from django.conf import settings
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from vos.api.errors import Error
from vos.api.pagination import Pages
from vos.common.multilingual import translations_for_api
from vos.edition.models import Edition
from vos.room.models import Room

router = Router()


class EditionOut(Schema):
    slug: str
    title: str
    tagline: str
    description: str
    language: str
    original_language: str
    translations: dict[str, dict]
    start_date: dt.date
    end_date: dt.date
    time_zone: str
    status: str
    proposals_open: bool
    url: str

    @staticmethod
    def resolve_title(edition: Edition) -> str:
        return edition.tr.title

    @staticmethod
    def resolve_tagline(edition: Edition) -> str:
        return edition.tr.tagline

    @staticmethod
    def resolve_description(edition: Edition) -> str:
        return edition.tr.description

    @staticmethod
    def resolve_language(edition: Edition) -> str:
        return edition.tr.language

    @staticmethod
    def resolve_translations(edition: Edition) -> dict:
        return translations_for_api(edition)

    @staticmethod
    def resolve_status(edition: Edition) -> str:
        return edition.status()

    @staticmethod
    def resolve_proposals_open(edition: Edition) -> bool:
        return edition.proposals_are_open()

    @staticmethod
    def resolve_url(edition: Edition) -> str:
        return settings.SITE_URL + edition.get_absolute_url()


class KeyDateOut(Schema):
    title: str
    starts_at: dt.datetime
    url: str
    translations: dict[str, dict]

    @staticmethod
    def resolve_title(key_date) -> str:
        return key_date.tr.title

    @staticmethod
    def resolve_translations(key_date) -> dict:
        return translations_for_api(key_date)


class ActivityTypeOut(Schema):
    key: str
    name: str
    description: str


class ThemeOut(Schema):
    id: int
    name: str

    @staticmethod
    def resolve_name(theme) -> str:
        return theme.tr.name


class SharedRoomOut(Schema):
    name: str
    provider: str
    kind: str
    capacity: int | None

    @staticmethod
    def resolve_name(room) -> str:
        return room.display_name


@router.get(
    "/editions", response={200: list[EditionOut], 401: Error, 429: Error}, tags=["editions"]
)
@paginate(Pages)
def list_editions(request):
    return Edition.objects.order_by("-start_date", "pk")


@router.get(
    "/editions/{slug}",
    response={200: EditionOut, 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def get_edition(request, slug: str):
    return get_object_or_404(Edition, slug=slug)


@router.get(
    "/editions/{slug}/key-dates",
    response={200: list[KeyDateOut], 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def list_key_dates(request, slug: str):
    return list(get_object_or_404(Edition, slug=slug).key_dates.all())


@router.get(
    "/editions/{slug}/activity-types",
    response={200: list[ActivityTypeOut], 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def list_activity_types(request, slug: str):
    return [
        {"key": kind.key, "name": kind.name, "description": kind.tr.description}
        for kind in get_object_or_404(Edition, slug=slug).activity_types.all()
    ]


@router.get(
    "/editions/{slug}/themes",
    response={200: list[ThemeOut], 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def list_themes(request, slug: str):
    return list(get_object_or_404(Edition, slug=slug).themes.all())


@router.get(
    "/editions/{slug}/rooms",
    response={200: list[SharedRoomOut], 404: Error, 429: Error},
    tags=["editions"],
)
def list_rooms(request, slug: str):
    """The public part of the edition's rooms: names and services, never links or codes."""

    edition = get_object_or_404(Edition, slug=slug)
    return list(edition.rooms.filter(kind__in=[Room.Kind.SHARED, Room.Kind.POOL]))
