"""The newsletter: double opt-in, one-click unsubscribe, sending resumable and exactly
once at a capped rate (two workers, an SMTP server refusing for a while), hard bounces
marking an address, the archive, and who may write."""

import datetime as dt
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.edition.models import TeamRole
from vos.mail.models import OutboxMessage, Undeliverable
from vos.mail.services import outbox_sweep
from vos.newsletter import services
from vos.newsletter.models import Delivery, Letter, Subscriber
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db


def link_in(message, pattern: str) -> str:
    return re.search(rf"https?://[^\s]+{pattern}[^\s]*", body_of(message)).group(0)


def subscribers(count: int, language: str = "en") -> list[Subscriber]:
    now = timezone.now()
    return Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n:03d}@example.org", language=language, confirmed_at=now)
        for n in range(count)
    )


def letter(author, **fields) -> Letter:
    return services.letter_save(
        author=author,
        **{
            "subject": "News of the forum",
            "body": "The **fifth** edition opens.",
            "language": "en",
            "audience": "all",
            **fields,
        },
    )


def retry_now() -> None:
    """Make every queued email due for the sweep (its retry delay passed)."""
    OutboxMessage.objects.filter(status="queued").update(
        next_attempt_at=timezone.now() - dt.timedelta(minutes=5)
    )


def test_double_opt_in_in_portuguese(client, mailbox, django_capture_on_commit_callbacks):
    page = reverse("newsletter.subscribe")
    bad = client.post(page, {"email": "not an address", "language": "pt"})
    assert bad.status_code == 400
    assert not Subscriber.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page, {"email": "Rosa@Example.org", "language": "pt"})
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.is_active) == ("rosa@example.org", False)
    [message] = mailbox.wait_for(1)
    assert message["Content-Language"] == "pt"
    confirm = link_in(message, "/newsletter/confirm/")
    path = confirm.split("8000", 1)[-1]
    assert '<form method="post">' in client.get(path).content.decode()  # a button, not a GET
    subscriber.refresh_from_db()
    assert not subscriber.is_active
    client.post(path)
    subscriber.refresh_from_db()
    assert subscriber.is_active
    assert client.post("/en/newsletter/confirm/nope/").status_code == 400


def test_an_accounts_verified_address_needs_no_confirmation(client, mailbox):
    person = UserFactory(email="amina@example.org")
    client.force_login(person)
    client.post(reverse("newsletter.subscribe"), {"email": person.email, "language": "fr"})
    assert Subscriber.objects.get().is_active
    assert mailbox.messages == []
    client.post(reverse("newsletter.subscribe"), {"action": "stop"})
    assert not Subscriber.objects.get().is_active


@pytest.fixture
def writer_person():
    intention_text()
    team = UserFactory()
    make_edition(facilitators=[team])
    return team


def test_a_letter_reaches_each_reader_once_with_one_click_unsubscribe(
    writer_person, mailbox, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_RATE_PER_SECOND = 3
    subscribers(5)
    Subscriber.objects.create(email="waiting@example.org", language="en")  # not confirmed
    draft = letter(writer_person)
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send_start(letter=draft, sender=writer_person)
    received = mailbox.wait_for(5)
    assert sorted(m["To"] for m in received) == [f"reader{n:03d}@example.org" for n in range(5)]
    draft.refresh_from_db()
    assert draft.state == "sent"
    message = received[0]
    assert "<strong>fifth</strong>" in message.get_body(preferencelist=("html",)).get_content()
    assert "The **fifth** edition opens." in body_of(message)  # the plain-text part
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"].strip("<>")
    # A mail program's one-click POST: no session, no CSRF token.
    Client(enforce_csrf_checks=True).post(
        url.split("8000", 1)[-1], {"List-Unsubscribe": "One-Click"}
    )
    assert not Subscriber.objects.get(email=message["To"]).is_active
    again = letter(writer_person, subject="Second")
    assert services.recipients(again).count() == 4


def test_the_rate_cap_holds_a_batch_a_second(writer_person, settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 4
    subscribers(10)
    draft = letter(writer_person)
    Letter.objects.filter(pk=draft.pk).update(state="sending")
    now = timezone.now()
    assert services.letter_send_batch(letter_id=draft.pk, now=now) == 4
    # Another worker at the same moment waits for the next second.
    assert services.letter_send_batch(letter_id=draft.pk, now=now) is None
    later = now + dt.timedelta(seconds=1)
    assert services.letter_send_batch(letter_id=draft.pk, now=later) == 4
    assert services.letter_send_batch(letter_id=draft.pk, now=later + dt.timedelta(seconds=1)) == 2
    assert services.letter_send_batch(letter_id=draft.pk, now=later + dt.timedelta(seconds=2)) == 0
    draft.refresh_from_db()
    assert draft.state == "sent"
    assert Delivery.objects.count() == 10


def test_a_hard_bounce_marks_the_address(
    writer_person, mailbox, django_capture_on_commit_callbacks
):
    subscribers(2)
    mailbox.unknown = {"reader001@example.org"}
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send_start(letter=letter(writer_person), sender=writer_person)
    mailbox.wait_for(1)
    assert Undeliverable.objects.get().email == "reader001@example.org"
    assert OutboxMessage.objects.get(to=["reader001@example.org"]).status == "failed"
    assert [email for email, _language in services.recipients(letter(writer_person))] == [
        "reader000@example.org"
    ]


def test_audiences_one_language_or_an_editions_participants(writer_person):
    subscribers(2, "pt")
    Subscriber.objects.create(email="fr@example.org", language="fr", confirmed_at=timezone.now())
    in_portuguese = letter(writer_person, audience="language", audience_language="pt")
    assert services.recipients(in_portuguese).count() == 2
    edition = make_edition("vos-audience")
    activity = make_activity(edition)
    registration_create(activity=activity, person=UserFactory(email="came@example.org"))
    Subscriber.objects.create(
        email="left@example.org", language="en", unsubscribed_at=timezone.now()
    )
    registration_create(activity=activity, person=UserFactory(email="left@example.org"))
    participants = letter(writer_person, audience="edition", audience_edition=edition)
    assert [email for email, _l in services.recipients(participants)] == ["came@example.org"]


def test_the_archive_and_who_writes(client, writer_person, django_capture_on_commit_callbacks):
    communication, participant = UserFactory(), UserFactory()
    TeamRole.objects.create(
        edition=writer_person.facilitated_editions.get(), person=communication, role="communication"
    )
    for person, allowed in ((writer_person, True), (communication, True), (participant, False)):
        client.force_login(person)
        assert (client.get(reverse("newsletter.new")).status_code == 200) is allowed
    client.force_login(participant)
    assert (
        client.post(
            reverse("newsletter.new"),
            {"subject": "Spam", "body": "x", "language": "en", "audience": "all"},
        ).status_code
        == 404
    )
    assert not Letter.objects.exists()

    client.force_login(communication)
    response = client.post(
        reverse("newsletter.new"),
        {"subject": "Hello", "body": "Text", "language": "en", "audience": "all"},
    )
    draft = Letter.objects.get()
    assert response.url == reverse("newsletter.write", kwargs={"pk": draft.pk})
    page = client.get(response.url).content.decode()
    assert "srcdoc" in page  # the email, as it will arrive
    client.logout()
    assert client.get(reverse("newsletter.letter", kwargs={"pk": draft.pk})).status_code == 404
    client.force_login(communication)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(response.url, {"action": "send"})
    client.logout()
    assert "Hello" in client.get(reverse("newsletter.archive")).content.decode()
    assert client.get(reverse("newsletter.letter", kwargs={"pk": draft.pk})).status_code == 200


def test_resumed_after_a_crash_and_a_refusing_server_each_reader_gets_it_once(
    writer_person, mailbox, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_RATE_PER_SECOND = 4
    subscribers(10)
    draft = letter(writer_person)
    Letter.objects.filter(pk=draft.pk).update(state="sending")
    mailbox.refusing = True
    with django_capture_on_commit_callbacks(execute=True):
        # A worker queues one batch, then dies.
        assert services.letter_send_batch(letter_id=draft.pk) == 4
    assert mailbox.messages == []
    with django_capture_on_commit_callbacks(execute=True):
        Letter.objects.filter(pk=draft.pk).update(next_batch_at=None)
        assert services.letters_resume() == 6  # ``vos remind`` takes it up
    mailbox.refusing = False
    retry_now()
    outbox_sweep()
    received = mailbox.wait_for(10)
    assert sorted(m["To"] for m in received) == [f"reader{n:03d}@example.org" for n in range(10)]
    assert services.letters_resume() == 0
    outbox_sweep()
    assert len(mailbox.messages) == 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_never_send_an_address_twice(mailbox, settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 7
    intention_text()
    team = UserFactory()
    make_edition(facilitators=[team])
    subscribers(30)
    draft = letter(team)
    Letter.objects.filter(pk=draft.pk).update(state="sending")

    def worker():
        try:
            services.letter_send(letter_id=draft.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    received = mailbox.wait_for(30)
    assert sorted(m["To"] for m in received) == [f"reader{n:03d}@example.org" for n in range(30)]
    assert Delivery.objects.count() == 30
    draft.refresh_from_db()
    assert draft.state == "sent"


def test_each_reader_gets_the_letter_in_their_language(
    writer_person, mailbox, django_capture_on_commit_callbacks
):
    now = timezone.now()
    for email, language in (
        ("ana@example.org", "pt"),
        ("jo@example.org", "en"),
        ("ali@example.org", "ar"),
    ):
        Subscriber.objects.create(email=email, language=language, confirmed_at=now)
    client = Client()
    client.force_login(writer_person)
    base = {"subject": "The program is open", "body": "Propose **now**.", "language": "en"}
    bad = client.post(
        reverse("newsletter.new"),
        {**base, "audience": "all", "version_pt_subject": "O programa está aberto"},
    )
    assert bad.status_code == 400
    assert "needs both a subject and a text" in bad.content.decode()
    same = client.post(
        reverse("newsletter.new"),
        {**base, "audience": "all", "version_en_subject": "x", "version_en_body": "y"},
    )
    assert "written in this language already" in same.content.decode()
    assert not Letter.objects.exists()
    client.post(
        reverse("newsletter.new"),
        {
            **base,
            "audience": "all",
            "version_pt_subject": "O programa está aberto",
            "version_pt_body": "Proponha **agora**.",
        },
    )
    draft = Letter.objects.get()
    assert draft.versions == {
        "pt": {"subject": "O programa está aberto", "body": "Proponha **agora**."}
    }
    preview = client.get(reverse("newsletter.write", args=[draft.pk]) + "?preview=pt")
    assert "O programa está aberto" in preview.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_send_start(letter=draft, sender=writer_person)
    received = {message["To"]: message for message in mailbox.wait_for(3)}
    assert received["ana@example.org"]["Subject"] == "O programa está aberto"
    assert "Proponha **agora**." in body_of(received["ana@example.org"])
    assert received["jo@example.org"]["Subject"] == "The program is open"
    # No Arabic version: the original, with the site's words around it in Arabic.
    assert received["ali@example.org"]["Subject"] == "The program is open"
    assert received["ali@example.org"]["Content-Language"] == "ar"
    archived = Client().get(draft.get_absolute_url() + "?language=pt").content.decode()
    assert "Proponha" in archived


def test_the_letters_page_asks_as_many_queries_for_few_or_many(writer_person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    edition = writer_person.facilitated_editions.get()
    client = Client()
    client.force_login(writer_person)
    counts = []
    for total in (3, 20):
        while Letter.objects.count() < total:
            letter(writer_person, audience="edition", audience_edition=edition)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("newsletter.letters")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
