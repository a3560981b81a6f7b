"""Deferred reminder runs. A leaf: the services queue it, so it imports them inside."""

from django_tasks import task


@task()
def send_activity_reminders(activity_id: int) -> int:
    # Imported here: registration.services imports this module to queue the task.
    from vos.activity.models import Activity  # noqa: PLC0415 - see above
    from vos.registration.services import reminders_send_due  # noqa: PLC0415 - see above

    activity = Activity.objects.filter(pk=activity_id).first()
    if activity is None:
        return 0
    return reminders_send_due(activity=activity)
