"""The task that sends a newsletter. A leaf: the services queue it, so it imports them
inside the task."""

from django_tasks import task


@task()
def send_letter(letter_id: int) -> int:
    from vos.newsletter.services import letter_send  # noqa: PLC0415 - the services import this module

    return letter_send(letter_id=letter_id)
