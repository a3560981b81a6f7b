"""The live pages under load: 500 open pages of one plenary's speakers' list (simulated
clients on loopback, each asking every 1.5 s with the version it holds, as live.js does)
for two minutes, while someone asks to speak every few seconds. Prints the update delay
(from a change's commit to each page receiving it: p50, p99), the requests per second,
the answers (304 / 200 / errors) and the app server's CPU.

    .venv/bin/python bench/live.py [--pages 500] [--seconds 120] [--every 3]

Runs the production server (gunicorn, 2 workers × 4 threads) against PostgreSQL and
Redis on this machine, in a database of its own, dropped at the end."""

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import run  # the benchmark's helpers: servers, databases, sessions

HOST = run.HOST
POLL_SECONDS = 1.5


def setup(people: int) -> tuple[int, list[str]]:
    """A live plenary with a public way in, and people signed in to ask to speak."""
    import datetime as dt

    from django.utils import timezone

    from vos.activity.models import Activity
    from vos.edition.models import IntentionText
    from vos.edition.services import edition_create
    from vos.person.models import User

    now = timezone.now()
    edition = edition_create(
        slug="live-bench", title="Live", start_date=now.date() - dt.timedelta(days=1),
        end_date=now.date() + dt.timedelta(days=1), time_zone="UTC",
    )  # fmt: skip
    activity = Activity.objects.create(
        edition=edition, title="Opening plenary", summary="All together.",
        activity_type=edition.activity_types.get(key="plenary"), languages=["en", "fr", "es"],
        starts_at=now - dt.timedelta(minutes=5), ends_at=now + dt.timedelta(hours=3),
        typed_time_zone="UTC", state="published", link_visibility="public",
        intention_text=IntentionText.objects.create(version=1, bodies={"en": "Open."}),
    )  # fmt: skip
    emails = [f"speaker{n}@bench.example" for n in range(people)]
    User.objects.bulk_create(
        [User(email=email, display_name=f"Speaker {n}", password="!") for n, email in enumerate(emails)]
    )  # fmt: skip
    return activity.pk, run.make_sessions(emails)


async def get(port: int, path: str, etag: str) -> tuple[int, str]:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        headers = f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
        if etag:
            headers += f"If-None-Match: {etag}\r\n"
        writer.write((headers + "\r\n").encode())
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        await reader.read()
        status = int(head.split(" ", 2)[1])
        found = [
            line.split(":", 1)[1].strip()
            for line in head.split("\r\n")
            if line.lower().startswith("etag:")
        ]
        return status, found[0] if found else etag
    finally:
        writer.close()


async def page(port: int, path: str, until: float, seen: list, counts: dict) -> None:
    """One open page: polls, and notes when it receives a new version."""
    await asyncio.sleep(random.uniform(0, POLL_SECONDS))
    etag = ""
    while time.monotonic() < until:
        asked = time.monotonic()
        try:
            status, new = await get(port, path, etag)
        except (OSError, asyncio.IncompleteReadError, ValueError):
            counts["errors"] += 1
        else:
            counts[status] = counts.get(status, 0) + 1
            if status == 200:
                if etag:
                    seen.append(time.monotonic())
                etag = new
        await asyncio.sleep(max(0.0, POLL_SECONDS - (time.monotonic() - asked)))


def ask(port: int, activity: int, session: str, language: str) -> int:
    import http.client

    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": run.CSRF_SECRET, "action": "ask", "language": language}
    )
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(
            "POST",
            f"/en/live/activities/{activity}/speakers/act/",
            body=body,
            headers={
                "Host": HOST,
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={run.CSRF_SECRET}; sessionid={session}",
                "Referer": f"http://{HOST}:{port}/",
            },
        )
        return connection.getresponse().status
    finally:
        connection.close()


async def changes(
    port: int, activity: int, sessions: list[str], until: float, every: float, made: list
) -> None:
    """Someone asks to speak every ``every`` seconds; notes when each change committed."""
    await asyncio.sleep(3)
    for number, session in enumerate(sessions):
        if time.monotonic() > until - 3:
            return
        status = await asyncio.to_thread(
            ask, port, activity, session, ("en", "fr", "es")[number % 3]
        )
        if status == 302:
            made.append(time.monotonic())
        await asyncio.sleep(every)


def cpu_seconds(master: int) -> float:
    """User and system CPU of the gunicorn master and its workers."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(stat.parent.name), int(fields[1])
        if master in (pid, parent):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def delays(made: list[float], seen: list[float]) -> list[float]:
    """For each new version a page received, the time since the latest change before it."""
    result = []
    for moment in seen:
        before = [change for change in made if change <= moment]
        if before:
            result.append(moment - before[-1])
    return result


async def load(
    port: int, activity: int, sessions: list[str], pages: int, seconds: int, every: float
) -> dict:
    until = time.monotonic() + seconds
    seen: list[float] = []
    made: list[float] = []
    counts: dict = {"errors": 0}
    path = f"/en/live/activities/{activity}/speakers/now/"
    await asyncio.gather(
        *(page(port, path, until, seen, counts) for _number in range(pages)),
        changes(port, activity, sessions, until, every, made),
    )
    return {"seen": seen, "made": made, "counts": counts}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--every", type=float, default=3.0, help="seconds between changes")
    options = parser.parse_args()
    os.chdir(run.ROOT)
    name = f"vos_live_{os.getpid()}"
    if not run.postgres_database("create", name):
        return 1
    url = urllib.parse.urlunsplit(
        urllib.parse.urlsplit(run.POSTGRES_ADMIN_URL)._replace(path=f"/{name}")
    )
    run.flush_redis()
    data_dir = Path(tempfile.mkdtemp(prefix="vos-live-"))
    port = run.free_port()
    server = None
    try:
        run.leg_environment(data_dir, port, "postgres", url)
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
        activity, sessions = setup(people=int(options.seconds / options.every) + 10)
        from django.db import connections

        connections.close_all()
        log_path = data_dir / "server.log"
        server = run.start(
            [sys.executable, "-m", "gunicorn", "vos.wsgi:application", "--bind", f"{HOST}:{port}",
             "--workers", str(run.GUNICORN_WORKERS), "--threads", str(run.GUNICORN_THREADS)],
            log_path,
        )  # fmt: skip
        run.wait_until_healthy(server, port, log_path)
        cpu_before, started = cpu_seconds(server.pid), time.monotonic()
        result = asyncio.run(
            load(port, activity, sessions, options.pages, options.seconds, options.every)
        )
        elapsed = time.monotonic() - started
        cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        run.stop(server)
        from django.db import connections

        connections.close_all()
        run.postgres_database("drop", name)
        run.flush_redis()
    waits = sorted(delays(result["made"], result["seen"]))
    counts = result["counts"]
    requests = sum(value for key, value in counts.items() if key != "errors") + counts["errors"]
    p99 = waits[int(len(waits) * 0.99) - 1] if waits else float("nan")
    print(f"{options.pages} open pages for {options.seconds} s, a change every {options.every} s "
          f"({len(result['made'])} changes), PostgreSQL + Redis, gunicorn 2×4")  # fmt: skip
    print("| update delay p50 | p99 | requests/s | 304 | 200 | errors | app server CPU |")
    print("|--:|--:|--:|--:|--:|--:|--:|")
    print(
        f"| {statistics.median(waits):.2f} s | {p99:.2f} s | {requests / elapsed:.0f} "
        f"| {counts.get(304, 0)} | {counts.get(200, 0)} | {counts['errors'] + sum(v for k, v in counts.items() if k not in ('errors', 200, 304))} "
        f"| {100 * cpu / elapsed:.0f} % of one core |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
