"""The "Take part" box of an activity's page: the way in, places taken, register or leave.

A template tag, so that the activity's page (in the app below) shows registration
without importing it."""

from django import template
from django.utils import timezone

from vos.activity.access import join_access
from vos.activity.models import Activity
from vos.registration.queries import confirmed_count, registration_of
from vos.registration.services import waitlist_position

register = template.Library()


@register.inclusion_tag("registration/_take_part.html", takes_context=True)
def take_part(context, activity: Activity) -> dict:
    user = context["request"].user
    registration = registration_of(activity, user)
    return {
        "activity": activity,
        "edition": activity.edition,
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "join": join_access(activity, user),
        "registration": registration,
        "waitlist_position": waitlist_position(registration) if registration else None,
        "confirmed_count": confirmed_count(activity),
        "can_register": activity.state == Activity.State.PUBLISHED
        and activity.ends_at > timezone.now(),
    }
