"""Bad input gets a clear answer (a 400 or a form error) and changes nothing: never a
server error. Hypothesis sends hostile values (NUL bytes, lone surrogates, years 1 and
9999, huge and negative ids, words where numbers go) to every form field, query
parameter and API body field of the pages that take input."""

import datetime as dt
import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.activity.test_views import proposal
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.mail.models import OutboxMessage
from vos.organization.models import Organization
from vos.person.models import ApiToken
from vos.person.services import api_token_create
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "99999999999999999999999",
    "-1",
    "0",
    "abc",
    "",
    " ",
    "%",
    "€" * 300,
    "<script>alert(1)</script>",
    "=1+1",
]
VALUES = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
JSON_VALUES = st.one_of(
    VALUES, st.integers(), st.just(10**30), st.none(), st.lists(VALUES, max_size=3)
)
EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(client):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    organizer = UserFactory()
    activity = make_activity(edition, title="Circle", organizer=organizer, capacity=10)
    registration_create(activity=activity, person=UserFactory())
    _row, token = api_token_create(person=organizer, name="app")
    return {
        "edition": edition,
        "activity": activity,
        "organizer": organizer,
        "facilitator": facilitator,
        "token": token,
    }


def stored() -> tuple:
    return (
        Activity.objects.count(),
        Organization.objects.count(),
        OutboxMessage.objects.count(),
        ApiToken.objects.count(),
        list(Activity.objects.order_by("pk").values_list("title", "capacity", "starts_at")),
    )


def encoded(data: dict) -> str:
    """Form data as a client sends it, lone surrogates as their raw (invalid) bytes."""
    return urlencode(data, doseq=True, encoding="utf-8", errors="surrogatepass")


def assert_answered(response, before) -> None:
    assert response.status_code < 500
    body = response.content.decode("utf-8", errors="replace")
    assert "\x00" not in body
    if response.status_code >= 400:
        assert stored() == before


def form_targets(site) -> dict:
    edition, activity = site["edition"], site["activity"]
    slug, pk = edition.slug, activity.pk
    edit = proposal(edition, title="Circle")
    return {
        "propose": (f"/en/editions/{slug}/propose/", proposal(edition), site["organizer"]),
        "edit": (f"/en/editions/{slug}/activities/{pk}/edit/", edit, site["organizer"]),
        "profile": (
            "/en/profile/",
            {
                "display_name": "Ana",
                "country": "BR",
                "time_zone": "America/Sao_Paulo",
                "languages": ["pt"],
                "preferred_language": "pt",
                "bio": "",
            },
            site["organizer"],
        ),
        "api tokens": (
            "/en/profile/api-tokens/",
            {"name": "phone", "revoke": "1"},
            site["organizer"],
        ),
        "time zone": ("/en/time-zone/", {"time_zone": "Asia/Kolkata"}, None),
        "message": (
            f"/en/editions/{slug}/activities/{pk}/registrations/message/",
            {"subject": "News", "body": "Hello"},
            site["organizer"],
        ),
        "decision": (
            f"/en/orga/{slug}/activities/{pk}/decide/",
            {"decision": "unpublish", "message": "why"},
            site["facilitator"],
        ),
        "intention": ("/en/intention/", {"next": "/en/"}, site["organizer"]),
    }


@pytest.mark.parametrize(
    "target",
    ["propose", "edit", "profile", "api tokens", "time zone", "message", "decision", "intention"],
)
def test_every_form_field_answers_hostile_values_clearly(client, site, target):
    url, base, person = form_targets(site)[target]
    if person is not None:
        client.force_login(person)

    @EXAMPLES
    @given(field=st.sampled_from(sorted(base)), value=VALUES)
    def check(field, value):
        before = stored()
        response = client.post(
            url, encoded({**base, field: value}), content_type="application/x-www-form-urlencoded"
        )
        assert_answered(response, before)

    check()


def query_targets(site) -> dict:
    slug = site["edition"].slug
    return {
        "program": (
            f"/en/editions/{slug}/program/",
            ["q", "type", "theme", "language", "organization", "when", "day", "view", "page"],
            None,
        ),
        "queue": (
            f"/en/orga/{slug}/",
            ["state", "type", "theme", "language", "day", "q"],
            "facilitator",
        ),
        "rooms": (f"/en/orga/{slug}/rooms/", ["day"], "facilitator"),
        "zone search": ("/en/time-zone/", ["q", "next"], None),
        "api activities": (
            "/api/v1/activities",
            [
                "edition",
                "type",
                "theme",
                "language",
                "organization",
                "day",
                "updated_since",
                "q",
                "limit",
                "offset",
            ],
            None,
        ),
    }


@pytest.mark.parametrize("target", ["program", "queue", "rooms", "zone search", "api activities"])
def test_every_query_parameter_answers_hostile_values_clearly(client, site, target):
    url, fields, who = query_targets(site)[target]
    if who is not None:
        client.force_login(site[who])

    @EXAMPLES
    @given(field=st.sampled_from(fields), value=VALUES)
    def check(field, value):
        before = stored()
        assert_answered(client.get(f"{url}?{encoded({field: value})}"), before)

    check()


def test_every_api_body_field_answers_hostile_values_clearly(client, site):
    edition, activity = site["edition"], site["activity"]
    day = edition.start_date + dt.timedelta(days=1)
    propose = {
        "edition": edition.slug,
        "title": "Radio",
        "summary": "On air.",
        "type": "workshop",
        "languages": ["es"],
        "starts_at": f"{day.isoformat()}T10:00:00Z",
        "ends_at": f"{day.isoformat()}T11:30:00Z",
        "accept_intention_text_version": 1,
    }
    change = {"title": "Circle", "capacity": 12}
    headers = {"Authorization": f"Bearer {site['token']}"}
    targets = [
        ("post", "/api/v1/activities", propose),
        ("patch", f"/api/v1/activities/{activity.pk}", change),
    ]

    @EXAMPLES
    @given(target=st.sampled_from(targets), data=st.data())
    def check(target, data):
        method, url, base = target
        field = data.draw(st.sampled_from(sorted(base)))
        value = data.draw(JSON_VALUES)
        before = stored()
        body = json.dumps({**base, field: value})
        response = getattr(client, method)(
            url, body, content_type="application/json", headers=headers
        )
        assert_answered(response, before)

    check()


def test_a_nul_byte_is_refused_with_a_page_in_the_readers_language(client, site):
    response = client.get(f"/fr/editions/{site['edition'].slug}/program/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "qui ne peuvent pas être lus" in response.content.decode()


def test_api_input_errors_name_the_field_in_the_readers_language(client, site):
    response = client.get(
        "/api/v1/activities", {"day": "not-a-day"}, headers={"Accept-Language": "es"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert "day" in response.json()["message"]
