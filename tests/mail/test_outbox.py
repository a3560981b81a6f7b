import datetime as dt

import pytest
from django.core.mail import EmailMultiAlternatives, send_mail
from django.utils import timezone

from tests.conftest import body_of
from vos.mail.models import OutboxMessage
from vos.mail.services import outbox_send, outbox_sweep

pytestmark = pytest.mark.django_db


def time_passes(row) -> None:
    """The retry delay is over, and the message's own task had its chance."""
    OutboxMessage.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(minutes=2)
    )


def test_sending_writes_a_row_first_then_the_task_delivers_it(
    mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_mail("Welcome", "Hello Grace", "forum@example.org", ["grace@example.org"])
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts, row.to) == ("queued", 0, ["grace@example.org"])
    assert mailbox.messages == []
    for callback in callbacks:
        callback()
    [message] = mailbox.wait_for(1)
    assert (message["Subject"], body_of(message).strip()) == ("Welcome", "Hello Grace")
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 1)


def test_html_and_text_parts_both_arrive(mailbox, django_capture_on_commit_callbacks):
    email = EmailMultiAlternatives(
        "Both", "plain words", "forum@example.org", ["kenji@example.org"]
    )
    email.attach_alternative("<p>html words</p>", "text/html")
    with django_capture_on_commit_callbacks(execute=True):
        email.send()
    [message] = mailbox.wait_for(1)
    assert body_of(message).strip() == "plain words"
    assert message.get_body(preferencelist=("html",)).get_content().strip() == "<p>html words</p>"


def test_a_sent_message_is_never_sent_twice(mailbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Once", "only once", "forum@example.org", ["ana@example.org"])
    row = OutboxMessage.objects.get()
    assert outbox_send(message_id=row.pk) == "sent"
    assert outbox_send(message_id=row.pk) == "sent"
    assert len(mailbox.wait_for(1)) == 1
    row.refresh_from_db()
    assert row.attempts == 1


def test_refused_message_waits_and_arrives_once_server_accepts(
    mailbox, django_capture_on_commit_callbacks
):
    mailbox.refusing = True
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Patience", "it will come", "forum@example.org", ["olu@example.org"])
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts) == ("queued", 1)
    assert "451" in row.last_error
    assert mailbox.messages == []

    mailbox.refusing = False
    assert outbox_sweep() == 0  # not due yet: it waits for its delay
    assert row.next_attempt_at > timezone.now()
    time_passes(row)
    assert outbox_sweep() == 1
    [message] = mailbox.wait_for(1)
    assert message["Subject"] == "Patience"
    assert message["Message-ID"] == row.message_id  # the one fixed before the first attempt
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert outbox_sweep() == 0


def test_message_gives_up_after_max_attempts(mailbox, settings, django_capture_on_commit_callbacks):
    settings.MAIL_MAX_ATTEMPTS = 2
    mailbox.refusing = True
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Never", "refused", "forum@example.org", ["diego@example.org"])
    row = OutboxMessage.objects.get()
    time_passes(row)
    assert outbox_send(message_id=row.pk) == "failed"
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 2)


def test_a_message_held_by_a_dead_worker_is_sent_again_under_the_same_message_id(
    mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        send_mail("Held", "by a worker that died", "forum@example.org", ["mei@example.org"])
    row = OutboxMessage.objects.get()
    assert row.message_id.startswith("<")
    assert row.message_id.endswith("@127.0.0.1>")  # the site's own host
    # A worker took it, then died before saying how it went.
    OutboxMessage.objects.filter(pk=row.pk).update(
        status="sending", attempts=1, lease_until=timezone.now() + dt.timedelta(minutes=2)
    )
    assert outbox_sweep() == 0  # its lease still runs: somebody may be sending it
    assert mailbox.messages == []
    OutboxMessage.objects.filter(pk=row.pk).update(
        lease_until=timezone.now() - dt.timedelta(seconds=1)
    )
    assert outbox_sweep() == 1
    [message] = mailbox.wait_for(1)
    assert message["Message-ID"] == row.message_id
    row.refresh_from_db()
    assert (row.status, row.attempts, row.lease_until) == ("sent", 2, None)


def test_a_message_id_given_by_the_sender_is_kept(mailbox, django_capture_on_commit_callbacks):
    email = EmailMultiAlternatives(
        "Mine",
        "own id",
        "forum@example.org",
        ["ana@example.org"],
        headers={"Message-ID": "<own-id@example.org>"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        email.send()
    [message] = mailbox.wait_for(1)
    assert message["Message-ID"] == "<own-id@example.org>"
    assert message.get_all("Message-ID") == ["<own-id@example.org>"]
