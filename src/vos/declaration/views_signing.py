"""Opening, closing and delivering a declaration; signing as a person (confirmed by
email) or as an organization; withdrawing; voiding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vos.common.csv import csv_response
from vos.common.http import client_address
from vos.declaration.forms import DeliveryForm, SignatureForm
from vos.declaration.models import Declaration, Signature
from vos.declaration.services import latest_version
from vos.declaration.signing import (
    declaration_close,
    declaration_deliver,
    declaration_open,
    sign_as_organization,
    sign_as_person,
    signature_confirm,
    signature_void,
    signature_withdraw,
    signatures_counted,
)
from vos.declaration.views import declaration_or_404
from vos.organization.models import Organization


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def state(request: HttpRequest, pk: int) -> HttpResponse:
    """The team opens or closes signatures, or records the delivery."""
    declaration = declaration_or_404(request, pk, "declaration.manage_team")
    action = request.POST.get("action")
    try:
        if action == "open":
            declaration_open(declaration=declaration, actor=request.user)
            messages.success(request, _("Signatures are open; the text is frozen."))
        elif action == "close":
            declaration_close(declaration=declaration, actor=request.user)
            messages.success(request, _("Signatures are closed."))
        elif action == "deliver":
            form = DeliveryForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Say when and how it was delivered."))
            declaration_deliver(
                declaration=declaration,
                actor=request.user,
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("The delivery is recorded."))
    except ValidationError as error:
        _errors(request, error)
    return redirect(declaration)


@require_POST
def sign(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk)
    form = SignatureForm(request.POST)
    if form.is_valid():
        if form.cleaned_data["website"]:
            # The honeypot: people never see this field; robots fill it. Say nothing.
            messages.success(
                request, _("Check your email: confirm your signature with the link we sent.")
            )
            return redirect(declaration)
        try:
            sign_as_person(
                declaration=declaration,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                country=form.cleaned_data["country"],
                organization_text=form.cleaned_data["organization_text"],
                show_name=form.cleaned_data["show_name"],
                address=client_address(request),
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(
                request, _("Check your email: confirm your signature with the link we sent.")
            )
    else:
        messages.error(request, _("Give your name and your email."))
    return redirect(f"{declaration.get_absolute_url()}#sign")


@login_required
@require_POST
def sign_organization(request: HttpRequest, pk: int) -> HttpResponse:
    declaration = declaration_or_404(request, pk)
    organization = get_object_or_404(Organization, pk=request.POST.get("organization") or 0)
    try:
        sign_as_organization(
            declaration=declaration,
            organization=organization,
            admin=request.user,
            is_public=request.POST.get("is_public") == "1",
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("%(name)s has signed.") % {"name": organization.name})
    return redirect(f"{declaration.get_absolute_url()}#signatories")


@require_http_methods(["GET", "POST"])
def signature(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email: confirm (a button, so that mail scanners that
    open links do not sign for anyone), or withdraw while signatures are open."""
    found = get_object_or_404(Signature.objects.select_related("declaration"), token=token)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "withdraw":
                signature_withdraw(signature=found, token=token)
                messages.success(request, _("Your signature is withdrawn."))
            else:
                signature_confirm(token=token)
                messages.success(request, _("Thank you: your signature is confirmed."))
        except ValidationError as error:
            _errors(request, error)
        return redirect(found.declaration)
    return render(
        request,
        "declaration/signature.html",
        {"signature": found, "declaration": found.declaration},
    )


@login_required
@require_POST
def void(request: HttpRequest, pk: int, signature_pk: int) -> HttpResponse:
    declaration = get_object_or_404(Declaration, pk=pk)
    target = get_object_or_404(Signature, pk=signature_pk, declaration=declaration)
    try:
        signature_void(
            signature=target, facilitator=request.user, reason=request.POST.get("reason", "")
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The signature is voided."))
    return redirect(f"{declaration.get_absolute_url()}#signatories")


@login_required
@require_GET
def signatories_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Every signature, for the drafting team and the facilitation team; cells a
    spreadsheet would run as a formula are neutralized by the one CSV writer."""
    declaration = get_object_or_404(Declaration, pk=pk)
    if not (
        request.user.has_perm("declaration.manage_team", declaration)
        or request.user.has_perm("organization.verify")
    ):
        raise Http404
    response, writer = csv_response(f"declaration-{declaration.pk}-signatories.csv")
    writer.writerow(
        [
            _("Kind"),
            _("Name"),
            _("Organization"),
            _("Country"),
            _("Email"),
            _("Version"),
            _("Confirmed"),
            _("Shown"),
            _("Withdrawn"),
            _("Voided"),
        ]
    )
    rows = declaration.signatures.select_related("organization", "version").order_by("pk")
    for signature in rows:
        writer.writerow(
            [
                signature.get_kind_display(),
                signature.name,
                signature.organization.name
                if signature.organization
                else signature.organization_text,
                signature.country,
                signature.email,
                signature.version.number,
                signature.confirmed_at.isoformat() if signature.confirmed_at else "",
                _("yes")
                if (signature.show_name if signature.email else signature.is_public)
                else _("no"),
                signature.withdrawn_at.isoformat() if signature.withdrawn_at else "",
                signature.void_reason if signature.voided_at else "",
            ]
        )
    return response


@require_GET
def printable(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter with its signatories, laid out for paper (the browser saves it as a
    PDF); ``?dossier=1`` appends the pages of the signatory networks."""
    declaration = declaration_or_404(request, pk)
    version = declaration.open_version or latest_version(declaration)
    counted = signatures_counted(declaration).select_related("organization")
    organizations = [s for s in counted if s.kind == Signature.Kind.ORGANIZATION and s.is_public]
    return render(
        request,
        "declaration/print.html",
        {
            "declaration": declaration,
            "version": version,
            "organizations": organizations,
            "people": [s for s in counted if s.kind == Signature.Kind.PERSON],
            "dossier": bool(request.GET.get("dossier")),
        },
    )
