"""Reads of organizations that the apps above share."""

from functools import reduce
from operator import or_

from django.db.models import Q

from vos.organization.models import Membership, Organization


def organizations_named(names: list[str]) -> dict[str, Organization]:
    """The organizations called by these names (any case), in one query: the folded name
    → the organization, or the one a merged duplicate points to."""
    if not names:
        return {}
    matches = Organization.objects.filter(
        reduce(or_, (Q(name__iexact=name) for name in names))
    ).select_related("merged_into")
    found: dict[str, Organization] = {}
    for organization in matches.order_by("merged_into", "pk"):
        kept = organization.merged_into or organization
        found.setdefault(organization.name.casefold(), kept)
    return found


def organizations_of(person, *, admin: bool = False) -> list[Organization]:
    """The organizations a person is an active member of (an admin of, with ``admin``),
    by name; none for a visitor."""
    if not person.is_authenticated:
        return []
    memberships = {
        "memberships__person": person,
        "memberships__status": Membership.Status.ACTIVE,
    }
    if admin:
        memberships["memberships__role"] = Membership.Role.ADMIN
    return list(Organization.objects.filter(merged_into=None, **memberships).order_by("name"))
