"""Decisions of the facilitation team on an activity: publish, ask for changes, decline,
unpublish; official and featured flags."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.activity.services.coorganization import validate_enough_organizations
from vos.activity.services.proposal import hold_place
from vos.activity.services.publishing import after_publish
from vos.common.log import log_action
from vos.mail.services import mail_to_person
from vos.person.models import User

# Moderation: which decisions apply to which states, and what they lead to.
DECISIONS = {
    "publish": (
        (
            Activity.State.PROPOSED,
            Activity.State.CHANGES_REQUESTED,
            Activity.State.UNPUBLISHED,
            Activity.State.DECLINED,
        ),
        Activity.State.PUBLISHED,
    ),
    "request_changes": (
        (Activity.State.PROPOSED, Activity.State.PUBLISHED),
        Activity.State.CHANGES_REQUESTED,
    ),
    "decline": (
        (Activity.State.PROPOSED, Activity.State.CHANGES_REQUESTED),
        Activity.State.DECLINED,
    ),
    "unpublish": ((Activity.State.PUBLISHED,), Activity.State.UNPUBLISHED),
}
NEEDS_MESSAGE = {"request_changes", "decline", "unpublish"}


@transaction.atomic
def activity_decide(
    *, activity: Activity, facilitator: User, decision: str, message: str = ""
) -> Activity:
    """A facilitator publishes, asks for changes, declines or unpublishes an activity.

    Side effects: a log entry; an email to each organizer in their language and zone.
    """
    if decision not in DECISIONS:
        raise ValidationError(_("Unknown decision."))
    activity = Activity.objects.select_for_update().select_related("edition").get(pk=activity.pk)
    sources, target = DECISIONS[decision]
    if activity.state not in sources:
        raise ValidationError(
            _("This decision does not apply to an activity that is %(state)s.")
            % {"state": activity.get_state_display()},
            code="wrong_state",
        )
    message = message.strip()
    if decision in NEEDS_MESSAGE and not message:
        raise ValidationError({"message": _("Please write a message for the organizers.")})
    if target == Activity.State.PUBLISHED:
        validate_enough_organizations(activity)
    previous = activity.state
    if previous not in Activity.HOLDS_PLACE and target in Activity.HOLDS_PLACE:
        hold_place(activity)  # its slot place or its room may have gone to another
    activity.state = target
    activity.decision_message = message
    activity.updated_at = timezone.now()
    if target == Activity.State.PUBLISHED and activity.published_at is None:
        activity.published_at = activity.updated_at
    activity.save(update_fields=["state", "decision_message", "updated_at", "published_at"])
    log_action(
        activity,
        actor=facilitator,
        action=f"activity.{decision}",
        data={"state": [previous, target], "message": message},
    )
    for organizer in activity.organizers.select_related("person"):
        mail_to_person(
            person=organizer.person,
            template="activity/email/decision",
            context={"activity": activity, "message": message, "decision": decision},
        )
    if target == Activity.State.PUBLISHED:
        after_publish(activity)
    return activity


@transaction.atomic
def activity_set_flags(
    *,
    activity: Activity,
    facilitator: User,
    is_official: bool | None = None,
    is_featured: bool | None = None,
) -> Activity:
    """Mark an activity as the facilitation team's own, or feature it on the home page."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    changes = {}
    for name, value in (("is_official", is_official), ("is_featured", is_featured)):
        if value is not None and getattr(activity, name) != value:
            changes[name] = [getattr(activity, name), value]
            setattr(activity, name, value)
    if changes:
        activity.save(update_fields=list(changes))
        log_action(activity, actor=facilitator, action="activity.flags", data=changes)
    return activity
