"""Who may read, write and run a declaration."""

import rules

from vos.declaration.models import Reviewer
from vos.organization.models import Membership
from vos.organization.rules import is_forum_facilitator


@rules.predicate
def is_drafting_team(user, declaration) -> bool:
    if declaration is None or not user.is_authenticated:
        return False
    return declaration.team.filter(person=user).exists()


@rules.predicate
def is_reviewer(user, declaration) -> bool:
    """Invited to review: in person, or as an admin of an invited organization."""
    if declaration is None or not user.is_authenticated:
        return False
    reviewers = Reviewer.objects.filter(declaration=declaration)
    return (
        reviewers.filter(person=user).exists()
        or reviewers.filter(
            organization__memberships__person=user,
            organization__memberships__role=Membership.Role.ADMIN,
            organization__memberships__status=Membership.Status.ACTIVE,
        ).exists()
    )


@rules.predicate
def is_translator(user, declaration) -> bool:
    if declaration is None or not user.is_authenticated:
        return False
    return declaration.translators.filter(person=user).exists()


@rules.predicate
def is_public(user, declaration) -> bool:
    """Drafts are the team's (and the facilitation team's); the rest is public."""
    return declaration is not None and declaration.state != "drafting"


@rules.predicate
def is_drafting(user, declaration) -> bool:
    return declaration is not None and declaration.state == "drafting"


@rules.predicate
def is_signed_in(user, _declaration=None) -> bool:
    return user.is_authenticated


rules.add_perm("declaration.create", is_signed_in)
rules.add_perm(
    "declaration.view",
    is_public | is_drafting_team | is_reviewer | is_translator | is_forum_facilitator,
)
rules.add_perm("declaration.comment", (is_drafting_team | is_reviewer) & is_drafting)
rules.add_perm("declaration.change", is_drafting_team & is_drafting)
rules.add_perm("declaration.manage_team", is_drafting_team)
