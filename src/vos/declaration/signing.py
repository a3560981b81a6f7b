"""Signatures. Opening them freezes the text: what is signed is the version shown, and
each signature records it. People sign without an account, with an email they confirm
by a link (an unconfirmed signature is neither counted nor shown); organizations sign
through one of their admins. One signature per email and one per organization, even
under a burst of requests (unique constraints, the loser told clearly); rate limits per
address and per email domain against mass fake signatures; facilitators void
signatures, with a reason, logged."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.common.ratelimit import over_limit
from vos.declaration.models import Declaration, Signature, Version
from vos.declaration.services import latest_version, version_save
from vos.mail.services import Stranger, mail_to_person
from vos.organization.models import Membership, Organization
from vos.person.models import User


def _team(person: User, declaration: Declaration) -> bool:
    return declaration.team.filter(person=person).exists()


@transaction.atomic
def declaration_open(*, declaration: Declaration, actor: User) -> Declaration:
    """The team opens signatures on the latest version (the text is frozen)."""
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if not _team(actor, declaration):
        raise PermissionDenied
    if declaration.state != Declaration.State.DRAFTING:
        raise ValidationError(_("Signatures were opened already."))
    declaration.state = Declaration.State.OPEN
    declaration.open_version = latest_version(declaration)
    declaration.save(update_fields=["state", "open_version"])
    log_action(
        declaration,
        actor=actor,
        action="declaration.open",
        data={"version": declaration.open_version.number},
    )
    return declaration


@transaction.atomic
def declaration_close(*, declaration: Declaration, actor: User) -> Declaration:
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if not _team(actor, declaration):
        raise PermissionDenied
    if declaration.state != Declaration.State.OPEN:
        raise ValidationError(_("Signatures are not open."))
    declaration.state = Declaration.State.CLOSED
    declaration.save(update_fields=["state"])
    log_action(declaration, actor=actor, action="declaration.close")
    return declaration


@transaction.atomic
def declaration_deliver(
    *, declaration: Declaration, actor: User, on: dt.date, note: str
) -> Declaration:
    """Record that the closed declaration was delivered (to whom, how, when)."""
    declaration = Declaration.objects.select_for_update().get(pk=declaration.pk)
    if not _team(actor, declaration):
        raise PermissionDenied
    if declaration.state != Declaration.State.CLOSED:
        raise ValidationError(_("Close the signatures before recording the delivery."))
    declaration.state = Declaration.State.DELIVERED
    declaration.delivered_at, declaration.delivery_note = on, note.strip()[:2000]
    declaration.save(update_fields=["state", "delivered_at", "delivery_note"])
    log_action(declaration, actor=actor, action="declaration.deliver", data={"on": on.isoformat()})
    return declaration


def _check_open(declaration: Declaration) -> None:
    if declaration.state != Declaration.State.OPEN:
        raise ValidationError(_("This declaration is not open for signature."))


def _rate_limit(key: str, limit: int, window: int) -> None:
    """At most ``limit`` signatures from one source in ``window`` seconds."""
    if over_limit(key, limit, window):
        raise ValidationError(
            _("Too many signatures from here in a short time. Please try again later."),
            code="rate_limited",
        )


def sign_as_person(
    *,
    declaration: Declaration,
    name: str,
    email: str,
    country: str,
    organization_text: str = "",
    show_name: bool = True,
    address: str = "",
    language: str = "en",
) -> Signature:
    """A person signs; the signature counts once its email is confirmed through the link
    sent to it. Signing again with the same email sends the link again."""
    _check_open(declaration)
    email = email.strip().lower()
    name = " ".join(name.split())
    if not name or not email:
        raise ValidationError(_("Give your name and your email."))
    domain = email.rsplit("@", 1)[-1]
    _rate_limit(f"sign:address:{address}", settings.SIGNATURES_PER_ADDRESS, 3600)
    _rate_limit(f"sign:domain:{domain}", settings.SIGNATURES_PER_DOMAIN, 3600)
    try:
        with transaction.atomic():
            signature, created = Signature.objects.get_or_create(
                declaration=declaration,
                kind=Signature.Kind.PERSON,
                email=email,
                defaults={
                    "version": declaration.open_version,
                    "name": name[:120],
                    "country": country,
                    "organization_text": organization_text.strip()[:160],
                    "show_name": show_name,
                },
            )
    except IntegrityError:  # the same email at the same moment: one row wins
        signature, created = Signature.objects.get(declaration=declaration, email=email), False
    if signature.voided_at:
        raise ValidationError(_("This signature was voided by the facilitation team."))
    if not created and signature.withdrawn_at:
        Signature.objects.filter(pk=signature.pk).update(
            withdrawn_at=None, confirmed_at=None, version=declaration.open_version
        )
        signature.refresh_from_db()
    if signature.confirmed_at is None:
        transaction.on_commit(lambda: _send_confirmation(signature, language))
    return signature


def _signer(signature: Signature, language: str) -> Stranger:
    return Stranger(email=signature.email, preferred_language=language, display_name=signature.name)


def _send_confirmation(signature: Signature, language: str) -> None:
    mail_to_person(
        person=_signer(signature, language),
        template="declaration/email/confirm",
        context={"signature": signature, "declaration": signature.declaration},
        email=signature.email,
    )


@transaction.atomic
def signature_confirm(*, token: str) -> Signature:
    signature = Signature.objects.select_for_update().filter(token=token).first()
    if signature is None or signature.voided_at:
        raise ValidationError(_("This link is not valid."))
    if signature.declaration.state != Declaration.State.OPEN and not signature.confirmed_at:
        raise ValidationError(_("This declaration is not open for signature."))
    if signature.confirmed_at is None:
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["confirmed_at"])
    elif signature.declaration.open_version_id != signature.version_id:
        # Confirmed again after a new version: the signature now records it.
        signature.version_id = signature.declaration.open_version_id
        signature.save(update_fields=["version"])
    return signature


@transaction.atomic
def sign_as_organization(
    *, declaration: Declaration, organization: Organization, admin: User, is_public: bool = True
) -> Signature:
    """An organization signs through one of its admins (recorded)."""
    _check_open(declaration)
    if not Membership.objects.filter(
        organization=organization,
        person=admin,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
    ).exists():
        raise PermissionDenied
    try:
        with transaction.atomic():
            signature, created = Signature.objects.get_or_create(
                declaration=declaration,
                kind=Signature.Kind.ORGANIZATION,
                organization=organization,
                defaults={
                    "version": declaration.open_version,
                    "signed_by": admin,
                    "name": organization.name,
                    "country": organization.country,
                    "is_public": is_public,
                    "confirmed_at": timezone.now(),
                },
            )
    except IntegrityError:
        signature, created = (
            Signature.objects.get(declaration=declaration, organization=organization),
            False,
        )
    if signature.voided_at:
        raise ValidationError(_("This signature was voided by the facilitation team."))
    if not created:
        if signature.withdrawn_at is None and signature.version_id != declaration.open_version_id:
            # Signing again after a new version: the signature now records it.
            signature.version, signature.signed_by = declaration.open_version, admin
            signature.save(update_fields=["version", "signed_by"])
            return signature
        if signature.withdrawn_at is None:
            raise ValidationError(_("This organization has signed already."))
        signature.withdrawn_at, signature.signed_by = None, admin
        signature.version, signature.confirmed_at = declaration.open_version, timezone.now()
        signature.is_public = is_public
        signature.save()
    log_action(
        declaration,
        actor=admin,
        action="declaration.sign",
        data={"organization": organization.name},
    )
    return signature


@transaction.atomic
def signature_withdraw(*, signature: Signature, actor: User | None = None, token: str = "") -> None:
    """Withdraw while signatures are open: by the person's link, or by an admin of the
    signing organization."""
    signature = Signature.objects.select_for_update().get(pk=signature.pk)
    if signature.declaration.state != Declaration.State.OPEN:
        raise ValidationError(_("Signatures are closed: a signature can no longer be withdrawn."))
    allowed = (token and token == signature.token) or (
        actor is not None
        and signature.organization_id
        and Membership.objects.filter(
            organization_id=signature.organization_id,
            person=actor,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
        ).exists()
    )
    if not allowed:
        raise PermissionDenied
    signature.withdrawn_at = timezone.now()
    signature.save(update_fields=["withdrawn_at"])


@transaction.atomic
def signature_void(*, signature: Signature, facilitator: User, reason: str) -> None:
    """The facilitation team voids a fake or abusive signature (logged, with its reason)."""
    if not facilitator.has_perm("organization.verify"):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the signature is voided.")})
    signature = Signature.objects.select_for_update().get(pk=signature.pk)
    signature.voided_at, signature.voided_by, signature.void_reason = (
        timezone.now(),
        facilitator,
        reason[:300],
    )
    signature.save(update_fields=["voided_at", "voided_by", "void_reason"])
    log_action(
        signature.declaration,
        actor=facilitator,
        action="declaration.void",
        data={"signature": signature.name, "reason": reason},
    )


def signatures_counted_everywhere() -> QuerySet[Signature]:
    """The one rule for a signature that counts: confirmed, neither withdrawn nor voided."""
    return Signature.objects.filter(
        confirmed_at__isnull=False, withdrawn_at__isnull=True, voided_at__isnull=True
    )


def signatures_counted(declaration: Declaration) -> QuerySet[Signature]:
    return signatures_counted_everywhere().filter(declaration=declaration)


def signature_counts(declaration: Declaration) -> dict:
    """Live counts: people and organizations, people by country, organizations by kind."""
    counted = signatures_counted(declaration)
    totals = counted.aggregate(
        people=Count("pk", filter=Q(kind=Signature.Kind.PERSON)),
        organizations=Count("pk", filter=Q(kind=Signature.Kind.ORGANIZATION)),
    )
    by_country = list(
        counted.filter(kind=Signature.Kind.PERSON)
        .values("country")
        .annotate(count=Count("pk"))
        .order_by("-count", "country")
        .values_list("country", "count")
    )
    by_kind = list(
        counted.filter(kind=Signature.Kind.ORGANIZATION)
        .values("organization__kind")
        .annotate(count=Count("pk"))
        .order_by("-count")
        .values_list("organization__kind", "count")
    )
    return {**totals, "by_country": by_country, "by_kind": by_kind}


@transaction.atomic
def version_revise(
    *, declaration: Declaration, author: User, text: str, note: str, based_on: int
) -> Version:
    """A new version while signatures are open: it becomes the version signed from now
    on, and everyone who signed an earlier one is told by email and asked to confirm
    (their signature then records the new version) or withdraw."""
    if not _team(author, declaration):
        raise PermissionDenied
    if declaration.state != Declaration.State.OPEN:
        raise ValidationError(_("Signatures are not open."))
    version = version_save(
        declaration=declaration,
        author=author,
        text=text,
        note=note,
        based_on=based_on,
        while_open=True,
    )
    Declaration.objects.filter(pk=declaration.pk).update(open_version=version)
    declaration.refresh_from_db()
    earlier = (
        signatures_counted(declaration)
        .exclude(version=version)
        .select_related("organization", "signed_by", "version")
    )
    for signature in earlier:
        transaction.on_commit(lambda signature=signature: _ask_again(signature, version))
    log_action(
        declaration,
        actor=author,
        action="declaration.revise",
        data={"number": version.number, "asked": len(earlier)},
    )
    return version


def _ask_again(signature: Signature, version: Version) -> None:
    recipient = signature.signed_by or _signer(signature, "en")
    mail_to_person(
        person=recipient,
        template="declaration/email/new_version",
        context={"signature": signature, "declaration": signature.declaration, "version": version},
        email=None if signature.signed_by else signature.email,
    )
