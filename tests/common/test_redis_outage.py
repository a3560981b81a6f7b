"""Redis goes away and comes back: the site degrades instead of failing.

A private Redis server (Debian's redis-server on a free loopback port) is stopped for
real while a logged-in participant, someone logging in, API clients and schedule readers
keep using the site, then started again."""

import shutil
import subprocess
import time

import pytest
import redis
from django.core.cache import caches

from tests.conftest import require_component
from tests.factories import PASSWORD, UserFactory, intention_text, make_activity, make_edition
from tests.processes import free_port

pytestmark = pytest.mark.django_db


class PrivateRedis:
    def __init__(self, directory) -> None:
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise AssertionError("the private Redis did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis(tmp_path, settings):
    require_component(shutil.which("redis-server") is not None, "redis-server")
    server = PrivateRedis(tmp_path)
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "vos.common.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield server
    server.stop()
    caches["default"].close()


def test_the_site_works_through_a_redis_outage_and_recovers(client, private_redis):
    intention_text()
    edition = make_edition()
    make_activity(edition, title="Radio")
    UserFactory(email="ana@example.org", display_name="Ana")
    UserFactory(email="rahim@example.org", display_name="Rahim")
    response = client.post(
        "/en/accounts/login/", {"login": "ana@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/healthz").json()["status"] == "ok"

    private_redis.stop()
    for _number in range(20):  # every request of a busy minute
        assert client.get("/en/profile/").status_code == 200
        assert client.get(edition.get_absolute_url()).status_code == 200
        assert client.get(f"/editions/{edition.slug}/schedule.json").status_code == 200
        assert client.get("/api/v1/activities").status_code == 200
    profile = client.get("/en/profile/").content.decode()
    assert "Ana" in profile  # still logged in: the session came from the database
    health = client.get("/healthz")
    assert (health.status_code, health.json()["status"]) == (200, "degraded")
    assert health.json()["failed"] == ["redis"]

    other = client.__class__()
    response = other.post(
        "/en/accounts/login/", {"login": "rahim@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302  # logging in works too (its rate limit is open)
    assert "Rahim" in other.get("/en/profile/").content.decode()

    private_redis.start()
    assert client.get("/healthz").json()["status"] == "ok"
    assert "Ana" in client.get("/en/profile/").content.decode()
    assert "Rahim" in other.get("/en/profile/").content.decode()


def test_emails_queued_in_rq_survive_a_redis_restart(
    settings, mailbox, private_redis, django_capture_on_commit_callbacks
):
    """RQ keeps its queue in Redis: a restart (this one keeps nothing on disk) loses the
    jobs, and the outbox sweep sends the emails all the same."""
    import django_rq
    from django.core.management import call_command
    from django_tasks_rq import Job

    from vos.mail.models import OutboxMessage

    settings.RQ_QUEUES = {"default": {"URL": private_redis.url}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # The cache in the same Redis, as in production: its flag "a sender is queued" goes
    # with the queue.
    settings.REDIS_URL = private_redis.url
    settings.CACHES = {
        "default": {
            "BACKEND": "vos.common.cache.ResilientRedisCache",
            "LOCATION": private_redis.url,
        }
    }
    settings.MAIL_SWEEP_GRACE_SECONDS = 0
    from django.core.mail import send_mail

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            send_mail(f"Queued {number}", "in RQ", "forum@example.org", [f"r{number}@example.org"])
    queue = django_rq.get_queue("default", job_class=Job)
    assert queue.count == 1  # one sender for the five (they are sent in a batch)
    assert mailbox.messages == []

    private_redis.stop()
    private_redis.start()  # empty: the sender's job is gone
    assert django_rq.get_queue("default", job_class=Job).count == 0

    call_command("remind", verbosity=0)
    assert len(mailbox.wait_for(5)) == 5
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
    # The next email queues a sender again: no flag outlived the restart.
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("After", "in RQ", "forum@example.org", ["after@example.org"])
    assert django_rq.get_queue("default", job_class=Job).count == 1
