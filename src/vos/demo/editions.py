"""Demo editions shaped like the Viral Open Space forums of 2020, and one open now."""

import datetime as dt
import zoneinfo

from django.utils import timezone

from vos.common.multilingual import in_languages
from vos.demo.translations import TYPE_DESCRIPTIONS, translations_of
from vos.edition.models import Edition, IntentionText
from vos.edition.services import (
    edition_add_details,
    edition_create,
    edition_create_slots,
    intention_text_publish,
)
from vos.person.models import User
from vos.room.models import Room
from vos.room.services import room_create

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

INTENTION = {
    "en": (
        "The Viral Open Space is an **open, plural, non-governmental and non-denominational** "
        "space and process. Nobody owns it: it is a common good of everyone who takes part.\n\n"
        "It lives from volunteering and transparency. It links citizen initiatives from the "
        "local to the global, like an archipelago of citizens across the planet.\n\n"
        "It accepts no discrimination based on gender, ethnicity, culture, generation or "
        "physical ability. Whoever proposes an activity shares these intentions."
    ),
    "fr": (
        "Le Viral Open Space est un espace et un processus **ouvert, pluriel, non gouvernemental "
        "et non confessionnel**. Il n'appartient à personne : c'est un bien commun de toutes "
        "celles et ceux qui y participent.\n\n"
        "Il vit du bénévolat et de la transparence. Il relie des initiatives citoyennes du local "
        "au global, comme un archipel citoyen à l'échelle de la planète.\n\n"
        "Il n'accepte aucune discrimination fondée sur le genre, l'origine, la culture, la "
        "génération ou les capacités physiques. Toute personne qui propose une activité partage "
        "ces intentions."
    ),
    "es": (
        "El Viral Open Space es un espacio y un proceso **abierto, plural, no gubernamental y no "
        "confesional**. No pertenece a nadie: es un bien común de todas las personas que "
        "participan.\n\n"
        "Vive del voluntariado y de la transparencia. Conecta iniciativas ciudadanas de lo local "
        "a lo global, como un archipiélago ciudadano a escala del planeta.\n\n"
        "No acepta ninguna discriminación por género, origen, cultura, generación o capacidades "
        "físicas. Quien propone una actividad comparte estas intenciones."
    ),
    "pt": (
        "O Viral Open Space é um espaço e um processo **aberto, plural, não governamental e não "
        "confessional**. Não pertence a ninguém: é um bem comum de todas as pessoas que "
        "participam.\n\n"
        "Vive do voluntariado e da transparência. Liga iniciativas cidadãs do local ao global, "
        "como um arquipélago cidadão à escala do planeta.\n\n"
        "Não aceita nenhuma discriminação por gênero, origem, cultura, geração ou capacidades "
        "físicas. Quem propõe uma atividade partilha estas intenções."
    ),
}

THEMES = [
    "Care, health and mutual support",
    "Economies of solidarity and the commons",
    "Democracy, rights and global governance",
    "Climate, land and food sovereignty",
]


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)


EDITIONS = [
    {
        "slug": "vos-1",
        "title": "VOS 1 — The Great Pause",
        "tagline": "A forum born in lockdown: 24 people from 10 countries open a space for everyone.",
        "start_date": dt.date(2020, 3, 29),
        "end_date": dt.date(2020, 3, 30),
        "proposals": (paris(2020, 3, 20), paris(2020, 3, 28)),
        "key_dates": [
            ("Opening plenary", paris(2020, 3, 29, 16)),
            ("Closing circle", paris(2020, 3, 30, 20)),
        ],
    },
    {
        "slug": "vos-2",
        "title": "VOS 2 — Growing the open space",
        "tagline": "More than seventy activities proposed by participants from every continent.",
        "start_date": dt.date(2020, 5, 16),
        "end_date": dt.date(2020, 5, 17),
        "proposals": (paris(2020, 4, 10), paris(2020, 5, 12)),
        "key_dates": [("Opening plenary", paris(2020, 5, 16, 15))],
    },
    {
        "slug": "vos-3",
        "title": "VOS 3 — Let's connect our networks",
        "tagline": "Three weeks to meet, converge and act together, with the partner forums of the summer.",
        "start_date": dt.date(2020, 6, 20),
        "end_date": dt.date(2020, 7, 12),
        "proposals": (paris(2020, 5, 25), paris(2020, 7, 5)),
        "key_dates": [
            ("Opening plenary", paris(2020, 6, 20, 16)),
            ("World Social Forum of Transformative Economies begins", paris(2020, 6, 25, 15)),
            ("Dialogues en humanité begin", paris(2020, 7, 3, 10)),
            ("Closing act “Back to the future” (10:00 Montréal / Caracas)", paris(2020, 7, 12, 16)),
        ],
        "partners": [
            (
                "World Social Forum of Transformative Economies (25 June – 1 July)",
                "https://transformadora.org/",
            ),
            ("Dialogues en humanité (3–5 July)", "https://dialoguesenhumanite.org/"),
        ],
    },
    {
        "slug": "vos-4",
        "title": "VOS 4 — Multi-convergence of global networks",
        "tagline": "Co-created with the networks: get to know each other, then propose common topics.",
        "start_date": dt.date(2020, 9, 20),
        "end_date": dt.date(2020, 9, 21),
        "proposals": (paris(2020, 7, 1), paris(2020, 9, 15)),
        "key_dates": [
            ("Day 1: discussion groups to get to know each other", paris(2020, 9, 20, 18)),
            ("Day 2: networks present, participants propose group topics", paris(2020, 9, 21, 16)),
        ],
    },
]


def demo_editions(facilitators: list[User], now: dt.datetime | None = None) -> list[Edition]:
    """Four past editions with their 2020 dates, and a fifth open for proposals now."""
    now = now or timezone.now()
    if not IntentionText.objects.exists():
        intention_text_publish(bodies=INTENTION)
    editions = []
    for spec in EDITIONS:
        editions.append(_edition(spec, facilitators, moderation=Edition.Moderation.REVIEW))
    # The common horizon: 20–21 December of this year (or next, once that has passed).
    year = now.year if now < paris(now.year, 12, 13) else now.year + 1
    upcoming = {
        "slug": f"vos-5-{year}",
        "title": f"VOS 5 — Common horizon {year}",
        "tagline": "The major common event announced by the networks: book a slot for your activity.",
        "start_date": dt.date(year, 12, 20),
        "end_date": dt.date(year, 12, 21),
        "proposals": (now - dt.timedelta(days=30), paris(year, 12, 13, 23, 59)),
        "key_dates": [
            ("Proposals close", paris(year, 12, 13, 23, 59)),
            ("Opening plenary", paris(year, 12, 20, 15)),
            ("Closing assembly", paris(year, 12, 21, 19, 30)),
        ],
    }
    fifth = _edition(upcoming, facilitators, moderation=Edition.Moderation.REVIEW, slots=True)
    editions.append(fifth)
    _rooms(fifth)
    return editions


def _rooms(edition: Edition) -> None:
    """The forum's video accounts: two shared rooms and a pool of five for activities."""
    if edition.rooms.exists():
        return
    room_create(
        edition=edition,
        kind=Room.Kind.SHARED,
        name="Meeting room",
        translations=in_languages(
            "name", fr="Salle de rencontre", es="Sala de encuentro", pt="Sala de encontro"
        ),
        provider=Room.Provider.ZOOM,
        join_url="https://zoom.example/j/93968057500",
        meeting_id="939 680 575",
        passcode="20122020",
        capacity=500,
        notes="Plenaries and the welcome desk. Interpretation channels in EN/FR/ES/PT.",
        dial_ins=[
            (country, number, "20122020")
            for country, number in (
                ("FR", "+33 1 7037 2246"),
                ("ES", "+34 91 787 0058"),
                ("BR", "+55 21 3958 7888"),
                ("AR", "+54 341 512 2188"),
                ("CA", "+1 438 809 7799"),
                ("SN", "+221 33 867 0000"),
            )
        ],
    )
    room_create(
        edition=edition,
        kind=Room.Kind.SHARED,
        name="Welcome room",
        translations=in_languages(
            "name", fr="Salle d'accueil", es="Sala de bienvenida", pt="Sala de boas-vindas"
        ),
        provider=Room.Provider.JITSI,
        join_url="https://meet.jit.si/vos-welcome-desk",
    )
    for number, capacity in enumerate([100, 100, 300, 50, 50], start=1):
        room_create(
            edition=edition,
            kind=Room.Kind.POOL,
            name=f"VOS room {number}",
            provider=Room.Provider.ZOOM,
            join_url=f"https://zoom.example/j/8{number}0000000{number}",
            meeting_id=f"8{number}0 000 000",
            passcode=f"vos{number}{number}",
            capacity=capacity,
            position=number,
        )


def _translate(edition: Edition) -> None:
    """The edition's texts, key dates, themes and the descriptions of some kinds of
    activity in French, Spanish, Portuguese and Arabic."""
    year = edition.start_date.year
    kinds = [kind for kind in edition.activity_types.all() if kind.key in TYPE_DESCRIPTIONS]
    for kind in kinds:
        kind.description = TYPE_DESCRIPTIONS[kind.key]
    for item in (edition, *edition.key_dates.all(), *edition.themes.all(), *kinds):
        for language, texts in translations_of(item, year=year).items():
            item.set_translation(language, texts)
        item.save()


def _edition(
    spec: dict, facilitators: list[User], *, moderation: str, slots: bool = False
) -> Edition:
    existing = Edition.objects.filter(slug=spec["slug"]).first()
    if existing:
        return existing
    opens, closes = spec["proposals"]
    edition = edition_create(
        slug=spec["slug"],
        title=spec["title"],
        tagline=spec["tagline"],
        description=(
            "Participants propose the activities; the facilitation team keeps the space open "
            "and fair. All times are shown in your own time zone."
        ),
        start_date=spec["start_date"],
        end_date=spec["end_date"],
        time_zone="Europe/Paris",
        proposals_open_at=opens,
        proposals_close_at=closes,
        moderation=moderation,
        scheduling=Edition.Scheduling.SLOTS if slots else Edition.Scheduling.FREE,
    )
    edition.facilitators.set(facilitators)
    edition_add_details(
        edition=edition,
        themes=THEMES,
        key_dates=spec.get("key_dates", []),
        partner_events=spec.get("partners", []),
    )
    _translate(edition)
    if slots:
        first = dt.datetime.combine(edition.start_date, dt.time(8), tzinfo=PARIS)
        edition_create_slots(
            edition=edition,
            first_start=first,
            length=dt.timedelta(minutes=90),
            count_per_day=7,
            gap=dt.timedelta(minutes=30),
            places=4,
        )
    return edition
