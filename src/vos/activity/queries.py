"""Reads of activities, each shaped for its page with a fixed number of queries."""

import datetime as dt
import zoneinfo

from django.db import connections
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.db.models.base import ModelState
from django.utils import timezone

from vos.activity.models import PUBLIC_ORGANIZER, Activity, CoOrganization, Organizer
from vos.common.locales import language_name
from vos.common.search import Fold, fold
from vos.common.timezones import local_day_bounds
from vos.edition.models import Edition, Slot
from vos.organization.models import Organization
from vos.registration.models import Registration

# Readers see only the organizations that accepted to be named behind an activity.
ACCEPTED = CoOrganization.Status.ACCEPTED


def with_relations(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    return activities.select_related("activity_type", "edition").prefetch_related(
        "themes",
        Prefetch(
            "co_organizations",
            queryset=CoOrganization.objects.filter(status=ACCEPTED)
            .select_related("organization")
            .order_by("organization__name"),
            to_attr="accepted_co_organizations",
        ),
        Prefetch("organizers", queryset=Organizer.objects.select_related("person")),
    )


# What a program card shows of the activity itself (``activity/_card.html``).
CARD_FIELDS = (
    "edition",
    "activity_type",
    "title",
    "summary",
    "original_language",
    "translations",
    "languages",
    "starts_at",
    "ends_at",
    "state",
    "published_at",
    "is_official",
    "capacity",
    "interpreted_into",
)


def with_card_fields(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Only what the cards show: a day of a big forum is hundreds of cards, and whole
    rows (and prefetched related rows) were most of the program's time."""
    return activities.only(*CARD_FIELDS)


_CARD_ATTRIBUTES = tuple(Activity._meta.get_field(name).attname for name in ("id", *CARD_FIELDS))


def card_activities(activities: QuerySet[Activity]) -> list[Activity]:
    """The activities of a ``with_card_fields`` query, built from its values rather than
    through the model's constructor, which spent more on the 33 fields a card does not
    read than on the 15 it does (a seventh of a 200-card program, bench/README.md).
    Django still converts every value; the others load on access, as after ``only()``."""
    built = []
    for values in activities.values_list(*_CARD_ATTRIBUTES):
        activity = Activity.__new__(Activity)
        activity.__dict__.update(zip(_CARD_ATTRIBUTES, values, strict=True))
        activity._state = ModelState()
        activity._state.adding = False
        activity._state.db = activities.db
        # As ``Translatable.from_db`` keeps them, for the translatable fields read.
        activity._originals = {
            field: activity.__dict__[field]
            for field in Activity.translatable_fields
            if field in activity.__dict__
        }
        built.append(activity)
    return built


def with_card_names(activities: list[Activity], edition: Edition) -> list[Activity]:
    """Give each activity of ``edition`` what its card shows besides its own fields, in
    four queries for the whole list: its type (the edition's few types, not a joined
    copy per card), ``card_people`` (pk and name of the organizers named in public,
    proposer first), ``card_organizations`` (names, alphabetical) and ``card_full``
    (every place taken). Only the columns shown are read: no model is built for a
    name."""
    ids = [activity.pk for activity in activities]
    people: dict[int, list[tuple[int, str]]] = {pk: [] for pk in ids}
    organizations: dict[int, list[str]] = {pk: [] for pk in ids}
    if ids:
        named = (
            Organizer.objects.filter(PUBLIC_ORGANIZER, activity_id__in=ids)
            .order_by("-is_proposer", "created_at", "pk")
            .values_list("activity_id", "person_id", "person__display_name")
        )
        for activity_id, person_id, name in named:
            people[activity_id].append((person_id, name))
        links = (
            CoOrganization.objects.filter(activity_id__in=ids, status=ACCEPTED)
            .order_by("organization__name", "organization_id")
            .values_list("activity_id", "organization__name")
        )
        for activity_id, name in links:
            organizations[activity_id].append(name)
    types = {kind.pk: kind for kind in edition.activity_types.all()} if ids else {}
    capped = [activity.pk for activity in activities if activity.capacity is not None]
    taken = dict(
        Registration.objects.filter(activity_id__in=capped, status=Registration.Status.CONFIRMED)
        .order_by()
        .values("activity_id")
        .annotate(count=Count("pk"))
        .values_list("activity_id", "count")
        if capped
        else ()
    )
    for activity in activities:
        activity.card_full = activity.capacity is not None and (
            taken.get(activity.pk, 0) >= activity.capacity
        )
        activity.card_people = people[activity.pk]
        activity.card_organizations = organizations[activity.pk]
        # Filled in as a join would (the descriptors' checks cost more than the cards).
        activity._state.fields_cache["edition"] = edition
        activity._state.fields_cache["activity_type"] = types[activity.activity_type_id]
    return activities


def activities_public(activities: QuerySet[Activity] | None = None) -> QuerySet[Activity]:
    """The one filter for what the public sees (program, feeds, exports, API, agenda):
    published activities, and those cancelled after publication (shown as cancelled, so
    participants know). The same rule as ``Activity.is_public`` for one row."""
    activities = Activity.objects.all() if activities is None else activities
    return activities.filter(
        Q(state=Activity.State.PUBLISHED)
        | Q(state=Activity.State.CANCELLED, published_at__isnull=False)
    )


def activities_published(edition: Edition) -> QuerySet[Activity]:
    """An edition's public program (see ``activities_public``)."""
    return activities_public(Activity.objects.filter(edition=edition))


def activities_live(edition: Edition) -> QuerySet[Activity]:
    return Activity.objects.filter(edition=edition, state=Activity.State.PUBLISHED)


def activities_search(activities: QuerySet[Activity], text: str) -> QuerySet[Activity]:
    """Search over titles, summaries, descriptions (as written and in every translation),
    organization names and the names of organizers named in public: every word
    somewhere, accents and case ignored (the same on PostgreSQL and SQLite, see
    ``vos.common.search``)."""
    for word in text.split()[:10]:
        folded = fold(word)
        organizers = (
            Organizer.objects.filter(PUBLIC_ORGANIZER)
            .alias(folded_name=Fold("person__display_name"))
            .filter(folded_name__contains=folded)
            .values("activity_id")
        )
        organizations = (
            CoOrganization.objects.filter(status=ACCEPTED)
            .alias(folded_name=Fold("organization__name"))
            .filter(folded_name__contains=folded)
            .values("activity_id")
        )
        activities = activities.alias(
            folded_title=Fold("title"),
            folded_summary=Fold("summary"),
            folded_description=Fold("description"),
        ).filter(
            Q(folded_title__contains=folded)
            | Q(folded_summary__contains=folded)
            | Q(folded_description__contains=folded)
            | Q(translated_text__contains=folded)
            | Q(pk__in=organizers)
            | Q(pk__in=organizations)
        )
    return activities


def activities_filtered(activities: QuerySet[Activity], filters: dict) -> QuerySet[Activity]:
    """Apply the program's filters (all optional, all shareable in the URL)."""
    now = timezone.now()
    if filters.get("type"):
        activities = activities.filter(activity_type__key=filters["type"])
    if filters.get("theme"):
        activities = activities.filter(themes__pk=filters["theme"])
    if filters.get("language"):
        # JSON lists are searched as text so the same lookup works on SQLite and PostgreSQL.
        activities = activities.filter(languages__icontains=f'"{filters["language"]}"')
    if filters.get("organization"):
        activities = activities.filter(
            pk__in=CoOrganization.objects.filter(
                organization__pk=filters["organization"], status=ACCEPTED
            ).values("activity_id")
        )
    if filters.get("when") == "now":
        activities = activities.filter(starts_at__lte=now, ends_at__gt=now)
    elif filters.get("when") == "soon":
        activities = activities.filter(
            starts_at__gt=now, starts_at__lte=now + dt.timedelta(hours=2)
        )
    if filters.get("q"):
        activities = activities_search(activities, filters["q"])
    return activities.distinct()


def activities_for_program(
    edition: Edition, *, day_start: dt.datetime | None, day_end: dt.datetime | None, filters: dict
) -> QuerySet[Activity]:
    activities = activities_filtered(activities_published(edition), filters)
    if day_start is not None and day_end is not None:
        activities = activities.filter(starts_at__lt=day_end, ends_at__gt=day_start)
    # The names on the cards come after, for the page shown (``with_card_names``).
    return with_card_fields(activities).order_by("starts_at", "title", "pk")


def program_days(edition: Edition, zone) -> list[dt.date]:
    """Every day, in the reader's zone, on which the edition has a published activity.

    One row per distinct start with the latest end among the activities starting then,
    not one per activity: a forum of thousands of activities starts them at a few
    hundred distinct moments, and the activities sharing a start cover no day that the
    longest of them does not. The rows are read without Django's converters, which were
    most of this function's time on SQLite (two parsed datetimes per row)."""
    spans = (
        activities_published(edition)
        .order_by()
        .values("starts_at")
        .annotate(last_end=Max("ends_at"))
        .values_list("starts_at", "last_end")
    )
    sql, params = spans.query.sql_with_params()
    with connections[spans.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    days: set[dt.date] = set()
    for starts_at, ends_at in rows:
        day = _utc(starts_at).astimezone(zone).date()
        last = (_utc(ends_at) - dt.timedelta(microseconds=1)).astimezone(zone).date()
        while day <= last:
            days.add(day)
            day += dt.timedelta(days=1)
    return sorted(days)


def _utc(value: dt.datetime | str) -> dt.datetime:
    """A datetime as the database driver gives it: aware from PostgreSQL; naive UTC, or
    text for an aggregate, from SQLite."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def activities_for_page() -> QuerySet[Activity]:
    """Activities shaped for their own page (load one with ``loader.activity_or_404``)."""
    return with_relations(Activity.objects.all())


def activities_now_and_next(edition: Edition, now: dt.datetime | None = None, limit: int = 6):
    now = now or timezone.now()
    published = with_card_fields(activities_live(edition))
    happening = card_activities(
        published.filter(starts_at__lte=now, ends_at__gt=now).order_by("starts_at")[:limit]
    )
    upcoming = card_activities(published.filter(starts_at__gt=now).order_by("starts_at")[:limit])
    with_card_names(happening + upcoming, edition)
    return happening, upcoming


def activities_featured(edition: Edition, limit: int = 6) -> list[Activity]:
    featured = with_card_fields(activities_live(edition).filter(is_featured=True))
    return with_card_names(card_activities(featured[:limit]), edition)


def activities_for_moderation(
    edition: Edition, filters: dict, zone: zoneinfo.ZoneInfo | None = None
) -> QuerySet[Activity]:
    """The moderation queue; ``day`` is a day of the facilitator's calendar (``zone``,
    the edition's by default) on which the activity starts."""
    activities = Activity.objects.filter(edition=edition)
    if filters.get("state"):
        activities = activities.filter(state=filters["state"])
    if filters.get("day"):
        start, end = local_day_bounds(filters["day"], zone or edition.zone)
        activities = activities.filter(starts_at__gte=start, starts_at__lt=end)
    activities = activities_filtered(activities, {k: v for k, v in filters.items() if k != "when"})
    return with_relations(activities).order_by("starts_at")


def activities_of_person(person) -> QuerySet[Activity]:
    return with_relations(Activity.objects.filter(organizers__person=person)).order_by("-starts_at")


def activities_for_backoffice_export(edition: Edition) -> QuerySet[Activity]:
    """Every activity of the edition with its registration counts, in a fixed number of queries."""

    return (
        with_relations(Activity.objects.filter(edition=edition))
        .select_related("room")
        .annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status="confirmed"), distinct=True
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status="waitlisted"), distinct=True
            ),
        )
        .order_by("starts_at", "pk")
    )


def organizations_for_backoffice_export(edition: Edition):

    accepted = Q(co_organizations__status=ACCEPTED, co_organizations__activity__edition=edition)
    return (
        Organization.objects.filter(accepted)
        .annotate(activity_count=Count("co_organizations", filter=accepted, distinct=True))
        .order_by("name")
    )


def slots_with_places_left(edition: Edition) -> list[Slot]:
    """The edition's slots, each with ``places_left`` counted in one query."""
    slots = edition.slots.annotate(
        taken=Count("activities", filter=Q(activities__state__in=Activity.HOLDS_PLACE))
    ).order_by("starts_at")
    result = list(slots)
    for slot in result:
        slot.places_left = max(slot.places - slot.taken, 0)
    return result


def languages_of_edition(
    edition: Edition, *, first: tuple[str, ...] = (), public: bool = True
) -> list[tuple[str, str]]:
    """(code, name) of the languages the edition's activities are held in (its public
    program's, or every proposal's for the back office), named in the reader's language:
    the reader's own languages first, then the others by name."""
    activities = (
        activities_published(edition) if public else Activity.objects.filter(edition=edition)
    )
    # Distinct lists first: a few hundred combinations for thousands of activities.
    combinations = activities.order_by().values_list("languages", flat=True).distinct()
    used = {code for codes in combinations for code in codes}
    rank = {code: position for position, code in enumerate(first)}
    named = [(code, language_name(code)) for code in used]
    return sorted(named, key=lambda pair: (rank.get(pair[0], len(rank)), pair[1].casefold()))


def organizations_of_edition(edition: Edition) -> list[tuple[int, str]]:
    """(pk, name) of the organizations behind the edition's published activities."""
    behind = CoOrganization.objects.filter(
        status=ACCEPTED, activity__edition=edition, activity__state=Activity.State.PUBLISHED
    ).values("organization_id")
    return list(
        Organization.objects.filter(pk__in=behind).order_by("name", "pk").values_list("pk", "name")
    )


def marks_of_person(person, edition: Edition) -> dict[int, str]:
    """The reader's own places in the edition's activities, to mark on the program's
    cards: activity id to the registration's status. A person holds a few."""
    return dict(
        Registration.objects.filter(person=person, activity__edition=edition).values_list(
            "activity_id", "status"
        )
    )
