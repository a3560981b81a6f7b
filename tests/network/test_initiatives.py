"""Initiatives with their action dates, the common calendar of actions in the reader's
zone (a page and an iCal feed), supports counted by country."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.network.models import ActionDate, Initiative, Support
from vos.network.services import (
    ActionDateData,
    InitiativeData,
    initiative_create,
    initiative_support,
)
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def organization(name: str, admin):
    return organization_create(
        creator=admin, details=OrganizationDetails(name=name, kind="network")
    )


def in_days(days: int, hour: int = 18) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=PARIS)


def post(admin, org, **fields) -> Initiative:
    data = InitiativeData(
        title=fields.pop("title", "Tax justice now"),
        kind="campaign",
        themes=fields.pop("themes", ["economy"]),
        countries=fields.pop("countries", ["FR"]),
        dates=fields.pop(
            "dates",
            [
                ActionDateData(
                    title="Day of action",
                    starts_at=in_days(30),
                    typed_time_zone="Europe/Paris",
                    place="Paris",
                )
            ],
        ),
        **fields,
    )
    return initiative_create(creator=admin, organizations=[org], data=data)


def test_only_an_organizations_admin_posts_for_it():
    admin, stranger = UserFactory(), UserFactory()
    org = organization("Attac", admin)
    with pytest.raises(PermissionDenied):
        post(stranger, org)
    initiative = post(admin, org)
    assert list(initiative.organizations.all()) == [org]
    assert initiative.dates.get().countries == ["FR"]


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (
            [
                ActionDateData(title="x", starts_at=in_days(i), typed_time_zone="UTC", place="p")
                for i in range(4)
            ],
            "Three action dates at most",
        ),
        (
            [ActionDateData(title="Online call", starts_at=in_days(3), typed_time_zone="UTC")],
            "a place or an online link",
        ),
        (
            [
                ActionDateData(
                    title="x",
                    starts_at=in_days(3),
                    ends_at=in_days(3, 10),
                    typed_time_zone="UTC",
                    place="p",
                )
            ],
            "end must come after",
        ),
    ],
)
def test_bad_action_dates_get_a_clear_message_and_write_nothing(dates, message):
    admin = UserFactory()
    org = organization("Attac", admin)
    with pytest.raises(ValidationError, match=message):
        post(admin, org, dates=dates)
    assert Initiative.objects.count() == 0
    assert ActionDate.objects.count() == 0


def form_data(org, **changes) -> dict:
    data = {
        "organizations": [str(org.pk)],
        "original_language": "en",
        "title": "Tax justice now",
        "kind": "campaign",
        "dates-TOTAL_FORMS": "3",
        "dates-INITIAL_FORMS": "0",
        "dates-MIN_NUM_FORMS": "0",
        "dates-MAX_NUM_FORMS": "3",
        "dates-0-title": "Day of action",
        "dates-0-start": "2027-03-28T02:30",
        "dates-0-time_zone": "Europe/Paris",
        "dates-0-place": "Paris",
    }
    data.update(changes)
    return data


def test_the_form_refuses_a_time_the_clocks_skip(client):
    admin = UserFactory()
    org = organization("Attac", admin)
    client.force_login(admin)
    response = client.post(reverse("initiative.create"), form_data(org))
    assert response.status_code == 400
    assert "does not exist in Europe/Paris: the clocks jump forward" in response.content.decode()
    assert Initiative.objects.count() == 0
    response = client.post(
        reverse("initiative.create"), form_data(org, **{"dates-0-start": "2027-03-28T12:30"})
    )
    assert response.status_code == 302
    date = ActionDate.objects.get()
    assert date.starts_at == dt.datetime(2027, 3, 28, 10, 30, tzinfo=dt.UTC)  # CEST, UTC+2


def test_the_calendar_shows_dates_in_the_readers_zone_and_filters(client):
    admin = UserFactory()
    org = organization("Attac", admin)
    post(admin, org)
    post(
        admin,
        org,
        title="Water is life",
        themes=["climate"],
        countries=["BO"],
        dates=[
            ActionDateData(
                title="March",
                starts_at=in_days(40),
                typed_time_zone="America/La_Paz",
                place="La Paz",
            )
        ],
    )
    client.cookies["vos_tz"] = "Asia/Tokyo"
    html = client.get("/en/actions/").content.decode()
    assert "Day of action" in html
    assert "March" in html
    tokyo = timezone.localtime(in_days(30), zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert f"{tokyo:%H:%M} (Tokyo, UTC+9)" in html
    climate = client.get("/en/actions/?theme=climate").content.decode()
    assert "March" in climate
    assert "Day of action" not in climate
    bolivia = client.get("/en/actions/?country=BO").content.decode()
    assert "Day of action" not in bolivia
    feed = Calendar.from_ical(client.get("/en/actions.ics?theme=climate").content)
    events = list(feed.walk("VEVENT"))
    assert [str(event["summary"]) for event in events] == ["March — Water is life"]
    assert events[0].decoded("dtstart") == in_days(40)


def test_the_calendar_looks_eighteen_months_ahead(client):
    admin = UserFactory()
    org = organization("Attac", admin)
    post(
        admin,
        org,
        title="Soon",
        dates=[
            ActionDateData(title="Soon", starts_at=in_days(500), typed_time_zone="UTC", place="p")
        ],
    )
    post(
        admin,
        org,
        title="Far",
        dates=[
            ActionDateData(
                title="Far away", starts_at=in_days(600), typed_time_zone="UTC", place="p"
            )
        ],
    )
    html = client.get("/en/actions/").content.decode()
    assert "Soon" in html
    assert "Far away" not in html


@pytest.mark.parametrize("count", [3, 40])
def test_the_calendar_costs_the_same_for_few_and_many(client, django_assert_num_queries, count):
    admin = UserFactory()
    org = organization("Attac", admin)
    for number in range(count):
        post(
            admin,
            org,
            title=f"Initiative {number}",
            dates=[
                ActionDateData(
                    title=f"Date {number}",
                    starts_at=in_days(number + 2),
                    typed_time_zone="UTC",
                    place="p",
                )
            ],
        )
    with django_assert_num_queries(2):
        html = client.get("/en/actions/").content.decode()
    assert html.count("<strong") == count


def test_supports_are_counted_by_country_and_organizations_listed(client):
    admin = UserFactory()
    org = organization("Attac", admin)
    initiative = post(admin, org)
    for country in ("BR", "BR", "SN"):
        initiative_support(initiative=initiative, person=UserFactory(country=country))
    supporter_admin = UserFactory()
    other = organization("Red Feminista", supporter_admin)
    initiative_support(initiative=initiative, person=supporter_admin, organization=other)
    with pytest.raises(PermissionDenied):
        initiative_support(initiative=initiative, person=UserFactory(), organization=other)
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert "3 people support it (Brazil: 2, Senegal: 1)." in html
    assert "Red Feminista" in html
    client.force_login(UserFactory(country="BO"))
    client.post(reverse("initiative.support", kwargs={"pk": initiative.pk}))
    client.post(reverse("initiative.support", kwargs={"pk": initiative.pk}))  # once only
    assert Support.objects.filter(initiative=initiative, person__isnull=False).count() == 4


def test_an_initiative_links_the_activities_where_it_is_presented(client):
    intention_text()
    edition = make_edition()
    admin = UserFactory()
    org = organization("Attac", admin)
    activity = make_activity(edition, title="Tax justice assembly")
    activity.organizations.add(org)
    initiative = post(admin, org, activities=[activity])
    assert "Tax justice assembly" in client.get(initiative.get_absolute_url()).content.decode()
    hidden = make_activity(edition, title="Not yet", state="proposed")
    with pytest.raises(ValidationError, match="public program"):
        post(admin, org, activities=[hidden])


def test_only_its_organizations_admins_edit_an_initiative(client):
    admin, other = UserFactory(), UserFactory()
    org = organization("Attac", admin)
    initiative = post(admin, org)
    client.force_login(other)
    assert client.get(reverse("initiative.edit", kwargs={"pk": initiative.pk})).status_code == 404
    client.force_login(admin)
    assert client.get(reverse("initiative.edit", kwargs={"pk": initiative.pk})).status_code == 200
