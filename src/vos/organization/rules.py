"""Who may do what with an organization: written once, used by the pages, the API and the
services' callers. A person's roles in organizations are read once per request and kept
on the user object (``roles_in``), so a page that asks several questions queries once."""

import rules


def roles_in(user) -> dict[int, str]:
    """organization id → "admin" or "member" for the person's active memberships."""
    if not user.is_authenticated:
        return {}
    cached = getattr(user, "_organization_roles", None)
    if cached is None:
        cached = dict(
            user.memberships.filter(status="active").values_list("organization_id", "role")
        )
        user._organization_roles = cached
    return cached


def forget_roles(user) -> None:
    """After a change of membership, the next question reads the roles again."""
    user.__dict__.pop("_organization_roles", None)


@rules.predicate
def is_organization_admin(user, organization) -> bool:
    return organization is not None and roles_in(user).get(organization.pk) == "admin"


@rules.predicate
def is_organization_member(user, organization) -> bool:
    return organization is not None and organization.pk in roles_in(user)


@rules.predicate
def is_forum_facilitator(user, _organization=None) -> bool:
    """A member of any edition's facilitation team (the people who verify, merge and
    approve claims for the whole forum), or a superuser."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_facilitator", None)
    if cached is None:
        # Through the reverse relation: edition sits above organization.
        cached = user.facilitated_editions.exists()
        user._is_facilitator = cached
    return cached


@rules.predicate
def has_no_admin(user, organization) -> bool:
    return (
        organization is not None
        and not organization.memberships.filter(role="admin", status="active").exists()
    )


@rules.predicate
def is_signed_in(user, _organization=None) -> bool:
    return user.is_authenticated


rules.add_perm("organization.create", is_signed_in)
rules.add_perm("organization.change", is_organization_admin | is_forum_facilitator)
rules.add_perm("organization.manage_members", is_organization_admin)
rules.add_perm("organization.manage_networks", is_organization_admin)
rules.add_perm("organization.manage_activities", is_organization_admin)
rules.add_perm("organization.view_contact", is_organization_admin | is_forum_facilitator)
rules.add_perm("organization.view_members", is_organization_member | is_forum_facilitator)
rules.add_perm("organization.claim", is_signed_in & has_no_admin & ~is_organization_member)
rules.add_perm("organization.verify", is_forum_facilitator)
rules.add_perm("organization.merge", is_forum_facilitator)
rules.add_perm("organization.decide_claims", is_forum_facilitator)
