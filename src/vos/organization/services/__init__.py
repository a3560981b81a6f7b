"""Every write to an organization, one module per kind of change; the names most callers
use are gathered here.

- ``organizations``: create, describe (with a logo), verify, merge;
- ``members``: join requests, invitations, roles, leaving, claims;
- ``networks``: organizations in networks, asked by one side and accepted by the other.
"""

from vos.organization.services.members import (
    admins_of,
    claim_create,
    claim_decide,
    membership_decide,
    membership_invitation_accept,
    membership_invite,
    membership_remove,
    membership_request,
    membership_set_public,
    membership_set_role,
)
from vos.organization.services.networks import (
    network_link_ask,
    network_link_decide,
    network_link_end,
)
from vos.organization.services.organizations import (
    OrganizationData,
    OrganizationDetails,
    organization_create,
    organization_get_or_create,
    organization_merge,
    organization_update,
    organization_verify,
)

__all__ = [
    "OrganizationData",
    "OrganizationDetails",
    "admins_of",
    "claim_create",
    "claim_decide",
    "membership_decide",
    "membership_invitation_accept",
    "membership_invite",
    "membership_remove",
    "membership_request",
    "membership_set_public",
    "membership_set_role",
    "network_link_ask",
    "network_link_decide",
    "network_link_end",
    "organization_create",
    "organization_get_or_create",
    "organization_merge",
    "organization_update",
    "organization_verify",
]
