"""200 people press "Register" at the same moment for an activity with 50 places.

The site runs for real here: gunicorn (2 workers × 8 threads) on a fresh database of this
leg's kind (a SQLite file, or a new PostgreSQL database), and 200 threads post at once.
"""

import json
import secrets
import subprocess
import sys
import threading
import urllib.request
from urllib.parse import urlencode

from tests.processes import free_port, gunicorn, vos

PEOPLE, CAPACITY = 200, 50

SETUP = """
import datetime as dt, json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from vos.activity.models import Activity
from vos.edition.models import IntentionText
from vos.edition.services import edition_create
from vos.person.models import User

today = timezone.now().date()
edition = edition_create(slug="race", title="Race", start_date=today + dt.timedelta(days=5),
                         end_date=today + dt.timedelta(days=6), time_zone="Europe/Paris")
activity = Activity.objects.create(
    edition=edition, title="Popular workshop", summary="Everyone wants in.",
    activity_type=edition.activity_types.get(key="workshop"), languages=["en"],
    starts_at=edition.starts_at + dt.timedelta(hours=14), ends_at=edition.starts_at + dt.timedelta(hours=15),
    typed_time_zone="Europe/Paris", state="published", capacity=%(capacity)d,
    intention_text=IntentionText.objects.create(version=1, bodies={"en": "Open."}),
)
people = User.objects.bulk_create(
    [User(email=f"p{n}@example.org", display_name=f"P{n}", password="!") for n in range(%(people)d)]
)
sessions = []
for person in people:
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({"path": activity.get_absolute_url(), "sessions": sessions}))
"""

RESULT = """
import json
from vos.registration.models import Registration
print(json.dumps({s: Registration.objects.filter(status=s).count() for s in ("confirmed", "waitlisted")}))
"""


def post(port: int, path: str, session: str, fields: dict | None = None) -> int:
    secret = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and field
    cookie = f"csrftoken={secret}" + (f"; sessionid={session}" if session else "")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=urlencode({"csrfmiddlewaretoken": secret, **(fields or {})}).encode(),
        headers={"Cookie": cookie},
        method="POST",
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_200_simultaneous_registrations_never_overbook(site_database):
    env = site_database
    vos(env, "migrate", "--no-input", "-v", "0")
    setup = json.loads(
        vos(env, "shell", "--no-imports", "-c", SETUP % {"capacity": CAPACITY, "people": PEOPLE})
    )
    port = free_port()
    server = gunicorn(env, port, threads=8, stderr=subprocess.PIPE, text=True)
    try:
        path = setup["path"] + "register/"
        statuses: list[int | None] = [None] * PEOPLE
        barrier = threading.Barrier(PEOPLE)

        def register(index: int) -> None:
            barrier.wait()
            statuses[index] = post(port, path, setup["sessions"][index])

        threads = [threading.Thread(target=register, args=(index,)) for index in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
    finally:
        server.terminate()
        _out, errors = server.communicate(timeout=30)

    assert statuses == [302] * PEOPLE, errors[-3000:]
    counts = json.loads(vos(env, "shell", "--no-imports", "-c", RESULT))
    assert counts == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}


REMINDER_SETUP = """
import datetime as dt, json
from django.utils import timezone
from vos.activity.models import Activity
from vos.edition.models import IntentionText
from vos.edition.services import edition_create
from vos.person.models import User
from vos.registration.models import Registration

now = timezone.now()
edition = edition_create(slug="soon", title="Soon", start_date=(now - dt.timedelta(days=1)).date(),
                         end_date=(now + dt.timedelta(days=2)).date(), time_zone="UTC")
activity = Activity.objects.create(
    edition=edition, title="Starting soon", summary="Now.",
    activity_type=edition.activity_types.get(key="workshop"), languages=["en"],
    starts_at=now + dt.timedelta(minutes=10), ends_at=now + dt.timedelta(minutes=70),
    typed_time_zone="UTC", state="published",
    intention_text=IntentionText.objects.create(version=1, bodies={"en": "Open."}),
)
people = User.objects.bulk_create(
    [User(email=f"r{n}@example.org", display_name=f"R{n}", password="!") for n in range(30)]
)
Registration.objects.bulk_create(
    [Registration(activity=activity, person=p, status="confirmed", created_at=now - dt.timedelta(days=2))
     for p in people]
)
"""

REMINDER_RESULT = """
import json
from vos.mail.models import OutboxMessage
from vos.registration.models import ReminderSent
print(json.dumps([ReminderSent.objects.count(), OutboxMessage.objects.count()]))
"""


def test_two_workers_at_once_send_each_reminder_exactly_once(site_database):
    env = {**site_database, "TASKS_BACKEND": "database"}
    vos(env, "migrate", "--no-input", "-v", "0")
    vos(env, "shell", "--no-imports", "-c", REMINDER_SETUP)
    workers = [
        subprocess.Popen(  # two `vos remind` at the same moment, as two workers would
            [sys.executable, "-m", "vos", "remind"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _number in range(2)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    queued = sorted(int(out.strip()) for out, _errors in outputs)
    assert sum(queued) == 30
    assert json.loads(vos(env, "shell", "--no-imports", "-c", REMINDER_RESULT)) == [30, 30]
