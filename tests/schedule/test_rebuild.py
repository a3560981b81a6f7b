"""Exports rebuilt off the request path: after a change, readers keep the previous
export until the worker has built the new one."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_activity, make_edition

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
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
