"""Taking part: registrations with capacity and waiting list, reminders, change notices."""

import datetime as dt
import functools

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import default_task_backend

from vos.activity.calendar import activity_ics
from vos.activity.models import Activity, Interpreter
from vos.common.log import log_action, log_for
from vos.mail.services import mail_to_person
from vos.person.models import User
from vos.registration.models import Registration, ReminderSent, ReminderSettings, _feed_token
from vos.registration.tasks import send_activity_reminders

DAY_BEFORE = dt.timedelta(hours=24)
SHORTLY_BEFORE = dt.timedelta(minutes=15)
UNSUBSCRIBE_SALT = "vos.registration.unsubscribe"


def _locked_activity(activity: Activity) -> Activity:
    """Lock the activity row: every change of its places goes through this one door."""
    return Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)


def _confirmed_count(activity: Activity) -> int:
    return activity.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _has_room(activity: Activity) -> bool:
    return activity.capacity is None or _confirmed_count(activity) < activity.capacity


@transaction.atomic
def registration_create(*, activity: Activity, person: User) -> Registration:
    """Take a place, or join the waiting list when the activity is full.

    The activity row is locked while places are counted, so simultaneous requests can
    never confirm more people than its capacity. Side effect: a log entry.

    Written for the opening's burst (bench/README.md): the lock reads three columns, and
    one query counts the places and finds an earlier registration of this person.
    """
    state, ends_at, capacity = (
        Activity.objects.select_for_update()
        .filter(pk=activity.pk)
        .values_list("state", "ends_at", "capacity")
        .get()
    )
    if state != Activity.State.PUBLISHED:
        raise ValidationError(_("This activity is not open for registration."), code="not_open")
    if ends_at <= timezone.now():
        raise ValidationError(_("This activity is over."), code="over")
    places = Registration.objects.filter(activity=activity).aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        mine=Count("pk", filter=Q(person=person)),
    )
    if places["mine"]:
        return Registration.objects.get(activity=activity, person=person)
    confirmed = capacity is None or places["confirmed"] < capacity
    registration = Registration(
        activity=activity,
        person=person,
        status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
    )
    # Known here, under the lock: the pages and the messages need no count of their own.
    registration.fills_activity = confirmed and places["confirmed"] + 1 == capacity
    registration.known_position = None if confirmed else places["waiting"] + 1
    registration.save(force_insert=True)
    log_action(
        activity, actor=person, action="registration.create", data={"status": registration.status}
    )
    _tell_registered(registration, activity)
    return registration


def _calendar_file(activity: Activity, language: str) -> tuple[str, str, str]:
    """The activity's calendar file in the recipient's language: built once per process
    for all the confirmations of one activity (a burst sends hundreds)."""
    key = (
        activity.pk,
        activity.updated_at,
        activity.starts_at,
        activity.ends_at,
        activity.sequence,
        activity.state,
        activity.title,
        activity.summary,
        repr(activity.translations),
        language,
    )
    return (f"activity-{activity.pk}.ics", _calendar_text(key, activity), "text/calendar")


@functools.lru_cache(maxsize=256)
def _calendar_text(key: tuple, activity: Activity) -> str:
    with translation.override(key[-1]):
        return activity_ics([activity]).decode()


def _language_of(person: User) -> str:
    return person.preferred_language or settings.LANGUAGE_CODE


def _tell_registered(registration: Registration, activity: Activity) -> None:
    """Confirm a place (with the calendar file) or a place on the waiting list (with its
    number; the calendar file comes with the place)."""
    confirmed = registration.is_confirmed
    mail_to_person(
        person=registration.person,
        template="registration/email/registered",
        context={
            "activity": activity,
            "registration": registration,
            "position": None if confirmed else waitlist_position(registration),
        },
        attachments=[_calendar_file(activity, _language_of(registration.person))]
        if confirmed
        else [],
    )


@transaction.atomic
def registration_cancel(*, activity: Activity, person: User) -> None:
    """Leave an activity (or its waiting list); a freed place goes to the first in line."""
    activity = _locked_activity(activity)
    registration = Registration.objects.filter(activity=activity, person=person).first()
    if registration is None:
        return
    was_confirmed = registration.is_confirmed
    registration.delete()
    log_action(activity, actor=person, action="registration.cancel")
    if was_confirmed:
        _promote(activity)


def _promote(activity: Activity) -> list[Registration]:
    """Confirm people from the waiting list, first come first served, while places last.

    Must run with the activity locked. Side effect: an email to each promoted person.
    """
    promoted = []
    waiting = activity.registrations.filter(status=Registration.Status.WAITLISTED).select_related(
        "person"
    )
    for registration in waiting.order_by("created_at", "pk"):
        if not _has_room(activity):
            break
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        log_action(
            activity,
            actor=None,
            action="registration.promote",
            data={"person": registration.person_id},
        )
        mail_to_person(
            person=registration.person,
            template="registration/email/promoted",
            context={"activity": activity},
            attachments=[_calendar_file(activity, _language_of(registration.person))],
        )
        promoted.append(registration)
    return promoted


@transaction.atomic
def registration_promote_waitlist(*, activity: Activity) -> list[Registration]:
    """After the capacity was raised: give the new places to the waiting list."""
    return _promote(_locked_activity(activity))


def waitlist_position(registration: Registration) -> int | None:
    if registration.is_confirmed:
        return None
    if getattr(registration, "known_position", None):  # counted as it was made
        return registration.known_position
    ahead = Registration.objects.filter(
        activity_id=registration.activity_id,
        status=Registration.Status.WAITLISTED,
        created_at__lt=registration.created_at,
    ).count()
    return ahead + 1


def registrations_notify_change(
    *, activity: Activity, old_starts_at: dt.datetime, old_ends_at: dt.datetime
) -> int:
    """Tell every registrant the old and the new time, each in their own zone."""
    registrations = activity.registrations.select_related("person")
    for registration in registrations:
        mail_to_person(
            person=registration.person,
            template="registration/email/changed",
            context={
                "activity": activity,
                "old_starts_at": old_starts_at,
                "old_ends_at": old_ends_at,
            },
        )
    return len(registrations)


def registrations_notify_cancel(*, activity: Activity) -> int:
    registrations = activity.registrations.select_related("person")
    for registration in registrations:
        mail_to_person(
            person=registration.person,
            template="registration/email/cancelled",
            context={"activity": activity},
        )
    return len(registrations)


def reminder_settings_for(person: User) -> ReminderSettings:
    settings, _created = ReminderSettings.objects.get_or_create(person=person)
    return settings


def reminder_settings_update(
    *, person: User, day_before: bool, shortly_before: bool
) -> ReminderSettings:
    settings = reminder_settings_for(person)
    settings.remind_day_before = day_before
    settings.remind_shortly_before = shortly_before
    settings.save(update_fields=["remind_day_before", "remind_shortly_before"])
    return settings


def feed_token_regenerate(*, person: User) -> ReminderSettings:
    """A new secret address for the personal calendar feed; the old one stops working."""

    settings = reminder_settings_for(person)
    settings.feed_token = _feed_token()
    settings.save(update_fields=["feed_token"])
    log_action(person, actor=person, action="calendar.feed_regenerate")
    return settings


def unsubscribe_token(person: User, kind: str) -> str:
    return signing.dumps({"person": person.pk, "kind": kind}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_with_token(token: str) -> tuple[User, str]:
    """Turn a reminder off from the link in an email, without logging in."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise ValidationError(_("This unsubscribe link is not valid."), code="bad_token") from None
    person = User.objects.filter(pk=data.get("person")).first()
    if person is None or data.get("kind") not in ("day", "soon"):
        raise ValidationError(_("This unsubscribe link is not valid."), code="bad_token")
    settings = reminder_settings_for(person)
    if data["kind"] == "day":
        settings.remind_day_before = False
    else:
        settings.remind_shortly_before = False
    settings.save(update_fields=["remind_day_before", "remind_shortly_before"])
    return person, data["kind"]


def reminders_send_due(*, now: dt.datetime | None = None, activity: Activity | None = None) -> int:
    """Queue every reminder that is due and not yet sent; returns how many were queued.

    A reminder is due "day" 24 hours before the start (for people registered by then) and
    "soon" 15 minutes before it. Each is recorded in ReminderSent under a unique key in
    the same transaction as its email, so it goes out exactly once even if two workers
    run this at the same moment or a worker restarts half-way.
    """
    now = now or timezone.now()
    registrations = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        activity__state=Activity.State.PUBLISHED,
        activity__starts_at__gt=now,
        activity__starts_at__lte=now + DAY_BEFORE,
    ).select_related("activity__edition", "person")
    if activity is not None:
        registrations = registrations.filter(activity=activity)
    registrations = list(registrations)
    choices = {
        settings.person_id: settings
        for settings in ReminderSettings.objects.filter(
            person_id__in={registration.person_id for registration in registrations}
        )
    }
    default = ReminderSettings()  # both reminders on, for people who never chose
    queued = 0
    for registration in registrations:
        starts_at = registration.activity.starts_at
        wanted = choices.get(registration.person_id, default)
        if starts_at - SHORTLY_BEFORE <= now:
            # Once the short reminder is due, a late day-before reminder would only confuse.
            if wanted.remind_shortly_before:
                queued += _send_reminder(registration, "soon", starts_at)
        elif wanted.remind_day_before and registration.created_at <= starts_at - DAY_BEFORE:
            queued += _send_reminder(registration, "day", starts_at)
    return queued + _remind_interpreters(now, activity)


def _remind_interpreters(now: dt.datetime, activity: Activity | None) -> int:
    """Confirmed interpreters get one reminder within the day before the start, with the
    way in. The row is claimed by a conditional update in the email's transaction, so two
    workers never both send it; a new time gets a new reminder."""
    interpreters = Interpreter.objects.filter(
        state=Interpreter.State.ACCEPTED,
        activity__state=Activity.State.PUBLISHED,
        activity__starts_at__gt=now,
        activity__starts_at__lte=now + DAY_BEFORE,
    ).select_related("activity__edition", "person")
    if activity is not None:
        interpreters = interpreters.filter(activity=activity)
    queued = 0
    for interpreter in interpreters:
        starts_at = interpreter.activity.starts_at
        with transaction.atomic():
            claimed = (
                Interpreter.objects.filter(pk=interpreter.pk)
                .exclude(reminded_for=starts_at)
                .update(reminded_for=starts_at)
            )
            if claimed:
                mail_to_person(
                    person=interpreter.person,
                    template="registration/email/interpreter_reminder",
                    context={"activity": interpreter.activity, "interpreter": interpreter},
                )
                queued += 1
    return queued


def _send_reminder(registration: Registration, kind: str, starts_at: dt.datetime) -> int:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(registration=registration, kind=kind, starts_at=starts_at)
            mail_to_person(
                person=registration.person,
                template="registration/email/reminder",
                context={
                    "activity": registration.activity,
                    "kind": kind,
                    "unsubscribe_token": unsubscribe_token(registration.person, kind),
                },
            )
    except IntegrityError:
        return 0  # another worker sent it already
    return 1


def reminders_schedule(*, activity: Activity) -> None:
    """Queue the reminder runs of an activity for 24 hours and 15 minutes before it."""

    if not default_task_backend.supports_defer:
        return  # the periodic `vos remind` command covers backends that cannot defer
    now = timezone.now()
    for offset in (DAY_BEFORE, SHORTLY_BEFORE):
        moment = activity.starts_at - offset
        if moment > now:
            transaction.on_commit(
                lambda moment=moment: send_activity_reminders.using(run_after=moment).enqueue(
                    activity_id=activity.pk
                )
            )


MESSAGES_PER_DAY = 3


@transaction.atomic
def registration_message_send(*, activity: Activity, sender: User, subject: str, body: str) -> int:
    """An organizer writes to everyone registered (waiting list included).

    At most MESSAGES_PER_DAY messages per activity in 24 hours, so that nobody is flooded;
    the activity's row is locked while they are counted, so two messages sent at the same
    second cannot both pass the limit. Side effects: one queued email per registrant; a
    log entry.
    """
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ValidationError(_("Write a subject and a message."), code="empty")
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    since = timezone.now() - dt.timedelta(hours=24)
    sent_lately = (
        log_for(activity).filter(action="registration.message", created_at__gte=since).count()
    )
    if sent_lately >= MESSAGES_PER_DAY:
        raise ValidationError(
            _(
                "You have already written %(count)s messages about this activity today. Please wait until tomorrow."
            )
            % {"count": sent_lately},
            code="rate_limited",
        )
    registrations = list(activity.registrations.select_related("person"))
    for registration in registrations:
        mail_to_person(
            person=registration.person,
            template="registration/email/message",
            context={"activity": activity, "sender": sender, "subject": subject, "body": body},
        )
    log_action(
        activity,
        actor=sender,
        action="registration.message",
        data={"subject": subject, "recipients": len(registrations)},
    )
    return len(registrations)
