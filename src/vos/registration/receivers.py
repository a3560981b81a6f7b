"""Registration's reactions to changes of an activity (see ``vos.activity.signals``).

Connected in ``RegistrationConfig.ready``; each runs inside the activity's transaction."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from vos.activity.models import Activity
from vos.activity.signals import (
    activity_cancelled,
    activity_capacity_raised,
    activity_moved,
    activity_published,
)
from vos.common import page_cache
from vos.registration.models import Registration
from vos.registration.notices import tell_registration
from vos.registration.services import (
    registration_create,
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


# The activity a visitor pressed "Register" on before logging in (kept in the session).
REGISTER_AFTER_LOGIN = "register_after_login"


@receiver(user_logged_in, dispatch_uid="registration.register_after_login")
def register_after_login(sender, *, request, user, **kwargs) -> None:
    """Finish what the visitor asked for before logging in or signing up: the
    registration itself, not only the way back to the activity."""
    if request is None or not hasattr(request, "session"):
        return
    activity_id = request.session.pop(REGISTER_AFTER_LOGIN, None)
    activity = Activity.objects.filter(pk=activity_id).first() if activity_id else None
    if activity is None or not user.has_perm("activity.view", activity):
        return
    try:
        registration = registration_create(activity=activity, person=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return
    tell_registration(request, registration)


@receiver(post_save, sender=Registration, dispatch_uid="registration.places_saved")
def places_saved(sender, *, instance: Registration, **kwargs) -> None:
    fills = getattr(instance, "fills_activity", None)  # set by registration_create
    transaction.on_commit(
        lambda: _tell_pages(instance.activity_id, instance.is_confirmed, True, fills=fills)
    )


@receiver(post_delete, sender=Registration, dispatch_uid="registration.places_freed")
def places_freed(sender, *, instance: Registration, **kwargs) -> None:
    transaction.on_commit(lambda: _tell_pages(instance.activity_id, instance.is_confirmed, False))


def _tell_pages(
    activity_id: int, confirmed: bool, taken: bool, *, fills: bool | None = None
) -> None:
    """The activity's page shows its places taken; the program and the rest show only
    whether it is full, so they are built again only when that flips: a place taken
    that filled it, or one freed from a full activity. ``fills``, when the caller
    counted the places already, saves counting them again."""
    page_cache.places_changed(activity_id)
    if not confirmed:
        return  # the waiting list: no place taken or freed
    if fills is not None:
        if fills:
            page_cache.content_changed()
        return
    capacity, count = (
        Activity.objects.filter(pk=activity_id)
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            )
        )
        .values_list("capacity", "confirmed")
        .first()
    ) or (None, 0)
    if capacity is not None and count == (capacity if taken else capacity - 1):
        page_cache.content_changed()
