"""The people of an organization: joining, leaving, the admins' members page, invitations,
claims, and following an organization."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vos.network import queries
from vos.network.forms import ClaimForm, InviteForm, JoinForm, RoleForm
from vos.network.views.organizations import organization_or_404
from vos.organization.models import Follow, Membership, MembershipInvitation
from vos.organization.services import (
    claim_create,
    membership_decide,
    membership_invitation_accept,
    membership_invite,
    membership_remove,
    membership_request,
    membership_set_public,
    membership_set_role,
)


def _say_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def join(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk)
    form = JoinForm(request.POST)
    if form.is_valid():
        try:
            membership_request(
                organization=organization,
                person=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            _say_errors(request, error)
        else:
            messages.success(request, _("Your request is sent: its admins will answer."))
    return redirect(organization)


@login_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk)
    membership = get_object_or_404(Membership, organization=organization, person=request.user)
    try:
        membership_remove(membership=membership, actor=request.user)
    except ValidationError as error:
        _say_errors(request, error)
    else:
        messages.success(request, _("You are no longer a member of this organization."))
    return redirect(organization)


@login_required
@require_POST
def visibility(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk)
    membership = get_object_or_404(
        Membership,
        organization=organization,
        person=request.user,
        status=Membership.Status.ACTIVE,
    )
    public = request.POST.get("is_public") == "1"
    membership_set_public(membership=membership, person=request.user, is_public=public)
    if public:
        messages.success(request, _("Your membership is shown on the organization's page."))
    else:
        messages.success(
            request, _("Your membership is no longer shown on the organization's page.")
        )
    return redirect(organization)


@login_required
@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk)
    frequency = request.POST.get("frequency", "")
    if frequency in Follow.Frequency.values:
        Follow.objects.update_or_create(
            organization=organization, person=request.user, defaults={"frequency": frequency}
        )
        messages.success(request, _("You follow this organization: its news comes by email."))
    else:
        Follow.objects.filter(organization=organization, person=request.user).delete()
        messages.success(request, _("You no longer follow this organization."))
    return redirect(organization)


@login_required
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    organization = organization_or_404(pk, user=request.user, perm="organization.claim")
    form = ClaimForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say how you are part of this organization: the team reads it."))
        return redirect(organization)
    try:
        claim_create(
            organization=organization, person=request.user, message=form.cleaned_data["message"]
        )
    except ValidationError as error:
        _say_errors(request, error)
    else:
        messages.success(
            request, _("Your claim is sent: the facilitation team will answer by email.")
        )
    return redirect(organization)


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, pk: int) -> HttpResponse:
    """The admins' page: members and their roles, requests to answer, invitations."""
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_members")
    invite_form = InviteForm(request.POST or None)
    if request.method == "POST" and invite_form.is_valid():
        try:
            membership_invite(
                organization=organization,
                email=invite_form.cleaned_data["email"],
                role=invite_form.cleaned_data["role"],
                invited_by=request.user,
            )
        except ValidationError as error:
            invite_form.add_error("email", error)
        else:
            messages.success(request, _("The invitation is on its way."))
            return redirect("organization.members", pk=organization.pk)
    active, requests, invitations = queries.memberships_for_admin(organization)
    return render(
        request,
        "network/members.html",
        {
            "organization": organization,
            "active": active,
            "requests": requests,
            "invitations": invitations,
            "invite_form": invite_form,
            "roles": Membership.Role.choices,
        },
        status=400 if invite_form.is_bound and invite_form.errors else 200,
    )


def _managed_membership(request: HttpRequest, pk: int, membership_pk: int) -> Membership:
    organization = organization_or_404(pk, user=request.user, perm="organization.manage_members")
    return get_object_or_404(Membership, pk=membership_pk, organization=organization)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = _managed_membership(request, pk, membership_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        membership_decide(membership=membership, admin=request.user, accept=accept)
    except ValidationError as error:
        _say_errors(request, error)
    else:
        messages.success(request, _("Accepted.") if accept else _("Declined."))
    return redirect("organization.members", pk=pk)


@login_required
@require_POST
def role(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = _managed_membership(request, pk, membership_pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            membership_set_role(
                membership=membership, role=form.cleaned_data["role"], admin=request.user
            )
        except ValidationError as error:
            _say_errors(request, error)
        else:
            messages.success(request, _("Saved."))
    return redirect("organization.members", pk=pk)


@login_required
@require_POST
def remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    membership = _managed_membership(request, pk, membership_pk)
    try:
        membership_remove(membership=membership, actor=request.user)
    except ValidationError as error:
        _say_errors(request, error)
    else:
        messages.success(request, _("Removed."))
    return redirect("organization.members", pk=pk)


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        MembershipInvitation.objects.select_related("organization", "invited_by"), token=token
    )
    if invitation.accepted_at is not None:
        raise Http404
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            membership_invitation_accept(invitation=invitation, person=request.user)
        except ValidationError as error:
            _say_errors(request, error)
        else:
            messages.success(request, _("Welcome: you are now a member of this organization."))
            return redirect(invitation.organization)
    return render(request, "network/invitation.html", {"invitation": invitation})
