"""The Open Forum's other pages pass axe, as a facilitator and as a participant sees
them: the tree of ideas, a contribution's own page with its follow form, reporting, the
moderation queue, the memory search, the wall of outcomes with its support buttons, a
summary with its versions."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition, writer
from vos.forum import ideas, moderation
from vos.forum.models import Outcome
from vos.forum.services import contribution_edit, contribution_post, space_of_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_forum_pages_pass_axe(live_server, open_page):
    intention_text()
    team = UserFactory(display_name="Pierre")
    edition = make_edition(
        "vos-axe", facilitators=[team], start=timezone.localdate() - dt.timedelta(days=3)
    )
    space = space_of_theme(edition.themes.create(name="Water"))
    awa = writer(display_name="Awa")
    proposal = contribution_post(
        space=space, author=awa, kind="proposal", body="Rain tanks for every school.", language="en"
    )
    contribution_edit(contribution=proposal, author=awa, body="Rain tanks for every school!")
    moderation.report(contribution=proposal, reporter=writer(), reason="Off topic?")
    branch = ideas.branch_create(
        facilitator=team, edition=edition, title="Water at school", language="en"
    )
    summary = ideas.summary_save(
        facilitator=team, branch=branch, title="Tanks", body="First.", language="en", publish=True
    )
    ideas.summary_save(
        facilitator=team, summary=summary, title="Tanks", body="Second.", language="en"
    )
    past = make_activity(
        edition, title="Water workshop", starts_at=timezone.now() - dt.timedelta(days=2)
    )
    Outcome.objects.create(activity=past, summary="Schools will share tanks.", proposals="- A map")
    base = live_server.url

    page = logged_in_page(open_page, live_server, team, "Europe/Paris")
    for path, text in (
        (f"/en/editions/{edition.slug}/forum/ideas/", "Water at school"),
        ("/en/forum/moderation/", "Off topic?"),
        (f"/en/forum/summaries/{summary.pk}/", "Earlier versions"),
        (f"/en/forum/search/?q=tanks&edition={edition.slug}", "Rain tanks"),
    ):
        page.goto(base + path)
        expect(page.locator("main")).to_contain_text(text)
        assert_accessible(page)

    page = logged_in_page(open_page, live_server, writer(display_name="Ben"), "America/Lima")
    for path, text in (
        (f"/en/forum/contributions/{proposal.pk}/", "Earlier wordings"),
        (f"/en/forum/contributions/{proposal.pk}/report/", "Report a contribution"),
        (f"/en/editions/{edition.slug}/outcomes/", "Support these proposals"),
        (f"/en/editions/{edition.slug}/forum/", "Tree of ideas"),
    ):
        page.goto(base + path)
        expect(page.locator("main")).to_contain_text(text)
        assert_accessible(page)
