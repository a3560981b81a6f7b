"""Partner sites read the open data from their own pages; writes stay same-origin."""

import pytest

from tests.factories import make_edition

pytestmark = pytest.mark.django_db

PARTNER = {"HTTP_ORIGIN": "https://partner.example"}


@pytest.fixture
def edition():
    return make_edition("vos-open")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/editions",
        "/api/v1/activities?edition=vos-open",
        "/editions/vos-open/schedule.json",
        "/editions/vos-open/schedule.xml",
        "/editions/vos-open/schedule.ics",
        "/feeds/editions/vos-open.ics",
    ],
)
def test_reads_answer_any_origin_without_credentials(client, edition, path):
    response = client.get(path, **PARTNER)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_read_preflight_is_allowed_and_a_write_preflight_is_not(client, edition):
    read = client.options("/api/v1/activities", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **PARTNER)
    assert read.status_code == 204
    assert read["Access-Control-Allow-Origin"] == "*"
    assert read["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert "authorization" not in read["Access-Control-Allow-Headers"].lower()
    write = client.options(
        "/api/v1/activities/1/registration",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        **PARTNER,
    )
    assert "Access-Control-Allow-Origin" not in write


def test_writes_and_pages_carry_no_cors_header(client, edition):
    write = client.post("/api/v1/activities/1/registration", **PARTNER)
    assert "Access-Control-Allow-Origin" not in write
    page = client.get("/en/editions/vos-open/program/", **PARTNER)
    assert page.status_code == 200
    assert "Access-Control-Allow-Origin" not in page
