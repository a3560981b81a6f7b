"""The contact form's protections (honeypot, proof of work, the wait without JavaScript,
one use per form, rate limits) and the team's inbox: who sees it, assigning, replying by
email in the same thread, read back from the SMTP server."""

import itertools
import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from tests.conftest import body_of
from tests.factories import UserFactory, make_edition
from vos.contact import protection
from vos.contact.models import ContactMessage, ContactReply
from vos.edition.models import TeamRole

pytestmark = pytest.mark.django_db


def solved(challenge: str) -> str:
    """What the browser's script computes."""
    for candidate in itertools.count():
        if protection.work_done(challenge, str(candidate)):
            return str(candidate)
    raise AssertionError  # pragma: no cover


def form(**fields) -> dict:
    challenge = fields.pop("challenge", None) or protection.challenge_new()
    data = {
        "name": "Mariam",
        "email": "mariam@example.org",
        "language": "fr",
        "subject": "Interprétation en wolof ?",
        "body": "Bonjour,\nY aura-t-il une interprétation en wolof ?",
        "website": "",
        "challenge": challenge,
        "nonce": solved(challenge),
    }
    data.update(fields)
    return data


def send(data: dict, address: str = "198.51.100.7"):
    return Client(REMOTE_ADDR=address).post(reverse("contact"), data)


def test_a_message_with_the_browsers_work_lands_in_the_inbox_and_the_team_is_told(
    mailbox, django_capture_on_commit_callbacks, settings
):
    settings.VOS_CONTACT_EMAIL = "team@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(form())
    assert response.status_code == 200
    assert "Message sent" in response.content.decode()
    message = ContactMessage.objects.get()
    assert (message.email, message.language, message.state) == (
        "mariam@example.org",
        "fr",
        "open",
    )
    [notice] = mailbox.wait_for(1)
    assert notice["To"] == "team@example.org"
    assert notice["Reply-To"] == "mariam@example.org"
    assert "wolof" in body_of(notice)
    assert f"/orga/inbox/{message.pk}/" in body_of(notice)


def test_the_honeypot_answers_as_if_sent_and_keeps_nothing(mailbox):
    response = send(form(website="http://spam.example"))
    assert "Message sent" in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert mailbox.messages == []


def test_wrong_work_and_a_changed_challenge_are_refused_clearly():
    challenge = protection.challenge_new()
    wrong = next(str(n) for n in itertools.count() if not protection.work_done(challenge, str(n)))
    response = send(form(challenge=challenge, nonce=wrong))
    assert response.status_code == 400
    assert "The browser&#x27;s check did not succeed" in response.content.decode()
    response = send(form(challenge=challenge[:-2] + "xx"))
    assert "This form is too old or was changed" in response.content.decode()
    assert not ContactMessage.objects.exists()
    # The answer carries a new challenge and keeps what was written.
    page = response.content.decode()
    assert "Interprétation en wolof ?" in page
    assert challenge not in page


def test_without_javascript_the_form_is_accepted_after_the_wait(settings):
    settings.CONTACT_WAIT_SECONDS = 15
    fresh = protection.challenge_new()
    response = send(form(challenge=fresh, nonce=""))
    assert response.status_code == 400
    assert "please wait" in response.content.decode()
    assert not ContactMessage.objects.exists()
    older = protection.challenge_new(now=time.time() - 20)
    assert send(form(challenge=older, nonce="")).status_code == 200
    assert ContactMessage.objects.count() == 1
    too_old = protection.challenge_new(now=time.time() - settings.CONTACT_FORM_MAX_AGE - 5)
    assert "too old" in send(form(challenge=too_old, nonce="")).content.decode()


def test_a_form_is_accepted_once():
    data = form()
    assert send(data).status_code == 200
    again = send(data)
    assert again.status_code == 400
    assert "This form was already sent" in again.content.decode()
    assert ContactMessage.objects.count() == 1


def test_rate_limits_per_address_and_per_email(settings):
    settings.CONTACT_PER_ADDRESS_PER_HOUR = 2
    settings.CONTACT_PER_EMAIL_PER_HOUR = 2
    assert send(form(email="a@example.org")).status_code == 200
    assert send(form(email="b@example.org")).status_code == 200
    refused = send(form(email="c@example.org"))
    assert "several messages in the last hour" in refused.content.decode()
    # Another network address, the same email as twice already: refused too.
    assert send(form(email="d@example.org"), address="203.0.113.9").status_code == 200
    assert send(form(email="d@example.org"), address="203.0.113.10").status_code == 200
    assert send(form(email="d@example.org"), address="203.0.113.11").status_code == 400
    assert ContactMessage.objects.count() == 4


def test_a_tampered_signature_never_passes():
    payload = signing.loads(protection.challenge_new(), salt=protection.SALT)
    forged = signing.dumps({**payload, "t": 0}, salt="another salt", compress=True)
    with pytest.raises(Exception, match="too old or was changed"):
        protection.challenge_check(forged, solved(forged))


def received(**fields) -> ContactMessage:
    """A message as the contact form keeps it."""
    return ContactMessage.objects.create(
        **{
            "body": "Hi",
            "email": "mariam@example.org",
            "language": "en",
            "email_message_id": "<first@forum.example>",
            **fields,
        }
    )


@pytest.fixture
def team():
    person = UserFactory(display_name="Kofi")
    make_edition(facilitators=[person])
    return person


def test_the_inbox_per_role(team):
    message = received(subject="Hello")
    edition = team.facilitated_editions.get()
    people = {
        "visitor": None,
        "participant": UserFactory(),
        "moderation volunteer": UserFactory(),
        "communication volunteer": UserFactory(),
        "facilitator": team,
    }
    TeamRole.objects.create(
        edition=edition, person=people["moderation volunteer"], role="moderation"
    )
    TeamRole.objects.create(
        edition=edition, person=people["communication volunteer"], role="communication"
    )
    allowed = {"communication volunteer", "facilitator"}
    for role, person in people.items():
        client = Client()
        if person is not None:
            client.force_login(person)
        for path in (reverse("contact.inbox"), message.get_absolute_url()):
            status = client.get(path).status_code
            expected = 200 if role in allowed else (302 if person is None else 404)
            assert status == expected, (role, path, status)


def test_replies_go_by_email_in_the_thread_and_are_kept(
    team, mailbox, django_capture_on_commit_callbacks
):
    message = received(
        subject="Interprétation en wolof ?",
        body="Bonjour,\nY aura-t-il une interprétation ?",
        name="Mariam",
        language="fr",
    )
    helper = UserFactory(display_name="Ana")
    TeamRole.objects.create(
        edition=team.facilitated_editions.get(), person=helper, role="communication"
    )
    client = Client()
    client.force_login(team)
    page = message.get_absolute_url()
    assert client.post(page, {"action": "reply", "body": "  "}).status_code == 400
    assert not ContactReply.objects.exists()
    outsider = UserFactory()
    refused = client.post(page, {"action": "assign", "assigned_to": outsider.pk})
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, {"action": "assign", "assigned_to": helper.pk})
    message.refresh_from_db()
    assert message.assigned_to == helper
    [told] = mailbox.wait_for(1)
    assert told["To"] == helper.email
    assert "Interprétation en wolof ?" in told["Subject"]
    assert message.get_absolute_url()[3:] in body_of(told)
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, {"action": "reply", "body": "Oui, le samedi."})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, {"action": "reply", "body": "Et le dimanche aussi."})
    first, second = mailbox.wait_for(2)
    assert first["Subject"] == "Re: Interprétation en wolof ?"
    assert first["In-Reply-To"] == "<first@forum.example>"
    assert first["Content-Language"] == "fr"
    assert "Oui, le samedi." in body_of(first)
    assert "> Y aura-t-il une interprétation ?" in body_of(first)
    assert second["In-Reply-To"] == first["Message-ID"]
    assert second["References"].split() == ["<first@forum.example>", first["Message-ID"]]
    message.refresh_from_db()
    assert message.state == "answered"
    assert message.assigned_to == helper  # kept: a reply does not take the message over
    thread = client.get(page).content.decode()
    assert thread.index("Oui, le samedi.") < thread.index("Et le dimanche aussi.")
    client.post(page, {"action": "closed"})
    message.refresh_from_db()
    assert message.state == "closed"
    assert "Hello" not in client.get(reverse("contact.inbox") + "?show=open").content.decode()


def _piped(raw: bytes) -> str:
    """What the mail server's pipe transport does: the email on standard input."""
    import io
    import sys

    from django.core.management import call_command

    out = io.StringIO()
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw))
    try:
        call_command("contact_mail_in", stdout=out)
    finally:
        sys.stdin = stdin
    return out.getvalue()


def test_the_senders_answer_by_email_joins_the_thread(
    team, mailbox, django_capture_on_commit_callbacks
):
    from email.message import EmailMessage

    message = received(subject="Wolof?", body="Will there be Wolof?")
    client = Client()
    client.force_login(team)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(message.get_absolute_url(), {"action": "reply", "body": "Yes, Saturday."})
    [sent] = mailbox.wait_for(1)

    answer = EmailMessage()
    answer["From"] = "Mariam <Mariam@Example.org>"
    answer["To"] = "team@example.org"
    answer["Subject"] = "Re: Wolof?"
    answer["Message-ID"] = "<answer@mail.example>"
    answer["In-Reply-To"] = sent["Message-ID"]
    answer["References"] = f"<first@forum.example> {sent['Message-ID']}"
    answer.set_content("Thank you! And on Sunday?")
    assert _piped(bytes(answer)).startswith(f"thread {message.pk}")
    assert _piped(bytes(answer)).startswith(f"thread {message.pk}")  # handed over twice
    message.refresh_from_db()
    assert message.state == "open"
    [theirs] = message.replies.filter(from_sender=True)
    assert theirs.body == "Thank you! And on Sunday?"
    page = client.get(message.get_absolute_url()).content.decode()
    assert "Answer from" in page
    assert page.index("Yes, Saturday.") < page.index("And on Sunday?")

    # The next reply names the sender's answer in its references.
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(message.get_absolute_url(), {"action": "reply", "body": "Sunday too."})
    [next_reply] = mailbox.wait_for(1)
    assert next_reply["In-Reply-To"] == "<answer@mail.example>"

    # Someone else answering the same thread starts a new message instead.
    answer.replace_header("From", "someone@else.example")
    answer.replace_header("Message-ID", "<other@else.example>")
    assert _piped(bytes(answer)).startswith("new message")
    assert ContactMessage.objects.count() == 2


def test_an_unreadable_email_is_refused_for_the_mail_server_to_bounce():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no sender address") as caught:
        _piped(b"Subject: hello\r\n\r\nno sender")
    assert caught.value.returncode == 65
    assert not ContactMessage.objects.exists()
