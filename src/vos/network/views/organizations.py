"""The directory, an organization's page, creating and describing one, its logo."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vos.common.forms import errors_onto
from vos.common.images import picture_response
from vos.common.locales import country_name, language_name
from vos.network import queries
from vos.network.forms import ClaimForm, DirectoryFilterForm, JoinForm, OrganizationForm
from vos.organization.models import Follow, Membership, Organization
from vos.organization.rules import roles_in
from vos.organization.services import organization_create, organization_update

PER_PAGE = 30
SUGGESTIONS = 10


def organization_or_404(pk: int, *, user=None, perm: str | None = None) -> Organization:
    """The organization, or a 404 when it does not exist or ``perm`` is not the user's
    (a private page does not say whether it exists)."""
    organization = get_object_or_404(Organization, pk=pk)
    if perm is not None and not user.has_perm(perm, organization):
        raise Http404
    return organization


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None, editions=queries.editions_for_filter())
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(queries.organizations_for_directory(filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    for organization in page:
        organization.country_names = [country_name(code) for code in organization.countries[:4]]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/directory.html",
        {
            "form": form,
            "page": page,
            "filtered": any(filters.values()),
            "query": query.urlencode(),
        },
    )


@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    if organization.merged_into_id:
        return redirect(organization.merged_into)
    user = request.user
    role = roles_in(user).get(organization.pk)
    membership = (
        Membership.objects.filter(organization=organization, person=user).first()
        if user.is_authenticated
        else None
    )
    following = (
        Follow.objects.filter(organization=organization, person=user).first()
        if user.is_authenticated
        else None
    )
    return render(
        request,
        "network/organization_detail.html",
        {
            "organization": organization,
            "page": queries.organization_page(organization),
            "initiatives": queries.initiatives_of(organization),
            "role": role,
            "membership": membership,
            "following": following,
            "may_change": user.has_perm("organization.change", organization),
            "may_claim": user.has_perm("organization.claim", organization),
            "may_verify": user.has_perm("organization.verify", organization),
            "may_see_contact": user.has_perm("organization.view_contact", organization),
            "country_names": [country_name(code) for code in organization.countries],
            "language_names": [language_name(code) for code in organization.languages],
            "join_form": JoinForm(),
            "claim_form": ClaimForm(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    form = OrganizationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = organization_create(
                creator=request.user, details=form.details(), logo=form.cleaned_data["logo"]
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The organization is in the directory; you are its admin."))
            return redirect(organization)
    status = 400 if form.is_bound else 200
    return render(request, "network/organization_form.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk, user=request.user, perm="organization.change")
    form = OrganizationForm(
        request.POST or None,
        request.FILES or None,
        editing=organization,
        initial=OrganizationForm.initial_of(organization),
    )
    if request.method == "POST" and form.is_valid():
        try:
            organization_update(
                organization=organization,
                editor=request.user,
                details=form.details(),
                logo=form.cleaned_data["logo"],
                remove_logo=form.cleaned_data.get("remove_logo", False),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(organization)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "network/organization_form.html",
        {"form": form, "organization": organization},
        status=status,
    )


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """Names from the directory for a search box (the proposal form's organizations)."""
    text = request.GET.get("q", "").strip()[:100]
    names = []
    if len(text) >= 2:
        names = list(
            queries.organizations_for_directory({"q": text}).values_list("name", flat=True)[
                :SUGGESTIONS
            ]
        )
    return JsonResponse({"names": names})


@require_GET
def logo(request: HttpRequest, name: str) -> FileResponse:
    return picture_response(request, "logos", name)
