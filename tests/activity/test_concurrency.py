"""Two proposers book the last place of a slot at the same second, through a real server."""

import datetime as dt
import http.client
import re
import threading
from urllib.parse import urlencode, urlparse

import pytest

from tests.factories import PARIS, UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.edition.models import Edition
from vos.edition.services import edition_create_slots

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _close_server_connections():
    """The live server's request threads may leave connections behind; close them so the
    test database can be dropped."""
    yield
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


class Browser:
    """A logged-in participant talking HTTP to the live server, cookies and CSRF included."""

    def __init__(self, live_url: str, session_id: str):
        parsed = urlparse(live_url)
        self.host, self.port = parsed.hostname, parsed.port
        self.cookies = {"sessionid": session_id}

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        payload = None
        if body is not None:
            payload = urlencode(body, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, rest = value.split("=", 1)
                self.cookies[name] = rest.split(";", 1)[0]
        text = response.read().decode()
        connection.close()
        return response.status, text


def test_two_proposers_race_for_the_last_place_and_exactly_one_wins(live_server):
    from django.test import Client

    intention_text()
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS)
    slot = edition_create_slots(
        edition=edition,
        first_start=dt.datetime.combine(edition.start_date, dt.time(10), tzinfo=PARIS),
        length=dt.timedelta(minutes=90),
        count_per_day=1,
        gap=dt.timedelta(0),
        places=2,
    )[0]
    make_activity(edition, starts_at=slot.starts_at, slot=slot, state=Activity.State.PUBLISHED)

    path = f"/en/editions/{edition.slug}/propose/"
    browsers = []
    for number in range(2):
        client = Client()
        client.force_login(UserFactory(email=f"racer{number}@example.org"))
        browser = Browser(live_server.url, client.cookies["sessionid"].value)
        status, html = browser.request("GET", path)
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        browsers.append((browser, token))

    barrier = threading.Barrier(2)
    results: list[tuple[int, str]] = [None, None]

    def propose(index: int) -> None:
        browser, token = browsers[index]
        form = {
            "csrfmiddlewaretoken": token,
            "title": f"Racer {index}",
            "summary": "Fast.",
            "activity_type": edition.activity_types.get(key="workshop").pk,
            "languages": ["en"],
            "time_zone": "Europe/Paris",
            "slot": slot.pk,
            "accept_intention": "on",
            "room_mode": "none",
            "link_visibility": "registered",
        }
        barrier.wait()
        results[index] = browser.request("POST", path, form)

    threads = [threading.Thread(target=propose, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    statuses = sorted(status for status, _html in results)
    assert statuses == [302, 400]
    loser_html = next(html for status, html in results if status == 400)
    assert re.search(r"(This slot has just been taken|This slot is full)", loser_html)
    assert Activity.objects.filter(slot=slot, state__in=Activity.HOLDS_PLACE).count() == 2
