import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import body_of
from tests.factories import (
    UserFactory,
    emails_sent_before,
    intention_text,
    make_activity,
    make_edition,
)
from vos.activity.models import Activity
from vos.activity.services import ActivityData, activity_cancel, activity_update
from vos.registration.models import Registration, ReminderSent
from vos.registration.services import (
    registration_cancel,
    registration_create,
    registration_message_send,
    reminder_settings_update,
    reminders_send_due,
    unsubscribe_token,
    unsubscribe_with_token,
    waitlist_position,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    intention_text()
    return make_edition()


def statuses(activity):
    return list(
        activity.registrations.order_by("created_at", "pk").values_list(
            "person__display_name", "status"
        )
    )


def test_registrations_fill_capacity_then_waitlist_in_order(edition):
    activity = make_activity(edition, capacity=2)
    people = [UserFactory(display_name=name) for name in ("Ana", "Ben", "Chloé", "Dev")]
    for person in people:
        registration_create(activity=activity, person=person)
    assert statuses(activity) == [
        ("Ana", "confirmed"),
        ("Ben", "confirmed"),
        ("Chloé", "waitlisted"),
        ("Dev", "waitlisted"),
    ]
    waiting = Registration.objects.get(person=people[3])
    assert waitlist_position(waiting) == 2


def test_the_waiting_list_number_counted_under_the_lock_is_the_one_told(edition):
    from vos.mail.models import OutboxMessage

    activity = make_activity(edition, capacity=1)
    registration_create(activity=activity, person=UserFactory())
    registration_create(activity=activity, person=UserFactory())
    third = UserFactory(email="third@example.org", preferred_language="en")

    made = registration_create(activity=activity, person=third)

    assert made.known_position == 2
    assert waitlist_position(Registration.objects.get(pk=made.pk)) == 2
    email = OutboxMessage.objects.get(to=["third@example.org"])
    assert "you are number 2 on the waiting list" in email.body


def test_registering_twice_keeps_one_registration(edition):
    activity = make_activity(edition)
    person = UserFactory()
    first = registration_create(activity=activity, person=person)
    assert registration_create(activity=activity, person=person) == first
    assert activity.registrations.count() == 1


def test_unlimited_activity_confirms_everyone(edition):
    activity = make_activity(edition, capacity=None)
    for _number in range(5):
        registration_create(activity=activity, person=UserFactory())
    assert set(activity.registrations.values_list("status", flat=True)) == {"confirmed"}


@pytest.mark.parametrize("state", [Activity.State.PROPOSED, Activity.State.CANCELLED])
def test_cannot_register_to_unpublished_or_cancelled(edition, state):
    activity = make_activity(edition, state=state)
    with pytest.raises(ValidationError, match="not open for registration"):
        registration_create(activity=activity, person=UserFactory())


def test_cannot_register_to_past_activity():
    intention_text()
    edition = make_edition(start=dt.date(2020, 6, 20), open_proposals=False)
    activity = make_activity(edition)
    with pytest.raises(ValidationError, match="over"):
        registration_create(activity=activity, person=UserFactory())


def test_leaving_promotes_first_in_line_and_emails_them(
    edition, mailbox, django_capture_on_commit_callbacks
):
    activity = make_activity(edition, title="Capoeira", capacity=1)
    ana, ben, chloe = (
        UserFactory(display_name=n, email=f"{n.lower()}@example.org")
        for n in ("Ana", "Ben", "Chloe")
    )
    for person in (ana, ben, chloe):
        registration_create(activity=activity, person=person)
    emails_sent_before()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(activity=activity, person=ana)
    assert statuses(activity) == [("Ben", "confirmed"), ("Chloe", "waitlisted")]
    [message] = mailbox.wait_for(1)
    assert message["To"] == "ben@example.org"
    assert "Capoeira" in message["Subject"]


def test_leaving_the_waitlist_promotes_nobody(edition, mailbox, django_capture_on_commit_callbacks):
    activity = make_activity(edition, capacity=1)
    ana, ben, chloe = UserFactory(), UserFactory(), UserFactory()
    for person in (ana, ben, chloe):
        registration_create(activity=activity, person=person)
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(activity=activity, person=ben)
    assert list(activity.registrations.values_list("person", "status")) == [
        (ana.pk, "confirmed"),
        (chloe.pk, "waitlisted"),
    ]
    assert mailbox.messages == []


def data_of(activity, **changes) -> ActivityData:
    values = {
        "title": activity.title,
        "summary": activity.summary,
        "activity_type": activity.activity_type,
        "languages": activity.languages,
        "starts_at": activity.starts_at,
        "ends_at": activity.ends_at,
        "typed_time_zone": activity.typed_time_zone,
        "capacity": activity.capacity,
    }
    values.update(changes)
    return ActivityData(**values)


def test_raising_capacity_promotes_the_waitlist(edition, django_capture_on_commit_callbacks):
    organizer = UserFactory()
    activity = make_activity(edition, capacity=1, organizer=organizer)
    people = [UserFactory() for _number in range(3)]
    for person in people:
        registration_create(activity=activity, person=person)
    with django_capture_on_commit_callbacks(execute=True):
        activity_update(activity=activity, editor=organizer, data=data_of(activity, capacity=2))
    assert list(activity.registrations.values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
        "waitlisted",
    ]


def test_new_time_emails_everyone_old_and_new_time_in_their_zone_and_language(
    edition, mailbox, django_capture_on_commit_callbacks
):
    organizer = UserFactory()
    start = dt.datetime.combine(edition.start_date, dt.time(14), tzinfo=dt.UTC)
    activity = make_activity(edition, title="Radio", starts_at=start, organizer=organizer)
    lucia = UserFactory(
        email="lucia@example.org", preferred_language="es", time_zone="America/Caracas"
    )
    priya = UserFactory(
        email="priya@example.org", preferred_language="en", time_zone="Asia/Kolkata"
    )
    for person in (lucia, priya):
        registration_create(activity=activity, person=person)
    new_start = start + dt.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        activity_update(
            activity=activity,
            editor=organizer,
            data=data_of(
                activity, starts_at=new_start, ends_at=new_start + dt.timedelta(minutes=90)
            ),
        )
    messages = {message["To"]: body_of(message) for message in mailbox.wait_for(2)}
    caracas, kolkata = zoneinfo.ZoneInfo("America/Caracas"), zoneinfo.ZoneInfo("Asia/Kolkata")
    spanish = messages["lucia@example.org"]
    assert f"{start.astimezone(caracas):%H:%M} (Caracas, UTC-4)" in spanish
    assert f"{new_start.astimezone(caracas):%H:%M} (Caracas, UTC-4)" in spanish
    assert "han cambiado" in spanish
    english = messages["priya@example.org"]
    assert f"{start.astimezone(kolkata):%H:%M} (Kolkata, UTC+5:30)" in english
    assert f"{new_start.astimezone(kolkata):%H:%M} (Kolkata, UTC+5:30)" in english
    assert "have changed its time" in english


def test_cancellation_emails_every_registrant(edition, mailbox, django_capture_on_commit_callbacks):
    organizer = UserFactory()
    activity = make_activity(edition, title="Yoga", capacity=1, organizer=organizer)
    for person in (UserFactory(), UserFactory()):
        registration_create(activity=activity, person=person)
    emails_sent_before()
    with django_capture_on_commit_callbacks(execute=True):
        activity_cancel(activity=activity, actor=organizer, reason="Storm cut the power.")
    messages = mailbox.wait_for(2)
    assert all("Storm cut the power." in body_of(message) for message in messages)
    assert all(
        message["Subject"] == "[VOS] Cancelled: “Yoga”" or "Yoga" in message["Subject"]
        for message in messages
    )


def test_reminders_at_the_right_moments_exactly_once(
    edition, mailbox, django_capture_on_commit_callbacks
):
    start = dt.datetime.combine(edition.start_date, dt.time(15), tzinfo=dt.UTC)
    activity = make_activity(edition, title="Hackathon", starts_at=start)
    person = UserFactory(email="olu@example.org")
    registration = registration_create(activity=activity, person=person)
    Registration.objects.filter(pk=registration.pk).update(created_at=start - dt.timedelta(days=3))

    emails_sent_before()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send_due(now=start - dt.timedelta(hours=25)) == 0  # too early
        assert reminders_send_due(now=start - dt.timedelta(hours=23)) == 1  # the day before
        assert reminders_send_due(now=start - dt.timedelta(hours=22)) == 0  # already sent
        assert reminders_send_due(now=start - dt.timedelta(minutes=20)) == 0
        assert reminders_send_due(now=start - dt.timedelta(minutes=14)) == 1  # shortly before
        assert reminders_send_due(now=start - dt.timedelta(minutes=5)) == 0
        assert reminders_send_due(now=start + dt.timedelta(minutes=1)) == 0  # started
    subjects = [message["Subject"] for message in mailbox.wait_for(2)]
    assert subjects == ["Tomorrow: “Hackathon”", "Starting in 15 minutes: “Hackathon”"]
    assert sorted(ReminderSent.objects.values_list("kind", flat=True)) == ["day", "soon"]


def test_reminders_respect_each_persons_choice(edition, django_capture_on_commit_callbacks):
    start = dt.datetime.combine(edition.start_date, dt.time(15), tzinfo=dt.UTC)
    activity = make_activity(edition, starts_at=start)
    person = UserFactory()
    registration_create(activity=activity, person=person)
    Registration.objects.update(created_at=start - dt.timedelta(days=3))
    reminder_settings_update(person=person, day_before=False, shortly_before=True)
    assert reminders_send_due(now=start - dt.timedelta(hours=23)) == 0
    assert reminders_send_due(now=start - dt.timedelta(minutes=10)) == 1


def test_late_registrant_gets_no_day_before_reminder(edition):
    start = dt.datetime.combine(edition.start_date, dt.time(15), tzinfo=dt.UTC)
    activity = make_activity(edition, starts_at=start)
    registration_create(activity=activity, person=UserFactory())
    Registration.objects.update(created_at=start - dt.timedelta(hours=2))
    assert reminders_send_due(now=start - dt.timedelta(hours=1)) == 0


def test_unsubscribe_token_turns_one_reminder_off(edition):
    person = UserFactory()
    token = unsubscribe_token(person, "soon")
    unsubscribe_with_token(token)
    person.reminder_settings.refresh_from_db()
    assert (
        person.reminder_settings.remind_day_before,
        person.reminder_settings.remind_shortly_before,
    ) == (True, False)
    with pytest.raises(ValidationError, match="not valid"):
        unsubscribe_with_token(token[:-2] + "xx")


def test_message_to_registrants_is_rate_limited(
    edition, mailbox, django_capture_on_commit_callbacks
):
    organizer = UserFactory()
    activity = make_activity(edition, organizer=organizer)
    for _number in range(2):
        registration_create(activity=activity, person=UserFactory())
    for number in range(3):
        emails_sent_before()
        with django_capture_on_commit_callbacks(execute=True):
            assert (
                registration_message_send(
                    activity=activity, sender=organizer, subject=f"News {number}", body="Hello"
                )
                == 2
            )
    with pytest.raises(ValidationError, match="already written 3 messages"):
        registration_message_send(activity=activity, sender=organizer, subject="More", body="Hello")
    assert len(mailbox.wait_for(6)) == 6


@pytest.mark.django_db(transaction=True)
def test_publishing_schedules_reminder_runs_on_the_worker(settings):
    from django_tasks_db.models import DBTaskResult

    from tests.factories import make_activity as make
    from vos.activity.services import activity_decide
    from vos.registration.tasks import send_activity_reminders

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    intention_text()
    edition = make_edition()
    activity = make(edition, state=Activity.State.PROPOSED)
    activity_decide(activity=activity, facilitator=UserFactory(), decision="publish")
    runs = sorted(
        DBTaskResult.objects.filter(task_path=send_activity_reminders.module_path).values_list(
            "run_after", flat=True
        )
    )
    assert runs == [
        activity.starts_at - dt.timedelta(hours=24),
        activity.starts_at - dt.timedelta(minutes=15),
    ]


def test_a_place_is_confirmed_by_email_with_its_calendar_file(
    edition, mailbox, django_capture_on_commit_callbacks
):
    import icalendar

    activity = make_activity(edition, title="Capoeira", capacity=1)
    ana = UserFactory(email="ana@example.org", preferred_language="pt", time_zone="Africa/Maputo")
    ben = UserFactory(email="ben@example.org", preferred_language="es")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(activity=activity, person=ana)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(activity=activity, person=ben)
    to_ana, to_ben = sorted(mailbox.wait_for(2), key=lambda message: message["To"])
    assert to_ana["Subject"].strip() == "Inscrição feita: “Capoeira”"
    local = activity.starts_at.astimezone(zoneinfo.ZoneInfo("Africa/Maputo"))
    assert f"{local:%H:%M}" in body_of(to_ana)
    assert "(Maputo, UTC+2)" in body_of(to_ana)
    [calendar] = list(to_ana.iter_attachments())
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_filename() == f"activity-{activity.pk}.ics"
    event = icalendar.Calendar.from_ical(calendar.get_content()).walk("VEVENT")[0]
    assert event["summary"] == "Capoeira"
    assert event.decoded("dtstart") == activity.starts_at
    # The waiting list says which place in line, and brings no calendar file yet.
    assert to_ben["Subject"].strip() == "Estás en la lista de espera: “Capoeira”"
    assert "eres la persona número 1 de la lista de espera" in body_of(to_ben)
    assert list(to_ben.iter_attachments()) == []
    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(activity=activity, person=ana)
    [promoted] = mailbox.wait_for(1)
    assert [part.get_filename() for part in promoted.iter_attachments()] == [
        f"activity-{activity.pk}.ics"
    ]


def test_the_calendar_file_is_in_the_readers_language_and_follows_a_move(
    edition, mailbox, django_capture_on_commit_callbacks
):
    """The file is built once per activity and language for a burst, and never served
    stale: a moved activity gets a new one."""
    import icalendar

    activity = make_activity(edition, title="Seeds", capacity=10)
    activity.translations = {"fr": {"title": "Semences"}}
    activity.save()

    def event_sent_to(person) -> icalendar.Event:
        mailbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            registration_create(activity=activity, person=person)
        [message] = mailbox.wait_for(1)
        [calendar] = list(message.iter_attachments())
        return icalendar.Calendar.from_ical(calendar.get_content()).walk("VEVENT")[0]

    assert event_sent_to(UserFactory(preferred_language="fr"))["summary"] == "Semences"
    assert event_sent_to(UserFactory(preferred_language="en"))["summary"] == "Seeds"
    activity.starts_at += dt.timedelta(hours=2)
    activity.ends_at += dt.timedelta(hours=2)
    activity.save()
    moved = event_sent_to(UserFactory(preferred_language="fr"))
    assert moved.decoded("dtstart") == activity.starts_at
    assert moved["summary"] == "Semences"


def test_email_subjects_and_text_parts_are_not_html_escaped(
    edition, mailbox, django_capture_on_commit_callbacks
):
    title = 'Cours : l\'histoire de "Porto Alegre" & <2001>\nBcc: x@evil.example'
    activity = make_activity(edition, title=title)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(activity=activity, person=UserFactory(preferred_language="fr"))
    [message] = mailbox.wait_for(1)
    assert message["Subject"].strip() == (
        'Inscription confirmée : « Cours : l\'histoire de "Porto Alegre" & <2001> '
        "Bcc: x@evil.example »"
    )
    assert message["Bcc"] is None
    text = body_of(message)
    assert 'Cours : l\'histoire de "Porto Alegre" & <2001>' in text
    assert "&#x27;" not in text
    assert "&quot;" not in text
    assert "&amp;" not in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "l&#x27;histoire de &quot;Porto Alegre&quot; &amp; &lt;2001&gt;" in html
