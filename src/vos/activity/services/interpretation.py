"""Interpreters of an activity. Its proposer asks for interpretation (from one language
into another); the facilitation team asks a volunteer interpreter, who accepts or
declines. Once accepted the program shows "interpreted into …", the interpreter joins
the room like the organizers (``rules.may_enter_room``) and gets a reminder.

An interpreter is never asked for two activities at overlapping times."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity, Interpreter
from vos.common.log import log_action
from vos.mail.services import mail_to_person
from vos.person.models import User


def pairs_asked(activity: Activity) -> list[tuple[str, str]]:
    """The interpretation the activity asks for, as (from, into) pairs."""
    return [
        (pair.get("from", ""), pair.get("to", ""))
        for pair in activity.interpretation or []
        if pair.get("from") and pair.get("to")
    ]


def clashes(person: User, activity: Activity) -> bool:
    """Whether the person interprets (or was asked to) another activity at that time."""
    return (
        Interpreter.objects.filter(
            person=person,
            state__in=(Interpreter.State.ASKED, Interpreter.State.ACCEPTED),
            activity__state__in=Activity.HOLDS_PLACE,
            activity__starts_at__lt=activity.ends_at,
            activity__ends_at__gt=activity.starts_at,
        )
        .exclude(activity=activity)
        .exists()
    )


def _refresh_program(activity: Activity) -> None:
    """The languages confirmed interpreters interpret into, on the activity's row."""
    languages = sorted(
        set(
            activity.interpreters.filter(state=Interpreter.State.ACCEPTED).values_list(
                "language_to", flat=True
            )
        )
    )
    if languages != activity.interpreted_into:
        activity.interpreted_into = languages
        activity.updated_at = timezone.now()  # exports and feeds see it
        activity.save(update_fields=["interpreted_into", "updated_at"])


@transaction.atomic
def interpreter_ask(
    *,
    facilitator: User,
    activity: Activity,
    person: User,
    language_from: str,
    language_to: str,
) -> Interpreter:
    """The team asks a person to interpret the activity; they are told by email."""
    if not facilitator.has_perm("activity.moderate", activity):
        raise PermissionDenied
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state not in Activity.HOLDS_PLACE or activity.ends_at <= timezone.now():
        raise ValidationError(_("Interpreters are asked for activities still to come."))
    if (language_from, language_to) not in pairs_asked(activity):
        raise ValidationError(_("The activity does not ask for this interpretation."))
    existing = activity.interpreters.filter(person=person).first()
    if existing is not None and existing.state != Interpreter.State.DECLINED:
        raise ValidationError(
            _("%(name)s is already asked for this activity.") % {"name": person.display_name}
        )
    if clashes(person, activity):
        raise ValidationError(
            _("%(name)s interprets another activity at that time.") % {"name": person.display_name}
        )
    interpreter = existing or Interpreter(activity=activity, person=person)
    interpreter.language_from, interpreter.language_to = language_from, language_to
    interpreter.state = Interpreter.State.ASKED
    interpreter.asked_by = facilitator
    interpreter.created_at, interpreter.answered_at = timezone.now(), None
    interpreter.save()
    log_action(
        activity,
        actor=facilitator,
        action="activity.interpreter_ask",
        data={"person": person.pk, "pair": [language_from, language_to]},
    )
    mail_to_person(
        person=person,
        template="activity/email/interpreter_asked",
        context={"activity": activity, "interpreter": interpreter},
    )
    return interpreter


@transaction.atomic
def interpreter_answer(*, person: User, interpreter: Interpreter, accept: bool) -> Interpreter:
    """The person asked accepts or declines (and may decline after accepting)."""
    if interpreter.person_id != person.pk:
        raise PermissionDenied
    activity = Activity.objects.select_for_update().get(pk=interpreter.activity_id)
    interpreter = Interpreter.objects.select_for_update().get(pk=interpreter.pk)
    if activity.ends_at <= timezone.now():
        raise ValidationError(_("The activity is over."))
    if accept and interpreter.state != Interpreter.State.ASKED:
        raise ValidationError(_("Nobody is waiting for this answer any more."))
    interpreter.state = Interpreter.State.ACCEPTED if accept else Interpreter.State.DECLINED
    interpreter.answered_at = timezone.now()
    interpreter.save(update_fields=["state", "answered_at"])
    _refresh_program(activity)
    log_action(
        activity,
        actor=person,
        action="activity.interpreter_accept" if accept else "activity.interpreter_decline",
    )
    return interpreter


@transaction.atomic
def interpreter_release(*, facilitator: User, interpreter: Interpreter) -> None:
    """The team takes an interpreter off the activity."""
    activity = Activity.objects.select_for_update().get(pk=interpreter.activity_id)
    if not facilitator.has_perm("activity.moderate", activity):
        raise PermissionDenied
    Interpreter.objects.filter(pk=interpreter.pk).update(
        state=Interpreter.State.DECLINED, answered_at=timezone.now()
    )
    _refresh_program(activity)
    log_action(
        activity,
        actor=facilitator,
        action="activity.interpreter_release",
        data={"person": interpreter.person_id},
    )


def interpreters_of(person: User):
    """What a person was asked to interpret, the coming activities first."""
    return (
        Interpreter.objects.filter(person=person)
        .exclude(state=Interpreter.State.DECLINED)
        .select_related("activity__edition")
        .order_by("activity__starts_at")
    )
