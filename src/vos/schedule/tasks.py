"""Exports rebuilt off the request path. A leaf: exports queues it, so it imports them
inside."""

from django_tasks import task


@task()
def schedule_export_rebuild(edition_id: int, kind: str, language: str, base_url: str) -> None:
    # Imported here: schedule.exports imports this module to queue the task.
    from vos.edition.models import Edition  # noqa: PLC0415 - see above
    from vos.schedule.exports import schedule_export_build  # noqa: PLC0415 - see above

    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is not None:
        schedule_export_build(edition, kind, language=language, base_url=base_url)
