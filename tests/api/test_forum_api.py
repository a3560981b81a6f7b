"""The Open Forum in the API: spaces, contributions, branches, summaries and outcomes
for anyone (hidden text and unquotable extracts left out, unpublished activities'
spaces absent); posting and liking with a token, through the same rules as the pages."""

import json

import pytest

from tests.api.test_api import bearer
from tests.factories import UserFactory, intention_text, make_activity, make_edition, writer
from vos.forum import ideas, moderation
from vos.forum.models import Contribution, Outcome
from vos.forum.services import contribution_post, space_of_activity, space_of_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    return UserFactory()


@pytest.fixture
def edition(team):
    intention_text()
    return make_edition("api-forum", facilitators=[team])


def test_reading_the_debate(client, edition, team):
    theme = edition.themes.create(name="Land")
    space = space_of_theme(theme)
    hidden_activity = make_activity(edition, title="Draft", state="proposed")
    space_of_activity(hidden_activity)
    ana = writer(display_name="Ana")
    proposal = contribution_post(
        space=space, author=ana, kind="proposal", body="Land to the tillers", language="en"
    )
    shy = contribution_post(
        space=space, author=ana, kind="need", body="Private", language="en", quotable=False
    )
    rude = contribution_post(
        space=space, author=writer(), kind="need", body="Insult", language="en"
    )
    moderation.hide(contribution=rude, facilitator=team, reason="Insult")
    spaces = client.get("/api/v1/forum/spaces", {"edition": edition.slug}).json()["items"]
    assert [item["id"] for item in spaces] == [space.pk]  # not the unpublished activity's
    items = client.get(f"/api/v1/forum/spaces/{space.pk}/contributions").json()["items"]
    by_id = {item["id"]: item for item in items}
    assert by_id[proposal.pk]["author"] == "Ana"
    assert by_id[rude.pk]["text"] == ""
    assert by_id[rude.pk]["hidden_reason"] == "Insult"
    branch = ideas.branch_create(facilitator=team, edition=edition, title="Land", language="en")
    ideas.link_into_branch(facilitator=team, branch=branch, contribution=proposal)
    ideas.link_into_branch(facilitator=team, branch=branch, contribution=shy)
    detail = client.get(f"/api/v1/forum/branches/{branch.pk}").json()
    assert [(link["contribution"], link["extract"]) for link in detail["links"]] == [
        (proposal.pk, "Land to the tillers"),
        (shy.pk, None),
    ]
    ideas.summary_save(
        facilitator=team,
        branch=branch,
        title="Land",
        body="Tillers first.",
        language="en",
        translations={"fr": {"title": "La terre", "body": "Les paysans d’abord."}},
        publish=True,
    )
    ideas.summary_save(facilitator=team, branch=branch, title="Draft", body="x", language="en")
    summaries = client.get("/api/v1/forum/summaries", {"edition": edition.slug}).json()["items"]
    assert len(summaries) == 1
    assert summaries[0]["translations"]["fr"]["title"] == "La terre"
    assert summaries[0]["version"] == 1
    shown = make_activity(edition, title="Past")
    Outcome.objects.create(activity=shown, summary="Agreed", original_language="en")
    Outcome.objects.create(activity=hidden_activity, summary="Secret")
    outcomes = client.get("/api/v1/forum/outcomes").json()["items"]
    assert [item["summary"] for item in outcomes] == ["Agreed"]


def test_posting_and_liking_with_a_token(client, edition):
    space = space_of_theme(edition.themes.create(name="Water"))
    url = f"/api/v1/forum/spaces/{space.pk}/contributions"
    outsider = UserFactory()
    response = client.post(
        url,
        json.dumps({"kind": "need", "text": "Wells"}),
        content_type="application/json",
        **bearer(outsider),
    )
    assert response.status_code == 403
    assert "intention text" in response.json()["message"]
    ana = writer()
    response = client.post(
        url,
        json.dumps({"kind": "proposal", "text": "Rain tanks", "language": "en"}),
        content_type="application/json",
        **bearer(ana),
    )
    assert response.status_code == 201
    proposal_id = response.json()["id"]
    response = client.post(
        url,
        json.dumps({"kind": "against", "text": "Costly"}),
        content_type="application/json",
        **bearer(ana),
    )
    assert response.status_code == 400  # an argument needs its proposal
    response = client.post(
        url,
        json.dumps({"kind": "against", "text": "Costly", "answers": proposal_id}),
        content_type="application/json",
        **bearer(ana),
    )
    assert response.json()["proposal"] == proposal_id
    assert Contribution.objects.count() == 2
    like = f"/api/v1/forum/contributions/{proposal_id}/like"
    assert client.post(like, **bearer(ana)).json() == {"liked": True, "likes": 1}
    assert client.post(like, **bearer(ana)).json() == {"liked": False, "likes": 0}
    assert client.post(like).status_code == 401
