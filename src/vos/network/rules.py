"""Who may change an initiative, post one, or support one for an organization."""

import rules

from vos.organization.models import Membership


@rules.predicate
def is_initiative_admin(user, initiative) -> bool:
    """An admin of one of the organizations that carry it."""
    if initiative is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        organization__initiatives=initiative,
        person=user,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    ).exists()


@rules.predicate
def administers_an_organization(user, _target=None) -> bool:
    return (
        user.is_authenticated
        and user.memberships.filter(
            role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
        ).exists()
    )


rules.add_perm("initiative.change", is_initiative_admin)
rules.add_perm("initiative.post", administers_an_organization)
