"""Benchmark a forum-sized edition served like in production: gunicorn, wrk, SQLite and
then PostgreSQL with Redis.

``make bench`` (or ``.venv/bin/python bench/run.py``) runs both databases one after the
other, each in a process of its own, and writes the tables to ``bench/RESULTS.md``. See
bench/README.md for what is measured and how.
"""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import forum  # noqa: E402 - after the path is set

HOST = "127.0.0.1"
GUNICORN_WORKERS = 2
GUNICORN_THREADS = 4
CONNECTIONS = 20
WRK_THREADS = 2
READER_ZONE = "America/Sao_Paulo"
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_BENCH_URL = "redis://127.0.0.1:6379/14"  # a database of its own, emptied at the end
CSRF_SECRET = "b" * 32  # the burst's CSRF cookie and form token (Django takes the secret)


@dataclass
class Row:
    name: str
    requests_per_second: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    raw_kb: float | None = None
    compressed_kb: float | None = None
    queries: int | None = None
    note: str = ""


@dataclass
class LegResult:
    database: str
    rows: list[Row] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)


class BenchmarkError(Exception):
    """A page failed, a server did not start, or the run took too long."""


# ---------------------------------------------------------------------------
# One leg: one database, in a process of its own (Django is set up once per process)
# ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def leg_environment(data_dir: Path, port: int, database: str, database_url: str) -> None:
    os.environ.update(
        {
            "VOS_DATA_DIR": str(data_dir),
            "VOS_CONFIG": str(data_dir / "no-vos.cfg"),  # only the environment counts
            "DJANGO_SETTINGS_MODULE": "vos.settings",
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": f"http://{HOST}:{port}",
            "DEBUG": "0",
            "LOG_LEVEL": "ERROR",
            # The load is one address: the API's per-address limit would answer 429.
            "API_RATE_ANONYMOUS": "10000000/m",
        }
    )
    for name in ("DATABASE_URL", "REDIS_URL", "PAGE_CACHE_SECONDS", "TASKS_BACKEND"):
        os.environ.pop(name, None)
    if database == "postgres":
        os.environ["DATABASE_URL"] = database_url
        os.environ["REDIS_URL"] = REDIS_BENCH_URL
        os.environ["TASKS_BACKEND"] = "rq"
    os.environ.pop("EMAIL_HOST", None)  # emails go to the worker's console, thrown away


def make_sessions(emails: list[str]) -> list[str]:
    """Signed-in sessions made in-process, as a login would leave them."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    from vos.person.models import User

    keys = []
    for person in User.objects.filter(email__in=emails):
        session = SessionStore()
        session[SESSION_KEY] = str(person.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[1]
        session[HASH_SESSION_KEY] = person.get_session_auth_hash()
        session.save()
        keys.append(session.session_key)
    return keys


def count_queries(path: str, cookies: dict[str, str]) -> int:
    """Queries of building the page (the page cache off): the same whatever the size."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    for name, value in cookies.items():
        client.cookies[name] = value
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(path)  # per-process caches filled
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
    if response.status_code != 200:
        raise BenchmarkError(f"{path} answered {response.status_code} in-process")
    return len(captured.captured_queries)


def python_yardstick_ms() -> float:
    """The best of three runs of a fixed pure-Python loop: how fast the machine was
    during the leg, for comparing runs made at different times."""
    best = float("inf")
    for _round in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(2_000_000):
            total += number
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def cold_render_ms(path: str, rounds: int = 15) -> float:
    from django.test import Client, override_settings

    client = Client(HTTP_HOST=HOST)
    client.cookies["vos_tz"] = READER_ZONE
    times = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(path)
        for _round in range(rounds):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def export_build_ms(slug: str, port: int) -> dict[str, float]:
    from vos.edition.models import Edition
    from vos.schedule.exports import schedule_export_build

    edition = Edition.objects.get(slug=slug)
    result = {}
    for kind in ("xml", "json", "ics"):
        started = time.perf_counter()
        schedule_export_build(edition, kind, language="en", base_url=f"http://{HOST}:{port}")
        result[kind] = (time.perf_counter() - started) * 1000
    return result


def touch_an_activity(slug: str, number: int) -> None:
    """A change of the program, through the ORM like a service: its signals move the
    content version on, and its stamp moves the program version on."""
    from django.utils import timezone

    from vos.activity.models import Activity

    activity = Activity.objects.filter(edition__slug=slug).order_by("pk")[number]
    activity.title = activity.title.split(" (edited")[0] + f" (edited {number})"
    activity.updated_at = timezone.now()
    activity.save()


def start(command: list[str], log_path: Path) -> subprocess.Popen:
    with log_path.open("ab") as log:
        # Fixed arguments and our own interpreter: no untrusted input reaches the command.
        return subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=os.environ.copy(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def wait_until_healthy(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchmarkError(f"gunicorn exited:\n{log_path.read_text()[-2000:]}")
        try:
            if fetch(port, "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise BenchmarkError("/healthz did not answer within 60 s")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str) -> tuple[float, float, float, int, int]:
    """Requests/s, p50 and p99 in ms, errors (socket errors and non-2xx/3xx), requests."""

    def latency(percent: str) -> float:
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    errors = 0
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(value) for value in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    if not rate or not total:
        raise BenchmarkError(f"wrk's output was not understood:\n{output}")
    return float(rate.group(1)), latency("50"), latency("99"), errors, int(total.group(1))


def wrk(port: int, path: str, seconds: int, headers: dict[str, str], script: list[str] = ()):
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
               "--timeout", "10s"]  # fmt: skip
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command += [*script[:2], f"http://{HOST}:{port}{path}", *script[2:]]
    # wrk stops by itself after `seconds`; the timeout only guards against a hang.
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)  # noqa: S603
    if result.returncode != 0:
        raise BenchmarkError(f"wrk failed on {path}: {result.stderr}")
    return parse_wrk(result.stdout)


def sizes(port: int, path: str, headers: dict[str, str]) -> tuple[float, float]:
    status, raw, _headers = fetch(port, path, {**headers, "Accept-Encoding": "identity"})
    if status != 200:
        raise BenchmarkError(f"{path} answered {status}")
    _status, packed, _headers = fetch(port, path, {**headers, "Accept-Encoding": "br, gzip"})
    return len(raw) / 1024, len(packed) / 1024


def last_outbox_pk() -> int:
    from vos.mail.models import OutboxMessage

    return OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def emails_sent_after(*, after_pk: int, started_at: float, expected: int, limit=120.0) -> str:
    """How long after the burst every confirmation had left the outbox."""
    from vos.mail.models import OutboxMessage

    burst = OutboxMessage.objects.filter(pk__gt=after_pk)
    waiting = burst.exclude(status=OutboxMessage.Status.SENT)
    while waiting.exists() and time.monotonic() - started_at < limit:
        time.sleep(0.1)
    sent = burst.filter(status=OutboxMessage.Status.SENT).count()
    if waiting.exists():
        return f"{waiting.count()} of {expected} confirmations still unsent {limit:.0f} s after"
    return f"all {sent} sent {time.monotonic() - started_at:.1f} s after the burst's end"


def worker_peaks_mb(master_pid: int) -> list[float]:
    """Each gunicorn worker's peak resident memory (VmHWM), read from /proc."""
    peaks = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        parent = re.search(r"^PPid:\s+(\d+)", text, re.M)
        peak = re.search(r"^VmHWM:\s+(\d+) kB", text, re.M)
        if parent and peak and int(parent.group(1)) == master_pid:
            peaks.append(int(peak.group(1)) / 1024)
    return sorted(peaks)


TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_seconds() -> dict[int, tuple[int, str, float]]:
    """Every process's parent, name and CPU time so far (its own and its reaped
    children's), read from /proc."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        # Fields 14 to 17 of stat(5): utime, stime, cutime, cstime; the parent is field 4.
        ticks = sum(int(value) for value in fields[11:15])
        found[int(stat.parent.name)] = (int(fields[1]), name, ticks / TICKS)
    return found


def cpu_by_part(before: dict, after: dict, roots: dict[str, int]) -> dict[str, float]:
    """CPU seconds spent between two readings by each part: the process trees under
    ``roots`` (the app server, the task worker), PostgreSQL and Redis."""

    def tree(root: int) -> set[int]:
        members, grew = {root}, True
        while grew:
            grew = False
            for pid, (parent, _name, _cpu) in after.items():
                if parent in members and pid not in members:
                    members.add(pid)
                    grew = True
        return members

    def spent(pids) -> float:
        return sum(after[pid][2] - before.get(pid, (0, "", 0.0))[2] for pid in pids)

    parts = {name: spent(tree(root)) for name, root in roots.items()}
    parts["PostgreSQL"] = spent(pid for pid, row in after.items() if row[1] == "postgres")
    parts["Redis"] = spent(pid for pid, row in after.items() if row[1].startswith("redis"))
    return parts


def run_leg(
    database: str, size: forum.Size, seconds: int, database_url: str, only: list[str]
) -> LegResult:
    data_dir = Path(tempfile.mkdtemp(prefix="vos-bench-"))
    port = free_port()
    leg_environment(data_dir, port, database, database_url)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from django.conf import settings
    from django.db import connection, connections

    from vos.registration.models import Registration

    result = LegResult(database=database)
    server = worker = None
    try:
        print(f"[{database}] building the {size.name} data …", flush=True)
        started = time.perf_counter()
        data = forum.build(size)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would after such a load
        built_in = time.perf_counter() - started
        members = make_sessions(data.member_emails[:1])
        burst_sessions = make_sessions(data.burst_emails)
        member = {"sessionid": members[0]}

        program = f"/en/editions/{data.slug}/program/"
        day = data.busiest_day.isoformat()
        zone = {"vos_tz": READER_ZONE}
        pages = [
            ("home", "/en/", zone),
            ("program, one day", f"{program}?day={day}", zone),
            ("program, filtered", f"{program}?day={day}&type=workshop&language=es", zone),
            ("program, all days (100 a page)", f"{program}?day=all", zone),
            ("timeline, one day", f"{program}?view=grid&day={day}", zone),
            ("activity page", f"/en/editions/{data.slug}/activities/{data.activity_id}/", zone),
            ("my agenda (signed in)", "/en/my/agenda/", member),
            ("program, one day (signed in)", f"{program}?day={day}", member),
            ("API activity list (50)", f"/api/v1/activities?edition={data.slug}&limit=50", {}),
            ("export schedule.xml", f"/editions/{data.slug}/schedule.xml", {}),
            ("export schedule.json", f"/editions/{data.slug}/schedule.json", {}),
            ("export schedule.ics", f"/editions/{data.slug}/schedule.ics", {}),
        ]
        yardstick_ms = python_yardstick_ms()
        print(f"[{database}] counting queries in-process …", flush=True)
        queries = {name: count_queries(path, cookies) for name, path, cookies in pages}
        cold = cold_render_ms(f"{program}?day={day}") if not only else None
        builds = export_build_ms(data.slug, port) if not only else {}
        connections.close_all()

        log_path = data_dir / "server.log"
        server = start(
            [sys.executable, "-m", "gunicorn", "vos.wsgi:application", "--bind", f"{HOST}:{port}",
             "--workers", str(GUNICORN_WORKERS), "--threads", str(GUNICORN_THREADS)],
            log_path,
        )  # fmt: skip
        # At a lower priority than the app, as deploy/vos-worker.service runs it.
        worker = start([sys.executable, "-m", "vos", "worker"],
                       data_dir / "worker.log")  # fmt: skip
        wait_until_healthy(server, port, log_path)

        def wanted(name: str) -> bool:
            return not only or any(part in name for part in only)

        for name, path, cookies in pages:
            if not wanted(name):
                continue
            headers = {"Accept-Encoding": "br, gzip"}
            if cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
            raw_kb, packed_kb = sizes(port, path, headers)
            rate, p50, p99, errors, _total = wrk(port, path, seconds, headers)
            result.rows.append(Row(name, rate, p50, p99, errors, raw_kb, packed_kb, queries[name]))
            print(f"[{database}]   {name}: {rate:.0f}/s, p99 {p99:.1f} ms", flush=True)
            time.sleep(2)  # let the server drain

        misses, stale, rebuilt = [], {}, {}
        if wanted("after a change"):
            # The first request after a change: the program built again, the exports served
            # from their previous version while the worker builds the new one.
            for number in range(5):
                touch_an_activity(data.slug, number)
                started = time.perf_counter()
                status, _body, _headers = fetch(
                    port, f"{program}?day={day}", {"Cookie": "vos_tz=" + READER_ZONE}
                )
                misses.append((time.perf_counter() - started) * 1000)
                if status != 200:
                    raise BenchmarkError(f"program after a change answered {status}")
            for number, kind in enumerate(("xml", "json", "ics"), start=10):
                path = f"/editions/{data.slug}/schedule.{kind}"
                before = fetch(port, path)[2].get("ETag")
                touch_an_activity(data.slug, number)  # a title no export has shown yet
                started = time.perf_counter()
                first = fetch(port, path)
                stale[kind] = (time.perf_counter() - started) * 1000
                while first[2].get("ETag") == before and time.perf_counter() - started < 60:
                    time.sleep(0.05)
                    first = fetch(port, path)
                rebuilt[kind] = (time.perf_counter() - started) * 1000
            result.rows.append(
                Row("program, first request after a change", p50_ms=statistics.median(misses),
                    p99_ms=max(misses), note="median and worst of 5")
            )  # fmt: skip
            for kind in ("xml", "json", "ics"):
                result.rows.append(
                    Row(f"export schedule.{kind}, first request after a change",
                        p50_ms=stale[kind], p99_ms=stale[kind],
                        note=f"previous version served; the new one after {rebuilt[kind]:.0f} ms")
                )  # fmt: skip

        weight = None
        if wanted("page weight"):
            print(f"[{database}] page weight on a slow connection …", flush=True)
            weight = page_weight(port, f"{program}?day={day}")

        # The registration burst: many people, ten activities of 100 places.
        if wanted("registration burst"):
            before_count = Registration.objects.count()
            burst_seconds = min(seconds, 10)
            (data_dir / "sessions.txt").write_text("\n".join(burst_sessions) + "\n")
            paths = [
                f"/en/editions/{data.slug}/activities/{pk}/register/"
                for pk, _c in data.burst_activities
            ]
            (data_dir / "paths.txt").write_text("\n".join(paths) + "\n")
            outbox_before = last_outbox_pk()
            cpu_before = process_cpu_seconds()
            wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            rate, p50, p99, errors, total = wrk(
                port, paths[0], burst_seconds, {},
                ["-s", str(BENCH / "burst.lua"), "--", str(data_dir / "sessions.txt"),
                 str(data_dir / "paths.txt"), str(WRK_THREADS), CSRF_SECRET],
            )  # fmt: skip
            wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = cpu_by_part(
                cpu_before, process_cpu_seconds(), {"app": server.pid, "task worker": worker.pid}
            )
            cpu["wrk"] = (wrk_after.ru_utime + wrk_after.ru_stime) - (
                wrk_before.ru_utime + wrk_before.ru_stime
            )
            made = Registration.objects.count() - before_count
            over = overbooked(data.burst_activities)
            sent_after = emails_sent_after(
                after_pk=outbox_before, started_at=time.monotonic(), expected=made
            )
            result.facts["registration burst, CPU per registration"] = (
                ", ".join(f"{name} {seconds * 1000 / max(made, 1):.1f} ms"
                          for name, seconds in cpu.items())
                + f"; {sum(cpu.values()) * 1000 / max(made, 1):.1f} ms in all"
            )  # fmt: skip
            result.facts["registration burst, emails"] = sent_after
            result.rows.append(
                Row("registration burst", made / burst_seconds, p50, p99, errors,
                    note=f"{made} registrations from {total} requests; "
                         f"{'no activity over capacity' if not over else 'OVERBOOKED: ' + over}")
            )  # fmt: skip
        peaks = worker_peaks_mb(server.pid)
        facts = {
            "database": database_description(),
            "machine speed": f"a fixed Python loop in {yardstick_ms:.0f} ms (lower is faster; "
            "compare runs by it: this shared machine's speed drifts by tens of percent)",
            "data": ", ".join(f"{count:,} {name}" for name, count in data.counts.items())
            + f" (built in {built_in:.0f} s)",
        }
        if cold is not None:
            facts["cold render, program one day"] = (
                f"{cold:.1f} ms in-process, page cache off ({data.busiest_day}, "
                f"{count_cards(port, f'{program}?day={day}')} activities)"
            )
        if builds:
            facts["export builds"] = ", ".join(f"{kind} {ms:.0f} ms" for kind, ms in builds.items())
        if weight is not None:
            facts[f"program one day in Chromium at {SLOW_KBIT} kbit/s and {SLOW_LATENCY_MS} ms"] = (
                f"first visit {weight['first KB']:.1f} KB, readable after "
                f"{weight['first readable s']:.1f} s; repeat visit {weight['repeat KB']:.1f} KB, "
                f"readable after {weight['repeat readable s']:.1f} s"
            )
        facts["worker peak memory"] = ", ".join(f"{mb:.0f} MB" for mb in peaks)
        facts["page cache"] = (
            f"{settings.PAGE_CACHE_SECONDS} s" if settings.PAGE_CACHE_SECONDS else "off"
        )
        result.facts = {**facts, **result.facts}
        return result
    finally:
        stop(server)
        stop(worker)
        connections.close_all()
        shutil.rmtree(data_dir, ignore_errors=True)


# A slow, costly connection, as many participants have: Chromium's network emulation.
SLOW_KBIT = 400
SLOW_LATENCY_MS = 400


def page_weight(port: int, path: str) -> dict[str, float]:
    """Bytes over the wire (HTML, CSS, JS, icons, headers included) and the time until
    the page is readable (first contentful paint) on the slow connection, on a first
    visit and on a repeat visit with the browser's cache."""
    from playwright.sync_api import sync_playwright

    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        try:
            context = browser.new_context()
            context.add_cookies(
                [{"name": "vos_tz", "value": READER_ZONE, "url": f"http://{HOST}:{port}"}]
            )
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": SLOW_LATENCY_MS,
                    "downloadThroughput": SLOW_KBIT * 1000 / 8,
                    "uploadThroughput": SLOW_KBIT * 1000 / 8,
                },
            )
            received = []
            cdp.on("Network.loadingFinished", lambda event: received.append(event))
            for visit in ("first", "repeat"):
                received.clear()
                page.goto(f"http://{HOST}:{port}{path}", wait_until="load", timeout=60_000)
                page.wait_for_timeout(500)  # late icons
                paint = page.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0] || {})"
                    ".startTime || 0"
                )
                figures[f"{visit} KB"] = sum(e["encodedDataLength"] for e in received) / 1024
                figures[f"{visit} readable s"] = paint / 1000
        finally:
            browser.close()
    return figures


def count_cards(port: int, path: str) -> int:
    body = fetch(port, path, {"Cookie": "vos_tz=" + READER_ZONE})[1]
    return body.count(b'class="activity-card')


def overbooked(activities: list[tuple[int, int]]) -> str:
    from vos.registration.models import Registration

    over = []
    for pk, capacity in activities:
        confirmed = Registration.objects.filter(activity_id=pk, status="confirmed").count()
        if confirmed > capacity:
            over.append(f"{pk} ({confirmed} of {capacity})")
    return ", ".join(over)


def database_description() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        major, rest = divmod(connection.pg_version, 10000)
        return f"PostgreSQL {major}.{rest} with Redis"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version} (no Redis: page cache off)"


# ---------------------------------------------------------------------------
# PostgreSQL's database of its own, and the report
# ---------------------------------------------------------------------------


def postgres_database(action: str, name: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            if action == "create":
                admin.execute(f'CREATE DATABASE "{name}"')
            else:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL at {POSTGRES_ADMIN_URL} cannot be used: {error}", file=sys.stderr)
        return False
    return True


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_BENCH_URL).flushdb()


def table(result: LegResult) -> str:
    lines = [
        f"### {result.facts.get('database', result.database)}",
        "",
        "| page | requests/s | p50 ms | p99 ms | errors | KB raw | KB compressed | queries |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in result.rows:

        def number(value, digits=1, row=row):
            return "" if value is None or (value == 0 and row.note) else f"{value:,.{digits}f}"

        lines.append(
            f"| {row.name} | {number(row.requests_per_second, 0)} | {row.p50_ms:.1f} "
            f"| {row.p99_ms:.1f} | {'' if row.note and not row.requests_per_second else row.errors} "
            f"| {number(row.raw_kb)} | {number(row.compressed_kb)} "
            f"| {'' if row.queries is None else row.queries} |"
        )
    notes = [f"- {row.name}: {row.note}" for row in result.rows if row.note]
    facts = [f"- {name}: {value}" for name, value in result.facts.items() if name != "database"]
    return "\n".join([*lines, "", *facts, *notes])


def report(results: list[LegResult], size: forum.Size, seconds: int) -> str:
    import django

    head = [
        f"## {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, the {size.name} size",
        "",
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, Django {django.get_version()}; gunicorn "
        f"{GUNICORN_WORKERS} workers of {GUNICORN_THREADS} threads; wrk {WRK_THREADS} "
        f"threads, {CONNECTIONS} connections, {seconds} s a page, on the same machine; "
        "pages asked with `Accept-Encoding: br, gzip`; anonymous pages in the zone "
        f"{READER_ZONE}. Queries: those of building the page (a cache hit makes none).",
        "",
    ]
    return "\n".join(head + [table(result) + "\n" for result in results])


def parse_options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(forum.SIZES), default="forum")
    parser.add_argument("--seconds", type=int, default=20, help="wrk's time per page (20)")
    parser.add_argument(
        "--databases", default="sqlite,postgres", help="sqlite, postgres or both (the default)"
    )
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    parser.add_argument(
        "--only",
        default="",
        help="measure only the rows whose names hold one of these comma-separated words "
        "(implies --no-write), e.g. --only 'registration burst'",
    )
    parser.add_argument("--leg", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if not 1 <= options.seconds <= 60:
        parser.error("--seconds must be between 1 and 60")
    return options


def main() -> int:
    options = parse_options()
    os.chdir(ROOT)
    size = forum.SIZES[options.size]
    if options.leg:  # inside the process of one database
        signal.alarm(40 * 60)  # a hard bound, whatever hangs
        only = [part for part in options.only.split(",") if part]
        result = run_leg(options.leg, size, options.seconds, options.database_url or "", only)
        Path(options.output).write_text(json.dumps(asdict(result)))
        return 0
    if shutil.which("wrk") is None:
        print("wrk is needed: apt-get install wrk", file=sys.stderr)
        return 1
    results = []
    for database in options.databases.split(","):
        name = f"vos_bench_{os.getpid()}"
        url = ""
        if database == "postgres":
            if not postgres_database("create", name):
                return 1
            url = urllib.parse.urlunsplit(
                urllib.parse.urlsplit(POSTGRES_ADMIN_URL)._replace(path=f"/{name}")
            )
            flush_redis()
        output = Path(tempfile.mkstemp(prefix="vos-bench-", suffix=".json")[1])
        try:
            # Our own interpreter and script, with fixed arguments.
            completed = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--leg", database, "--size", size.name,
                 "--seconds", str(options.seconds), "--database-url", url,
                 "--only", options.only,
                 "--output", str(output)],
                cwd=ROOT, check=False,
            )  # fmt: skip
            if completed.returncode != 0:
                print(f"BENCHMARK FAILED on {database}", file=sys.stderr)
                return 1
            raw = json.loads(output.read_text())
            results.append(
                LegResult(raw["database"], [Row(**row) for row in raw["rows"]], raw["facts"])
            )
        finally:
            output.unlink(missing_ok=True)
            if database == "postgres":
                postgres_database("drop", name)
                flush_redis()
    text = report(results, size, options.seconds)
    print()
    print(text)
    if not options.no_write and not options.only:
        (BENCH / "RESULTS.md").write_text(
            "# Latest benchmark results\n\nWritten by `make bench` (bench/run.py); "
            "bench/README.md says what each figure means.\n\n" + text
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
