import datetime as dt
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_to_language_prefix(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "How it works"),
        ("fr", "Comment ça marche"),
        ("es", "Cómo funciona"),
        ("pt", "Como funciona"),
    ],
)
def test_home_page_in_each_language(client, language, heading):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f'<h2 id="how-it-works">{heading}</h2>' in html


def test_language_switch_keeps_the_page(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/en/intention/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/intention/"
    page = client.get(response["Location"])
    assert "<h1>Texto de intención</h1>" in page.content.decode()


def test_time_zone_default_is_site_zone(client, settings):
    settings.VOS_DEFAULT_TIME_ZONE = "Europe/Paris"
    html = client.get("/en/").content.decode()
    assert 'data-tz="Europe/Paris" data-tz-source="default"' in html


def test_time_zone_from_browser_cookie_accepts_legacy_alias(client):
    client.cookies["vos_tz"] = "Asia%2FCalcutta"
    html = client.get("/en/").content.decode()
    assert 'data-tz="Asia/Kolkata" data-tz-source="cookie"' in html
    assert re.search(r"\(Kolkata, UTC\+5:30\)</time>", html)


def test_time_zone_unknown_cookie_falls_back_to_site_zone(client, settings):
    settings.VOS_DEFAULT_TIME_ZONE = "UTC"
    client.cookies["vos_tz"] = "Nowhere%2FLand"
    assert 'data-tz="UTC" data-tz-source="default"' in client.get("/en/").content.decode()


def test_time_zone_profile_wins_over_cookie(client):
    person = UserFactory(time_zone="America/Caracas")
    client.force_login(person)
    client.cookies["vos_tz"] = "Asia%2FTokyo"
    html = client.get("/en/").content.decode()
    assert 'data-tz="America/Caracas" data-tz-source="profile"' in html


def test_zone_picker_sets_cookie_for_visitor(client):
    response = client.post(
        reverse("time_zone"), {"time_zone": "Asia/Calcutta", "next": "/en/intention/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/intention/"
    assert response.cookies["vos_tz"].value == "Asia%2FKolkata"


def test_zone_picker_accepts_a_city_name(client):
    response = client.post(reverse("time_zone"), {"time_zone": "caracas", "next": "/en/"})
    assert response.cookies["vos_tz"].value == "America%2FCaracas"


def test_zone_picker_saves_profile_for_participant(client):
    person = UserFactory(time_zone="Europe/Paris")
    client.force_login(person)
    client.post(reverse("time_zone"), {"time_zone": "Asia/Kolkata"})
    person.refresh_from_db()
    assert person.time_zone == "Asia/Kolkata"


def test_zone_picker_rejects_unknown_zone_and_changes_nothing(client):
    person = UserFactory(time_zone="Europe/Paris")
    client.force_login(person)
    response = client.post(reverse("time_zone"), {"time_zone": "Mars/Olympus"})
    assert response.status_code == 400
    assert "is not a time zone we know" in response.content.decode()
    assert "vos_tz" not in response.cookies
    person.refresh_from_db()
    assert person.time_zone == "Europe/Paris"


def test_zone_picker_rejects_foreign_next_url(client):
    response = client.post(
        reverse("time_zone"), {"time_zone": "UTC", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_zone_picker_accepts_a_country_with_one_zone_in_the_readers_language(client):
    response = client.post("/fr/time-zone/", {"time_zone": "Mozambique", "next": "/fr/"})
    assert response.cookies["vos_tz"].value == "Africa%2FMaputo"
    response = client.post("/pt/time-zone/", {"time_zone": "Índia", "next": "/pt/"})
    assert response.cookies["vos_tz"].value == "Asia%2FKolkata"


def test_zone_picker_accepts_a_former_city_name(client):
    response = client.post(reverse("time_zone"), {"time_zone": "Bombay", "next": "/en/"})
    assert response.cookies["vos_tz"].value == "Asia%2FKolkata"


def test_zone_picker_asks_which_zone_of_a_country_with_several(client):
    response = client.post("/pt/time-zone/", {"time_zone": "Brasil"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "vos_tz" not in response.cookies
    assert "tem vários fusos horários" in html
    assert 'name="time_zone_pick" value="America/Sao_Paulo"> Brasil (São Paulo), UTC-3' in html
    assert 'value="America/Manaus"> Brasil (Manaus), UTC-4' in html
    # The choice, made without JavaScript, wins over the text still in the box.
    response = client.post(
        "/pt/time-zone/", {"time_zone": "Brasil", "time_zone_pick": "America/Manaus"}
    )
    assert response.cookies["vos_tz"].value == "America%2FManaus"


def test_zone_picker_reads_back_the_name_it_shows(client):
    response = client.post("/fr/time-zone/", {"time_zone": "Inde (Calcutta)", "next": "/fr/"})
    assert response.cookies["vos_tz"].value == "Asia%2FKolkata"
    assert "Inde (Calcutta), UTC+5:30" in client.get("/fr/").content.decode()


def test_zone_suggestions_in_the_readers_language(client):
    response = client.get("/es/time-zone/suggestions", {"q": "venez"})
    assert response.status_code == 200
    assert response.json()["zones"][0] == {
        "zone": "America/Caracas",
        "name": "Venezuela (Caracas)",
        "label": "Venezuela (Caracas), UTC-4",
        "matched": "",
    }
    bombay = client.get("/en/time-zone/suggestions", {"q": "bomba"}).json()["zones"][0]
    assert bombay["label"] == "India (Kolkata), UTC+5:30"
    assert bombay["matched"].startswith("Bomba")
    assert client.get("/en/time-zone/suggestions", {"q": ""}).json() == {"zones": []}


def test_healthz_up(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    component = "redis" if settings.REDIS_URL else "cache"
    assert response.json() == {"status": "ok", "checks": {"database": "ok", component: "ok"}}


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "vos.common.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing answers
        }
    }
)
def test_healthz_names_redis_down_and_the_site_stays_in(client):
    response = client.get("/healthz")
    assert response.status_code == 200  # a balancer keeps the server: it works without Redis
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "redis": "failed"},
        "failed": ["redis"],
    }


@pytest.mark.django_db(transaction=True)
def test_healthz_database_down(client, tmp_path):
    # Point the connection at a database that cannot be reached, keeping the live one aside.
    saved_settings = dict(connection.settings_dict)
    saved_connection = connection.connection
    connection.connection = None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path / "missing" / "db.sqlite3")
    else:
        connection.settings_dict["PORT"] = "9"
    try:
        response = client.get("/healthz")
    finally:
        if connection.connection is not None:
            connection.connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved_settings)
        connection.connection = saved_connection
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]


def test_pages_send_strict_security_headers(client):
    response = client.get("/en/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_intention_page_links_in_footer(client):
    html = client.get("/pt/").content.decode()
    assert '<a href="/pt/intention/">Texto de intenção</a>' in html


def test_markdown_filter_strips_scripts():
    from django.template import Context, Template

    html = Template("{{ text|markdown }}").render(
        Context({"text": "**hi** <script>alert(1)</script> [x](javascript:alert(1))"})
    )
    assert "<strong>hi</strong>" in html
    assert "<script" not in html
    assert "javascript:" not in html


def test_now_is_rendered_on_home_in_reader_zone(client):
    client.cookies["vos_tz"] = "Asia%2FKolkata"
    html = client.get("/en/").content.decode()
    match = re.search(r'<time datetime="([^"]+)"', html)
    moment = dt.datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
    assert abs((dt.datetime.now(dt.UTC) - moment).total_seconds()) < 120


@pytest.mark.django_db(transaction=True)
def test_healthz_reports_a_worker_that_takes_no_tasks(client, settings):
    import datetime as dt

    from django.core.mail import send_mail
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    settings.TASKS_BACKEND = "database"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_mail("Waiting", "for a worker", "forum@example.org", ["ana@example.org"])
    assert client.get("/healthz").json()["checks"]["worker"] == "ok"  # it is new
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["worker"] == "stalled"
    assert "worker" in response.json()["failed"]


def test_local_times_renders_a_pages_times_in_another_zone(client):
    times = [
        {"kind": "when", "at": "2026-12-20T17:05:00Z", "style": "datetime"},
        {"kind": "local", "at": "2026-12-20T17:05:00Z", "style": "time"},
        {"kind": "until", "at": "2026-12-20T20:30:00Z", "from": "2026-12-20T17:05:00Z"},
    ]
    response = client.post(
        "/fr/time-zone/local-times",
        {"zone": "Asia/Calcutta", "times": times},
        content_type="application/json",
    )
    answer = response.json()
    assert answer["zone"] == "Asia/Kolkata"
    assert answer["texts"][0].endswith("22:35 (Calcutta, UTC+5:30)")
    assert answer["texts"][1:] == ["22:35", "02:00, le lendemain"]
    assert answer["labels"]["times_in"] == "Fuseau : Inde (Calcutta), UTC+5:30"


@pytest.mark.parametrize(
    "body",
    [
        {"zone": "Mars/Olympus", "times": []},
        {"zone": "UTC", "times": [{"kind": "when", "at": "yesterday", "style": "time"}]},
        {"zone": "UTC", "times": [{"kind": "when", "at": "2026-12-20T17:05:00", "style": "time"}]},
        {"zone": "UTC", "times": [{"kind": "when", "at": "2026-12-20T17:05:00Z", "style": "x"}]},
        {"zone": "UTC", "times": "all"},
        {"times": []},
    ],
)
def test_local_times_refuses_what_it_cannot_read(client, body):
    response = client.post("/en/time-zone/local-times", body, content_type="application/json")
    assert response.status_code == 400
