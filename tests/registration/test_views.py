import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.calendars import parse_both
from tests.factories import (
    UserFactory,
    emails_sent_before,
    intention_text,
    make_activity,
    make_edition,
)
from vos.activity.models import Activity
from vos.activity.services import activity_cancel
from vos.registration.models import Registration
from vos.registration.services import registration_create, reminder_settings_for, unsubscribe_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    intention_text()
    return make_edition()


def url(name, activity):
    return reverse(name, kwargs={"slug": activity.edition.slug, "pk": activity.pk})


def test_anonymous_register_goes_to_login_and_back(client, edition):
    activity = make_activity(edition)
    response = client.post(url("registration.register", activity))
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"/en/accounts/login/?next={activity.get_absolute_url().replace('/', '%2F')}"
    )
    assert not Registration.objects.exists()


def test_logging_in_after_pressing_register_registers(client, edition):
    from tests.factories import PASSWORD

    activity = make_activity(edition, capacity=10)
    person = UserFactory(email="ines@example.org")
    client.post(url("registration.register", activity))
    response = client.post(
        f"/en/accounts/login/?next={activity.get_absolute_url()}",
        {"login": "ines@example.org", "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == activity.get_absolute_url()
    assert Registration.objects.get().person == person
    assert "You are registered. See you there!" in response.content.decode()
    # Logging in another time registers nothing more.
    client.logout()
    client.post("/en/accounts/login/", {"login": "ines@example.org", "password": PASSWORD})
    assert Registration.objects.count() == 1


def test_register_and_unregister_in_one_click_each(client, edition):
    activity = make_activity(edition, capacity=10)
    person = UserFactory()
    client.force_login(person)
    response = client.post(url("registration.register", activity), follow=True)
    assert "You are registered. See you there!" in response.content.decode()
    assert "1 of 10 places taken." in response.content.decode()
    response = client.post(url("registration.unregister", activity), follow=True)
    assert "You are no longer registered." in response.content.decode()
    assert not Registration.objects.exists()


def test_full_activity_shows_waitlist_position(client, edition):
    activity = make_activity(edition, capacity=1)
    registration_create(activity=activity, person=UserFactory())
    client.force_login(UserFactory())
    html = client.get(activity.get_absolute_url()).content.decode()
    assert ">Join the waiting list</button>" in html
    html = client.post(url("registration.register", activity), follow=True).content.decode()
    assert "you are number 1 on the waiting list" in html
    assert "You are number 1 on the waiting list." in html


@pytest.mark.parametrize("role", ["anonymous", "participant", "registrant"])
def test_registrant_list_is_hidden_from_others(client, edition, role):
    activity = make_activity(edition, organizer=UserFactory())
    registrant = UserFactory()
    registration_create(activity=activity, person=registrant)
    if role == "participant":
        client.force_login(UserFactory())
    elif role == "registrant":
        client.force_login(registrant)
    for name in ("registration.registrants", "registration.csv"):
        response = client.get(url(name, activity))
        assert response.status_code == (302 if role == "anonymous" else 404)


@pytest.mark.parametrize("role", ["organizer", "facilitator"])
def test_organizers_and_facilitators_see_names_and_emails_and_csv(client, role):
    intention_text()
    facilitator, organizer = UserFactory(), UserFactory()
    edition = make_edition(facilitators=[facilitator])
    activity = make_activity(edition, organizer=organizer, capacity=1)
    first = UserFactory(display_name="Amadou Diallo", email="amadou@example.org")
    second = UserFactory(display_name="Zoë Ñandú", email="zoe@example.org")
    registration_create(activity=activity, person=first)
    registration_create(activity=activity, person=second)
    client.force_login(organizer if role == "organizer" else facilitator)
    html = client.get(url("registration.registrants", activity)).content.decode()
    assert "amadou@example.org" in html
    assert "2 people registered" in html
    response = client.get(url("registration.csv", activity))
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert rows[0][:3] == ["Name", "Email", "Status"]
    assert [row[:3] for row in rows[1:]] == [
        ["Amadou Diallo", "amadou@example.org", "confirmed"],
        ["Zoë Ñandú", "zoe@example.org", "on the waiting list"],
    ]


def test_organizer_message_reaches_registrants(
    client, edition, mailbox, django_capture_on_commit_callbacks
):
    organizer = UserFactory()
    activity = make_activity(edition, organizer=organizer)
    registration_create(activity=activity, person=UserFactory(email="grace@example.org"))
    client.force_login(organizer)
    emails_sent_before()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("registration.message", activity),
            {"subject": "Bring a pen", "body": "See you soon."},
        )
    assert response.status_code == 302
    [message] = mailbox.wait_for(1)
    assert message["To"] == "grace@example.org"
    assert "Bring a pen" in message["Subject"]


def test_agenda_groups_by_day_and_flags_overlaps(client, edition):
    import datetime as dt

    person = UserFactory()
    start = edition.starts_at + dt.timedelta(hours=14)
    mine = make_activity(edition, title="I organize", organizer=person, starts_at=start)
    other = make_activity(edition, title="I attend", starts_at=start + dt.timedelta(minutes=30))
    far = make_activity(edition, title="Next day", starts_at=start + dt.timedelta(days=1))
    for activity in (other, far):
        registration_create(activity=activity, person=person)
    client.force_login(person)
    html = client.get(reverse("registration.agenda")).content.decode()
    assert html.count("Overlaps with another activity of your agenda.") == 2
    assert "you organize it" in html
    assert html.index("I organize") < html.index("I attend") < html.index("Next day")
    assert mine.title in html


def test_reminder_settings_are_saved(client, edition):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("registration.agenda"), {"remind_day_before": "on"})
    settings = reminder_settings_for(person)
    assert (settings.remind_day_before, settings.remind_shortly_before) == (True, False)
    html = client.get(reverse("registration.agenda")).content.decode()
    assert (
        '<input type="checkbox" name="remind_day_before" id="id_remind_day_before" checked>' in html
    )
    assert (
        '<input type="checkbox" name="remind_shortly_before" id="id_remind_shortly_before">' in html
    )
    assert '<label for="id_remind_day_before">Remind me by email a day before</label>' in html


def test_unsubscribe_link_works_without_logging_in(client):
    person = UserFactory()
    token = unsubscribe_token(person, "day")
    link = reverse("registration.unsubscribe", args=[token])
    assert client.get(link).status_code == 200
    assert reminder_settings_for(person).remind_day_before  # a GET changes nothing
    html = client.post(link).content.decode()
    assert "no longer get reminders a day before" in html
    assert not reminder_settings_for(person).remind_day_before
    assert client.post(reverse("registration.unsubscribe", args=["forged"])).status_code == 400


def test_edition_feed_round_trips_and_marks_cancellations(client, edition):
    organizer = UserFactory()
    kept = make_activity(edition, title="Kept", organizer=organizer)
    dropped = make_activity(
        edition, title="Dropped", organizer=organizer, published_at=kept.created_at
    )
    make_activity(edition, title="Secret proposal", state=Activity.State.PROPOSED)
    activity_cancel(activity=dropped, actor=organizer, reason="Rain.")
    response = client.get(f"/feeds/editions/{edition.slug}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {event["summary"]: event for event in parse_both(response.content)}
    assert set(events) == {"Kept", "Dropped"}
    assert events["Kept"]["status"] == "CONFIRMED"
    assert events["Kept"]["start"] == kept.starts_at
    assert events["Kept"]["end"] == kept.ends_at
    assert events["Dropped"]["status"] == "CANCELLED"
    assert events["Dropped"]["sequence"] == 1
    assert events["Kept"]["uid"] == f"activity-{kept.pk}@127.0.0.1"


def test_personal_feed_follows_my_agenda_and_its_secret_can_change(client, edition):
    person = UserFactory()
    activity = make_activity(edition, title="Mine")
    make_activity(edition, title="Not mine")
    registration_create(activity=activity, person=person)
    token = reminder_settings_for(person).feed_token
    events = parse_both(client.get(f"/feeds/agenda/{token}.ics").content)
    assert [event["summary"] for event in events] == ["Mine"]
    client.force_login(person)
    client.post(reverse("registration.feed_regenerate"))
    assert client.get(f"/feeds/agenda/{token}.ics").status_code == 404
    new_token = reminder_settings_for(person).feed_token
    assert client.get(f"/feeds/agenda/{new_token}.ics").status_code == 200


@pytest.mark.parametrize("count", [5, 100])
def test_agenda_query_count_does_not_grow(client, edition, django_assert_num_queries, count):
    import datetime as dt

    person = UserFactory()
    for number in range(count):
        activity = make_activity(
            edition,
            title=f"A{number}",
            starts_at=edition.starts_at + dt.timedelta(hours=10, minutes=number),
        )
        Registration.objects.create(activity=activity, person=person, status="confirmed")
    reminder_settings_for(person)
    client.force_login(person)
    with django_assert_num_queries(5):
        html = client.get(reverse("registration.agenda")).content.decode()
    assert html.count('class="activity-card') == count


def test_agenda_shows_what_is_ahead_first_and_what_is_over_after(client):
    import datetime as dt

    from django.utils import timezone

    intention_text()
    now = timezone.now()
    edition = make_edition("around-now", start=(now - dt.timedelta(days=3)).date(), days=7)
    person = UserFactory()
    over = make_activity(edition, title="Circle of last week", starts_at=now - dt.timedelta(days=2))
    older = make_activity(edition, title="Older circle", starts_at=now - dt.timedelta(days=3))
    ahead = make_activity(edition, title="Circle of tomorrow", starts_at=now + dt.timedelta(days=1))
    for activity in (over, older, ahead):  # registered back when they were ahead
        Registration.objects.create(activity=activity, person=person, status="confirmed")
    client.force_login(person)
    html = client.get(reverse("registration.agenda")).content.decode()
    assert (
        html.index("Circle of tomorrow")
        < html.index("Already over")
        < html.index("Circle of last week")
        < html.index("Older circle")
    )


@pytest.mark.django_db(transaction=True)  # the content version moves on at commit
def test_agenda_is_built_again_when_it_changes_by_itself_or_by_a_registration(
    client, edition, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 60  # the agenda's part is kept in the cache
    person = UserFactory()
    client.force_login(person)
    now = timezone.now()
    soon = make_activity(
        edition, title="Seed exchange", starts_at=now + dt.timedelta(hours=1), minutes=60
    )
    registration_create(activity=soon, person=person)
    first = client.get(reverse("registration.agenda")).content.decode()
    assert "Seed exchange" in first
    assert "Already over" not in first
    later = make_activity(
        edition, title="Water commons", starts_at=now + dt.timedelta(days=1), minutes=60
    )
    registration_create(activity=later, person=person)
    assert "Water commons" in client.get(reverse("registration.agenda")).content.decode()
    # Past the end of the first activity, with no change of data: it moves to the past.
    monkeypatch.setattr(timezone, "now", lambda: now + dt.timedelta(hours=3))
    html = client.get(reverse("registration.agenda")).content.decode()
    assert "Already over" in html
    assert html.index("Water commons") < html.index("Already over") < html.index("Seed exchange")


@pytest.mark.django_db(transaction=True)
def test_a_cached_agenda_is_served_without_loading_the_activities(client, edition, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 60
    person = UserFactory()
    for number in range(3):
        registration_create(activity=make_activity(edition, title=f"A{number}"), person=person)
    client.force_login(person)
    first = client.get(reverse("registration.agenda")).content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(reverse("registration.agenda")).content.decode()
    assert again.count('class="activity-card') == first.count('class="activity-card') == 3
    whole_rows = [
        q["sql"] for q in captured.captured_queries if '"activity_activity"."title"' in q["sql"]
    ]
    assert whole_rows == []


def test_a_registration_takes_nine_queries(client, edition, django_assert_num_queries):
    """The opening's burst (bench/README.md): the person, the activity, the lock on its
    row, one count of places and of an earlier registration, three rows written, and
    the savepoint around them; the same for every registration."""
    activity = make_activity(edition, capacity=5)
    client.force_login(UserFactory())
    client.post(url("registration.register", activity))  # the log's content type, once
    client.force_login(UserFactory())
    with django_assert_num_queries(9):
        response = client.post(url("registration.register", activity))
    assert response.status_code == 302
    assert activity.registrations.count() == 2


def test_registering_reads_only_what_it_needs_of_the_activity(client, edition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    activity = make_activity(edition, capacity=5)
    client.force_login(UserFactory())
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url("registration.register", activity))
    assert response.status_code == 302
    assert activity.registrations.count() == 1
    reads = [q["sql"] for q in captured.captured_queries if 'FROM "activity_activity"' in q["sql"]]
    # The loader's read and the lock: no whole row, nothing loaded afterwards field by field.
    assert len(reads) == 2, reads
    assert all('"activity_activity"."description"' not in sql for sql in reads)
    assert all('"edition_edition"."description"' not in sql for sql in reads)
