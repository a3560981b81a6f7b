"""``vos worker`` with RQ on a real Redis: a burst of emails written by another process
reaches the SMTP server through one queued sender, over one connection."""

import signal
import subprocess
import sys
import time

import pytest

from tests.processes import ROOT, vos

pytestmark = pytest.mark.django_db(transaction=True)

QUEUE = """
from django.core.mail import send_mail
from django.db import transaction
with transaction.atomic():
    for number in range(40):
        send_mail(f"Place {number}", "See you", "forum@example.org", [f"p{number}@example.org"])
"""

STATUSES = """
from vos.mail.models import OutboxMessage
print(sorted(set(OutboxMessage.objects.values_list("status", flat=True))))
"""


def test_the_rq_worker_sends_a_burst_in_one_connection(site_database, shared_redis, smtp_server):
    mailbox, port = smtp_server
    env = {
        **site_database,
        "TASKS_BACKEND": "rq",
        "REDIS_URL": shared_redis,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
    }
    vos(env, "migrate", "--no-input", "-v", "0")
    worker = subprocess.Popen(
        [sys.executable, "-m", "vos", "worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        vos(env, "shell", "--no-imports", "-c", QUEUE)
        messages = mailbox.wait_for(40, timeout=60)
        deadline = time.monotonic() + 10
        while "queued" in (statuses := vos(env, "shell", "--no-imports", "-c", STATUSES)):
            assert time.monotonic() < deadline, statuses
            time.sleep(0.2)
    finally:
        # How it stops is not this test's subject (test_worker_faults is): under load
        # RQ's warm shutdown sometimes outlasts the wait, and then it is killed.
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=10)
    assert sorted(message["To"] for message in messages) == sorted(
        f"p{number}@example.org" for number in range(40)
    )
    assert len(mailbox.connections) == 1
    assert statuses.strip() == "['sent']"
