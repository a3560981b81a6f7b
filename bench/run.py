"""Benchmark the public pages of a big edition, served by gunicorn like in production.

Run from the top of the checkout: ``make bench`` or ``.venv/bin/python bench/run.py``.
Everything happens in a fresh temporary data folder (SQLite), or in the empty database
named by DATABASE_URL (PostgreSQL), which is emptied again at the end.
"""

import argparse
import datetime as dt
import http.client
import math
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zoneinfo
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SEARCH_WORD = "commons"  # present in about one title in ten, see TITLE_TOPICS
GUNICORN_WORKERS = 2
GUNICORN_THREADS = 4
REQUEST_TIMEOUT_SECONDS = 30

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
]  # fmt: skip
LANGUAGES = ["en", "en", "en", "fr", "fr", "es", "es", "pt", "ar", "hi", "sw", "ja"]
ORGANIZATION_PREFIXES = [
    "Global", "Southern", "Andean", "Pacific", "African", "Asian", "Nordic", "Caribbean",
    "Amazonian", "Mediterranean", "Alpine", "Coastal",
]  # fmt: skip
ORGANIZATION_KINDS = ["Network", "Collective", "Alliance", "Council", "Forum"]
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


@dataclass
class Page:
    name: str
    path: str


@dataclass
class PageResult:
    page: Page
    queries: int
    small_edition_queries: int | None
    requests: int
    p50_ms: float
    p95_ms: float
    requests_per_second: float
    size_kb: float


@dataclass
class Fetch:
    milliseconds: float
    status: int | None
    size: int
    error: str = ""


class BenchmarkError(Exception):
    """A page failed or the run took too long: reported, then exit status 1."""


@dataclass
class Dataset:
    slug: str
    first_day: dt.date
    activity_id: int
    small_slug: str
    small_first_day: dt.date
    small_activity_id: int
    counts: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Environment and Django
# ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def prepare_environment(data_dir: Path, port: int) -> None:
    """Settings for this process and for gunicorn; must run before Django is set up."""
    os.environ["VOS_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vos.settings"
    # A local vos.cfg could point at a real database: only the environment counts here.
    os.environ["VOS_CONFIG"] = str(data_dir / "no-vos.cfg")
    os.environ["ALLOWED_HOSTS"] = HOST
    # Plain http on loopback, without debug: no https redirect, no recorded queries.
    os.environ["SITE_URL"] = f"http://{HOST}:{port}"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("LOG_LEVEL", "ERROR")


def setup_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def database_description() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        major, rest = divmod(connection.pg_version, 10000)
        return f"PostgreSQL {major}.{rest}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def require_empty_database() -> None:
    """The bench empties a PostgreSQL database at the end, so it must start empty."""
    from vos.edition.models import Edition
    from vos.person.models import User

    if User.objects.exists() or Edition.objects.exists():
        raise BenchmarkError(
            "DATABASE_URL points at a database that already has data; the benchmark "
            "empties its database at the end, so give it an empty one of its own "
            "(e.g. createdb bench_vos)."
        )


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def create_people(rng: random.Random, count: int) -> list:
    from django.contrib.auth.hashers import make_password

    from vos.person.models import User

    unusable = make_password(None)  # hashing a real password 300 times would dominate
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
    return User.objects.bulk_create(people)


def create_organizations(rng: random.Random, count: int) -> list:
    from vos.organization.models import Organization

    names = [f"{prefix} {kind}" for prefix in ORGANIZATION_PREFIXES for kind in ORGANIZATION_KINDS]
    organizations = [
        Organization(name=name, country=rng.choice(["FR", "BR", "SN", "IN", "PE", "JP", "KE"]))
        for name in names[:count]
    ]
    return Organization.objects.bulk_create(organizations)


def create_edition(slug: str, start: dt.date, days: int):
    from django.utils import timezone

    from vos.edition.models import Edition, Theme
    from vos.edition.services import edition_create

    now = timezone.now()
    edition = edition_create(
        slug=slug,
        title=f"Forum {slug}",
        tagline="A benchmark edition",
        description="An edition generated by bench/run.py.",
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
    return edition


def create_program(
    rng: random.Random, edition, count: int, people: list, organizations: list, intention_text
) -> list:
    """``count`` published activities spread over the edition's days, 08:00 to 23:30 in Paris."""
    from vos.activity.models import Activity, Organizer

    kinds = {kind.key: kind for kind in edition.activity_types.all()}
    themes = list(edition.themes.all())
    days = (edition.end_date - edition.start_date).days + 1
    activities = []
    for number in range(count):
        day = edition.start_date + dt.timedelta(days=number % days)
        local_start = dt.datetime.combine(
            day, dt.time(rng.randint(8, 21), rng.choice([0, 30])), tzinfo=PARIS
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
                typed_time_zone="Europe/Paris",
                capacity=rng.choice([None, None, 30, 100]),
                intention_text=intention_text,
                state=Activity.State.PUBLISHED,
                published_at=starts_at - dt.timedelta(days=7),
                is_featured=rng.random() < 0.05,
                created_by=rng.choice(people),
            )
        )
    activities = Activity.objects.bulk_create(activities)
    theme_links = []
    organization_links = []
    organizers = []
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
    Activity.themes.through.objects.bulk_create(theme_links)
    Activity.organizations.through.objects.bulk_create(organization_links)
    Organizer.objects.bulk_create(organizers)
    return activities


def build_dataset(activities: int, small_activities: int) -> Dataset:
    """A live 3-day edition with a big program, and a past one beside it."""
    from django.db import transaction
    from django.utils import timezone

    from vos.edition.models import IntentionText

    rng = random.Random(2026)  # the same data on every run
    today = timezone.localtime(timezone.now(), PARIS).date()
    with transaction.atomic():
        people = create_people(rng, 300)
        organizations = create_organizations(rng, 60)
        intention_text, _created = IntentionText.objects.get_or_create(
            version=1, defaults={"bodies": {"en": "We share an open space."}}
        )
        edition = create_edition("bench-live", today, days=3)
        program = create_program(rng, edition, activities, people, organizations, intention_text)
        past = create_edition("bench-past", today - dt.timedelta(days=365), days=3)
        past_program = create_program(
            rng, past, small_activities, people, organizations, intention_text
        )
    return Dataset(
        slug=edition.slug,
        first_day=edition.start_date,
        activity_id=program[len(program) // 2].pk,
        small_slug=past.slug,
        small_first_day=past.start_date,
        small_activity_id=past_program[len(past_program) // 2].pk,
        counts={
            "people": len(people),
            "organizations": len(organizations),
            "activities": len(program),
            "activities of the second edition": len(past_program),
        },
    )


def pages_for(slug: str, first_day: dt.date, activity_id: int) -> list[Page]:
    program = f"/en/editions/{slug}/program/"
    day = first_day.isoformat()
    return [
        Page("home", "/en/"),
        Page("program, one day", f"{program}?day={day}"),
        Page("program, all days", f"{program}?day=all"),
        Page("timeline grid, one day", f"{program}?view=grid&day={day}"),
        Page(f"search “{SEARCH_WORD}”", f"{program}?day=all&q={SEARCH_WORD}"),
        Page("activity page", f"/en/editions/{slug}/activities/{activity_id}/"),
    ]


# ---------------------------------------------------------------------------
# Query counts, in-process
# ---------------------------------------------------------------------------


def count_queries(path: str) -> int:
    """Queries of one warm request: the first call fills per-process caches."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    for attempt in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise BenchmarkError(f"{path} answered {response.status_code} in-process")
        if attempt == 1:
            return len(captured.captured_queries)
    raise AssertionError("unreachable")


# ---------------------------------------------------------------------------
# gunicorn and the load
# ---------------------------------------------------------------------------


def start_gunicorn(port: int, log_path: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "vos.wsgi:application",
        "--bind", f"{HOST}:{port}",
        "--workers", str(GUNICORN_WORKERS),
        "--threads", str(GUNICORN_THREADS),
    ]  # fmt: skip
    with log_path.open("wb") as log:
        # Fixed arguments and our own interpreter: no untrusted input reaches the command.
        return subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def stop_gunicorn(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)  # the session started for gunicorn alone
        server.wait(timeout=10)


def fetch(port: int, path: str, deadline: float) -> Fetch:
    if time.monotonic() > deadline:
        return Fetch(0.0, None, 0, "time limit reached")
    # One connection per request, like a visitor's first page; loopback makes it cheap.
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_SECONDS)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers={"Host": HOST, "Accept": "text/html"})
        response = connection.getresponse()
        body = response.read()
        return Fetch((time.perf_counter() - started) * 1000, response.status, len(body))
    except OSError as error:  # refused, reset, timed out: all count as failures
        return Fetch((time.perf_counter() - started) * 1000, None, 0, repr(error))
    finally:
        connection.close()


def wait_until_healthy(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchmarkError(f"gunicorn exited with {server.returncode}:\n{tail(log_path)}")
        if fetch(port, "/healthz", deadline).status == 200:
            return
        time.sleep(0.2)
    raise BenchmarkError(f"/healthz did not answer 200 within 60 s:\n{tail(log_path)}")


def tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    rank = max(math.ceil(fraction * len(sorted_values)), 1)
    return sorted_values[rank - 1]


def load(
    port: int, page: Page, requests: int, concurrency: int, deadline: float
) -> tuple[list[Fetch], float]:
    """``requests`` GETs of one page by ``concurrency`` clients; the fetches and the wall time."""
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="client")
    try:
        warm_up = [pool.submit(fetch, port, page.path, deadline) for _ in range(concurrency)]
        check_fetches(page, [future.result() for future in warm_up])
        started = time.perf_counter()
        futures = [pool.submit(fetch, port, page.path, deadline) for _ in range(requests)]
        fetches = [future.result() for future in futures]
        elapsed = time.perf_counter() - started
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    check_fetches(page, fetches)
    return fetches, elapsed


def check_fetches(page: Page, fetches: list[Fetch]) -> None:
    failures = [item for item in fetches if item.status != 200]
    if failures:
        first = failures[0]
        raise BenchmarkError(
            f"{page.name} ({page.path}): {len(failures)} of {len(fetches)} requests failed, "
            f"first: status {first.status} {first.error}".rstrip()
        )


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def report(results: list[PageResult], dataset: Dataset, options: argparse.Namespace) -> str:
    import django

    lines = [
        "| page | queries | requests | p50 ms | p95 ms | requests/s |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    lines += [
        f"| {result.page.name} | {result.queries} | {result.requests} | {result.p50_ms:.1f} "
        f"| {result.p95_ms:.1f} | {result.requests_per_second:.1f} |"
        for result in results
    ]
    sizes = "; ".join(f"{result.page.name}: {result.size_kb:.0f} KB" for result in results)
    grown = [
        f"{result.page.name} ({result.small_edition_queries} → {result.queries})"
        for result in results
        if result.small_edition_queries is not None
        and result.small_edition_queries != result.queries
    ]
    data = ", ".join(f"{count} {name}" for name, count in dataset.counts.items())
    lines += [
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, "
        f"{database_description()}",
        f"- gunicorn: {GUNICORN_WORKERS} workers of {GUNICORN_THREADS} threads; "
        f"{options.concurrency} concurrent clients on the same machine",
        f"- Data: {data}",
        f"- Response sizes: {sizes}",
        "- Query counts, same pages on the 200-activity edition: "
        + ("identical" if not grown else "different for " + "; ".join(grown)),
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def parse_options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page (200)")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients (8)")
    parser.add_argument("--activities", type=int, default=1000, help="size of the program (1000)")
    parser.add_argument(
        "--time-limit", type=int, default=600, help="abort after this many seconds (600)"
    )
    options = parser.parse_args()
    if options.requests < 1 or options.concurrency < 1 or options.activities < 10:
        parser.error("--requests and --concurrency must be positive, --activities at least 10")
    return options


def on_time_limit(_signal: int, _frame: FrameType | None) -> None:
    raise TimeoutError("time limit reached")


def run(options: argparse.Namespace, data_dir: Path, port: int) -> int:
    deadline = time.monotonic() + options.time_limit
    prepare_environment(data_dir, port)
    if os.environ.get("DATABASE_URL"):
        print("DATABASE_URL is set: benchmarking PostgreSQL, not the embedded SQLite.")
    else:
        print(f"Benchmarking the embedded SQLite database in {data_dir}.")
    print("Migrating …", flush=True)
    setup_django()
    from django.core.management import call_command
    from django.db import connection, connections

    postgres = connection.vendor == "postgresql"
    if postgres:
        require_empty_database()
    server = None
    try:
        print("Building the data …", flush=True)
        started = time.perf_counter()
        dataset = build_dataset(options.activities, 200)
        if postgres:
            # Autovacuum would analyze the new rows within a minute; without statistics
            # the planner takes the tables for empty and picks nested loops.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"  {dataset.counts} in {time.perf_counter() - started:.1f} s", flush=True)

        pages = pages_for(dataset.slug, dataset.first_day, dataset.activity_id)
        small_pages = pages_for(
            dataset.small_slug, dataset.small_first_day, dataset.small_activity_id
        )
        print("Counting queries in-process …", flush=True)
        queries = [count_queries(page.path) for page in pages]
        # The home page always shows the live edition, so it has no small twin.
        small_queries = [None, *(count_queries(page.path) for page in small_pages[1:])]
        connections.close_all()  # gunicorn's workers open their own

        log_path = data_dir / "gunicorn.log"
        server = start_gunicorn(port, log_path)
        wait_until_healthy(server, port, log_path)
        print(f"gunicorn is up on {HOST}:{port}; {options.requests} requests a page …", flush=True)
        results = []
        for page, page_queries, small_page_queries in zip(
            pages, queries, small_queries, strict=True
        ):
            fetches, elapsed = load(port, page, options.requests, options.concurrency, deadline)
            times = sorted(item.milliseconds for item in fetches)
            results.append(
                PageResult(
                    page=page,
                    queries=page_queries,
                    small_edition_queries=small_page_queries,
                    requests=len(fetches),
                    p50_ms=percentile(times, 0.50),
                    p95_ms=percentile(times, 0.95),
                    requests_per_second=len(fetches) / elapsed,
                    size_kb=fetches[0].size / 1024,
                )
            )
            print(f"  {page.name}: done in {elapsed:.1f} s", flush=True)
        print()
        print(report(results, dataset, options))
        return 0
    finally:
        if server is not None:
            stop_gunicorn(server)
        if postgres:
            # Leave the database as empty as it was found.
            call_command("flush", interactive=False, verbosity=0)
        connections.close_all()


def main() -> int:
    options = parse_options()
    os.chdir(ROOT)
    data_dir = Path(tempfile.mkdtemp(prefix="vos-bench-"))
    port = free_port()
    # A hard bound for the whole run, even if something hangs outside the load itself.
    signal.signal(signal.SIGALRM, on_time_limit)
    signal.alarm(options.time_limit + 60)
    try:
        return run(options, data_dir, port)
    except (BenchmarkError, TimeoutError) as error:
        print(f"\nBENCHMARK FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
