"""Reads of organizations that the apps above share."""

from functools import reduce
from operator import or_

from django.db.models import Q

from vos.organization.models import Organization


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
