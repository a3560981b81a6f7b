"""Registration's reactions to changes of an activity (see ``vos.activity.signals``).

Connected in ``RegistrationConfig.ready``; each runs inside the activity's transaction."""

from django.dispatch import receiver

from vos.activity.models import Activity
from vos.activity.signals import (
    activity_cancelled,
    activity_capacity_raised,
    activity_moved,
    activity_published,
)
from vos.registration.services import (
    registration_promote_waitlist,
    registrations_notify_cancel,
    registrations_notify_change,
    reminders_schedule,
)


@receiver(activity_published, dispatch_uid="registration.schedule_reminders")
def schedule_reminders(sender, *, activity: Activity, **kwargs) -> None:
    reminders_schedule(activity=activity)


@receiver(activity_moved, dispatch_uid="registration.tell_registrants_of_the_move")
def tell_registrants_of_the_move(
    sender, *, activity: Activity, old_starts_at, old_ends_at, **kwargs
) -> None:
    registrations_notify_change(
        activity=activity, old_starts_at=old_starts_at, old_ends_at=old_ends_at
    )
    if activity.state == Activity.State.PUBLISHED:
        reminders_schedule(activity=activity)


@receiver(activity_cancelled, dispatch_uid="registration.tell_registrants_of_the_cancellation")
def tell_registrants_of_the_cancellation(sender, *, activity: Activity, **kwargs) -> None:
    registrations_notify_cancel(activity=activity)


@receiver(activity_capacity_raised, dispatch_uid="registration.promote_the_waiting_list")
def promote_the_waiting_list(sender, *, activity: Activity, **kwargs) -> None:
    registration_promote_waitlist(activity=activity)
