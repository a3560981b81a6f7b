"""What follows the publication of an activity, however it was published (at once, by a
facilitator, by the last organization accepting)."""

from vos.activity.models import Activity
from vos.activity.services.rooms import bbb_meeting_schedule
from vos.activity.signals import activity_published


def after_publish(activity: Activity) -> None:
    """Side effects: the ``activity_published`` signal (reminders are scheduled by
    registration's receivers); a BigBlueButton meeting is created for its room."""
    activity_published.send(sender=Activity, activity=activity)
    bbb_meeting_schedule(activity=activity)
