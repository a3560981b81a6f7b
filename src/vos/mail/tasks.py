"""The tasks that send the outbox. A leaf: the services queue them, so they import
the services inside."""

from django_tasks import task


@task()
def send_outbox() -> int:
    """Send every due message, in batches (queued once for many messages)."""
    from vos.mail.services import outbox_send_due  # noqa: PLC0415 - the services import this module

    return outbox_send_due()


@task()
def send_outbox_message(message_id: int) -> str:
    """Send one message: its retry, when its delay is over."""
    from vos.mail.services import outbox_send  # noqa: PLC0415 - the services import this module

    return outbox_send(message_id=message_id)
