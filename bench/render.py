"""Time (and optionally profile) cold renders of the program, in-process.

``.venv/bin/python bench/render.py`` builds the forum-sized edition in a temporary SQLite
folder, then renders the busiest day of its program with the page cache off, in English
from Paris and in French from Tokyo, and prints the median of ``--rounds`` renders.
``--profile`` prints where the time goes (cProfile, sorted by own time). ``--path``
times another page instead (``{slug}`` stands for the edition's), ``--member`` signs in
as a participant with registrations first: ``--path /en/me/agenda/ --member``.
"""

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import forum  # noqa: E402 - after the path is set


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(forum.SIZES), default="dense")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--data-dir", help="keep the data here (built once, reused)")
    parser.add_argument("--path", help="the page to time, instead of the busiest day")
    parser.add_argument("--member", action="store_true", help="signed in as a participant")
    options = parser.parse_args()
    data_dir = Path(options.data_dir or tempfile.mkdtemp(prefix="vos-render-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        forum.in_process_site(data_dir)
        from django.test import Client

        from vos.edition.models import Edition

        slug = f"{options.size}-live"
        if not Edition.objects.filter(slug=slug).exists():
            started = time.perf_counter()
            forum.build(forum.SIZES[options.size])
            print(f"Built the {options.size} data in {time.perf_counter() - started:.1f} s")
        edition = Edition.objects.get(slug=slug)
        day = _busiest_day(edition)
        readers = [("en", "Europe/Paris"), ("fr", "Asia/Tokyo")]
        if options.path:
            readers = readers[:1]
        for language, zone in readers:
            client = Client(HTTP_HOST="127.0.0.1")
            client.cookies["vos_tz"] = zone
            if options.member:
                client.force_login(_member(edition))
            path = f"/{language}/editions/{slug}/program/?day={day.isoformat()}"
            if options.path:
                path = options.path.replace("{slug}", slug)
            response = client.get(path)
            assert response.status_code == 200, response.status_code
            profiler = cProfile.Profile() if options.profile else None
            times = forum.timed_gets(client, path, options.rounds, profiler)
            count = response.content.count(b'class="activity-card')
            print(
                f"{language} from {zone}, {day}: {count} activities, "
                f"{len(response.content) / 1024:.0f} KB, median {statistics.median(times):.1f} ms "
                f"(min {min(times):.1f})"
            )
            if profiler:
                stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "tottime"))
                stats.print_stats(30)
                if os.environ.get("CALLERS"):  # who calls a function: CALLERS="regex"
                    stats.print_callers(os.environ["CALLERS"])
        return 0
    finally:
        if not options.data_dir:
            shutil.rmtree(data_dir, ignore_errors=True)


def _member(edition):
    """The participant with the most registrations in the edition."""
    from django.db.models import Count

    from vos.person.models import User

    return (
        User.objects.filter(registrations__activity__edition=edition)
        .annotate(count=Count("registrations"))
        .order_by("-count")
        .first()
    )


def _busiest_day(edition):
    from collections import Counter

    from django.utils import timezone

    starts = edition.activities.values_list("starts_at", flat=True)
    days = Counter(timezone.localtime(start, edition.zone).date() for start in starts)
    return days.most_common(1)[0][0]


if __name__ == "__main__":
    sys.exit(main())
