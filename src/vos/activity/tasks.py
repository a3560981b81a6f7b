"""Background work for activities. A leaf: what it calls is imported inside each task,
so that the services, which queue these tasks, can import this module at their top."""

from django_tasks import task


@task()
def create_bbb_meeting(activity_id: int) -> bool:
    # Imported here: the services import this module to queue the task.
    from vos.activity.access import join_opens_at  # noqa: PLC0415 - see above
    from vos.activity.models import Activity  # noqa: PLC0415 - see above
    from vos.room.services import bbb_meeting_create  # noqa: PLC0415 - see above

    activity = (
        Activity.objects.select_related("edition").filter(pk=activity_id, state="published").first()
    )
    if activity is None or activity.room_mode != "bbb":
        return False
    return bbb_meeting_create(
        edition=activity.edition,
        meeting=activity.pk,
        name=activity.title,
        opens_at=join_opens_at(activity),
        ends_at=activity.ends_at,
    )
