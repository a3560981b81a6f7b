"""The demo's convergence: a dozen global networks in one multi-convergence, member
organizations on every continent, admins and members among the demo people, initiatives
with action dates, and, in VOS 5, an assembly still waiting for its fifth organization."""

import datetime as dt
import zoneinfo

from django.utils import timezone

from vos.activity.models import Activity, CoOrganization
from vos.activity.queries import slots_with_places_left
from vos.activity.services import ActivityData, activity_import
from vos.edition.models import Edition
from vos.edition.queries import intention_text_current
from vos.network.models import Initiative
from vos.network.services import ActionDateData, InitiativeData, initiative_create
from vos.organization.models import Membership, NetworkMembership, Organization
from vos.person.models import User

CONVERGENCE = (
    "Convergence of Global Networks",
    "CGN",
    "A multi-convergence of global networks: they meet each year on the forum, support each "
    "other's initiatives and plan common actions.",
)

# name, acronym, kind, countries, languages, admin (a demo person), member organizations
NETWORKS = [
    (
        "Global Network of Solidarity Economy",
        "GNSE",
        "network",
        ["FR", "AR", "SN"],
        ["fr", "es", "en"],
        "pierre",
        [
            "Réseau Intercontinental de Promotion de l'Économie Sociale Solidaire",
            "Red de Economía Solidaria del Sur",
            "Asian Solidarity Economy Council",
        ],
    ),
    (
        "World March of Women",
        "WMW",
        "movement",
        ["BR", "PE", "KE"],
        ["pt", "es", "en", "fr"],
        "maria",
        ["Mesa de Mujeres Andinas", "Pan-African Women's Network for Food Sovereignty"],
    ),
    (
        "Climate Justice Alliance",
        "CJA",
        "network",
        ["CA", "BR", "PH"],
        ["en", "es", "pt"],
        "tom",
        ["Climate Justice Now Canada", "Coletivo Amazônia Viva"],
    ),
    (
        "International Network of Community Media",
        "INCM",
        "network",
        ["SN", "BO", "PH"],
        ["fr", "es", "en"],
        "amadou",
        ["Alliance of Community Radios"],
    ),
    (
        "Popular Education Network",
        "PEN",
        "network",
        ["BR", "PE", "PT"],
        ["pt", "es"],
        "joao",
        ["Rede Brasileira de Educação Popular"],
    ),
    (
        "Commons Network",
        "CN",
        "network",
        ["FR", "BE", "TW"],
        ["fr", "en"],
        "camille",
        [
            "Observatoire des Biens Communs",
            "Collectif des Tiers-Lieux Solidaires",
            "Digital Commons Asia",
        ],
    ),
    (
        "Youth for Peace International",
        "YPI",
        "network",
        ["JP", "LB", "NG"],
        ["en", "ja", "ar"],
        "kenji",
        ["Global Youth for Peace"],
    ),
    (
        "Migrants Without Borders",
        "MWB",
        "movement",
        ["MA", "IT", "MX"],
        ["ar", "fr", "es", "it"],
        "fatima",
        ["Migrants' Rights Maghreb"],
    ),
    (
        "Indigenous Peoples' Education Alliance",
        "IPEA",
        "network",
        ["NZ", "CA", "PE"],
        ["en", "mi", "es"],
        "aroha",
        ["Pacific Indigenous Educators"],
    ),
    (
        "Global Alliance for Tax Justice",
        "GATJ",
        "network",
        ["KE", "DE", "IN"],
        ["en", "de", "hi"],
        "grace",
        [],
    ),
    (
        "Food Sovereignty Movement",
        "FSM",
        "movement",
        ["IN", "BD", "MY"],
        ["en", "bn", "ms"],
        "priya",
        [],
    ),
    (
        "Digital Rights Coalition",
        "DRC",
        "network",
        ["DE", "TW", "CO"],
        ["en", "de", "es"],
        "hannah",
        [],
    ),
]

# Local groups on every continent, each in one of the networks above.
LOCAL_GROUPS = [
    ("Cooperativa Textil Mujeres del Alto", "BO", "cooperative", "World March of Women", "maria"),
    ("Lagos Food Commons", "NG", "collective", "Food Sovereignty Movement", "olu"),
    ("Dhaka Climate Youth", "BD", "local", "Climate Justice Alliance", "rahim"),
    (
        "Radio Comunitaria La Voz del Valle",
        "CO",
        "local",
        "International Network of Community Media",
        "carlos",
    ),
    ("Beirut Solidarity Kitchen", "LB", "collective", "Migrants Without Borders", "nadia"),
    ("Kuala Lumpur Tax Fairness Group", "MY", "ngo", "Global Alliance for Tax Justice", "mei"),
    (
        "Sindicato de Trabajadoras del Hogar de Chile",
        "CL",
        "union",
        "World March of Women",
        "diego",
    ),
    ("Milano Beni Comuni", "IT", "collective", "Commons Network", "elena"),
]

# Initiatives: organization, title, kind, themes, countries, how to join, dates as
# (title, days from now, hour, zone, place or link).
INITIATIVES = [
    (
        "Global Alliance for Tax Justice",
        "Tax the richest: a global day of action",
        "mobilization",
        ["economy", "democracy"],
        ["KE", "DE", "IN"],
        "Join a local action or host one: write to the network.",
        [
            ("Global day of action", 40, 12, "Africa/Nairobi", "Nairobi, Uhuru Park"),
            (
                "Online assembly of the campaign",
                75,
                15,
                "UTC",
                "https://meet.example.org/tax-justice",
            ),
        ],
    ),
    (
        "World March of Women",
        "24 hours of feminist solidarity",
        "mobilization",
        ["feminisms"],
        ["BR", "PE", "KE", "BO"],
        "Every local group organizes an hour of action at noon, its own time.",
        [("24 hours around the world", 95, 12, "America/Lima", "Lima, Plaza San Martín")],
    ),
    (
        "Climate Justice Alliance",
        "Climate debt: who owes whom?",
        "campaign",
        ["climate"],
        ["CA", "BR", "PH"],
        "Sign the call and bring it to your municipality.",
        [
            (
                "Teach-in for the campaign",
                20,
                18,
                "America/Toronto",
                "https://meet.example.org/climate-debt",
            ),
            ("Caravan to the climate conference", 150, 9, "America/Sao_Paulo", "Belém"),
        ],
    ),
    (
        "Commons Network",
        "Atlas of the commons",
        "project",
        ["economy", "digital"],
        ["FR", "BE", "TW", "IT"],
        "Map a commons near you: the atlas is open to every contribution.",
        [("Mapping party", 30, 18, "Europe/Paris", "https://meet.example.org/atlas")],
    ),
    (
        "Migrants Without Borders",
        "Hospitable cities network",
        "network",
        ["migration"],
        ["MA", "IT", "MX", "LB"],
        "Cities and local groups join by adopting the charter of hospitality.",
        [("Meeting of hospitable cities", 60, 10, "Africa/Casablanca", "Rabat")],
    ),
    (
        "Youth for Peace International",
        "Letters for peace",
        "campaign",
        ["peace"],
        ["JP", "LB", "NG"],
        "Write a letter for peace; the network carries them to the UN in spring.",
        [],
    ),
]


def _network(name, acronym, kind, countries, languages, admin: User) -> Organization:
    organization, _created = Organization.objects.get_or_create(
        name=name,
        merged_into=None,
        defaults={
            "acronym": acronym,
            "kind": kind,
            "scope": Organization.Scope.GLOBAL,
            "countries": countries,
            "languages": languages,
            "website": f"https://{acronym.lower()}.example.org",
            "description": f"{name}: a global network of the forum.",
            "is_verified": True,
            "verified_at": timezone.now(),
            "created_by": admin,
        },
    )
    Membership.objects.get_or_create(
        organization=organization,
        person=admin,
        defaults={"role": Membership.Role.ADMIN, "is_public": True},
    )
    return organization


def _link(network: Organization, member: Organization, by: User) -> None:
    NetworkMembership.objects.get_or_create(
        network=network, member=member, defaults={"status": "active", "asked_by": by}
    )


def demo_networks(people: list[User]) -> int:
    """Build the convergence (idempotent: an existing convergence is left as it is)."""
    if Organization.objects.filter(name=CONVERGENCE[0]).exists():
        return 0
    by_slug = {person.email.split("@")[0]: person for person in people}
    name, acronym, description = CONVERGENCE
    convergence = _network(
        name, acronym, "network", ["FR", "BR", "SN", "IN"], ["en", "fr", "es", "pt"], by_slug["ana"]
    )
    convergence.description = description
    convergence.save()
    networks = {}
    for net_name, net_acronym, kind, countries, languages, admin, members in NETWORKS:
        network = _network(net_name, net_acronym, kind, countries, languages, by_slug[admin])
        networks[net_name] = network
        _link(convergence, network, by_slug["ana"])
        for member_name in members:
            member = Organization.objects.filter(name=member_name, merged_into=None).first()
            if member is not None:
                _link(network, member, by_slug[admin])
    for group, country, kind, network_name, admin in LOCAL_GROUPS:
        local, _created = Organization.objects.get_or_create(
            name=group,
            merged_into=None,
            defaults={
                "kind": kind,
                "scope": "local",
                "countries": [country],
                "created_by": by_slug[admin],
            },
        )
        Membership.objects.get_or_create(
            organization=local, person=by_slug[admin], defaults={"role": "admin", "is_public": True}
        )
        _link(networks[network_name], local, by_slug[admin])
    # A few members who chose to be shown, and one waiting for an answer.
    Membership.objects.get_or_create(
        organization=networks["Commons Network"], person=by_slug["li"], defaults={"is_public": True}
    )
    Membership.objects.get_or_create(
        organization=networks["World March of Women"],
        person=by_slug["sofia"],
        defaults={"is_public": True},
    )
    Membership.objects.get_or_create(
        organization=networks["Climate Justice Alliance"],
        person=by_slug["rahim"],
        defaults={"status": "requested", "message": "I coordinate the Dhaka climate youth."},
    )
    _initiatives(networks, by_slug)
    return len(networks) + 1


def _initiatives(networks: dict[str, Organization], by_slug: dict[str, User]) -> None:
    today = timezone.localdate()
    for org_name, title, kind, themes, countries, join, dates in INITIATIVES:
        organization = networks[org_name]
        admin = organization.memberships.filter(role="admin").first().person
        data = InitiativeData(
            title=title,
            description=f"{title}. A line of action of {org_name} and the networks that support it.",
            how_to_join=join,
            kind=kind,
            themes=themes,
            countries=countries,
            dates=[
                ActionDateData(
                    title=date_title,
                    starts_at=dt.datetime.combine(
                        today + dt.timedelta(days=days),
                        dt.time(hour),
                        tzinfo=zoneinfo.ZoneInfo(zone),
                    ).astimezone(dt.UTC),
                    ends_at=None,
                    typed_time_zone=zone,
                    place="" if where.startswith("https://") else where,
                    online_url=where if where.startswith("https://") else "",
                )
                for date_title, days, hour, zone, where in dates
            ],
        )
        if not Initiative.objects.filter(title=title).exists():
            initiative_create(creator=admin, organizations=[organization], data=data)


def demo_assembly(edition: Edition, people: list[User]) -> Activity | None:
    """In the open edition: an assembly needs five organizations; four have accepted and
    the fifth has not answered yet."""
    edition.activity_types.filter(key="assembly").update(min_organizations=5)
    if edition.activities.filter(title="Assembly of the networks for a common agenda").exists():
        return None
    by_slug = {person.email.split("@")[0]: person for person in people}
    proposer = by_slug["pierre"]
    names = [
        "Global Network of Solidarity Economy",
        "Commons Network",
        "Popular Education Network",
        "Climate Justice Alliance",
        "World March of Women",
    ]
    organizations = list(Organization.objects.filter(name__in=names, merged_into=None))
    slot = next(
        (slot for slot in reversed(slots_with_places_left(edition)) if slot.places_left), None
    )
    if slot is None:
        return None
    data = ActivityData(
        title="Assembly of the networks for a common agenda",
        summary="Five networks prepare together the common actions of the coming year.",
        description="An assembly of the convergence: it needs five co-organizing networks.",
        original_language="en",
        activity_type=edition.activity_types.get(key="assembly"),
        languages=["en", "fr", "es"],
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        typed_time_zone="Europe/Paris",
        slot=slot,
        organizations=[],
    )
    activity = activity_import(
        edition=edition,
        proposer=proposer,
        data=data,
        intention_text=intention_text_current(),
        state=Activity.State.PROPOSED,
    )
    # Recorded as it stands (no request emails from the demo): four admins said yes,
    # World March of Women has not answered yet.
    for organization in organizations:
        waiting = organization.name == "World March of Women"
        CoOrganization.objects.create(
            activity=activity,
            organization=organization,
            requested_by=proposer,
            status=CoOrganization.Status.PENDING if waiting else CoOrganization.Status.ACCEPTED,
        )
    return activity
