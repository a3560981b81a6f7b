"""Organizations themselves: created (by a proposer naming one, or by a person who becomes
its admin), described, verified and merged by the facilitation team."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.common.multilingual import translations_apply
from vos.organization.logos import logo_from_upload, logo_store
from vos.organization.models import (
    Claim,
    Follow,
    Membership,
    MembershipInvitation,
    NetworkMembership,
    Organization,
)
from vos.person.models import User


@dataclass
class OrganizationData:
    """A new organization typed into a form, created only when the whole request succeeds."""

    name: str
    country: str = ""
    website: str = ""


@dataclass
class OrganizationDetails:
    """What an organization's admin writes about it."""

    name: str
    acronym: str = ""
    kind: str = Organization.Kind.OTHER
    scope: str = ""
    countries: list[str] = field(default_factory=list)
    website: str = ""
    social_links: list[str] = field(default_factory=list)
    description: str = ""
    original_language: str = "en"
    translations: dict = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    contact_email: str = ""


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("An organization needs a name.")}, code="required")
    return name


def _name_taken(name: str, *, other_than: Organization | None = None) -> bool:
    taken = Organization.objects.filter(name__iexact=name, merged_into=None)
    if other_than is not None:
        taken = taken.exclude(pk=other_than.pk)
    return taken.exists()


def _duplicate_name_error(name: str) -> ValidationError:
    return ValidationError(
        {
            "name": _(
                "An organization called “%(name)s” is already in the directory: ask to "
                "join it, or claim it if nobody speaks for it."
            )
            % {"name": name}
        },
        code="duplicate",
    )


def organization_get_or_create(
    *,
    name: str,
    country: str = "",
    website: str = "",
    created_by: User | None = None,
    first_admin: User | None = None,
) -> Organization:
    """The organization of that name (any case), created if it is new: with
    ``first_admin`` as its admin (a proposer adding their own organization), else
    without admins (a name from an archive: somebody may claim it later)."""
    name = _clean_name(name)
    existing = Organization.objects.filter(name__iexact=name, merged_into=None).first()
    if existing:
        return existing
    organization = Organization(
        name=name, countries=[country] if country else [], website=website, created_by=created_by
    )
    organization.full_clean(exclude=["search_text"])
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError:
        # Someone created the same name a moment ago.
        return Organization.objects.get(name__iexact=name, merged_into=None)
    if first_admin is not None:
        Membership.objects.create(
            organization=organization, person=first_admin, role=Membership.Role.ADMIN
        )
    log_action(organization, actor=created_by, action="organization.create")
    return organization


def _apply(organization: Organization, details: OrganizationDetails) -> None:
    for name in (
        "acronym",
        "kind",
        "scope",
        "countries",
        "website",
        "social_links",
        "description",
        "original_language",
        "languages",
        "contact_email",
    ):
        setattr(organization, name, getattr(details, name))
    organization.name = _clean_name(details.name)


@transaction.atomic
def organization_create(*, creator: User, details: OrganizationDetails, logo=None) -> Organization:
    """A new organization in the directory, its creator its first admin."""
    organization = Organization(created_by=creator)
    _apply(organization, details)
    if _name_taken(organization.name):
        raise _duplicate_name_error(organization.name)
    logo_name = _logo(logo)
    organization.full_clean(exclude=["search_text"])
    translations_apply(organization, details.translations)
    organization.logo = logo_name
    try:
        with transaction.atomic():
            organization.save()
    except IntegrityError:
        raise _duplicate_name_error(organization.name) from None
    Membership.objects.create(
        organization=organization,
        person=creator,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    )
    log_action(organization, actor=creator, action="organization.create")
    return organization


def _logo(upload) -> str:
    """Check and store an uploaded logo before anything is written; '' when none."""
    if not upload:
        return ""
    try:
        name, data = logo_from_upload(upload)
    except ValidationError as error:
        raise ValidationError({"logo": error.messages}) from None
    return logo_store(name, data)


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    editor: User,
    details: OrganizationDetails,
    logo=None,
    remove_logo: bool = False,
) -> Organization:
    """Change what an organization says about itself (its admins, or the facilitation
    team)."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    _apply(organization, details)
    if _name_taken(organization.name, other_than=organization):
        raise _duplicate_name_error(organization.name)
    logo_name = _logo(logo)
    organization.full_clean(exclude=["search_text"])
    translations_apply(organization, details.translations)
    if logo_name:
        organization.logo = logo_name
    elif remove_logo:
        organization.logo = ""
    organization.save()
    log_action(organization, actor=editor, action="organization.update")
    return organization


@transaction.atomic
def organization_verify(
    *, organization: Organization, facilitator: User, verified: bool
) -> Organization:
    """The facilitation team vouches (or no longer vouches) that the organization is who
    it says it is: a badge on its page and in the directory."""
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.is_verified = verified
    organization.verified_at = timezone.now() if verified else None
    organization.save(update_fields=["is_verified", "verified_at"])
    log_action(
        organization,
        actor=facilitator,
        action="organization.verify" if verified else "organization.unverify",
    )
    return organization


@transaction.atomic
def organization_merge(
    *, duplicate: Organization, kept: Organization, facilitator: User
) -> Organization:
    """Fold a duplicate into the organization kept: its activities, members, invitations,
    followers, claims and network links move over (a person or a link already there is
    kept once, the stronger role or state winning); the duplicate stays as a pointer so
    that old links lead to the one kept. Logged on both."""
    if duplicate.pk == kept.pk:
        raise ValidationError(_("An organization cannot be merged into itself."))
    locked = {
        o.pk: o
        for o in Organization.objects.select_for_update().filter(pk__in=[duplicate.pk, kept.pk])
    }
    duplicate, kept = locked[duplicate.pk], locked[kept.pk]
    if duplicate.merged_into_id or kept.merged_into_id:
        raise ValidationError(_("One of these organizations was already merged."))
    moved = {
        "activities": _move_activities(duplicate, kept),
        "members": _move_memberships(duplicate, kept),
        "networks": _move_network_links(duplicate, kept),
    }
    _move_rows(MembershipInvitation, "email", duplicate, kept)
    _move_rows(Follow, "person_id", duplicate, kept)
    Claim.objects.filter(organization=duplicate).update(
        status=Claim.Status.DECLINED, decided_by=facilitator, decided_at=timezone.now()
    )
    for name in ("acronym", "website", "description", "contact_email", "logo", "scope"):
        if not getattr(kept, name) and getattr(duplicate, name):
            setattr(kept, name, getattr(duplicate, name))
    kept.countries = list(dict.fromkeys([*kept.countries, *duplicate.countries]))
    kept.languages = list(dict.fromkeys([*kept.languages, *duplicate.languages]))
    kept.is_verified = kept.is_verified or duplicate.is_verified
    kept.save()
    duplicate.merged_into = kept
    duplicate.is_verified = False
    duplicate.save(update_fields=["merged_into", "is_verified"])
    data = {"duplicate": duplicate.name, "kept": kept.name, **moved}
    log_action(kept, actor=facilitator, action="organization.merge", data=data)
    log_action(duplicate, actor=facilitator, action="organization.merged_into", data=data)
    return kept


def _move_rows(model, key: str, duplicate: Organization, kept: Organization) -> None:
    """Rows of the duplicate go to the one kept, unless the same one is there already."""
    there = set(model.objects.filter(organization=kept).values_list(key, flat=True))
    for row in model.objects.filter(organization=duplicate):
        if getattr(row, key) in there:
            row.delete()
        else:
            row.organization = kept
            row.save(update_fields=["organization"])


def _move_activities(duplicate: Organization, kept: Organization) -> int:
    """The activities it is named on (through the link model of the activity app, read by
    its relation: activity sits above organization); an answer given wins over a request."""
    links = Organization.activities.through.objects
    there = {link.activity_id: link for link in links.filter(organization=kept)}
    moved = list(links.filter(organization=duplicate))
    for link in moved:
        same = there.get(link.activity_id)
        if same is None:
            link.organization = kept
            link.save(update_fields=["organization"])
            continue
        if link.status == "accepted" and same.status != "accepted":
            same.status = "accepted"
            same.save(update_fields=["status"])
        link.delete()
    return len(moved)


def _move_memberships(duplicate: Organization, kept: Organization) -> int:
    strength = {Membership.Role.ADMIN: 2, Membership.Role.MEMBER: 1}
    existing = {m.person_id: m for m in Membership.objects.filter(organization=kept)}
    count = 0
    for membership in Membership.objects.filter(organization=duplicate):
        count += 1
        there = existing.get(membership.person_id)
        if there is None:
            membership.organization = kept
            membership.save(update_fields=["organization"])
            continue
        if membership.status == Membership.Status.ACTIVE:
            there.status = Membership.Status.ACTIVE
            if strength[membership.role] > strength[there.role]:
                there.role = membership.role
            there.is_public = there.is_public or membership.is_public
            there.save(update_fields=["status", "role", "is_public"])
        membership.delete()
    return count


def _move_network_links(duplicate: Organization, kept: Organization) -> int:
    count = 0
    for link in NetworkMembership.objects.filter(Q(network=duplicate) | Q(member=duplicate)):
        count += 1
        network = kept if link.network_id == duplicate.pk else link.network
        member = kept if link.member_id == duplicate.pk else link.member
        same = NetworkMembership.objects.filter(network=network, member=member)
        if network.pk == member.pk or same.exists():
            if link.status == NetworkMembership.Status.ACTIVE:
                same.update(status=NetworkMembership.Status.ACTIVE)
            link.delete()
            continue
        link.network, link.member = network, member
        link.save(update_fields=["network", "member"])
    return count
