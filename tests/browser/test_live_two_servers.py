"""Live pages across app processes: two gunicorn servers on one PostgreSQL and one
Redis; a Chromium page open on one server's speakers' list shows, within two seconds, a
request to speak made through the other."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.processes import free_port, gunicorn, vos
from tests.registration.test_concurrency import post

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

SETUP = """
import datetime as dt, json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from vos.activity.models import Activity
from vos.edition.models import IntentionText
from vos.edition.services import edition_create
from vos.person.models import User

now = timezone.now()
edition = edition_create(slug="live", title="Live", start_date=now.date() - dt.timedelta(days=1),
                         end_date=now.date() + dt.timedelta(days=1), time_zone="UTC")
activity = Activity.objects.create(
    edition=edition, title="Opening plenary", summary="All together.",
    activity_type=edition.activity_types.get(key="plenary"), languages=["en", "fr"],
    starts_at=now - dt.timedelta(minutes=5), ends_at=now + dt.timedelta(hours=1),
    typed_time_zone="UTC", state="published", link_visibility="public",
    intention_text=IntentionText.objects.create(version=1, bodies={"en": "Open."}),
)
person = User.objects.create(email="amina@example.org", display_name="Amina Diallo", password="!")
session = SessionStore()
session[SESSION_KEY] = str(person.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = person.get_session_auth_hash()
session.create()
print(json.dumps({"pk": activity.pk, "session": session.session_key}))
"""


def test_a_request_through_one_server_shows_on_the_others_page(
    site_database,
    shared_redis,
    open_page,
):
    env = {**site_database, "REDIS_URL": shared_redis}
    vos(env, "migrate", "--no-input", "-v", "0")
    setup = json.loads(vos(env, "shell", "--no-imports", "-c", SETUP).strip().splitlines()[-1])
    ports = [free_port(), free_port()]
    servers = [gunicorn(env, port) for port in ports]
    try:
        one, other = ports
        page = open_page(time_zone="Africa/Dakar")
        page.goto(f"http://127.0.0.1:{other}/en/live/activities/{setup['pk']}/speakers/")
        expect(page.locator("main")).to_contain_text("0 people waiting")
        assert_accessible(page)
        page.evaluate("window.notReloaded = true")
        status = post(
            one,
            f"/en/live/activities/{setup['pk']}/speakers/act/",
            setup["session"],
            {"action": "ask", "language": "fr", "topic": ""},
        )
        assert status == 302
        # The change is committed: the other server's page shows it within two seconds.
        expect(page.locator(".speakers li")).to_contain_text("Amina Diallo", timeout=2_000)
        assert page.evaluate("window.notReloaded") is True
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
