"""The program: activities to read, and to propose and change with a token."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from vos.activity import queries as activity_queries
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.activity.services import ActivityData, activity_propose, activity_update
from vos.api.auth import WRITE
from vos.api.editions import ThemeOut
from vos.api.errors import Error
from vos.api.organizations import OrganizationOut
from vos.api.pagination import Pages, in_range
from vos.api.people import PersonOut
from vos.common.multilingual import translations_for_api
from vos.common.timezones import local_day_bounds
from vos.edition.models import Edition
from vos.edition.queries import intention_text_current
from vos.person.models import User

router = Router()


class RoomOut(Schema):
    name: str
    provider: str


class TranslationOut(Schema):
    title: str
    summary: str
    description: str
    original: bool = Field(..., description="The text as first written.")
    outdated: bool = Field(False, description="The original changed since this was written.")


class ActivityOut(Schema):
    id: int
    edition: str
    title: str = Field(..., description="In the reader's language where translated.")
    summary: str
    description: str
    language: str = Field(..., description="The language of title, summary and description.")
    original_language: str
    translations: dict[str, TranslationOut] = Field(
        ..., description="Every language the texts are written in, the original included."
    )
    type: str
    themes: list[ThemeOut]
    languages: list[str]
    interpretation: list[dict[str, str]]
    interpreted_into: list[str] = Field(
        ..., description="The languages confirmed interpreters interpret into."
    )
    starts_at: dt.datetime
    ends_at: dt.datetime
    state: str
    cancelled: bool
    is_official: bool
    capacity: int | None
    organizations: list[OrganizationOut]
    organizers: list[PersonOut]
    room: RoomOut | None
    url: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_edition(activity: Activity) -> str:
        return activity.edition.slug

    @staticmethod
    def resolve_organizations(activity: Activity) -> list:
        """Only the organizations that accepted to be named."""
        return activity.shown_organizations

    @staticmethod
    def resolve_title(activity: Activity) -> str:
        return activity.tr.title

    @staticmethod
    def resolve_summary(activity: Activity) -> str:
        return activity.tr.summary

    @staticmethod
    def resolve_description(activity: Activity) -> str:
        return activity.tr.description

    @staticmethod
    def resolve_language(activity: Activity) -> str:
        return activity.tr.language

    @staticmethod
    def resolve_translations(activity: Activity) -> dict:
        return translations_for_api(activity)

    @staticmethod
    def resolve_type(activity: Activity) -> str:
        return activity.activity_type.key

    @staticmethod
    def resolve_cancelled(activity: Activity) -> bool:
        return activity.is_cancelled

    @staticmethod
    def resolve_organizers(activity: Activity) -> list[User]:
        return activity.public_people

    @staticmethod
    def resolve_room(activity: Activity) -> dict | None:
        # The public part only: never the link, meeting ID, passcode or PIN.
        if activity.room_mode in ("none", ""):
            return None
        names = {"jitsi": "Jitsi Meet", "bbb": "BigBlueButton"}
        if activity.room_mode in names:
            return {"name": names[activity.room_mode], "provider": activity.room_mode}
        room = activity.room
        return {"name": room.display_name, "provider": room.provider} if room else None

    @staticmethod
    def resolve_url(activity: Activity) -> str:
        return settings.SITE_URL + activity.get_absolute_url()


class ActivityFilters(Schema):
    edition: str | None = None
    type: str | None = None
    theme: int | None = None
    language: str | None = Field(None, max_length=8)
    organization: int | None = None
    day: dt.date | None = Field(None, description="A day in the edition's time zone.")
    updated_since: dt.datetime | None = None
    q: str | None = Field(None, max_length=200, description="Full-text search.")


class ActivityIn(Schema):
    edition: str
    title: str = Field(..., min_length=1, max_length=160)
    summary: str = Field(..., min_length=1, max_length=300)
    description: str = Field("", max_length=20000)
    type: str
    themes: list[int] = []
    languages: list[str] = Field(..., min_length=1, max_length=10)
    starts_at: dt.datetime
    ends_at: dt.datetime
    slot: int | None = None
    capacity: int | None = Field(None, ge=1, le=100000)
    accept_intention_text_version: int


class ActivityChange(Schema):
    title: str | None = Field(None, min_length=1, max_length=160)
    summary: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = Field(None, max_length=20000)
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    capacity: int | None = Field(None, ge=1, le=100000)


@router.get(
    "/activities",
    response={200: list[ActivityOut], 400: Error, 401: Error, 422: Error, 429: Error},
    tags=["activities"],
)
@paginate(Pages)
def list_activities(request, filters: Query[ActivityFilters]):
    in_range(filters.day)
    in_range(filters.updated_since)
    activities = activity_queries.activities_public()
    if filters.edition:
        activities = activities.filter(edition__slug=filters.edition)
    if filters.updated_since:
        activities = activities.filter(updated_at__gte=filters.updated_since)
    if filters.day:
        edition = Edition.objects.filter(slug=filters.edition).first() if filters.edition else None
        zone = edition.zone if edition else timezone.get_current_timezone()
        start, end = local_day_bounds(filters.day, zone)
        activities = activities.filter(starts_at__lt=end, ends_at__gt=start)
    activities = activity_queries.activities_filtered(
        activities,
        {
            "type": filters.type,
            "theme": filters.theme,
            "language": filters.language,
            "organization": filters.organization,
            "q": filters.q,
        },
    )
    return (
        activity_queries.with_relations(activities)
        .select_related("room")
        .order_by("starts_at", "pk")
    )


@router.get(
    "/activities/{activity_id}",
    response={200: ActivityOut, 401: Error, 404: Error, 429: Error},
    tags=["activities"],
)
def get_activity(request, activity_id: int):
    return activity_or_404(
        request.user,
        activity_id,
        queryset=activity_queries.with_relations(Activity.objects.select_related("room")),
    )


def _to_data(edition: Edition, payload: ActivityIn) -> ActivityData:
    kind = edition.activity_types.filter(key=payload.type).first()
    if kind is None:
        raise ValidationError(_("Unknown activity type for this edition."))
    slot = edition.slots.filter(pk=payload.slot).first() if payload.slot else None
    return ActivityData(
        title=payload.title,
        summary=payload.summary,
        description=payload.description,
        activity_type=kind,
        themes=list(edition.themes.filter(pk__in=payload.themes)),
        languages=payload.languages,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        typed_time_zone="UTC",
        slot=slot,
        capacity=payload.capacity,
    )


def _aware(value: dt.datetime) -> dt.datetime:
    in_range(value)
    if timezone.is_naive(value):
        raise ValidationError(_("Times must carry their offset, for example 2026-12-20T15:00:00Z."))
    return value


@router.post(
    "/activities",
    auth=WRITE,
    response={
        201: ActivityOut,
        400: Error,
        401: Error,
        403: Error,
        404: Error,
        422: Error,
        429: Error,
    },
    tags=["activities"],
)
def propose_activity(request, payload: ActivityIn):
    edition = get_object_or_404(Edition, slug=payload.edition)
    if not request.user.has_perm("activity.propose", edition):
        raise HttpError(403, _("Proposals for this edition are not open."))
    current = intention_text_current()
    if current is None or current.version != payload.accept_intention_text_version:
        raise ValidationError(_("Accept the current version of the intention text."))
    _aware(payload.starts_at)
    _aware(payload.ends_at)
    activity = activity_propose(
        proposer=request.user,
        edition=edition,
        data=_to_data(edition, payload),
        intention_text=current,
    )
    return 201, activity_queries.with_relations(Activity.objects.select_related("room")).get(
        pk=activity.pk
    )


@router.patch(
    "/activities/{activity_id}",
    auth=WRITE,
    response={200: ActivityOut, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["activities"],
)
def change_activity(request, activity_id: int, payload: ActivityChange):
    activity = activity_or_404(
        request.user,
        activity_id,
        perm="activity.change",
        queryset=Activity.objects.select_related("edition", "activity_type"),
    )
    values = payload.dict(exclude_unset=True)
    data = ActivityData(
        title=values.get("title", activity.title),
        summary=values.get("summary", activity.summary),
        description=values.get("description", activity.description),
        activity_type=activity.activity_type,
        themes=list(activity.themes.all()),
        languages=activity.languages,
        interpretation=activity.interpretation,
        starts_at=_aware(values.get("starts_at") or activity.starts_at),
        ends_at=_aware(values.get("ends_at") or activity.ends_at),
        typed_time_zone=activity.typed_time_zone,
        slot=activity.slot,
        capacity=values.get("capacity", activity.capacity),
        organizations=list(activity.organizations.all()),
    )
    activity_update(activity=activity, editor=request.user, data=data)
    return activity_queries.with_relations(Activity.objects.select_related("room")).get(
        pk=activity.pk
    )
