from django_tasks import task

from vos.mail.services import outbox_send


@task()
def send_outbox_message(message_id: int) -> str:
    return outbox_send(message_id=message_id)
