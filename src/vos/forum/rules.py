"""Who may do what in the Open Forum. A space's facilitation team is its edition's; the
standing space between editions is looked after by the teams of every edition."""

import rules

from vos.edition.models import Edition
from vos.edition.rules import has_team_role, is_facilitator


def facilitates(user, edition: Edition | None) -> bool:
    """On the team of this edition; for what lies between editions (no edition), on the
    team of any."""
    if not user.is_authenticated:
        return False
    if edition is not None:
        return is_facilitator(user, edition)
    return user.is_superuser or Edition.objects.filter(facilitators=user).exists()


@rules.predicate
def is_space_facilitator(user, space) -> bool:
    return space is not None and facilitates(user, space.edition)


@rules.predicate
def is_branch_facilitator(user, branch) -> bool:
    return branch is not None and facilitates(user, branch.edition)


@rules.predicate
def is_forum_facilitator(user) -> bool:
    """On the facilitation team of some edition: sees the moderation queue."""
    return user.is_authenticated and (
        user.is_superuser or Edition.objects.filter(facilitators=user).exists()
    )


@rules.predicate
def is_space_moderator(user, space) -> bool:
    """The team, or a volunteer given the forum's moderation on the space's edition."""
    return space is not None and (
        facilitates(user, space.edition) or has_team_role(user, space.edition, "moderation")
    )


@rules.predicate
def is_forum_moderator(user) -> bool:
    return is_forum_facilitator(user) or has_team_role(user, None, "moderation")


rules.add_perm("forum.moderate", is_space_moderator)
rules.add_perm("forum.facilitate", is_space_facilitator)
rules.add_perm("forum.view_queue", is_forum_moderator)
rules.add_perm("forum.change_branch", is_branch_facilitator)
