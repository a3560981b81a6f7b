"""An organization's admins answer the activities that name it, and may withdraw it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vos.activity.models import CoOrganization
from vos.activity.services.coorganization import coorganization_decide, coorganization_withdraw
from vos.network import queries
from vos.network.views.organizations import organization_or_404


@login_required
@require_GET
def activities(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_activities")
    links = queries.co_organizations_for_admin(organization)
    return render(
        request,
        "network/activities.html",
        {
            "organization": organization,
            "pending": [link for link in links if link.status == CoOrganization.Status.PENDING],
            "accepted": [link for link in links if link.status == CoOrganization.Status.ACCEPTED],
        },
    )


def _link(request: HttpRequest, pk: int, link_pk: int) -> CoOrganization:
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_activities")
    return get_object_or_404(CoOrganization, pk=link_pk, organization=organization)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    link = _link(request, pk, link_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        coorganization_decide(link=link, admin=request.user, accept=accept)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Accepted.") if accept else _("Declined."))
    return redirect("organization.activities", pk=pk)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    link = _link(request, pk, link_pk)
    coorganization_withdraw(link=link, admin=request.user)
    messages.success(request, _("The organization is no longer named on this activity."))
    return redirect("organization.activities", pk=pk)
