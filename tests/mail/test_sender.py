"""The outbox's sender: a burst of emails costs a few tasks and connections, not one
task and one connection an email (the opening's registration burst, bench/README.md)."""

import pytest
from django.core.mail import send_mail
from django_tasks_db.models import DBTaskResult

from vos.mail.models import OutboxMessage
from vos.mail.services import SENDER_QUEUED, outbox_send_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_site(settings, shared_redis):
    """A site with Redis, and tasks queued in the database where the test can count them."""
    settings.REDIS_URL = shared_redis
    settings.CACHES = {
        "default": {"BACKEND": "vos.common.cache.ResilientRedisCache", "LOCATION": shared_redis}
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def test_a_burst_queues_one_sender_which_sends_all_over_one_connection(
    redis_site, mailbox, django_capture_on_commit_callbacks
):
    for number in range(30):
        with django_capture_on_commit_callbacks(execute=True):
            send_mail(f"Place {number}", "See you", "forum@example.org", [f"p{number}@example.org"])
    assert DBTaskResult.objects.count() == 1  # the first message queued it; it has not run
    assert outbox_send_due() == 30
    assert len(mailbox.wait_for(30)) == 30
    assert len(mailbox.connections) == 1
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_a_message_after_the_sender_finished_queues_a_new_one(
    redis_site, mailbox, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    with django_capture_on_commit_callbacks(execute=True):
        send_mail("First", "Hello", "forum@example.org", ["ana@example.org"])
    assert outbox_send_due() == 1
    assert cache.get(SENDER_QUEUED) is None  # it found nothing more and let go
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Second", "Hello", "forum@example.org", ["ben@example.org"])
    assert DBTaskResult.objects.count() == 2
    assert outbox_send_due() == 1
    assert [message["Subject"] for message in mailbox.wait_for(2)] == ["First", "Second"]


def test_a_long_queue_is_handed_on_in_batches(
    redis_site, mailbox, django_capture_on_commit_callbacks
):
    for number in range(12):
        with django_capture_on_commit_callbacks(execute=True):
            send_mail(f"News {number}", "Hello", "forum@example.org", [f"n{number}@example.org"])
    # Out of time after the first batch: the rest goes to a task of its own.
    assert outbox_send_due(batch=5, seconds=0) == 5
    assert DBTaskResult.objects.count() == 2
    assert OutboxMessage.objects.filter(status="queued").count() == 7


def test_a_refused_message_does_not_stop_the_batch(
    redis_site, mailbox, django_capture_on_commit_callbacks
):
    mailbox.unknown = {"gone@example.org"}
    for address in ("ana@example.org", "gone@example.org", "ben@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            send_mail("Hello", "Hello", "forum@example.org", [address])
    assert outbox_send_due() == 2
    statuses = dict(OutboxMessage.objects.values_list("to__0", "status"))
    assert statuses == {
        "ana@example.org": "sent",
        "gone@example.org": "failed",
        "ben@example.org": "sent",
    }
