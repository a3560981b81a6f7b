"""The facilitation team's work on the directory: claims to answer, verified badges,
duplicates merged."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vos.network import queries
from vos.network.forms import MergeForm
from vos.network.views.organizations import organization_or_404
from vos.organization.models import Claim
from vos.organization.services import claim_decide, organization_merge, organization_verify

SEARCH_LIMIT = 20


def _facilitator_only(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise Http404


@login_required
@require_GET
def claims(request: HttpRequest) -> HttpResponse:
    _facilitator_only(request, "organization.decide_claims")
    waiting = (
        Claim.objects.filter(status=Claim.Status.PENDING)
        .select_related("organization", "person")
        .order_by("created_at", "pk")
    )
    return render(request, "network/claims.html", {"claims": waiting})


@login_required
@require_POST
def claim_answer(request: HttpRequest, claim_pk: int) -> HttpResponse:
    _facilitator_only(request, "organization.decide_claims")
    claim = get_object_or_404(Claim, pk=claim_pk)
    approve = request.POST.get("decision") == "approve"
    try:
        claim_decide(claim=claim, facilitator=request.user, approve=approve)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Approved.") if approve else _("Declined."))
    return redirect("organization.claims")


@login_required
@require_POST
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk, user=request.user, perm="organization.verify")
    verified = request.POST.get("verified") == "1"
    organization_verify(organization=organization, facilitator=request.user, verified=verified)
    messages.success(
        request, _("Marked as verified.") if verified else _("No longer marked as verified.")
    )
    return redirect(organization)


@login_required
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Fold this organization (a duplicate) into another, found by search."""
    duplicate = organization_or_404(pk, user=request.user, perm="organization.merge")
    if duplicate.merged_into_id:
        return redirect(duplicate.merged_into)
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kept = get_object_or_404(queries.organizations_listed(), pk=form.cleaned_data["kept"])
        try:
            organization_merge(duplicate=duplicate, kept=kept, facilitator=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("%(duplicate)s is merged into %(kept)s.")
                % {"duplicate": duplicate.name, "kept": kept.name},
            )
            return redirect(kept)
    text = request.GET.get("q", duplicate.name).strip()[:100]
    found = [
        other
        for other in queries.organizations_for_directory({"q": text})[: SEARCH_LIMIT + 1]
        if other.pk != duplicate.pk
    ][:SEARCH_LIMIT]
    return render(
        request, "network/merge.html", {"duplicate": duplicate, "q": text, "found": found}
    )
