"""Demo program: 100+ activities in several languages, of every type, by networks from
every continent; the first edition's opening day is a daylight-saving change day."""

import datetime as dt
import random
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction

from vos.activity.models import Activity
from vos.activity.services import ActivityData, RoomChoice, activity_import
from vos.demo.translations import BRING, activity_translations, written_in
from vos.edition.models import Edition
from vos.edition.queries import intention_text_current
from vos.organization.models import Organization
from vos.organization.services import organization_get_or_create
from vos.person.models import User

ORGANIZATIONS = [
    ("Red de Economía Solidaria del Sur", "AR", "https://example.org/ress"),
    ("Réseau Intercontinental de Promotion de l'Économie Sociale Solidaire", "FR", ""),
    ("Rede Brasileira de Educação Popular", "BR", ""),
    ("Pan-African Women's Network for Food Sovereignty", "KE", ""),
    ("Asian Solidarity Economy Council", "PH", ""),
    ("Alliance of Community Radios", "SN", ""),
    ("Coletivo Amazônia Viva", "BR", ""),
    ("Climate Justice Now Canada", "CA", ""),
    ("Collectif des Tiers-Lieux Solidaires", "BE", ""),
    ("Digital Commons Asia", "TW", ""),
    ("Mesa de Mujeres Andinas", "PE", ""),
    ("Global Youth for Peace", "JP", ""),
    ("Migrants' Rights Maghreb", "MA", ""),
    ("Pacific Indigenous Educators", "NZ", ""),
    ("Observatoire des Biens Communs", "FR", ""),
]

# Each entry: activity type key, languages spoken, title, summary.
CATALOG = [
    (
        "plenary",
        ["en", "fr", "es"],
        "Opening plenary: why an open space now?",
        "All together: the facilitation team opens the space, and participants say what brings them here.",
    ),
    (
        "workshop",
        ["es"],
        "Huertas urbanas en tiempos de encierro",
        "Compartimos cómo sembrar alimentos en balcones y azoteas, y cómo organizar redes de trueque.",
    ),
    (
        "workshop",
        ["fr"],
        "Monnaies locales et solidarité",
        "Comment les monnaies locales soutiennent les commerces de proximité pendant la crise.",
    ),
    (
        "conversation",
        ["en"],
        "Circle: caring for carers",
        "A listening circle for health workers and people who care for relatives at home.",
    ),
    (
        "art",
        ["pt", "es"],
        "Sarau poético latino-americano",
        "Poemas, canções e histórias de resistência, lidos por participantes de todo o continente.",
    ),
    (
        "hackathon",
        ["en"],
        "Hackathon: open tools for mutual-aid groups",
        "Build and translate free tools that neighbourhood mutual-aid groups can run themselves.",
    ),
    (
        "course",
        ["fr", "en"],
        "Cours : l'histoire des forums sociaux",
        "De Porto Alegre à aujourd'hui : ce que les forums sociaux ont changé, et ce qu'ils cherchent encore.",
    ),
    (
        "sport",
        ["es", "en"],
        "Yoga y respiración para activistas",
        "Una hora para el cuerpo: posturas sencillas y respiración, sin experiencia previa.",
    ),
    (
        "children",
        ["fr", "es"],
        "Atelier contes pour enfants du monde",
        "Des histoires de plusieurs continents racontées aux enfants, avec dessins partagés.",
    ),
    (
        "resources",
        ["en", "es"],
        "Resource fair: guides for online organising",
        "Bring your best guides, templates and checklists for running meetings online.",
    ),
    (
        "support",
        ["pt"],
        "Roda de apoio mútuo para migrantes",
        "Um espaço seguro para migrantes partilharem experiências e contactos úteis.",
    ),
    (
        "futures",
        ["en", "fr"],
        "Imagining the world after the pandemic",
        "A futures workshop: we draft, together, headlines from 2030 that we would love to read.",
    ),
    (
        "network",
        ["en", "es", "fr"],
        "Network meeting: solidarity economy across continents",
        "Networks present their work and look for common actions for the coming months.",
    ),
    (
        "assembly",
        ["es", "pt", "en"],
        "Asamblea por una renta básica universal",
        "Co-preparada por cinco organizaciones: una propuesta común hacia las Naciones Unidas.",
    ),
    (
        "workshop",
        ["en"],
        "Community radio in times of crisis",
        "How community radios kept villages informed, and how to start one with a phone.",
    ),
    (
        "conversation",
        ["fr"],
        "Cercle : vivre seul·e le confinement",
        "Un moment d'écoute pour celles et ceux qui traversent l'isolement.",
    ),
    (
        "art",
        ["en"],
        "Participatory theatre online",
        "An introduction to forum theatre, played through our cameras.",
    ),
    (
        "course",
        ["es"],
        "Curso: comunicación comunitaria con el celular",
        "Producir pequeños videos y audios para informar a tu comunidad.",
    ),
    (
        "workshop",
        ["pt", "en"],
        "Amazônia: defender a floresta e quem nela vive",
        "Comunidades ribeirinhas contam como se organizam diante do desmatamento.",
    ),
    (
        "hackathon",
        ["en", "fr"],
        "Open data on the pandemic",
        "Map and document public data on the pandemic and on the aid that reaches people.",
    ),
    (
        "futures",
        ["es"],
        "Imaginar ciudades que cuidan",
        "¿Cómo serían nuestras ciudades si el cuidado estuviera en el centro?",
    ),
    (
        "support",
        ["en"],
        "Peer support for young activists",
        "Burn-out, doubt and hope: young activists share what keeps them going.",
    ),
    (
        "resources",
        ["fr"],
        "Bourse aux ressources des tiers-lieux",
        "Échange de méthodes et d'outils entre tiers-lieux solidaires.",
    ),
    (
        "network",
        ["en"],
        "Meeting of the Multi-convergence of global networks",
        "Eleven global networks meet to know each other, share initiatives and plan common actions.",
    ),
    (
        "workshop",
        ["en", "es"],
        "Letter to the UN Secretary-General: the strategic letter",
        "Discuss the draft on changes to the institutional and political architecture of the UN.",
    ),
    (
        "workshop",
        ["en", "fr"],
        "Letter to the UN Secretary-General: urgent measures",
        "A universal vaccine without patents, a universal basic income and other urgent measures.",
    ),
    (
        "sport",
        ["pt"],
        "Capoeira em casa",
        "Movimentos básicos de capoeira para todas as idades, com música ao vivo.",
    ),
    (
        "children",
        ["en"],
        "Children draw their future",
        "Children from several countries draw the world they want, and show it to each other.",
    ),
    (
        "course",
        ["en"],
        "Introduction to the commons",
        "What the commons are, and how communities manage water, seeds and software together.",
    ),
    (
        "conversation",
        ["es", "pt"],
        "Mujeres andinas y amazónicas en diálogo",
        "Defensoras del agua y de la tierra intercambian experiencias entre los Andes y la Amazonía.",
    ),
    (
        "art",
        ["fr", "en"],
        "Concert de clôture : chansons des luttes",
        "Des musicien·nes de plusieurs pays partagent les chansons de leurs mouvements.",
    ),
    (
        "other",
        ["en", "fr", "es", "pt"],
        "Open mic: what did you learn this week?",
        "A relaxed space to share discoveries, contacts and ideas met during the forum.",
    ),
    (
        "workshop",
        ["ar", "fr"],
        "Droits des femmes migrantes au Maghreb",
        "Témoignages et stratégies juridiques, avec interprétation de l'arabe vers le français.",
    ),
    (
        "workshop",
        ["ja", "en"],
        "Peace education with young people",
        "Hiroshima, memory and youth: methods for teaching peace, with interpretation.",
    ),
    (
        "conversation",
        ["mi", "en"],
        "Indigenous perspectives on care and land",
        "Māori educators open a conversation on care, land and knowledge.",
    ),
]

CLOSING_ACT = (
    "plenary",
    ["en", "fr", "es", "pt"],
    "Closing act: Back to the future",
    "The closing act of the forum, all together: 10:00 in Montréal and Caracas, 16:00 in Paris.",
)

NIGHT_CIRCLE = (
    "conversation",
    ["en", "hi"],
    "Night owls' circle while Europe changes its clocks",
    "A circle for those awake in Asia and the Pacific while clocks in Europe jump forward.",
)

# Local start hours used by proposers in their own zones.
START_HOURS = [8, 10, 12, 14, 16, 18, 20]


def _organizations(founder: User) -> list[Organization]:
    return [
        organization_get_or_create(name=name, country=country, website=website, created_by=founder)
        for name, country, website in ORGANIZATIONS
    ]


def _make(
    edition: Edition,
    entry,
    starts_at,
    minutes,
    proposer,
    rng,
    organizations,
    *,
    state,
    official=False,
    slot=None,
    room: RoomChoice | None = None,
    cancel_reason: str = "",
):
    """One activity of the demo program, recorded through the service as it happened."""
    kind, languages, title, summary = entry
    starts_at = starts_at.astimezone(dt.UTC)  # real minutes, whatever the zone's clock does
    original = written_in(languages)
    data = ActivityData(
        title=title,
        summary=summary,
        description=f"{summary}\n\n{BRING[original]}",
        original_language=original,
        translations=activity_translations(title),
        activity_type=edition.activity_types.get(key=kind),
        languages=languages,
        interpretation=[{"from": languages[0], "to": languages[1]}]
        if len(languages) > 1 and rng.random() < 0.3
        else [],
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        typed_time_zone=proposer.time_zone or "Europe/Paris",
        slot=slot,
        capacity=rng.choice([None, None, 30, 50, 100]),
        themes=rng.sample(list(edition.themes.all()), k=rng.randint(1, 2)),
        organizations=rng.sample(organizations, k=rng.randint(0, 2)),
        accessibility=rng.choice(
            ["", "", "Automatic captions.", "Interpretation into sign language on request."]
        ),
        room=room,
    )
    return activity_import(
        edition=edition,
        proposer=proposer,
        data=data,
        intention_text=intention_text_current(),
        state=state,
        published_at=starts_at - dt.timedelta(days=7),
        is_official=official,
        is_featured=rng.random() < 0.08,
        cancel_reason=cancel_reason,
    )


def demo_activities(editions: list[Edition], people: list[User], facilitators: list[User]) -> int:
    """Fill each demo edition's program (idempotent: editions that have one are skipped)."""
    rng = random.Random(2020)  # the same demo every time
    organizations = _organizations(facilitators[0])
    count = 0
    plans = {"vos-1": 20, "vos-2": 20, "vos-3": 40, "vos-4": 12}
    for edition in editions:
        if edition.activities.exists():
            continue
        if edition.scheduling == Edition.Scheduling.SLOTS:
            count += _fill_slots(edition, people, rng, organizations)
            continue
        total = plans.get(edition.slug, 10)
        days = (edition.end_date - edition.start_date).days + 1
        opening = edition.key_dates.order_by("starts_at").first()
        if opening is not None:
            _make(
                edition,
                CATALOG[0],
                opening.starts_at,
                90,
                facilitators[0],
                rng,
                organizations,
                state=Activity.State.PUBLISHED,
                official=True,
            )
            count += 1
        if edition.slug == "vos-1":
            # 01:30 in Paris, before the clocks jump from 02:00 to 03:00 that night.
            night = dt.datetime(2020, 3, 29, 1, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
            _make(
                edition,
                NIGHT_CIRCLE,
                night,
                120,
                people[4],
                rng,
                organizations,
                state=Activity.State.PUBLISHED,
            )
            count += 1
        if edition.slug == "vos-3":
            closing = edition.key_dates.order_by("starts_at").last()
            _make(
                edition,
                CLOSING_ACT,
                closing.starts_at,
                120,
                facilitators[1],
                rng,
                organizations,
                state=Activity.State.PUBLISHED,
                official=True,
            )
            count += 1
        for number in range(total - 2):
            proposer = people[(number * 7 + len(edition.slug)) % len(people)]
            zone = zoneinfo.ZoneInfo(proposer.time_zone or "Europe/Paris")
            day = edition.start_date + dt.timedelta(days=number % days)
            hour = START_HOURS[number % len(START_HOURS)]
            starts_at = dt.datetime.combine(day, dt.time(hour, rng.choice([0, 0, 30])), tzinfo=zone)
            # Keep the activity inside the edition whatever the proposer's zone.
            starts_at = min(
                max(starts_at, edition.starts_at + dt.timedelta(hours=6)),
                edition.ends_at - dt.timedelta(hours=4),
            )
            entry = CATALOG[1 + (number + len(edition.slug)) % (len(CATALOG) - 1)]
            cancelled = not number % 9
            _make(
                edition,
                entry,
                starts_at,
                rng.choice([60, 90, 90, 120]),
                proposer,
                rng,
                organizations,
                state=Activity.State.CANCELLED if cancelled else Activity.State.PUBLISHED,
                cancel_reason="The organizers could not be there; see you at the next edition."
                if cancelled
                else "",
            )
            count += 1
    return count


def _fill_slots(edition: Edition, people: list[User], rng, organizations) -> int:
    """Some slots of the open edition are taken already, some proposals await review."""
    slots = list(edition.slots.order_by("starts_at"))
    count = 0
    for number, slot in enumerate(slots):
        taken = rng.randint(0, 3) if number % 5 else slot.places  # every fifth slot is full
        for place in range(taken):
            proposer = people[(number * 3 + place) % len(people)]
            entry = CATALOG[1 + (number * 4 + place) % (len(CATALOG) - 1)]
            state = Activity.State.PUBLISHED if (number + place) % 3 else Activity.State.PROPOSED
            _in_a_pool_room(edition, entry, slot, proposer, rng, organizations, state=state)
            count += 1
    return count


def _in_a_pool_room(edition, entry, slot, proposer, rng, organizations, *, state) -> None:
    """A room from the pool when one is free; otherwise the activity waits for one."""
    arguments = (edition, entry, slot.starts_at, 90, proposer, rng, organizations)
    state_of_rng = rng.getstate()
    try:
        with transaction.atomic():
            _make(*arguments, state=state, slot=slot, room=RoomChoice(mode="pool"))
    except ValidationError as error:
        if "room_mode" not in getattr(error, "error_dict", {}):
            raise
        rng.setstate(state_of_rng)  # the same activity, without a room
        _make(*arguments, state=state, slot=slot)
