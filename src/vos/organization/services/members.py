"""The people of an organization: asking to join, invitations by email, roles, leaving;
and claims on organizations that nobody speaks for.

An organization with admins always keeps at least one: the last admin can neither leave
nor be demoted nor removed (the organization's row is locked while that is checked, so
two admins stepping down at once cannot both succeed)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.mail.services import Stranger, mail_to_person
from vos.organization.models import Claim, Membership, MembershipInvitation, Organization
from vos.organization.rules import forget_roles
from vos.person.models import User

NOTICE = "organization/email/notice"


def admins_of(organization: Organization) -> list[User]:
    return [
        membership.person
        for membership in organization.memberships.filter(
            role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
        ).select_related("person")
    ]


def _notify(people, notice: str, **context) -> None:
    for person in people:
        mail_to_person(person=person, template=NOTICE, context={"notice": notice, **context})


def _lock(organization: Organization) -> Organization:
    return Organization.objects.select_for_update().get(pk=organization.pk)


def _admin_count(organization: Organization) -> int:
    return organization.memberships.filter(
        role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).count()


def _keep_one_admin(membership: Membership) -> None:
    if (
        membership.role == Membership.Role.ADMIN
        and membership.status == Membership.Status.ACTIVE
        and _admin_count(membership.organization) <= 1
    ):
        raise ValidationError(
            _("An organization keeps at least one admin: make another member an admin first."),
            code="last_admin",
        )


@transaction.atomic
def membership_request(
    *, organization: Organization, person: User, message: str = ""
) -> Membership:
    """A person asks to join; the admins are told by email and decide."""
    organization = _lock(organization)
    if organization.merged_into_id:
        raise ValidationError(_("This organization was merged into another one."))
    existing = Membership.objects.filter(organization=organization, person=person).first()
    if existing is not None:
        if existing.status == Membership.Status.ACTIVE:
            raise ValidationError(_("You are already a member of this organization."))
        return existing
    admins = admins_of(organization)
    if not admins:
        raise ValidationError(
            _("Nobody speaks for this organization yet: claim it instead of asking to join.")
        )
    membership = Membership.objects.create(
        organization=organization,
        person=person,
        status=Membership.Status.REQUESTED,
        message=message.strip()[:1000],
    )
    log_action(organization, actor=person, action="organization.join_request")
    _notify(admins, "join_request", organization=organization, person=person, message=message)
    return membership


@transaction.atomic
def membership_decide(*, membership: Membership, admin: User, accept: bool) -> Membership | None:
    """An admin accepts (the person becomes a member) or declines (the request is gone)."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != Membership.Status.REQUESTED:
        raise ValidationError(_("This request was already answered."))
    person = membership.person
    if accept:
        membership.status = Membership.Status.ACTIVE
        membership.save(update_fields=["status"])
    else:
        membership.delete()
    log_action(
        membership.organization,
        actor=admin,
        action="organization.join_accept" if accept else "organization.join_decline",
        data={"person": person.display_name},
    )
    forget_roles(person)
    _notify(
        [person],
        "join_accepted" if accept else "join_declined",
        organization=membership.organization,
    )
    return membership if accept else None


@transaction.atomic
def membership_invite(
    *, organization: Organization, email: str, role: str, invited_by: User
) -> MembershipInvitation:
    """Invite someone by email; they join (with the role given) when they accept."""
    email = email.strip().lower()
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."))
    person = User.objects.filter(email__iexact=email).first()
    if (
        person is not None
        and Membership.objects.filter(
            organization=organization, person=person, status=Membership.Status.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            _("%(email)s is already a member of this organization.") % {"email": email}
        )
    invitation, created = MembershipInvitation.objects.get_or_create(
        organization=organization,
        email=email,
        accepted_at=None,
        defaults={"invited_by": invited_by, "role": role},
    )
    if created:
        log_action(
            organization, actor=invited_by, action="organization.invite", data={"email": email}
        )
        mail_to_person(
            person=person
            or Stranger(email=email, preferred_language=invited_by.preferred_language),
            template=NOTICE,
            context={
                "notice": "invitation",
                "organization": organization,
                "invitation": invitation,
                "person": invited_by,
            },
            email=email,
        )
    return invitation


@transaction.atomic
def membership_invitation_accept(*, invitation: MembershipInvitation, person: User) -> Membership:
    """Accept an invitation: the person is a member (or an admin) at once."""
    invitation = MembershipInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been accepted."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    membership, created = Membership.objects.get_or_create(
        organization=invitation.organization,
        person=person,
        defaults={"role": invitation.role, "status": Membership.Status.ACTIVE},
    )
    if not created:
        membership.status = Membership.Status.ACTIVE
        if invitation.role == Membership.Role.ADMIN:
            membership.role = Membership.Role.ADMIN
        membership.save(update_fields=["status", "role"])
    log_action(invitation.organization, actor=person, action="organization.invitation_accept")
    forget_roles(person)
    return membership


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, admin: User) -> Membership:
    if role not in Membership.Role.values:
        raise ValidationError(_("Unknown role."))
    _lock(membership.organization)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != Membership.Status.ACTIVE:
        raise ValidationError(_("Accept the request first."))
    if role == Membership.Role.MEMBER:
        _keep_one_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    log_action(
        membership.organization,
        actor=admin,
        action="organization.role",
        data={"person": membership.person.display_name, "role": role},
    )
    forget_roles(membership.person)
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User) -> None:
    """An admin removes a member, or a member leaves (``actor`` is then the member)."""
    _lock(membership.organization)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _keep_one_admin(membership)
    leaving = membership.person_id == actor.pk
    log_action(
        membership.organization,
        actor=actor,
        action="organization.leave" if leaving else "organization.remove",
        data={"person": membership.person.display_name},
    )
    membership.delete()
    forget_roles(membership.person)


def membership_set_public(*, membership: Membership, person: User, is_public: bool) -> Membership:
    """Each member chooses whether the organization's page shows them."""
    if membership.person_id != person.pk:
        raise PermissionDenied
    membership.is_public = is_public
    membership.save(update_fields=["is_public"])
    return membership


@transaction.atomic
def claim_create(*, organization: Organization, person: User, message: str) -> Claim:
    """Ask to speak for an organization nobody administers; the facilitation team
    decides."""
    organization = _lock(organization)
    message = (message or "").strip()
    if not message:
        raise ValidationError(
            {"message": _("Say how you are part of this organization: the team reads it.")}
        )
    if _admin_count(organization):
        raise ValidationError(_("This organization has admins already: ask them to join."))
    existing = Claim.objects.filter(
        organization=organization, person=person, status=Claim.Status.PENDING
    ).first()
    if existing:
        return existing
    claim = Claim.objects.create(organization=organization, person=person, message=message[:1000])
    log_action(organization, actor=person, action="organization.claim")
    return claim


@transaction.atomic
def claim_decide(*, claim: Claim, facilitator: User, approve: bool) -> Claim:
    """Approve (the person becomes the organization's admin, and the other claims on it
    are answered) or decline a claim; the person is told by email."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != Claim.Status.PENDING:
        raise ValidationError(_("This claim was already answered."))
    organization = _lock(claim.organization)
    now = timezone.now()
    claim.status = Claim.Status.APPROVED if approve else Claim.Status.DECLINED
    claim.decided_by, claim.decided_at = facilitator, now
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        Membership.objects.update_or_create(
            organization=organization,
            person=claim.person,
            defaults={"role": Membership.Role.ADMIN, "status": Membership.Status.ACTIVE},
        )
        others = Claim.objects.filter(organization=organization, status=Claim.Status.PENDING)
        for other in others.select_related("person"):
            _notify([other.person], "claim_declined", organization=organization)
        others.update(status=Claim.Status.DECLINED, decided_by=facilitator, decided_at=now)
        forget_roles(claim.person)
    log_action(
        organization,
        actor=facilitator,
        action="organization.claim_approve" if approve else "organization.claim_decline",
        data={"person": claim.person.display_name},
    )
    _notify(
        [claim.person],
        "claim_approved" if approve else "claim_declined",
        organization=organization,
    )
    return claim
