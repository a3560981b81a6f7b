import pytest
from django.core.mail import EmailMultiAlternatives, send_mail

from tests.conftest import body_of
from vos.mail.models import OutboxMessage
from vos.mail.services import outbox_retry_due, outbox_send

pytestmark = pytest.mark.django_db


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
    assert outbox_retry_due() == 1
    [message] = mailbox.wait_for(1)
    assert message["Subject"] == "Patience"
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert outbox_retry_due() == 0


def test_message_gives_up_after_max_attempts(mailbox, settings, django_capture_on_commit_callbacks):
    settings.MAIL_MAX_ATTEMPTS = 2
    mailbox.refusing = True
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Never", "refused", "forum@example.org", ["diego@example.org"])
    row = OutboxMessage.objects.get()
    assert outbox_send(message_id=row.pk) == "failed"
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 2)
