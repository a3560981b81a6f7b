"""Drafting a declaration: its team, and its text saved in numbered versions. Two people
saving at once never lose each other's work: a save names the version it was written
from, and is refused when another was saved since (the other one is shown instead)."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.declaration.models import Declaration, TeamMember, Version
from vos.edition.models import Edition
from vos.organization.models import Membership, Organization
from vos.person.models import User

MAX_TEXT = 100_000


@dataclass
class DeclarationData:
    title: str
    kind: str = Declaration.Kind.OPEN_LETTER
    language: str = "en"
    addressee: str = ""
    edition: Edition | None = None
    activities: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)


class VersionConflictError(ValidationError):
    """Another version was saved since the one the text was written from."""

    def __init__(self, latest: Version) -> None:
        self.latest = latest
        super().__init__(
            _(
                "%(name)s saved version %(number)s while you were writing: your text was not "
                "saved. Compare it with theirs below, then save again from version %(number)s."
            )
            % {
                "name": latest.author.display_name if latest.author else "?",
                "number": latest.number,
            },
            code="conflict",
        )


def _check(data: DeclarationData) -> None:
    if not data.title.strip():
        raise ValidationError({"title": _("Give the declaration a title.")})
    if data.kind not in Declaration.Kind.values:
        raise ValidationError({"kind": _("Unknown kind.")})


def _check_text(text: str) -> str:
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": _("The text is empty.")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("The text is too long.")})
    return text


def _check_organization(person: User, organization: Organization | None) -> None:
    if (
        organization is not None
        and not Membership.objects.filter(
            organization=organization, person=person, status=Membership.Status.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            {"organization": _("You can only speak for an organization you are a member of.")}
        )


@transaction.atomic
def declaration_create(
    *, creator: User, data: DeclarationData, text: str, organization: Organization | None = None
) -> Declaration:
    """A new declaration in drafting, its creator its first team member, its text
    version 1."""
    _check(data)
    text = _check_text(text)
    _check_organization(creator, organization)
    declaration = Declaration.objects.create(
        title=data.title.strip(),
        kind=data.kind,
        language=data.language,
        addressee=data.addressee.strip(),
        edition=data.edition,
        created_by=creator,
    )
    declaration.activities.set(data.activities)
    declaration.initiatives.set(data.initiatives)
    TeamMember.objects.create(declaration=declaration, person=creator, organization=organization)
    Version.objects.create(
        declaration=declaration, number=1, text=text, author=creator, note=_("First draft")
    )
    log_action(declaration, actor=creator, action="declaration.create")
    return declaration


def latest_version(declaration: Declaration) -> Version:
    return declaration.versions.order_by("-number").first()


@transaction.atomic
def version_save(
    *,
    declaration: Declaration,
    author: User,
    text: str,
    note: str,
    based_on: int,
    while_open: bool = False,
) -> Version:
    """Save the text as a new version, written from version ``based_on``. Once
    signatures are open the text is frozen: only ``while_open`` (``version_revise``)
    makes a new version then."""
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    allowed = [Declaration.State.DRAFTING] + ([Declaration.State.OPEN] if while_open else [])
    if declaration.state not in allowed:
        raise ValidationError(_("Signatures are open: the text is frozen."))
    latest = latest_version(declaration)
    if latest.number != based_on:
        raise VersionConflictError(latest)
    text = _check_text(text)
    if text == latest.text:
        raise ValidationError(
            {"text": _("Nothing changed since version %(number)s.") % {"number": latest.number}}
        )
    version = Version.objects.create(
        declaration=declaration,
        number=latest.number + 1,
        text=text,
        note=note.strip()[:200],
        author=author,
    )
    log_action(
        declaration, actor=author, action="declaration.version", data={"number": version.number}
    )
    return version


@transaction.atomic
def version_restore(*, declaration: Declaration, author: User, number: int) -> Version:
    """An earlier text, saved again as the newest version (nothing is ever erased)."""
    old = declaration.versions.filter(number=number).first()
    if old is None:
        raise ValidationError(_("There is no version %(number)s.") % {"number": number})
    latest = latest_version(declaration)
    return version_save(
        declaration=declaration,
        author=author,
        text=old.text,
        note=_("Version %(number)s restored") % {"number": number},
        based_on=latest.number,
    )


@transaction.atomic
def team_add(
    *,
    declaration: Declaration,
    actor: User,
    email: str,
    organization: Organization | None = None,
) -> TeamMember:
    """A team member adds another person (who has an account) to the drafting team."""
    if not declaration.team.filter(person=actor).exists():
        raise PermissionDenied
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise ValidationError(
            {"email": _("Nobody has an account with this address: ask them to sign up first.")}
        )
    _check_organization(person, organization)
    member, created = TeamMember.objects.get_or_create(
        declaration=declaration, person=person, defaults={"organization": organization}
    )
    if created:
        log_action(
            declaration,
            actor=actor,
            action="declaration.team_add",
            data={"person": person.display_name},
        )
    return member


@transaction.atomic
def team_remove(*, declaration: Declaration, actor: User, member: TeamMember) -> None:
    """Remove a team member (or leave); a declaration keeps at least one."""
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if not declaration.team.filter(person=actor).exists():
        raise PermissionDenied
    if declaration.team.count() <= 1:
        raise ValidationError(_("A declaration keeps at least one person in its drafting team."))
    log_action(
        declaration,
        actor=actor,
        action="declaration.team_remove",
        data={"person": member.person.display_name},
    )
    member.delete()


def version_count(declaration: Declaration) -> int:
    return declaration.versions.aggregate(latest=Max("number"))["latest"] or 0
