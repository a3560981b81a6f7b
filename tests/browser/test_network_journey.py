"""Networks converge on the forum: five organizations co-organize an assembly until it is
published; an organization posts an initiative and a reader in Tokyo finds its date on
the calendar of actions, in Tokyo time."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_edition
from vos.activity.models import Activity, CoOrganization
from vos.activity.services.coorganization import coorganization_decide
from vos.edition.models import Edition
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def organization(name: str, admin):
    return organization_create(
        creator=admin, details=OrganizationDetails(name=name, kind="network")
    )


def test_five_organizations_co_organize_an_assembly_until_it_is_published(live_server, open_page):
    intention_text()
    edition = make_edition("vos-assembly", moderation=Edition.Moderation.PUBLISH)
    edition.activity_types.filter(key="assembly").update(min_organizations=5)
    pierre = UserFactory(display_name="Pierre", time_zone="Europe/Paris")
    grace = UserFactory(display_name="Grace", time_zone="Africa/Nairobi")
    solidarity = organization("Global Network of Solidarity Economy", pierre)
    tax = organization("Global Alliance for Tax Justice", grace)
    others = [(UserFactory(), f"Network {letter}") for letter in "CDE"]
    for admin, name in others:
        organization(name, admin)

    # Pierre proposes the assembly, naming his network, Grace's and three more.
    page = logged_in_page(open_page, live_server, pierre, "Europe/Paris")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/propose/")
    page.locator("#id_title").fill("Assembly for a common agenda")
    page.locator("#id_summary").fill("Five networks plan the year.")
    page.locator("#id_activity_type").select_option(label="Assembly")
    page.get_by_role("checkbox", name="English").check()
    page.locator("#id_start").fill(f"{edition.start_date + dt.timedelta(days=1)}T15:00")
    names = page.get_by_label("Organizations behind the activity")
    # The directory suggests names as one types; the chosen one joins the list.
    finder = page.get_by_label("Find an organization in the directory")
    finder.fill("solidarity")
    expect(page.locator("#organization-found option")).to_have_count(1)
    finder.fill("Global Network of Solidarity Economy")
    page.get_by_role("button", name="Add to the list").click()
    expect(names).to_have_value("Global Network of Solidarity Economy")
    names.fill(
        "\n".join(
            ["Global Network of Solidarity Economy", "Global Alliance for Tax Justice"]
            + [name for _admin, name in others]
        )
    )
    page.get_by_label("I have read the intention text and I share it.").check()
    assert_accessible(page)
    page.get_by_role("button", name="Send my proposal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assembly for a common agenda")
    expect(page.locator(".co-organizing")).to_contain_text(
        "4 more organizations must accept before the activity can be published."
    )
    assert_accessible(page)
    activity = Activity.objects.get(title="Assembly for a common agenda")
    assert activity.state == Activity.State.PROPOSED

    # Grace accepts for her alliance, from its page of activities.
    page = logged_in_page(open_page, live_server, grace, "Africa/Nairobi")
    page.goto(f"{live_server.url}/en/organizations/{tax.pk}/")
    page.get_by_role("link", name="Activities that name the organization").click()
    request = page.locator(".requests li", has_text="Assembly for a common agenda")
    assert_accessible(page)
    request.get_by_role("button", name="Accept").click()
    expect(page.locator(".messages")).to_contain_text("Accepted.")

    # Two more networks say yes; the last one's acceptance publishes the assembly.
    for admin, name in others[:2]:
        link = CoOrganization.objects.get(activity=activity, organization__name=name)
        coorganization_decide(link=link, admin=admin, accept=True)
    activity.refresh_from_db()
    assert activity.state == Activity.State.PROPOSED
    last_admin, last_name = others[2]
    page = logged_in_page(open_page, live_server, last_admin, "Asia/Kolkata")
    page.goto(
        f"{live_server.url}/en/organizations/{activity.co_organizations.get(organization__name=last_name).organization_id}/activities/"
    )
    page.get_by_role("button", name="Accept").click()
    activity.refresh_from_db()
    assert activity.state == Activity.State.PUBLISHED
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/program/?day=all")
    card = page.locator(".activity-card", has_text="Assembly for a common agenda")
    expect(card).to_contain_text("Global Alliance for Tax Justice")
    expect(card).to_contain_text(solidarity.name)
    assert_accessible(page)


def test_an_initiative_s_dates_reach_a_reader_in_tokyo(live_server, open_page):
    amina = UserFactory(display_name="Amina", time_zone="Africa/Casablanca")
    migrants = organization("Migrants Without Borders", amina)
    day = timezone.localdate() + dt.timedelta(days=20)

    page = logged_in_page(open_page, live_server, amina, "Africa/Casablanca")
    page.goto(f"{live_server.url}/en/organizations/{migrants.pk}/")
    page.get_by_role("link", name="Post an initiative").click()
    expect(page.get_by_role("checkbox", name="Migrants Without Borders")).to_be_checked()
    page.locator("#id_title").fill("Hospitable cities network")
    page.get_by_role("checkbox", name="Migration and hospitality").check()
    first = page.locator("fieldset.action-date").first
    first.locator("#id_dates-0-title").fill("Meeting of hospitable cities")
    first.locator("#id_dates-0-start").fill(f"{day}T10:00")
    first.get_by_role("combobox", name="Time zone of these times").fill("Africa/Casablanca")
    first.locator("#id_dates-0-place").fill("Rabat")
    assert_accessible(page)
    page.get_by_role("button", name="Post the initiative").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hospitable cities network")
    assert_accessible(page)

    starts = dt.datetime.combine(day, dt.time(10), tzinfo=zoneinfo.ZoneInfo("Africa/Casablanca"))
    tokyo = starts.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    reader = open_page(time_zone="Asia/Tokyo")
    reader.goto(f"{live_server.url}/en/actions/")
    expect(reader.locator("html")).to_have_attribute("data-tz-source", "cookie")
    entry = reader.locator(".action-dates li", has_text="Meeting of hospitable cities")
    expect(entry).to_contain_text(f"{tokyo:%H:%M} (Tokyo, UTC+9)")
    expect(entry).to_contain_text("Hospitable cities network")
    assert_accessible(reader)
    reader.locator("#id_theme").select_option(label="Migration and hospitality")
    reader.get_by_role("button", name="Filter").click()
    expect(reader.locator(".action-dates li")).to_have_count(1)
