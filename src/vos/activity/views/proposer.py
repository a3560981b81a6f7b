"""Proposing, editing and cancelling activities, and accepting invitations."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vos.activity import queries
from vos.activity.forms import ActivityForm, ProposalForm, ReasonForm
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity, Invitation
from vos.activity.services import (
    activity_cancel,
    activity_propose,
    activity_update,
    invitation_accept,
    overlapping_activities,
)
from vos.common.forms import errors_onto
from vos.common.multilingual import translation_asks
from vos.common.timezones import AWAKE_REGIONS, canonical_zone, local_times
from vos.common.zone_search import zone_block_label
from vos.edition.models import Edition
from vos.edition.queries import intention_text_current

# The fields that say when; their errors replace the preview of the time.
TIME_FIELDS = ("slot", "time_zone", "start", "end", "duration")


def _time_context(request: HttpRequest, form: ActivityForm, edition: Edition) -> dict:
    """Previews of the chosen time: edition zone, UTC, who is awake, overlap warnings; or
    what is wrong with the time, in the words of the form's own errors."""
    cleaned = getattr(form, "cleaned_data", {}) or {}
    time_errors = [
        message for name in TIME_FIELDS if form.is_bound for message in form.errors.get(name, [])
    ]
    starts_at, ends_at = (
        (None, None) if time_errors else (cleaned.get("starts_at"), cleaned.get("ends_at"))
    )
    # What was typed may name no zone yet ("Brasil" asks which one).
    typed = canonical_zone(form["time_zone"].value() or "")
    own_zone = cleaned.get("time_zone") or typed or request.time_zone
    regions = [*AWAKE_REGIONS, (_("You"), own_zone)] if own_zone else list(AWAKE_REGIONS)
    context = {
        "edition": edition,
        "form": form,
        "awake_regions": regions,
        "slot_grid": _slot_grid(form, own_zone) if form.slots else None,
        "slot_zone_label": zone_block_label(
            own_zone,
            min(slot.starts_at for slot in form.slots),
            max(slot.ends_at for slot in form.slots),
        )
        if form.slots
        else "",
        "time_errors": time_errors,
    }
    if starts_at and ends_at:
        context["preview"] = {
            "edition": local_times(starts_at, ends_at, [(edition.title, edition.time_zone)])[0],
            "utc": local_times(starts_at, ends_at, [("UTC", "UTC")])[0],
        }
        context["awake"] = local_times(starts_at, ends_at, regions)
        editing = getattr(form, "editing", None)
        if request.user.is_authenticated:
            context["overlaps"] = overlapping_activities(
                request.user, starts_at, ends_at, exclude=editing
            )
    return context


def _slot_grid(form: ActivityForm, zone_name: str) -> list[dict]:
    """Slots grouped by day in the proposer's zone, each with its places left."""

    zone = zoneinfo.ZoneInfo(zone_name)
    chosen = str(form["slot"].value() or "")
    days: dict = {}
    for slot in form.slots:
        local = timezone.localtime(slot.starts_at, zone)
        days.setdefault(local.date(), []).append(
            {
                "slot": slot,
                "checked": chosen == str(slot.pk),
                "awake": local_times(slot.starts_at, slot.ends_at, AWAKE_REGIONS),
            }
        )
    return [{"date": day, "slots": slots} for day, slots in sorted(days.items())]


@login_required
@require_http_methods(["GET", "POST"])
def activity_propose_view(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(Edition, slug=slug)
    intention = intention_text_current()
    if not request.user.has_perm("activity.propose", edition):
        return render(request, "activity/proposals_closed.html", {"edition": edition}, status=403)
    if request.method == "POST":
        form = ProposalForm(request.POST, edition=edition, reader_languages=request.user.languages)
        if form.is_valid() and "preview" not in request.POST:
            try:
                activity = activity_propose(
                    proposer=request.user,
                    edition=edition,
                    data=form.to_data(),
                    intention_text=intention,
                )
            except ValidationError as error:
                errors_onto(form, error)
            else:
                if activity.is_public:
                    messages.success(request, _("Your activity is on the program. Thank you!"))
                else:
                    messages.success(
                        request,
                        _(
                            "Your proposal is sent. The facilitation team will review it and write to you."
                        ),
                    )
                return redirect(activity.get_absolute_url())
    else:
        form = ProposalForm(
            edition=edition,
            initial={"time_zone": request.user.time_zone or request.time_zone, "duration": 90},
            reader_languages=request.user.languages,
        )
    context = _time_context(request, form, edition)
    if _wants_time_preview(request):
        return render(request, "activity/_time_preview.html", context)
    context.update({"intention": intention, "proposing": True})
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "activity/activity_form.html", context, status=status)


def _wants_time_preview(request: HttpRequest) -> bool:
    """The form's script asks for the preview alone while one types (proposal.js); the
    server renders it, so that it reads exactly as after "Check the times"."""
    return request.method == "POST" and request.headers.get("X-Time-Preview") == "1"


def _changeable(request: HttpRequest, slug: str, pk: int, perm: str) -> Activity:
    return activity_or_404(request.user, pk, edition_slug=slug, perm=perm)


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _changeable(request, slug, pk, "activity.change")
    edition = activity.edition
    if request.method == "POST":
        form = ActivityForm(
            request.POST,
            edition=edition,
            editing=activity,
            reader_languages=request.user.languages,
        )
        if form.is_valid() and "preview" not in request.POST:
            try:
                activity_update(
                    activity=activity,
                    editor=request.user,
                    data=form.to_data(),
                )
            except ValidationError as error:
                errors_onto(form, error)
            else:
                messages.success(request, _("Your changes are saved."))
                return redirect(activity.get_absolute_url())
    else:
        zone = activity.typed_time_zone or request.time_zone
        form = ActivityForm(
            edition=edition,
            editing=activity,
            initial=ActivityForm.initial_from(activity, zone),
            reader_languages=request.user.languages,
        )
    form.translation_asks = translation_asks(activity)
    context = _time_context(request, form, edition)
    if _wants_time_preview(request):
        return render(request, "activity/_time_preview.html", context)
    context.update({"activity": activity, "proposing": False})
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "activity/activity_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def activity_cancel_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _changeable(request, slug, pk, "activity.cancel")
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            activity_cancel(
                activity=activity, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The activity is cancelled."))
            return redirect(activity.get_absolute_url())
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "activity/activity_cancel.html",
        {"activity": activity, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def invitation_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("activity__edition"), token=token
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"/{request.LANGUAGE_CODE}/accounts/login/?next={request.path}")
        try:
            invitation_accept(invitation=invitation, person=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("You are now a co-organizer of this activity."))
            return redirect(invitation.activity.get_absolute_url())
    return render(
        request,
        "activity/invitation.html",
        {"invitation": invitation, "activity": invitation.activity},
    )


@login_required
def my_activities(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "activity/my_activities.html",
        {
            "activities": queries.activities_of_person(request.user),
            "interpreting": request.user.interpreting.exists(),
        },
    )
