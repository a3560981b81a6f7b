"""``vos worker``: the task worker this site is configured for.

With ``TASKS_BACKEND=rq``, RQ's worker in one process with its scheduler: jobs run in
the worker itself rather than in a process forked for each, so a job costs a function
call, not a fork and a new database connection (a burst of confirmations cost 10 ms of
CPU an email that way). The worker keeps its database connection between jobs as a web
process does between requests, checked before and after each job. Otherwise
``vos db_worker``.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks.signals import task_finished, task_started


def _check_connections(**kwargs) -> None:
    # Dropped if broken or too old: a database restart costs one job's retry, not the
    # worker.
    close_old_connections()


class Command(BaseCommand):
    help = "Run the task worker of the configured backend (RQ or the database)."

    def handle(self, *args, **options):
        if settings.TASKS_BACKEND != "rq":
            call_command("db_worker", reload=False)
            return
        # In this process only: inside a web request or a test, the same signals come
        # from the immediate backend, where connections must be left alone.
        task_started.connect(_check_connections, dispatch_uid="vos.worker.started")
        task_finished.connect(_check_connections, dispatch_uid="vos.worker.finished")
        call_command(
            "rqworker",
            "default",
            with_scheduler=True,
            job_class="django_tasks_rq.Job",
            worker_class="rq.worker.SimpleWorker",
        )
