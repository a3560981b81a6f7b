from django_tasks import task

from vos.activity.models import Activity
from vos.registration.services import reminders_send_due


@task()
def send_activity_reminders(activity_id: int) -> int:
    activity = Activity.objects.filter(pk=activity_id).first()
    if activity is None:
        return 0
    return reminders_send_due(activity=activity)
