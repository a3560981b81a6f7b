"""Review of a draft: comments that follow their paragraph across versions (or become
outdated), replies and resolving, proposed replacements the team accepts or declines,
and who may comment."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.declaration.test_drafting import LETTER, letter
from tests.factories import UserFactory
from vos.declaration.models import Comment
from vos.declaration.review import (
    comment_add,
    comment_reply,
    comment_resolve,
    paragraphs,
    proposal_decide,
    review_of,
    reviewer_invite,
)
from vos.declaration.services import latest_version, version_save
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafted():
    team, reviewer = UserFactory(display_name="Ana"), UserFactory(display_name="Rui")
    declaration = letter(team)
    reviewer_invite(declaration=declaration, actor=team, email=reviewer.email)
    return declaration, team, reviewer


def test_a_comment_follows_its_paragraph_and_becomes_outdated_when_it_goes(drafted):
    declaration, team, reviewer = drafted
    assert paragraphs(LETTER) == [
        "Dear Secretary-General,",
        "We, the networks of the forum, write to you.",
        "With hope.",
    ]
    on_second = comment_add(declaration=declaration, author=reviewer, paragraph=1, body="Which?")
    on_third = comment_add(declaration=declaration, author=reviewer, paragraph=2, body="Warmer?")
    # Version 2 inserts a paragraph before: the comments move with their paragraphs.
    version_save(
        declaration=declaration,
        author=team,
        text="Dear Secretary-General,\n\nA new opening.\n\nWe, the networks of the forum, write to you.\n\nWith hope.",
        note="",
        based_on=1,
    )
    parts, outdated = review_of(declaration, latest_version(declaration))
    assert [c.pk for c in parts[2].comments] == [on_second.pk]
    assert [c.pk for c in parts[3].comments] == [on_third.pk]
    assert outdated == []
    # Version 3 rewrites the last paragraph: its comment is outdated.
    version_save(
        declaration=declaration,
        author=team,
        text="Dear Secretary-General,\n\nA new opening.\n\nWe, the networks of the forum, write to you.\n\nIn solidarity.",
        note="",
        based_on=2,
    )
    parts, outdated = review_of(declaration, latest_version(declaration))
    assert [c.pk for c in outdated] == [on_third.pk]


def test_the_team_replies_resolves_and_accepts_a_proposed_paragraph(client, drafted):
    declaration, team, reviewer = drafted
    proposed = comment_add(
        declaration=declaration,
        author=reviewer,
        paragraph=2,
        body="Close with solidarity.",
        proposal="In solidarity, the networks.",
    )
    comment_reply(comment=proposed, author=team, body="Good idea.")
    with pytest.raises(PermissionDenied):
        proposal_decide(comment=proposed, actor=reviewer, accept=True)
    client.force_login(team)
    client.post(
        reverse("declaration.proposal", kwargs={"pk": declaration.pk, "comment_pk": proposed.pk}),
        {"decision": "accept"},
    )
    latest = latest_version(declaration)
    assert latest.number == 2
    assert paragraphs(latest.text)[-1] == "In solidarity, the networks."
    assert latest.note == "Proposal by Rui accepted"
    proposed.refresh_from_db()
    assert proposed.proposal_status == "accepted"
    assert proposed.resolved_by == team
    other = comment_add(declaration=declaration, author=reviewer, paragraph=0, body="Formal?")
    comment_resolve(comment=other, actor=team)
    other.refresh_from_db()
    assert other.resolved_at is not None
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "Good idea." in page
    assert 'id="paragraph-2"' in page


def test_a_proposal_whose_paragraph_changed_is_not_applied(drafted):
    declaration, team, reviewer = drafted
    proposed = comment_add(
        declaration=declaration, author=reviewer, paragraph=2, body="", proposal="Yours."
    )
    version_save(
        declaration=declaration,
        author=team,
        text=LETTER.replace("With hope.", "Hope."),
        note="",
        based_on=1,
    )
    with pytest.raises(ValidationError, match="has changed since"):
        proposal_decide(comment=proposed, actor=team, accept=True)
    assert latest_version(declaration).number == 2


@pytest.mark.parametrize(
    ("role", "may"),
    [
        ("anonymous", False),
        ("participant", False),
        ("reviewer", True),
        ("organization_admin", True),
        ("team", True),
    ],
)
def test_who_may_comment(client, drafted, role, may):
    declaration, team, reviewer = drafted
    org_admin = UserFactory()
    invited = organization_create(creator=org_admin, details=OrganizationDetails(name="Attac"))
    reviewer_invite(declaration=declaration, actor=team, organization=invited)
    people = {
        "participant": UserFactory(),
        "reviewer": reviewer,
        "organization_admin": org_admin,
        "team": team,
    }
    if role != "anonymous":
        client.force_login(people[role])
    client.post(
        reverse("declaration.comment", kwargs={"pk": declaration.pk}),
        {"paragraph": "1", "body": "A remark"},
    )
    assert Comment.objects.filter(body="A remark").exists() is may
    assert (client.get(declaration.get_absolute_url()).status_code == 200) is may
