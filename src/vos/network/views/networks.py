"""An organization's networks, run by its admins: the networks it belongs to, its member
organizations, requests both ways, and a search to ask or invite another one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vos.network import queries
from vos.network.views.organizations import organization_or_404
from vos.organization.models import NetworkMembership, Organization
from vos.organization.services import network_link_ask, network_link_decide, network_link_end

SEARCH_LIMIT = 20


@login_required
@require_GET
def networks(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_networks")
    links = queries.network_links_for_admin(organization)
    text = request.GET.get("q", "").strip()[:100]
    found = []
    if text:
        linked = {link.network_id for link in links} | {link.member_id for link in links}
        found = [
            other
            for other in queries.organizations_for_directory({"q": text})[: SEARCH_LIMIT + 1]
            if other.pk != organization.pk and other.pk not in linked
        ][:SEARCH_LIMIT]
    return render(
        request,
        "network/networks.html",
        {
            "organization": organization,
            "belongs_to": [link for link in links if link.member_id == organization.pk],
            "has_members": [link for link in links if link.network_id == organization.pk],
            "q": text,
            "found": found,
        },
    )


@login_required
@require_POST
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    """``direction`` "join": this organization asks to join the other (a network);
    "invite": this organization invites the other among its members."""
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_networks")
    other = get_object_or_404(Organization, pk=request.POST.get("other") or 0, merged_into=None)
    joining = request.POST.get("direction") == "join"
    network, member = (other, organization) if joining else (organization, other)
    try:
        link = network_link_ask(network=network, member=member, admin=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if link.status == NetworkMembership.Status.ACTIVE:
            messages.success(request, _("Done: both sides had asked, the link is made."))
        else:
            messages.success(request, _("Asked: the other organization's admins will answer."))
    return redirect("organization.networks", pk=organization.pk)


def _link_of(request: HttpRequest, pk: int, link_pk: int) -> NetworkMembership:
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_networks")
    link = get_object_or_404(NetworkMembership, pk=link_pk)
    if organization.pk not in (link.network_id, link.member_id):
        raise PermissionDenied
    return link


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    link = _link_of(request, pk, link_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        network_link_decide(link=link, admin=request.user, accept=accept)
    except (ValidationError, PermissionDenied) as error:
        messages.error(
            request,
            error.messages[0] if isinstance(error, ValidationError) else _("Not yours to answer."),
        )
    else:
        messages.success(request, _("Accepted.") if accept else _("Declined."))
    return redirect("organization.networks", pk=pk)


@login_required
@require_POST
def end(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    link = _link_of(request, pk, link_pk)
    network_link_end(link=link, admin=request.user)
    messages.success(request, _("Removed."))
    return redirect("organization.networks", pk=pk)
