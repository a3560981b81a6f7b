"""What organizations keep about a person: the organizations they named first (the
organization stays, it is the network's; the name is forgotten by SET_NULL), their
memberships, claims and follows (deleted with the account), and the invitations and
network requests they sent (kept, without their name)."""

from vos.organization.models import (
    Claim,
    Follow,
    Membership,
    MembershipInvitation,
    NetworkMembership,
    Organization,
)
from vos.person.registry import PersonalData, declare


def _export(person) -> dict:
    return {
        "organizations_created": sorted(
            Organization.objects.filter(created_by=person).values_list("name", flat=True)
        ),
        "memberships": [
            {
                "organization": membership.organization.name,
                "role": membership.role,
                "status": membership.status,
                "shown_on_its_page": membership.is_public,
                "since": membership.created_at.isoformat(),
            }
            for membership in Membership.objects.filter(person=person).select_related(
                "organization"
            )
        ],
        "organization_claims": [
            {
                "organization": claim.organization.name,
                "message": claim.message,
                "status": claim.status,
                "at": claim.created_at.isoformat(),
            }
            for claim in Claim.objects.filter(person=person).select_related("organization")
        ],
        "organizations_followed": [
            {"organization": follow.organization.name, "digest": follow.frequency}
            for follow in Follow.objects.filter(person=person).select_related("organization")
        ],
    }


declare(
    PersonalData(
        app="organization",
        models=(Organization, Membership, MembershipInvitation, Claim, NetworkMembership, Follow),
        export=_export,
        why="An organization an admin leaves by deleting their account stays; if it has no "
        "admin left, somebody may claim it.",
    )
)
