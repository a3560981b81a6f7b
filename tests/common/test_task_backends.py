"""The two real task backends: the database worker (default) and RQ on Redis."""

import pytest
import redis
from django.conf import settings as django_settings
from django.core.mail import send_mail
from django.core.management import call_command

from tests.conftest import require_component
from vos.mail.models import OutboxMessage

pytestmark = pytest.mark.django_db(transaction=True)


def test_database_backend_worker_sends_queued_email(settings, mailbox):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_mail("From the worker", "queued in the database", "forum@example.org", ["mei@example.org"])
    assert mailbox.messages == []
    [result] = DBTaskResult.objects.all()
    assert result.status == "READY"

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    [message] = mailbox.wait_for(1)
    assert message["Subject"] == "From the worker"
    result.refresh_from_db()
    assert result.status == "SUCCESSFUL"
    assert OutboxMessage.objects.get().status == "sent"


def test_database_backend_defers_retry_of_refused_email(settings, mailbox):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mailbox.refusing = True
    send_mail("Later", "refused first", "forum@example.org", ["rahim@example.org"])
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert mailbox.messages == []
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after is not None


def _redis_available() -> bool:
    try:
        return redis.Redis.from_url(django_settings.RQ_QUEUES["default"]["URL"]).ping()
    except redis.ConnectionError:
        return False


def test_rq_backend_runs_task_on_real_redis(settings, mailbox):
    require_component(_redis_available(), "Redis on 127.0.0.1:6379")
    import django_rq
    from django_tasks import default_task_backend
    from django_tasks_rq import Job
    from rq import SimpleWorker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default", job_class=Job)
    queue.empty()

    send_mail("Through Redis", "queued in RQ", "forum@example.org", ["li@example.org"])
    assert mailbox.messages == []
    assert queue.count == 1
    job_id = queue.job_ids[0]

    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)

    [message] = mailbox.wait_for(1)
    assert message["Subject"] == "Through Redis"
    assert default_task_backend.get_result(job_id).status == "SUCCESSFUL"
    assert OutboxMessage.objects.get().status == "sent"
