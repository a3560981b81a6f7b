"""Who may do what in the Open Forum, role by role: a visitor, a person who has not
shared the intention text, a participant, a blocked participant, an activity's
organizer, the edition's facilitation team and another edition's team. Each answer is
the page's, through the client."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.edition.services import intention_accept
from vos.forum import ideas
from vos.forum.models import Block, Branch, Contribution, Note, Report, Summary
from vos.forum.services import contribution_post, space_of_activity, space_of_theme
from vos.organization.models import Membership
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "stranger", "participant", "blocked", "organizer", "team", "other_team"]


def accepted(person):
    intention_accept(person=person, intention_text=intention_text())
    return person


@pytest.fixture
def forum():
    intention_text()
    team, other_team, organizer = UserFactory(), UserFactory(), accepted(UserFactory())
    edition = make_edition(facilitators=[team])
    make_edition("other", facilitators=[other_team])
    plenary = make_activity(
        edition,
        title="Plenary",
        kind="plenary",
        organizer=organizer,
        starts_at=timezone.now() - dt.timedelta(minutes=5),
    )
    space = space_of_theme(edition.themes.create(name="Peace"))
    post = contribution_post(
        space=space, author=accepted(UserFactory()), kind="proposal", body="Peace", language="en"
    )
    blocked = accepted(UserFactory())
    Block.objects.create(person=blocked, reason="insults", blocked_by=team)
    people = {
        "visitor": None,
        "stranger": UserFactory(),
        "participant": accepted(UserFactory()),
        "blocked": blocked,
        "organizer": organizer,
        "team": team,
        "other_team": accepted(other_team),
    }
    branch = ideas.branch_create(facilitator=team, edition=edition, title="Peace", language="en")
    return {
        "edition": edition,
        "space": space,
        "plenary": space_of_activity(plenary),
        "post": post,
        "branch": branch,
        "people": people,
    }


# What each role may do; every other role is refused and nothing is written.
ALLOWED = {
    "post": {"participant", "organizer", "other_team"},
    "like": {"stranger", "participant", "blocked", "organizer", "team", "other_team"},
    "report": {"stranger", "participant", "blocked", "organizer", "team", "other_team"},
    "hide": {"team"},
    "queue": {"team", "other_team"},
    "branch": {"team"},
    "link": {"team"},
    "summary": {"team"},
    "note": {"organizer", "team"},
}


def act(client, forum, action):
    """Do the action through the pages; returns whether it took effect."""
    post, space = forum["post"], forum["space"]
    if action == "post":
        client.post(
            reverse("forum.post", kwargs={"pk": space.pk}),
            {"kind": "need", "body": "New need", "language": "en", "quotable": "on"},
        )
        return Contribution.objects.filter(body="New need").exists()
    if action == "like":
        client.post(reverse("forum.like", kwargs={"pk": post.pk}))
        return post.likes.exists()
    if action == "report":
        client.post(reverse("forum.report", kwargs={"pk": post.pk}), {"reason": "spam"})
        return Report.objects.exists()
    if action == "hide":
        client.post(
            reverse("forum.decide", kwargs={"pk": post.pk}), {"decision": "hide", "reason": "x"}
        )
        post.refresh_from_db()
        return post.hidden_at is not None
    if action == "queue":
        return client.get(reverse("forum.queue")).status_code == 200
    if action == "branch":
        client.post(
            reverse("forum.ideas", kwargs={"slug": forum["edition"].slug}),
            {"title": "New idea", "language": "en"},
        )
        return Branch.objects.filter(title="New idea").exists()
    if action == "link":
        client.post(reverse("forum.link", kwargs={"pk": post.pk}), {"branch": forum["branch"].pk})
        return forum["branch"].links.exists()
    if action == "summary":
        client.post(
            reverse("forum.summary_new") + f"?branch={forum['branch'].pk}",
            {"title": "S", "body": "B", "original_language": "en", "publish": "yes"},
        )
        return Summary.objects.exists()
    if action == "note":
        client.post(
            reverse("forum.note", kwargs={"pk": forum["plenary"].pk}),
            {"speaker": "Ana", "language": "en", "body": "Said"},
        )
        return Note.objects.exists()
    raise AssertionError(action)


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_do_its_part_only(client, forum, role, action):
    person = forum["people"][role]
    if person is not None:
        client.force_login(person)
    assert act(client, forum, action) is (role in ALLOWED[action])


def test_one_speaks_only_for_an_organization_one_belongs_to(client, forum):
    ana = forum["people"]["participant"]
    mine = organization_create(creator=ana, details=OrganizationDetails(name="Paz", kind="ngo"))
    theirs = organization_create(
        creator=UserFactory(), details=OrganizationDetails(name="Other", kind="ngo")
    )
    assert Membership.objects.filter(organization=mine, person=ana).exists()
    client.force_login(ana)
    url = reverse("forum.post", kwargs={"pk": forum["space"].pk})
    page = client.get(forum["space"].get_absolute_url()).content.decode()
    assert "Speaking for" in page
    assert "Paz" in page
    assert "Other" not in page
    client.post(
        url, {"kind": "need", "body": "Theirs", "language": "en", "organization": theirs.pk}
    )
    assert not Contribution.objects.filter(body="Theirs").exists()
    client.post(url, {"kind": "need", "body": "Ours", "language": "en", "organization": mine.pk})
    assert Contribution.objects.get(body="Ours").organization == mine
    assert "Paz</bdi>)" in client.get(forum["space"].get_absolute_url()).content.decode()
