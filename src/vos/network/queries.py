"""Reads for the directory and the organizations' pages, each in a fixed number of queries
whatever the number of organizations, members or activities."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from vos.activity.models import Activity, CoOrganization
from vos.activity.queries import activities_public
from vos.common.search import fold
from vos.edition.models import Edition
from vos.network.models import ActionDate, Initiative
from vos.organization.models import Membership, NetworkMembership, Organization

DIRECTORY_COLUMNS = (
    "name",
    "acronym",
    "kind",
    "scope",
    "countries",
    "logo",
    "is_verified",
    "description",
    "original_language",
    "translations",
)


def organizations_listed() -> QuerySet[Organization]:
    """Every organization the directory shows: all but the duplicates merged away."""
    return Organization.objects.filter(merged_into=None)


def organizations_for_directory(filters: dict) -> QuerySet[Organization]:
    organizations = organizations_listed().only(*DIRECTORY_COLUMNS)
    for word in (filters.get("q") or "").split()[:10]:
        organizations = organizations.filter(search_text__contains=fold(word))
    if filters.get("kind"):
        organizations = organizations.filter(kind=filters["kind"])
    if filters.get("scope"):
        organizations = organizations.filter(scope=filters["scope"])
    # JSON lists are searched as text so the same lookup works on SQLite and PostgreSQL.
    if filters.get("country"):
        organizations = organizations.filter(countries__icontains=f'"{filters["country"]}"')
    if filters.get("language"):
        organizations = organizations.filter(languages__icontains=f'"{filters["language"]}"')
    if filters.get("verified"):
        organizations = organizations.filter(is_verified=True)
    if filters.get("edition"):
        behind = CoOrganization.objects.filter(
            status=CoOrganization.Status.ACCEPTED,
            activity__in=activities_public(),
            activity__edition__slug=filters["edition"],
        ).values("organization_id")
        organizations = organizations.filter(pk__in=behind)
    return organizations.order_by("name", "pk")


def editions_for_filter() -> list[tuple[str, str]]:
    return [
        (edition.slug, edition.tr.title)
        for edition in Edition.objects.order_by("-start_date").only(
            "slug", "title", "original_language", "translations"
        )
    ]


@dataclass
class OrganizationPage:
    members: list[Membership]
    networks: list[Organization]
    member_organizations: list[Organization]
    upcoming: list[Activity]
    past: list[Activity]
    admin_count: int


def organization_page(organization: Organization, *, activity_limit: int = 50) -> OrganizationPage:
    """What an organization's page shows: its public members, the networks it belongs to
    and its member organizations, the activities it co-organized (upcoming first)."""
    members = list(
        organization.memberships.filter(status=Membership.Status.ACTIVE, is_public=True)
        .select_related("person")
        .order_by("person__display_name", "pk")
    )
    links = list(
        NetworkMembership.objects.filter(
            Q(member=organization) | Q(network=organization),
            status=NetworkMembership.Status.ACTIVE,
        ).select_related("network", "member")
    )
    networks = sorted(
        (link.network for link in links if link.member_id == organization.pk),
        key=lambda o: o.name.casefold(),
    )
    member_organizations = sorted(
        (link.member for link in links if link.network_id == organization.pk),
        key=lambda o: o.name.casefold(),
    )
    activities = (
        activities_public()
        .filter(
            pk__in=CoOrganization.objects.filter(
                organization=organization, status=CoOrganization.Status.ACCEPTED
            ).values("activity_id")
        )
        .select_related("edition")
        .only(
            "title",
            "summary",
            "starts_at",
            "ends_at",
            "state",
            "published_at",
            "languages",
            "original_language",
            "translations",
            "edition__slug",
            "edition__title",
            "edition__original_language",
            "edition__translations",
        )
    )
    now = timezone.now()
    upcoming = list(
        activities.filter(ends_at__gte=now).order_by("starts_at", "pk")[:activity_limit]
    )
    past = list(activities.filter(ends_at__lt=now).order_by("-starts_at", "pk")[:activity_limit])
    admin_count = organization.memberships.filter(
        role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).count()
    return OrganizationPage(members, networks, member_organizations, upcoming, past, admin_count)


def memberships_for_admin(organization: Organization) -> tuple[list, list, list]:
    """The members page: active members, requests waiting, invitations not yet accepted."""
    rows = list(organization.memberships.select_related("person").order_by("person__display_name"))
    active = [m for m in rows if m.status == Membership.Status.ACTIVE]
    requests = [m for m in rows if m.status == Membership.Status.REQUESTED]
    invitations = list(organization.invitations.filter(accepted_at=None).order_by("email"))
    return active, requests, invitations


def network_links_for_admin(organization: Organization) -> list[NetworkMembership]:
    return list(
        NetworkMembership.objects.filter(Q(member=organization) | Q(network=organization))
        .select_related("network", "member")
        .order_by("created_at")
    )


def co_organizations_for_admin(organization: Organization) -> list[CoOrganization]:
    """The activities naming the organization, waiting first, for its admins."""
    return list(
        CoOrganization.objects.filter(organization=organization)
        .exclude(status=CoOrganization.Status.DECLINED)
        .select_related("activity", "activity__edition", "requested_by")
        .order_by("status", "activity__starts_at")
    )


# The common calendar of actions looks this far ahead.
CALENDAR_MONTHS = 18


def calendar_end(start: dt.datetime) -> dt.datetime:
    return start + dt.timedelta(days=round(CALENDAR_MONTHS * 30.44))


def action_dates_for_calendar(
    filters: dict, *, start: dt.datetime, end: dt.datetime
) -> QuerySet[ActionDate]:
    """The action dates between ``start`` and ``end`` (at most 18 months after start),
    with their initiatives, filtered by country, theme and kind."""
    end = min(end, calendar_end(start))
    dates = ActionDate.objects.filter(starts_at__gte=start, starts_at__lt=end).select_related(
        "initiative"
    )
    # JSON lists are searched as text so the same lookup works on SQLite and PostgreSQL.
    if filters.get("country"):
        code = f'"{filters["country"]}"'
        dates = dates.filter(
            Q(countries__icontains=code) | Q(initiative__countries__icontains=code)
        )
    if filters.get("theme"):
        dates = dates.filter(initiative__themes__icontains=f'"{filters["theme"]}"')
    if filters.get("kind"):
        dates = dates.filter(initiative__kind=filters["kind"])
    return dates.order_by("starts_at", "pk")


@dataclass
class InitiativePage:
    organizations: list[Organization]
    dates: list[ActionDate]
    supporting_organizations: list[Organization]
    people_by_country: list[tuple[str, int]]
    people: int
    activities: list[Activity]


def initiative_page(initiative: Initiative) -> InitiativePage:
    supports = list(
        initiative.supports.filter(organization__isnull=False).select_related("organization")
    )
    by_country = list(
        initiative.supports.filter(person__isnull=False)
        .values("country")
        .annotate(count=Count("pk"))
        .order_by("-count", "country")
        .values_list("country", "count")
    )
    return InitiativePage(
        organizations=list(initiative.organizations.order_by("name")),
        dates=list(initiative.dates.order_by("starts_at")),
        supporting_organizations=sorted(
            (support.organization for support in supports), key=lambda o: o.name.casefold()
        ),
        people_by_country=by_country,
        people=sum(count for _country, count in by_country),
        activities=list(
            activities_public()
            .filter(initiatives=initiative)
            .select_related("edition")
            .order_by("starts_at")
        ),
    )


def initiatives_of(organization: Organization, limit: int = 20) -> list[Initiative]:
    return list(organization.initiatives.prefetch_related("dates").order_by("-created_at")[:limit])
