"""Pages and feeds that did not change answer 304 to a reader who has them."""

import pytest
from icalendar import Calendar

from tests.factories import UserFactory, make_activity, make_edition
from vos.activity.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = make_edition("vos-etag")
    make_activity(edition, title="Huertas urbanas")
    return edition


def test_a_page_fetched_again_with_its_etag_answers_304(client, edition):
    client.force_login(UserFactory())  # the header then carries forms with CSRF tokens
    url = f"/en/editions/{edition.slug}/program/?day=all"
    first = client.get(url)
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    # What the page shows changed: a new ETag, the page again.
    Activity.objects.update(title="Huertas comunitarias")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_a_new_csrf_secret_gives_a_new_etag(client, edition):
    url = f"/en/editions/{edition.slug}/program/?day=all"
    client.force_login(UserFactory())
    first = client.get(url)
    client.cookies.pop("csrftoken", None)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.parametrize("url", ["/feeds/editions/vos-etag.ics", "/editions/vos-etag/schedule.ics"])
def test_a_feed_polled_again_answers_304(client, edition, url):
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # Its DTSTAMP is the event's last change, not the moment of the request.
    [event] = Calendar.from_ical(first.content).walk("VEVENT")
    assert event.decoded("dtstamp") == Activity.objects.get().updated_at.replace(microsecond=0)
