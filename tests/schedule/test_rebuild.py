"""Exports rebuilt off the request path: after a change, readers keep the previous
export until the worker has built the new one."""

import gzip
import os

import brotli
import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from tests.conftest import require_component
from tests.factories import make_activity, make_edition
from vos.schedule.exports import _body_key

pytestmark = pytest.mark.django_db(transaction=True)


def redis_url() -> str:
    """This test worker's Redis database (see tests/settings.py)."""
    return django_settings.RQ_QUEUES["default"]["URL"].rsplit("/", 1)[0] + "/{}".format(
        1 + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    )


def redis_available() -> bool:
    try:
        return redis.Redis.from_url(redis_url()).ping()
    except redis.ConnectionError:
        return False


@pytest.fixture
def database_queue(settings):
    """The worker's own queue, and a cache every process shares (Redis): the rebuilt
    export must reach the web processes."""
    require_component(redis_available(), "Redis on 127.0.0.1:6379")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = {
        "default": {"BACKEND": "vos.common.cache.ResilientRedisCache", "LOCATION": redis_url()}
    }
    cache.clear()
    yield
    cache.clear()


def rename(activity, title: str) -> None:
    activity.title = title
    activity.summary = f"Summary of {title}"
    activity.updated_at = timezone.now()
    activity.save()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")


def queued() -> list[str]:
    from django_tasks_db.models import DBTaskResult

    return [row.task_path for row in DBTaskResult.objects.filter(status="READY")]


@pytest.mark.parametrize("kind", ["xml", "json", "ics"])
def test_readers_keep_the_previous_export_until_the_new_one_is_built(client, database_queue, kind):
    edition = make_edition("vos-rebuild")
    activity = make_activity(edition, title="Seed exchange")
    path = f"/editions/{edition.slug}/schedule.{kind}"
    before = client.get(path)
    assert b"Seed exchange" in before.content

    rename(activity, "Seed library")
    for _reader in range(3):
        during = client.get(path)
        assert during.content == before.content
        assert during["ETag"] == before["ETag"]
    assert queued() == ["vos.schedule.tasks.schedule_export_rebuild"]

    run_worker()
    after = client.get(path)
    assert b"Seed library" in after.content
    assert b"Seed exchange" not in after.content
    assert after["ETag"] != before["ETag"]
    assert queued() == []


def test_each_language_is_rebuilt_on_its_own(client, database_queue):
    edition = make_edition("vos-rebuild-languages")
    activity = make_activity(edition, title="Radio")
    path = f"/editions/{edition.slug}/schedule.json"
    client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    rename(activity, "Radio libre")
    client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert len(queued()) == 2
    run_worker()
    assert b"Radio libre" in client.get(path, HTTP_ACCEPT_LANGUAGE="en").content
    assert b"Radio libre" in client.get(path, HTTP_ACCEPT_LANGUAGE="fr").content


def test_unchanged_content_is_served_without_asking_the_database(
    client, settings, database_queue, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 60  # the content version is trusted, as with Redis
    edition = make_edition("vos-rebuild-quiet")
    make_activity(edition, title="Quiet")
    path = f"/editions/{edition.slug}/schedule.xml"
    first = client.get(path)
    with django_assert_num_queries(1):  # the edition; no program version
        again = client.get(path)
    assert again.content == first.content


def test_where_each_process_has_its_own_cache_the_request_builds_it(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    edition = make_edition("vos-rebuild-local")
    activity = make_activity(edition, title="Seed exchange")
    path = f"/editions/{edition.slug}/schedule.json"
    client.get(path)
    rename(activity, "Seed library")
    assert b"Seed library" in client.get(path).content
    assert queued() == []


@pytest.mark.parametrize(
    ("encoding", "decompress"), [("br", brotli.decompress), ("gzip", gzip.decompress)]
)
def test_exports_are_served_compressed_as_they_were_stored(client, encoding, decompress):
    edition = make_edition("vos-compressed")
    make_activity(edition, title="Seed exchange")
    path = f"/editions/{edition.slug}/schedule.xml"
    plain = client.get(path, HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in plain
    packed = client.get(path, HTTP_ACCEPT_ENCODING=f"{encoding}, deflate")
    assert packed["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed["Vary"]
    assert decompress(packed.content) == plain.content
    assert packed["ETag"] == "W/" + plain["ETag"]
    again = client.get(path, HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304


def test_an_export_whose_bodies_the_cache_lost_is_built_again(client):
    edition = make_edition("vos-evicted")
    make_activity(edition, title="Seed exchange")
    path = f"/editions/{edition.slug}/schedule.json"
    first = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    etag = first["ETag"].removeprefix("W/")
    lost = [_body_key(etag, encoding) for encoding in ("", "br", "gzip")]
    assert len(cache.get_many(lost)) == 3  # kept apart from the export's slot
    cache.delete_many(lost)
    again = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert again.status_code == 200
    assert gzip.decompress(again.content) == gzip.decompress(first.content)
    assert again["ETag"] == first["ETag"]
