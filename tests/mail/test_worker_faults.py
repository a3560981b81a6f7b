"""A worker killed in the middle of 100 sends loses none of them and doubles none.

The real thing: the database task worker (``vos db_worker``) in its own process, on a
fresh database of this leg's kind, sending to an SMTP server on loopback; it is killed
(SIGKILL, and a graceful SIGTERM) after some messages arrived, then started again, and
``vos remind`` sweeps what its lost task held.
"""

import email
import email.policy
import signal
import subprocess
import sys
import threading
import time

import pytest
from aiosmtpd.controller import Controller

from tests.processes import ROOT, free_port, vos

pytestmark = pytest.mark.django_db(transaction=True)

COUNT = 100

QUEUE = f"""
from django.core.mail import send_mail
for number in range({COUNT}):
    send_mail(f"Message {{number}}", "Hello", "forum@example.org", [f"p{{number}}@example.org"])
"""

MESSAGE_IDS = """
from vos.mail.models import OutboxMessage
for row in OutboxMessage.objects.order_by("pk"):
    print(row.status, row.message_id)
"""


class SlowInbox:
    """An SMTP server that takes its time, so that a worker can be caught mid-way."""

    def __init__(self) -> None:
        self.message_ids: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        time.sleep(0.02)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.message_ids.append(message["Message-ID"])
        return "250 OK"

    def received(self) -> int:
        with self.lock:
            return len(self.message_ids)


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "vos", "db_worker", "--no-reload", "--interval", "0.1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("kill", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_worker_loses_no_email_and_doubles_none(site_database, kill):
    inbox = SlowInbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {
        **site_database,
        "TASKS_BACKEND": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "MAIL_LEASE_SECONDS": "2",
        "MAIL_SWEEP_GRACE_SECONDS": "0",
    }
    try:
        vos(env, "migrate", "--no-input", "-v", "0")
        vos(env, "shell", "--no-imports", "-c", QUEUE)
        worker = start_worker(env)
        assert wait_until(lambda: inbox.received() >= 30, 60)
        worker.send_signal(kill)
        worker.wait(timeout=30)
        stopped_at = inbox.received()
        assert stopped_at < COUNT  # it really was stopped in the middle

        worker = start_worker(env)
        time.sleep(2.5)  # the lease of what the killed worker held runs out
        vos(env, "remind")  # the sweep: sends what no task will send any more
        delivered = wait_until(lambda: len(set(inbox.message_ids)) >= COUNT, 90)
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    finally:
        smtp.stop()

    rows = [
        line.split(" ", 1)
        for line in vos(env, "shell", "--no-imports", "-c", MESSAGE_IDS).splitlines()
    ]
    assert delivered, f"{len(set(inbox.message_ids))} of {COUNT} arrived"
    assert [status for status, _id in rows] == ["sent"] * COUNT
    assert sorted(set(inbox.message_ids)) == sorted(message_id for _status, message_id in rows)
    # At most the one message whose "250 OK" came just before the kill arrives twice,
    # under its one Message-ID: receivers drop it.
    assert len(inbox.message_ids) - COUNT <= 1


QUEUE_MORE = """
from django.core.mail import send_mail
for number in range(20):
    send_mail(f"After {number}", "Hello", "forum@example.org", [f"q{number}@example.org"])
"""


@pytest.mark.postgres
def test_the_worker_carries_on_through_a_database_restart(site_database, private_postgres):
    inbox = SlowInbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    env = {
        **site_database,
        "DATABASE_URL": private_postgres.url,
        "TASKS_BACKEND": "database",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
    }
    try:
        vos(env, "migrate", "--no-input", "-v", "0")
        worker = start_worker(env)
        vos(env, "shell", "--no-imports", "-c", QUEUE.replace(str(COUNT), "20"))
        assert wait_until(lambda: inbox.received() >= 20, 60)

        private_postgres.restart()  # fast: "the database system is starting up" for a while
        time.sleep(1)
        assert worker.poll() is None, "the worker died with the database"
        vos(env, "shell", "--no-imports", "-c", QUEUE_MORE)
        delivered = wait_until(lambda: inbox.received() >= 40, 90)
        assert worker.poll() is None
    finally:
        if "worker" in locals() and worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
        smtp.stop()
    assert delivered, f"{inbox.received()} of 40 arrived"
