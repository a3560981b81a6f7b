"""Forum-sized data for the benchmarks, the same on every run (a fixed seed).

Two sizes:

- ``forum``: a World-Social-Forum-sized edition: 2,000 published activities over 10 days,
  typed in the organizers' own zones so they spread around the clock, of every type,
  theme and language; 20 pool rooms; 20,000 participants; 60,000 registrations; 1,500
  organizations.
- ``compare``: exactly 1,000 activities over 16 days, the shape used to compare with
  other conference systems.

Rows are written with ``bulk_create`` (the services would send emails and write a log
entry per row); a past edition of 200 activities sits beside the live one so the tables
hold more than one program. Django must be set up before ``build`` is called.
"""

import datetime as dt
import random
import zoneinfo
from dataclasses import dataclass, field

SEED = 2026
FIRST_NAMES = [
    "Ana", "Pierre", "Lucía", "Priya", "Kwame", "Mei", "Olu", "Sofía", "Jonas", "Amina",
    "Tomás", "Yuki", "Fatou", "Rahul", "Inés", "Kofi", "Léa", "Mateo", "Aroha", "Nadia",
]  # fmt: skip
LAST_NAMES = [
    "Silva", "Dupont", "García", "Sharma", "Mensah", "Chen", "Adeyemi", "Rossi", "Berg",
    "Diallo", "Costa", "Tanaka", "Ndiaye", "Gupta", "Moreau", "Owusu", "Martin", "Ngata",
]  # fmt: skip
TIME_ZONES = [
    "Europe/Paris", "America/Sao_Paulo", "Africa/Dakar", "Asia/Kolkata", "America/Caracas",
    "Asia/Tokyo", "Africa/Nairobi", "Pacific/Auckland", "America/Montreal", "Europe/Madrid",
    "Africa/Maputo", "America/Mexico_City", "Asia/Manila", "Europe/Istanbul",
]  # fmt: skip
LANGUAGES = ["en", "en", "en", "fr", "fr", "es", "es", "pt", "ar", "hi", "sw", "ja"]
ORGANIZATION_PREFIXES = [
    "Global", "Southern", "Andean", "Pacific", "African", "Asian", "Nordic", "Caribbean",
    "Amazonian", "Mediterranean", "Alpine", "Coastal", "Urban", "Rural", "Youth",
]  # fmt: skip
ORGANIZATION_KINDS = ["Network", "Collective", "Alliance", "Council", "Forum", "Movement"]
ORGANIZATION_TOPICS = [
    "for the Commons", "of Care Workers", "for Climate Justice", "of Fisherfolk",
    "for Food Sovereignty", "of Migrants", "for Digital Rights", "of Peasants",
    "for Peace", "of Community Radios", "for Water", "of Women Weavers",
    "for Housing", "of Free Software", "for Public Health", "of Teachers", "",
]  # fmt: skip
THEMES = [
    "Commons", "Care", "Climate justice", "Solidarity economy", "Migration",
    "Peace", "Food sovereignty", "Digital rights",
]  # fmt: skip
TITLE_VERBS = [
    "Workshop on", "Circle about", "Assembly for", "Course:", "Imagining", "Mapping",
    "Defending", "Building", "Stories of", "Hackathon for",
]  # fmt: skip
TITLE_TOPICS = [
    "urban gardens", "local currencies", "community radio", "the commons", "mutual aid",
    "peace education", "open data", "basic income", "forest peoples", "care work",
    "free software", "water rights",
]  # fmt: skip
ACTIVITY_KINDS = [
    "workshop", "workshop", "workshop", "conversation", "plenary", "art", "hackathon",
    "course", "resources", "support", "futures", "network", "assembly", "other",
]  # fmt: skip
SEARCH_WORD = "commons"  # in about one title in ten (TITLE_TOPICS), and a theme


@dataclass(frozen=True)
class Size:
    name: str
    activities: int
    days: int
    people: int
    registrations: int
    organizations: int
    rooms: int


SIZES = {
    "forum": Size("forum", 2000, 10, 20_000, 60_000, 1_500, 20),
    "compare": Size("compare", 1000, 16, 10_000, 30_000, 750, 20),
    # A day of 300 activities: the in-process render target (bench/render.py).
    "dense": Size("dense", 900, 3, 3_000, 9_000, 300, 20),
    "small": Size("small", 200, 3, 500, 1_500, 60, 5),  # for the suite's smoke test
}


@dataclass
class Dataset:
    size: Size
    slug: str
    first_day: dt.date
    busiest_day: dt.date
    activity_id: int
    small_slug: str
    small_first_day: dt.date
    small_activity_id: int
    # People who log in during the load, each with a few registrations.
    member_emails: list[str]
    # Activities kept free of registrations for the burst: (id, capacity).
    burst_activities: list[tuple[int, int]]
    # People with no registration, for the burst.
    burst_emails: list[str]
    counts: dict[str, int] = field(default_factory=dict)


def in_process_site(data_dir) -> None:
    """Django set up in this process on a SQLite site in ``data_dir``, migrated, DEBUG
    and the page cache off: what the in-process timings render against."""
    import os

    os.environ["VOS_DATA_DIR"] = str(data_dir)
    os.environ["VOS_CONFIG"] = str(data_dir / "no-vos.cfg")
    os.environ["DJANGO_SETTINGS_MODULE"] = "vos.settings"
    os.environ["DEBUG"] = "0"
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def timed_gets(client, path: str, rounds: int, profiler=None) -> list[float]:
    """``rounds`` requests of ``path`` through the test client, each one's milliseconds;
    only the requests themselves run under ``profiler`` (a cProfile.Profile) if given."""
    import time

    times = []
    for _round in range(rounds):
        began = time.perf_counter()
        if profiler:
            profiler.enable()
        client.get(path)
        if profiler:
            profiler.disable()
        times.append((time.perf_counter() - began) * 1000)
    return times


def _people(rng: random.Random, count: int) -> list:
    from django.contrib.auth.hashers import make_password

    from vos.person.models import User

    # The load signs people in with sessions made in-process: no password is hashed.
    unusable = make_password(None)
    people = [
        User(
            email=f"person{number}@bench.example.org",
            display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}",
            time_zone=rng.choice(TIME_ZONES),
            languages=sorted(set(rng.sample(LANGUAGES, k=2))),
            bio="Organizer of local assemblies." if number % 2 == 0 else "",
            is_public=number % 2 == 0,
            password=unusable,
        )
        for number in range(count)
    ]
    return User.objects.bulk_create(people, batch_size=2_000)


def _organizations(rng: random.Random, count: int) -> list:
    from vos.organization.models import Organization

    names = [
        f"{prefix} {kind} {topic}".strip()
        for topic in ORGANIZATION_TOPICS
        for prefix in ORGANIZATION_PREFIXES
        for kind in ORGANIZATION_KINDS
    ]
    rng.shuffle(names)
    countries = ["FR", "BR", "SN", "IN", "PE", "JP", "KE", "MZ", "MX", "PH", "TR", "CA"]
    return Organization.objects.bulk_create(
        [Organization(name=name, countries=[rng.choice(countries)]) for name in names[:count]],
        batch_size=2_000,
    )


def _edition(slug: str, start: dt.date, days: int, rooms: int):
    from django.utils import timezone

    from vos.edition.models import Edition, Theme
    from vos.edition.services import edition_create
    from vos.room.models import Room

    now = timezone.now()
    edition = edition_create(
        slug=slug,
        title=f"Forum {slug}",
        tagline="A benchmark edition",
        description="An edition generated by bench/forum.py.",
        start_date=start,
        end_date=start + dt.timedelta(days=days - 1),
        time_zone="Europe/Paris",
        proposals_open_at=now - dt.timedelta(days=30),
        proposals_close_at=None,
        moderation=Edition.Moderation.REVIEW,
        scheduling=Edition.Scheduling.FREE,
    )
    Theme.objects.bulk_create(
        Theme(edition=edition, name=name, position=position) for position, name in enumerate(THEMES)
    )
    Room.objects.bulk_create(
        Room(
            edition=edition,
            kind=Room.Kind.POOL,
            name=f"Room {number + 1}",
            provider=Room.Provider.JITSI,
            join_url=f"https://meet.example.org/{slug}-room-{number + 1}",
            capacity=300,
            position=number,
        )
        for number in range(rooms)
    )
    return edition


def _program(rng: random.Random, edition, count: int, people: list, organizations: list, text):
    """``count`` published activities over the edition's days. Each is typed in its
    organizer's zone between 08:00 and 21:30 there, so the program covers the clock."""
    from vos.activity.models import Activity, Organizer

    kinds = {kind.key: kind for kind in edition.activity_types.all()}
    themes = list(edition.themes.all())
    rooms = list(edition.rooms.all())
    days = (edition.end_date - edition.start_date).days + 1
    activities = []
    for number in range(count):
        organizer = rng.choice(people)
        zone_name = organizer.time_zone
        day = edition.start_date + dt.timedelta(days=number % days)
        local_start = dt.datetime.combine(
            day,
            dt.time(rng.randint(8, 21), rng.choice([0, 30])),
            tzinfo=zoneinfo.ZoneInfo(zone_name),
        )
        starts_at = local_start.astimezone(dt.UTC)
        languages = sorted(set(rng.sample(LANGUAGES, k=rng.randint(1, 3))))
        title = f"{rng.choice(TITLE_VERBS)} {rng.choice(TITLE_TOPICS)} #{number}"
        activities.append(
            Activity(
                edition=edition,
                title=title,
                summary=f"Participants share what they know about {title.lower()}.",
                description="**Bring** your questions and your experience.\n\nAll welcome.",
                activity_type=kinds[rng.choice(ACTIVITY_KINDS)],
                languages=languages,
                interpretation=(
                    [{"from": languages[0], "to": languages[1]}] if len(languages) > 1 else []
                ),
                starts_at=starts_at,
                ends_at=starts_at + dt.timedelta(minutes=rng.choice([60, 90, 90, 120])),
                typed_time_zone=zone_name,
                capacity=rng.choice([None, 40, 100, 300]),
                room=rooms[number % len(rooms)] if rooms and number % 3 == 0 else None,
                intention_text=text,
                state=Activity.State.PUBLISHED,
                published_at=starts_at - dt.timedelta(days=7),
                is_featured=rng.random() < 0.01,
                created_by=organizer,
            )
        )
    activities = Activity.objects.bulk_create(activities, batch_size=1_000)
    theme_links, organization_links, organizers = [], [], []
    for activity in activities:
        for theme in rng.sample(themes, k=rng.randint(1, 2)):
            theme_links.append(Activity.themes.through(activity_id=activity.pk, theme_id=theme.pk))
        for organization in rng.sample(organizations, k=rng.randint(0, 2)):
            organization_links.append(
                Activity.organizations.through(
                    activity_id=activity.pk, organization_id=organization.pk
                )
            )
        organizers.append(
            Organizer(activity=activity, person_id=activity.created_by_id, is_proposer=True)
        )
    Activity.themes.through.objects.bulk_create(theme_links, batch_size=2_000)
    Activity.organizations.through.objects.bulk_create(organization_links, batch_size=2_000)
    Organizer.objects.bulk_create(organizers, batch_size=2_000)
    return activities


def _registrations(rng: random.Random, activities: list, people: list, total: int) -> None:
    """About ``total`` confirmed registrations, never more than an activity's places."""
    from vos.registration.models import Registration

    rows = []
    per_activity = max(total // len(activities), 1)
    for activity in activities:
        wanted = rng.randint(per_activity // 2, per_activity * 3 // 2)
        if activity.capacity is not None:
            wanted = min(wanted, activity.capacity)
        for person in rng.sample(people, k=min(wanted, len(people))):
            rows.append(
                Registration(
                    activity_id=activity.pk,
                    person_id=person.pk,
                    status=Registration.Status.CONFIRMED,
                )
            )
    Registration.objects.bulk_create(rows, batch_size=5_000)


def build(size: Size, *, today: dt.date | None = None) -> Dataset:
    """The live edition (starting today, in Paris) of ``size``, and a past one beside it."""
    from django.db import transaction
    from django.utils import timezone

    from vos.edition.models import IntentionText

    rng = random.Random(SEED)
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    today = today or timezone.localtime(timezone.now(), paris).date()
    with transaction.atomic():
        people = _people(rng, size.people)
        organizations = _organizations(rng, size.organizations)
        text, _created = IntentionText.objects.get_or_create(
            version=1, defaults={"bodies": {"en": "We share an open space."}}
        )
        edition = _edition(f"{size.name}-live", today, size.days, size.rooms)
        program = _program(rng, edition, size.activities, people, organizations, text)
        past = _edition(f"{size.name}-past", today - dt.timedelta(days=365), 3, 5)
        past_program = _program(rng, past, 200, people, organizations, text)
        # The burst's activities and people stay out of the registrations.
        # They start tomorrow or later, so that registering is still open.
        tomorrow = timezone.now() + dt.timedelta(days=1)
        burst = [a for a in program if a.capacity == 100 and a.starts_at > tomorrow][:10]
        burst_people = people[-2_000:] if len(people) > 4_000 else people[-len(people) // 4 :]
        registered_people = people[: len(people) - len(burst_people)]
        _registrations(
            rng,
            [a for a in program if a not in burst],
            registered_people,
            size.registrations,
        )
    busiest = max(
        {timezone.localtime(a.starts_at, paris).date() for a in program},
        key=lambda day: sum(timezone.localtime(a.starts_at, paris).date() == day for a in program),
    )
    return Dataset(
        size=size,
        slug=edition.slug,
        first_day=edition.start_date,
        busiest_day=busiest,
        activity_id=program[len(program) // 2].pk,
        small_slug=past.slug,
        small_first_day=past.start_date,
        small_activity_id=past_program[len(past_program) // 2].pk,
        member_emails=[person.email for person in people[:50]],
        burst_activities=[(activity.pk, activity.capacity) for activity in burst],
        burst_emails=[person.email for person in burst_people],
        counts={
            "activities": len(program),
            "days": size.days,
            "people": len(people),
            "registrations": _count_registrations(),
            "organizations": len(organizations),
            "pool rooms": size.rooms,
            "activities of the past edition": len(past_program),
        },
    )


def _count_registrations() -> int:
    from vos.registration.models import Registration

    return Registration.objects.count()
