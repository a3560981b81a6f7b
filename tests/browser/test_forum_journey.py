"""The Open Forum in a browser: a participant posts a proposal, another argues against
it, a third likes it, all without a reload; a facilitator adds a branch, links the
proposal into it and publishes a summary with its French translation, which a reader in
French then reads; an open plenary page shows a new note without a reload. Every page
passes axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, make_activity, make_edition, writer
from vos.forum.models import Contribution
from vos.forum.notes import note_post
from vos.forum.services import space_of_activity, space_of_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_proposal_argued_liked_linked_and_summarised_in_french(live_server, open_page):
    team = UserFactory(display_name="Pierre")
    edition = make_edition("vos-forum", facilitators=[team])
    space = space_of_theme(edition.themes.create(name="Food sovereignty"))
    awa, ben, cleo = (writer(display_name=name) for name in ("Awa", "Ben", "Cleo"))
    address = f"{live_server.url}/en/forum/spaces/{space.pk}/"

    # Awa posts a proposal: it appears at the top, the page is not reloaded.
    page = logged_in_page(open_page, live_server, awa, "Africa/Dakar")
    page.goto(address)
    page.evaluate("window.notReloaded = true")
    page.get_by_label("proposal").check()
    page.get_by_label("Your contribution").fill("Seed banks in every village.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator(".contributions .thread").first).to_contain_text(
        "Seed banks in every village."
    )
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)
    proposal = Contribution.objects.get()

    # Ben argues against it, in place.
    page = logged_in_page(open_page, live_server, ben, "Europe/Paris")
    page.goto(address)
    page.evaluate("window.notReloaded = true")
    thread = page.locator(f"#thread-{proposal.pk}")
    thread.get_by_text("Argue or reply").click()
    thread.get_by_label("Your answer").fill("Without land, seeds are not enough.")
    thread.get_by_role("button", name="Post as an argument against").click()
    thread = page.locator(f"#thread-{proposal.pk}")
    expect(thread).to_contain_text("1 argument against")
    expect(thread).to_contain_text("Without land, seeds are not enough.")
    assert page.evaluate("window.notReloaded") is True

    # Cleo likes the proposal: the button and the count change in place.
    page = logged_in_page(open_page, live_server, cleo, "America/Caracas")
    page.goto(address)
    article = page.locator(f"#contribution-{proposal.pk}")
    article.get_by_role("button", name="Like").click()
    expect(article.get_by_role("button", name="Unlike")).to_have_attribute("aria-pressed", "true")
    expect(article).to_contain_text("1 like")
    assert_accessible(page)

    # Pierre adds a branch, links the proposal into it, and publishes a summary with its
    # French translation.
    page = logged_in_page(open_page, live_server, team, "Europe/Paris")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/forum/ideas/")
    page.get_by_label("Idea").fill("Peasant seeds")
    page.get_by_role("button", name="Add the branch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Peasant seeds")
    page.goto(address)
    page.locator(f"#contribution-{proposal.pk}").get_by_role(
        "link", name="Link into a branch"
    ).click()
    page.get_by_label("Extract (optional)").fill("Seed banks in every village.")
    assert_accessible(page)
    page.get_by_role("button", name="Link it").click()
    expect(page.locator("blockquote")).to_contain_text("Seed banks in every village.")
    page.get_by_role("link", name="Write a summary").click()
    page.locator("#id_title").fill("Seeds for all")
    page.locator("#id_body").fill("Villages want seed banks, with land.")
    page.locator("summary", has_text="Français").click()
    page.locator("#id_tr_fr_title").fill("Des semences pour tous")
    page.locator("#id_tr_fr_body").fill(
        "Les villages veulent des banques de semences, avec la terre."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The summary is published.")
    branch_address = page.locator("main p a").first.get_attribute("href")

    # A reader in French reads the branch and its summary in French.
    page = open_page(time_zone="Europe/Paris", locale="fr-FR")
    page.goto(f"{live_server.url}{branch_address.replace('/en/', '/fr/')}")
    expect(page.locator(".summary")).to_contain_text("Des semences pour tous")
    expect(page.locator(".summary")).to_contain_text("avec la terre")
    expect(page.locator("blockquote")).to_contain_text("Seed banks in every village.")
    assert_accessible(page)


def test_an_open_plenary_page_shows_new_notes_without_a_reload(live_server, open_page):
    team = UserFactory()
    edition = make_edition("vos-live", facilitators=[team])
    plenary = make_activity(
        edition,
        title="Opening plenary",
        kind="plenary",
        starts_at=timezone.now() - dt.timedelta(minutes=5),
    )
    space = space_of_activity(plenary)
    note_post(author=team, space=space, speaker="Ana", language="pt", body="Bem-vindas.")
    page = open_page(time_zone="America/Sao_Paulo")
    page.goto(f"{live_server.url}/en/forum/spaces/{space.pk}/")
    expect(page.locator(".notes")).to_contain_text("Bem-vindas.")
    page.evaluate("window.notReloaded = true")
    note_post(
        author=team, space=space, speaker="Chico", language="pt", body="Outro mundo é possível."
    )
    expect(page.locator(".notes")).to_contain_text("Outro mundo é possível.", timeout=6_000)
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)
