"""The facilitation team's work: a tree of idea branches per theme, contributions and
extracts linked into them (an author who declined to be quoted is linked, not quoted),
summaries of a branch, a plenary or a theme, published with their versions kept and
read in the reader's language."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory, intention_text, make_activity, make_edition, writer
from vos.forum import ideas
from vos.forum.models import BranchLink, Summary
from vos.forum.services import contribution_post, space_of_activity, space_of_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory()


@pytest.fixture
def edition(team):
    intention_text()
    return make_edition(facilitators=[team])


@pytest.fixture
def theme(edition):
    return edition.themes.create(name="Food sovereignty")


@pytest.fixture
def proposal(theme):
    return contribution_post(
        space=space_of_theme(theme),
        author=writer(display_name="Awa"),
        kind="proposal",
        body="Seed banks in every village. They keep local varieties alive.",
        language="en",
    )


def test_the_team_builds_a_tree_others_read_it(client, edition, theme, team):
    url = reverse("forum.ideas", kwargs={"slug": edition.slug})
    client.force_login(writer())
    assert client.post(url, {"title": "Seeds", "language": "en"}).status_code == 404
    client.force_login(team)
    response = client.post(url, {"title": "Seeds", "theme": theme.pk, "language": "en"})
    assert response.status_code == 302
    seeds = edition.idea_branches.get()
    client.post(url, {"title": "Seed banks", "parent": seeds.pk, "language": "en"})
    bank = edition.idea_branches.get(title="Seed banks")
    assert bank.parent == seeds
    assert bank.theme == theme
    assert client.post(url, {"title": "  ", "language": "en"}).status_code == 400
    assert edition.idea_branches.count() == 2
    client.logout()
    page = client.get(url).content.decode()
    assert page.index("Seeds") < page.index("Seed banks")
    assert "Add a branch" not in page


def test_linking_quotes_only_what_was_said_and_only_with_consent(
    client, edition, theme, team, proposal
):
    branch = ideas.branch_create(
        facilitator=team, edition=edition, title="Seeds", language="en", theme=theme
    )
    with pytest.raises(PermissionDenied):
        ideas.link_into_branch(facilitator=writer(), branch=branch, contribution=proposal)
    with pytest.raises(ValidationError, match="word for word"):
        ideas.link_into_branch(
            facilitator=team, branch=branch, contribution=proposal, extract="Seed banks are bad"
        )
    client.force_login(team)
    response = client.post(
        reverse("forum.link", kwargs={"pk": proposal.pk}),
        {"branch": branch.pk, "extract": "Seed banks in every village."},
    )
    assert response.status_code == 302
    assert BranchLink.objects.get().extract == "Seed banks in every village."
    shy = contribution_post(
        space=proposal.space,
        author=writer(),
        kind="need",
        body="Private worry",
        language="en",
        quotable=False,
    )
    with pytest.raises(ValidationError, match="not agree to be quoted"):
        ideas.link_into_branch(
            facilitator=team, branch=branch, contribution=shy, extract="Private worry"
        )
    ideas.link_into_branch(facilitator=team, branch=branch, contribution=shy)
    client.logout()
    page = client.get(branch.get_absolute_url()).content.decode()
    assert "Seed banks in every village." in page
    assert "They keep local varieties alive." not in page  # the extract, not the whole
    assert "Private worry" not in page
    assert "asked not to be quoted" in page
    # Another edition's facilitator may not link here.
    other = UserFactory()
    make_edition("other", facilitators=[other])
    with pytest.raises(PermissionDenied):
        ideas.link_into_branch(facilitator=other, branch=branch, contribution=proposal)


def test_a_summary_is_published_versioned_and_read_translated(client, edition, theme, team):
    branch = ideas.branch_create(
        facilitator=team, edition=edition, title="Seeds", language="en", theme=theme
    )
    client.force_login(team)
    new = reverse("forum.summary_new") + f"?branch={branch.pk}"
    client.post(
        new, {"title": "Draft", "body": "Not yet", "original_language": "en", "publish": "no"}
    )
    draft = Summary.objects.get()
    assert draft.published_at is None
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Not yet" not in client.get(branch.get_absolute_url()).content.decode()
    client.force_login(team)
    edit = reverse("forum.summary_edit", kwargs={"pk": draft.pk})
    response = client.post(
        edit,
        {
            "title": "Seeds for all",
            "body": "Villages want seed banks.",
            "original_language": "en",
            "tr_fr_title": "Des semences pour tous",
            "tr_fr_body": "Les villages veulent des banques de semences.",
            "publish": "yes",
        },
    )
    assert response.status_code == 302
    summary = Summary.objects.get()
    assert summary.published_at
    assert summary.versions.count() == 1
    client.post(
        edit,
        {
            "title": "Seeds for all",
            "body": "Villages want seed banks, run by farmers.",
            "original_language": "en",
            "tr_fr_title": "Des semences pour tous",
            "tr_fr_body": "Les villages veulent des banques de semences.",
        },
    )
    assert summary.versions.count() == 2  # a correction is published, the old one kept
    client.logout()
    with translation.override("fr"):
        page = client.get(branch.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Des semences pour tous" in page
    english = client.get(summary.get_absolute_url()).content.decode()
    assert "run by farmers" in english
    assert "Earlier versions" in english
    # Participants may not write summaries.
    client.force_login(writer())
    assert client.get(new).status_code == 404


def test_a_plenary_has_its_summaries(client, edition, team):
    plenary = make_activity(edition, title="Opening plenary", kind="plenary")
    space = space_of_activity(plenary)
    ideas.summary_save(
        facilitator=team,
        space=space,
        title="What the plenary said",
        body="Much.",
        language="en",
        publish=True,
    )
    assert "What the plenary said" in client.get(space.get_absolute_url()).content.decode()
    with pytest.raises(PermissionDenied):
        ideas.summary_save(facilitator=writer(), space=space, title="x", body="y", language="en")
