"""Organizations, their public members and networks, initiatives and the calendar of
actions. Reads are public; writes (posting an initiative, supporting one, asking to join)
need a token and go through the same services and rules as the pages."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from vos.activity.models import CoOrganization
from vos.activity.services.coorganization import coorganization_decide
from vos.api.auth import WRITE
from vos.api.errors import Error
from vos.api.pagination import Pages, in_range
from vos.common.multilingual import translations_for_api
from vos.network import queries as network_queries
from vos.network.models import THEMES, ActionDate, Initiative
from vos.network.services import (
    ActionDateData,
    InitiativeData,
    initiative_create,
    initiative_support,
    initiative_unsupport,
)
from vos.organization.models import Membership, NetworkMembership, Organization
from vos.organization.services import membership_decide, membership_request, network_link_ask

router = Router()


class OrganizationOut(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    scope: str
    countries: list[str]
    country: str = Field(..., description="The first of its countries (kept for older clients).")
    website: str
    social_links: list[str]
    languages: list[str]
    description: str = Field(..., description="In the reader's language where translated.")
    language: str = Field(..., description="The language of `description` as given.")
    translations: dict[str, dict]
    is_verified: bool
    logo: str | None
    url: str

    @staticmethod
    def resolve_description(organization: Organization) -> str:
        return organization.tr.description

    @staticmethod
    def resolve_language(organization: Organization) -> str:
        return organization.tr.language

    @staticmethod
    def resolve_translations(organization: Organization) -> dict:
        return translations_for_api(organization)

    @staticmethod
    def resolve_logo(organization: Organization) -> str | None:
        if not organization.logo:
            return None
        return reverse("organization.logo", kwargs={"name": organization.logo_name})

    @staticmethod
    def resolve_url(organization: Organization) -> str:
        return organization.get_absolute_url()


class MemberOut(Schema):
    person: int
    display_name: str
    role: str


class LinkOut(Schema):
    id: int
    name: str


class OrganizationDetailOut(OrganizationOut):
    members: list[MemberOut] = Field(..., description="Those who chose to be shown.")
    networks: list[LinkOut]
    member_organizations: list[LinkOut]


class OrganizationFilters(Schema):
    q: str = Field("", max_length=100)
    kind: Organization.Kind | None = None
    scope: Organization.Scope | None = None
    country: str = Field("", max_length=2)
    language: str = Field("", max_length=8)
    verified: bool = False
    edition: str = Field("", max_length=80, description="Took part in this edition (its slug).")


@router.get(
    "/organizations",
    response={200: list[OrganizationOut], 400: Error, 401: Error, 429: Error},
    tags=["organizations"],
)
@paginate(Pages)
def list_organizations(request, filters: Query[OrganizationFilters]):
    """The directory of organizations, searched and filtered as on the site."""
    # Every column: the API shows what the directory's cards leave out.
    return network_queries.organizations_for_directory(filters.dict()).defer(None)


@router.get(
    "/organizations/{organization_id}",
    response={200: OrganizationDetailOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["organizations"],
)
def get_organization(request, organization_id: int):
    organization = get_object_or_404(network_queries.organizations_listed(), pk=organization_id)
    page = network_queries.organization_page(organization, activity_limit=0)
    organization.members = [
        {"person": m.person_id, "display_name": m.person.display_name, "role": m.role}
        for m in page.members
    ]
    organization.networks = page.networks
    organization.member_organizations = page.member_organizations
    return organization


class ActionDateOut(Schema):
    id: int
    initiative: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    time_zone: str = Field(..., description="The zone the time was typed in.")
    place: str
    online_url: str
    countries: list[str]

    @staticmethod
    def resolve_initiative(date: ActionDate) -> int:
        return date.initiative_id

    @staticmethod
    def resolve_title(date: ActionDate) -> str:
        return date.tr.title

    @staticmethod
    def resolve_time_zone(date: ActionDate) -> str:
        return date.typed_time_zone


class InitiativeOut(Schema):
    id: int
    title: str
    description: str
    how_to_join: str
    language: str
    translations: dict[str, dict]
    kind: str
    scope: str
    themes: list[str]
    countries: list[str]
    organizations: list[LinkOut]
    dates: list[ActionDateOut]
    url: str

    @staticmethod
    def resolve_title(initiative: Initiative) -> str:
        return initiative.tr.title

    @staticmethod
    def resolve_description(initiative: Initiative) -> str:
        return initiative.tr.description

    @staticmethod
    def resolve_how_to_join(initiative: Initiative) -> str:
        return initiative.tr.how_to_join

    @staticmethod
    def resolve_language(initiative: Initiative) -> str:
        return initiative.tr.language

    @staticmethod
    def resolve_translations(initiative: Initiative) -> dict:
        return translations_for_api(initiative)

    @staticmethod
    def resolve_organizations(initiative: Initiative) -> list:
        return list(initiative.organizations.all())

    @staticmethod
    def resolve_dates(initiative: Initiative) -> list:
        return list(initiative.dates.all())

    @staticmethod
    def resolve_url(initiative: Initiative) -> str:
        return initiative.get_absolute_url()


def _initiatives():
    return Initiative.objects.prefetch_related("organizations", "dates").order_by(
        "-created_at", "pk"
    )


class InitiativeFilters(Schema):
    organization: int | None = Field(None, ge=1, le=2**63 - 1)
    kind: Initiative.Kind | None = None
    theme: str = Field("", max_length=20)


@router.get(
    "/initiatives",
    response={200: list[InitiativeOut], 400: Error, 401: Error, 429: Error},
    tags=["initiatives"],
)
@paginate(Pages)
def list_initiatives(request, filters: Query[InitiativeFilters]):
    initiatives = _initiatives()
    if filters.organization:
        initiatives = initiatives.filter(organizations__pk=filters.organization)
    if filters.kind:
        initiatives = initiatives.filter(kind=filters.kind)
    if filters.theme:
        initiatives = initiatives.filter(themes__icontains=f'"{filters.theme}"')
    return initiatives


@router.get(
    "/initiatives/{initiative_id}",
    response={200: InitiativeOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["initiatives"],
)
def get_initiative(request, initiative_id: int):
    return get_object_or_404(_initiatives(), pk=initiative_id)


class ActionFilters(Schema):
    country: str = Field("", max_length=2)
    theme: str = Field("", max_length=20)
    kind: Initiative.Kind | None = None
    start: dt.date | None = Field(None, description="From this day (UTC); today by default.")
    end: dt.date | None = Field(None, description="Until this day (UTC); 18 months at most.")


@router.get(
    "/actions",
    response={200: list[ActionDateOut], 400: Error, 401: Error, 429: Error},
    tags=["initiatives"],
)
@paginate(Pages)
def list_actions(request, filters: Query[ActionFilters]):
    """The common calendar of actions: action dates 18 months ahead, oldest first."""
    first = in_range(filters.start) if filters.start else timezone.now().date()
    start = dt.datetime.combine(first, dt.time(0), tzinfo=dt.UTC)
    end = network_queries.calendar_end(start)
    if filters.end:
        end = min(end, dt.datetime.combine(in_range(filters.end), dt.time(0), tzinfo=dt.UTC))
    return network_queries.action_dates_for_calendar(
        {"country": filters.country, "theme": filters.theme, "kind": filters.kind},
        start=start,
        end=end,
    )


class ActionDateIn(Schema):
    title: str = Field(..., max_length=200)
    starts_at: dt.datetime = Field(
        ..., description="With its offset, e.g. 2027-03-08T10:00:00+01:00."
    )
    ends_at: dt.datetime | None = None
    time_zone: str = Field(..., max_length=64, description="The zone people should read it in.")
    place: str = Field("", max_length=200)
    online_url: str = Field("", max_length=200)


class InitiativeIn(Schema):
    organizations: list[int] = Field(..., min_length=1, max_length=10)
    title: str = Field(..., max_length=200)
    description: str = Field("", max_length=20_000)
    how_to_join: str = Field("", max_length=5_000)
    kind: Initiative.Kind = Initiative.Kind.CAMPAIGN
    scope: Organization.Scope | None = None
    themes: list[str] = Field(default_factory=list, max_length=len(THEMES))
    countries: list[str] = Field(default_factory=list, max_length=250)
    language: str = Field("en", max_length=8)
    dates: list[ActionDateIn] = Field(default_factory=list, max_length=3)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is not None and moment.tzinfo is None:
        raise ValidationError("Times must carry their offset, for example 2026-12-20T15:00:00Z.")
    return moment


@router.post(
    "/initiatives",
    auth=WRITE,
    response={201: InitiativeOut, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["initiatives"],
)
def post_initiative(request, body: InitiativeIn):
    """Post an initiative for organizations you administer."""
    organizations = list(network_queries.organizations_listed().filter(pk__in=body.organizations))
    if len(organizations) != len(set(body.organizations)):
        raise Http404
    data = InitiativeData(
        title=body.title,
        description=body.description,
        how_to_join=body.how_to_join,
        kind=body.kind,
        scope=body.scope or "",
        themes=body.themes,
        countries=body.countries,
        original_language=body.language,
        dates=[
            ActionDateData(
                title=date.title,
                starts_at=_aware(date.starts_at),
                ends_at=_aware(date.ends_at),
                typed_time_zone=date.time_zone,
                place=date.place,
                online_url=date.online_url,
            )
            for date in body.dates
        ],
    )
    try:
        initiative = initiative_create(creator=request.user, organizations=organizations, data=data)
    except PermissionDenied:
        raise Http404 from None
    return Status(201, _initiatives().get(pk=initiative.pk))


class SupportIn(Schema):
    organization: int | None = Field(
        None, ge=1, le=2**63 - 1, description="Support as this organization (you administer it)."
    )


@router.post(
    "/initiatives/{initiative_id}/support",
    auth=WRITE,
    response={204: None, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["initiatives"],
)
def support_initiative(request, initiative_id: int, body: SupportIn):
    initiative = get_object_or_404(Initiative, pk=initiative_id)
    organization = (
        get_object_or_404(Organization, pk=body.organization) if body.organization else None
    )
    try:
        initiative_support(initiative=initiative, person=request.user, organization=organization)
    except PermissionDenied:
        raise Http404 from None
    return Status(204, None)


@router.delete(
    "/initiatives/{initiative_id}/support",
    auth=WRITE,
    response={204: None, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["initiatives"],
)
def withdraw_support(request, initiative_id: int, organization: int | None = None):
    initiative = get_object_or_404(Initiative, pk=initiative_id)
    target = get_object_or_404(Organization, pk=organization) if organization else None
    try:
        initiative_unsupport(initiative=initiative, person=request.user, organization=target)
    except PermissionDenied:
        raise Http404 from None
    return Status(204, None)


class JoinIn(Schema):
    message: str = Field("", max_length=1000)


class MembershipOut(Schema):
    organization: int
    role: str
    status: str

    @staticmethod
    def resolve_organization(membership: Membership) -> int:
        return membership.organization_id


@router.post(
    "/organizations/{organization_id}/membership",
    auth=WRITE,
    response={200: MembershipOut, 400: Error, 401: Error, 404: Error, 429: Error},
    tags=["organizations"],
)
def ask_to_join(request, organization_id: int, body: JoinIn):
    """Ask to join an organization; its admins answer on the site."""
    organization = get_object_or_404(network_queries.organizations_listed(), pk=organization_id)
    return membership_request(organization=organization, person=request.user, message=body.message)


class DecisionIn(Schema):
    accept: bool


def _administered(request, organization_id: int) -> Organization:
    """The organization if the token's person administers it; else 404 (a private
    action does not say whether it exists)."""
    organization = get_object_or_404(network_queries.organizations_listed(), pk=organization_id)
    if not request.user.has_perm("organization.manage_members", organization):
        raise Http404
    return organization


@router.post(
    "/organizations/{organization_id}/requests/{membership_id}",
    auth=WRITE,
    response={204: None, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["organizations"],
)
def answer_join_request(request, organization_id: int, membership_id: int, body: DecisionIn):
    """An admin accepts or declines a request to join."""
    organization = _administered(request, organization_id)
    membership = get_object_or_404(Membership, pk=membership_id, organization=organization)
    membership_decide(membership=membership, admin=request.user, accept=body.accept)
    return Status(204, None)


@router.post(
    "/organizations/{organization_id}/co-organizing/{activity_id}",
    auth=WRITE,
    response={204: None, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["organizations"],
)
def answer_co_organizing(request, organization_id: int, activity_id: int, body: DecisionIn):
    """An admin accepts or declines that the organization co-organizes an activity."""
    organization = _administered(request, organization_id)
    link = get_object_or_404(CoOrganization, organization=organization, activity_id=activity_id)
    coorganization_decide(link=link, admin=request.user, accept=body.accept)
    return Status(204, None)


class NetworkIn(Schema):
    other: int = Field(..., ge=1, le=2**63 - 1)
    join: bool = Field(
        ..., description="true: join the other as a network; false: invite it as a member."
    )


class NetworkLinkOut(Schema):
    network: int
    member: int
    status: str

    @staticmethod
    def resolve_network(link: NetworkMembership) -> int:
        return link.network_id

    @staticmethod
    def resolve_member(link: NetworkMembership) -> int:
        return link.member_id


@router.post(
    "/organizations/{organization_id}/networks",
    auth=WRITE,
    response={200: NetworkLinkOut, 400: Error, 401: Error, 404: Error, 422: Error, 429: Error},
    tags=["organizations"],
)
def ask_network_link(request, organization_id: int, body: NetworkIn):
    """Ask to join a network, or invite an organization among the members: made at once
    when the other side had asked too."""
    organization = _administered(request, organization_id)
    other = get_object_or_404(network_queries.organizations_listed(), pk=body.other)
    network, member = (other, organization) if body.join else (organization, other)
    return network_link_ask(network=network, member=member, admin=request.user)
