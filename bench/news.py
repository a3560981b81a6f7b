"""Time cold renders of the news pages, in-process, at the size of a forum's news.

``.venv/bin/python bench/news.py`` builds, in a temporary SQLite folder, 300 published
articles on 10 subjects, each with two versions in other languages (900 rows), then
renders with the page cache off: the list, a subject's list, the list of one language,
an article, the site's RSS feed and the API list. It prints, for each, the median of
``--rounds`` renders, the queries it asks and its size. ``--profile`` prints where the
time of the list goes (cProfile, sorted by own time).
"""

import argparse
import cProfile
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

ARTICLES, SUBJECTS = 300, 10
LANGUAGES = ["en", "fr", "es", "pt"]


def build() -> None:
    import datetime as dt

    from django.utils import timezone

    from vos.edition.models import Edition
    from vos.news.models import Article, Subject
    from vos.person.models import User

    team = User.objects.create_user(email="team@bench.example", password="x")
    edition = Edition.objects.create(
        slug="bench", title="Bench", start_date=dt.date(2030, 1, 1), end_date=dt.date(2030, 1, 2)
    )
    edition.facilitators.add(team)
    subjects = [
        Subject.objects.create(slug=f"subject-{n}", name=f"Subject {n}") for n in range(SUBJECTS)
    ]
    now = timezone.now()
    for number in range(ARTICLES):
        language = LANGUAGES[number % len(LANGUAGES)]
        original = Article.objects.create(
            slug=f"article-{number}",
            language=language,
            title=f"Article number {number} on the forum",
            summary="Two or three sentences that say what the article is about. " * 2,
            body="A paragraph of **Markdown** text.\n\n" * 20,
            edition=edition,
            published_at=now - dt.timedelta(hours=number),
            created_by=team,
        )
        original.subjects.set([subjects[number % SUBJECTS], subjects[(number * 7) % SUBJECTS]])
        original.authors.add(team)
        others = [code for code in LANGUAGES if code != language][:2]
        Article.objects.bulk_create(
            Article(
                slug=f"article-{number}-{code}",
                language=code,
                original=original,
                title=f"Version {code} of article {number}",
                summary="Deux ou trois phrases. " * 3,
                body="Un paragraphe.\n\n" * 20,
                published_at=now - dt.timedelta(hours=number),
                created_by=team,
            )
            for code in others
        )


def _counting(asked: list[str]):
    def wrapper(run, sql, params, many, context):
        asked.append(sql)
        return run(sql, params, many, context)

    return wrapper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="vos-news-"))
    try:
        forum.in_process_site(data_dir)
        from django.db import connection
        from django.test import Client

        started = time.perf_counter()
        build()
        print(
            f"{ARTICLES} articles, {ARTICLES * 2} versions: built in {time.perf_counter() - started:.1f} s"
        )
        pages = {
            "news list (fr)": "/fr/news/",
            "a subject (fr)": "/fr/news/subjects/subject-3/",
            "written in Spanish": "/en/news/?language=es",
            "an article": "/en/news/article-150/",
            "RSS feed": "/en/news/feed.rss",
            "API list": "/api/v1/articles?limit=50",
        }
        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies["vos_tz"] = "Africa/Dakar"
        print(f"{'page':<22} {'median ms':>10} {'min ms':>8} {'queries':>8} {'KB':>6}")
        for name, path in pages.items():
            asked: list[str] = []
            with connection.execute_wrapper(_counting(asked)):
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            profiler = cProfile.Profile() if options.profile and name.startswith("news") else None
            times = forum.timed_gets(client, path, options.rounds, profiler)
            print(
                f"{name:<22} {statistics.median(times):>10.1f} {min(times):>8.1f} "
                f"{len(asked):>8} {len(response.content) / 1024:>6.0f}"
            )
            if profiler:
                pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        return 0
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
