"""The versioned JSON API (`/api/v1/`). Its OpenAPI document, generated from this code,
is the contract. Reads are public and need no token; writes need a personal token and go
through the same services and permission rules as the web pages."""

import datetime as dt
import hashlib
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from vos.activity import queries as activity_queries
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.activity.services import ActivityData, activity_decide, activity_propose, activity_update
from vos.common.timezones import local_day_bounds
from vos.edition.models import Edition
from vos.edition.queries import intention_text_current
from vos.organization.models import Organization
from vos.person.models import User
from vos.person.services import api_token_authenticate
from vos.registration.services import registration_cancel, registration_create
from vos.room.models import Room


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        person = api_token_authenticate(token)
        if person is not None:
            request.user = person
        return person


class AddressThrottle(SimpleRateThrottle):
    """Requests without a token, counted per client address."""

    scope = "address"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if request.headers.get("Authorization"):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(SimpleRateThrottle):
    """Requests with a token, counted per token (its hash, never the token itself)."""

    scope = "token"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        header = request.headers.get("Authorization")
        if not header:
            return None

        return self.cache_format % {
            "scope": self.scope,
            "ident": hashlib.sha256(header.encode()).hexdigest(),
        }


api = NinjaAPI(
    title="Viral Open Space API",
    version="1",
    description=(
        "Open data of the forum: editions, their program, organizations and public profiles. "
        "Writes need a personal token (created on your profile page), sent as "
        "`Authorization: Bearer <token>`."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/schema",
    throttle=[AddressThrottle(settings.API_RATE_ANONYMOUS), TokenThrottle(settings.API_RATE_TOKEN)],
)


class Error(Schema):
    code: str
    message: str


def _error(request: HttpRequest, status: int, code: str, message: str):
    return api.create_response(request, {"code": code, "message": message}, status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    return _error(request, 400, "invalid", " ".join(exc.messages))


@api.exception_handler(NinjaValidationError)
def on_input_error(request, exc: NinjaValidationError):
    return _error(request, 422, "invalid_input", _("Some fields are missing or wrong."))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, 404, "not_found", _("Not found."))


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return _error(
        request, 401, "unauthenticated", _("Send a valid personal token as a bearer token.")
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    codes = {403: "forbidden", 404: "not_found", 409: "conflict", 429: "rate_limited"}
    message = (
        _("Too many requests. Wait a little, then try again.")
        if exc.status_code == 429
        else str(exc)
    )
    return _error(request, exc.status_code, codes.get(exc.status_code, "error"), message)


class Pages(LimitOffsetPagination):
    """limit and offset, bounded so that no request can ask the database for the absurd."""

    class Input(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=settings.NINJA_PAGINATION_MAX_LIMIT
        )
        offset: int = Field(0, ge=0, le=1_000_000)


# --- Schemas ---------------------------------------------------------------------


class EditionOut(Schema):
    slug: str
    title: str
    tagline: str
    description: str
    start_date: dt.date
    end_date: dt.date
    time_zone: str
    status: str
    proposals_open: bool
    url: str

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


class ActivityTypeOut(Schema):
    key: str
    name: str


class ThemeOut(Schema):
    id: int
    name: str


class OrganizationOut(Schema):
    id: int
    name: str
    country: str
    website: str


class PersonOut(Schema):
    id: int
    display_name: str
    country: str
    languages: list[str]
    bio: str


class RoomOut(Schema):
    name: str
    provider: str


class SharedRoomOut(Schema):
    name: str
    provider: str
    kind: str
    capacity: int | None

    @staticmethod
    def resolve_name(room) -> str:
        return room.display_name


class ActivityOut(Schema):
    id: int
    edition: str
    title: str
    summary: str
    description: str
    type: str
    themes: list[ThemeOut]
    languages: list[str]
    interpretation: list[dict[str, str]]
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


class RegistrationOut(Schema):
    activity: int
    status: str


class DecisionIn(Schema):
    decision: Literal["publish", "request_changes", "decline", "unpublish"]
    message: str = Field("", max_length=4000)


# --- Reads -----------------------------------------------------------------------


@api.get("/editions", response={200: list[EditionOut], 401: Error, 429: Error}, tags=["editions"])
@paginate(Pages)
def list_editions(request):
    return Edition.objects.order_by("-start_date", "pk")


@api.get(
    "/editions/{slug}",
    response={200: EditionOut, 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def get_edition(request, slug: str):
    return get_object_or_404(Edition, slug=slug)


@api.get(
    "/editions/{slug}/key-dates",
    response={200: list[KeyDateOut], 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def list_key_dates(request, slug: str):
    return list(get_object_or_404(Edition, slug=slug).key_dates.all())


@api.get(
    "/editions/{slug}/activity-types",
    response={200: list[ActivityTypeOut], 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def list_activity_types(request, slug: str):
    return [
        {"key": kind.key, "name": kind.name}
        for kind in get_object_or_404(Edition, slug=slug).activity_types.all()
    ]


@api.get(
    "/editions/{slug}/themes",
    response={200: list[ThemeOut], 401: Error, 404: Error, 429: Error},
    tags=["editions"],
)
def list_themes(request, slug: str):
    return list(get_object_or_404(Edition, slug=slug).themes.all())


@api.get(
    "/editions/{slug}/rooms",
    response={200: list[SharedRoomOut], 404: Error, 429: Error},
    tags=["editions"],
)
def list_rooms(request, slug: str):
    """The public part of the edition's rooms: names and services, never links or codes."""

    edition = get_object_or_404(Edition, slug=slug)
    return list(edition.rooms.filter(kind__in=[Room.Kind.SHARED, Room.Kind.POOL]))


def _in_range(value):
    """Dates from another millennium would overflow the zone arithmetic: refuse them clearly."""
    if value is not None and not 1900 <= value.year <= 2200:
        raise ValidationError(_("Dates must fall between the years 1900 and 2200."))
    return value


@api.get(
    "/activities",
    response={200: list[ActivityOut], 400: Error, 401: Error, 422: Error, 429: Error},
    tags=["activities"],
)
@paginate(Pages)
def list_activities(request, filters: Query[ActivityFilters]):
    _in_range(filters.day)
    _in_range(filters.updated_since)
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


@api.get(
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


@api.get(
    "/organizations",
    response={200: list[OrganizationOut], 401: Error, 429: Error},
    tags=["organizations"],
)
@paginate(Pages)
def list_organizations(request):
    """Organizations named on at least one public activity."""
    return (
        Organization.objects.filter(activities__in=activity_queries.activities_public())
        .distinct()
        .order_by("name", "pk")
    )


@api.get(
    "/people/{person_id}",
    response={200: PersonOut, 401: Error, 404: Error, 429: Error},
    tags=["people"],
)
def get_person(request, person_id: int):
    return get_object_or_404(User, pk=person_id, is_public=True, is_active=True)


# --- Writes ----------------------------------------------------------------------

WRITE = TokenAuth()


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
    _in_range(value)
    if timezone.is_naive(value):
        raise ValidationError(_("Times must carry their offset, for example 2026-12-20T15:00:00Z."))
    return value


@api.post(
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


@api.patch(
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


@api.post(
    "/activities/{activity_id}/registration",
    auth=WRITE,
    response={200: RegistrationOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["registrations"],
)
def register(request, activity_id: int):
    activity = activity_or_404(request.user, activity_id)
    registration = registration_create(activity=activity, person=request.user)
    return {"activity": activity.pk, "status": registration.status}


@api.delete(
    "/activities/{activity_id}/registration",
    auth=WRITE,
    response={204: None, 401: Error, 404: Error, 429: Error},
    tags=["registrations"],
)
def unregister(request, activity_id: int):
    activity = activity_or_404(request.user, activity_id)
    registration_cancel(activity=activity, person=request.user)
    return Status(204, None)


@api.post(
    "/activities/{activity_id}/decision",
    auth=WRITE,
    response={200: ActivityOut, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["moderation"],
)
def decide(request, activity_id: int, payload: DecisionIn):
    """For the edition's facilitation team: publish, ask for changes, decline, unpublish."""
    activity = activity_or_404(request.user, activity_id, perm="activity.moderate")
    with translation.override(request.user.preferred_language):
        activity_decide(
            activity=activity,
            facilitator=request.user,
            decision=payload.decision,
            message=payload.message,
        )
    return activity_queries.with_relations(Activity.objects.select_related("room")).get(
        pk=activity.pk
    )
