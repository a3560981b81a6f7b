"""Networks of networks: an organization joins another (a network, a multi-convergence)
when both sides agree. Either side asks; the other side's admin accepts or declines;
either side's admin may end the link."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.mail.services import mail_to_person
from vos.organization.models import Membership, NetworkMembership, Organization
from vos.organization.services.members import NOTICE, admins_of
from vos.person.models import User


def _is_admin(person: User, organization: Organization) -> bool:
    return organization.memberships.filter(
        person=person, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).exists()


def _tell_admins(organization: Organization, notice: str, link: NetworkMembership) -> None:
    for admin in admins_of(organization):
        mail_to_person(
            person=admin,
            template=NOTICE,
            context={
                "notice": notice,
                "organization": organization,
                "network": link.network,
                "member": link.member,
            },
        )


@transaction.atomic
def network_link_ask(
    *, network: Organization, member: Organization, admin: User
) -> NetworkMembership:
    """One side asks: the member's admin asks to join the network, or the network's admin
    invites the member. If the other side had already asked, the link is made at once."""
    if network.pk == member.pk:
        raise ValidationError(_("An organization cannot be a member of itself."))
    locked = Organization.objects.select_for_update().filter(pk__in=[network.pk, member.pk])
    if any(o.merged_into_id for o in locked):
        raise ValidationError(_("This organization was merged into another one."))
    if NetworkMembership.objects.filter(
        network=member, member=network, status=NetworkMembership.Status.ACTIVE
    ).exists():
        raise ValidationError(
            _(
                "%(network)s is already a member of %(member)s: a network cannot join its own member."
            )
            % {"network": network.name, "member": member.name}
        )
    from_member = _is_admin(admin, member)
    if not from_member and not _is_admin(admin, network):
        raise PermissionDenied
    asked = (
        NetworkMembership.Status.ASKED_BY_MEMBER
        if from_member
        else NetworkMembership.Status.INVITED
    )
    link = NetworkMembership.objects.filter(network=network, member=member).first()
    if link is None:
        link = NetworkMembership.objects.create(
            network=network, member=member, status=asked, asked_by=admin
        )
        _tell_admins(network if from_member else member, asked, link)
    elif link.status not in (asked, NetworkMembership.Status.ACTIVE):
        link.status = NetworkMembership.Status.ACTIVE  # the other side had asked
        link.save(update_fields=["status"])
        _tell_admins(member if from_member else network, "network_accepted", link)
    log_action(
        network,
        actor=admin,
        action="network.ask",
        data={"member": member.name, "status": link.status},
    )
    return link


@transaction.atomic
def network_link_decide(*, link: NetworkMembership, admin: User, accept: bool) -> None:
    """The side that was asked answers."""
    link = NetworkMembership.objects.select_for_update().get(pk=link.pk)
    if link.status == NetworkMembership.Status.ACTIVE:
        raise ValidationError(_("This request was already answered."))
    deciding = (
        link.network if link.status == NetworkMembership.Status.ASKED_BY_MEMBER else link.member
    )
    asking = link.member if deciding == link.network else link.network
    if not _is_admin(admin, deciding):
        raise PermissionDenied
    if accept:
        link.status = NetworkMembership.Status.ACTIVE
        link.save(update_fields=["status"])
    log_action(
        link.network,
        actor=admin,
        action="network.accept" if accept else "network.decline",
        data={"member": link.member.name},
    )
    _tell_admins(asking, "network_accepted" if accept else "network_declined", link)
    if not accept:
        link.delete()


@transaction.atomic
def network_link_end(*, link: NetworkMembership, admin: User) -> None:
    """Either side's admin ends the link (or withdraws what it asked)."""
    link = NetworkMembership.objects.select_for_update().get(pk=link.pk)
    if not (_is_admin(admin, link.network) or _is_admin(admin, link.member)):
        raise PermissionDenied
    log_action(link.network, actor=admin, action="network.end", data={"member": link.member.name})
    link.delete()
