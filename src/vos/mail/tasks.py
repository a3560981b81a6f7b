"""The task that sends one outbox row. A leaf: the services queue it, so it imports them
inside the task."""

from django_tasks import task


@task()
def send_outbox_message(message_id: int) -> str:
    from vos.mail.services import outbox_send  # noqa: PLC0415 - the services import this module

    return outbox_send(message_id=message_id)
