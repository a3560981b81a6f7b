"""The facilitation back office of an edition: the moderation queue and the log."""

import zoneinfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from vos.activity import queries
from vos.activity.forms import DecisionForm, FlagsForm
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.activity.services import activity_decide, activity_set_flags
from vos.activity.views.public import ProgramFilterForm, reader_languages
from vos.common.csv import csv_response
from vos.common.forms import validate_year
from vos.common.locales import country_name
from vos.common.log import log_for
from vos.common.models import LogEntry
from vos.edition.models import Edition
from vos.edition.views import backoffice_edition


class QueueFilterForm(ProgramFilterForm):
    public = False
    state = forms.ChoiceField(
        label=gettext_lazy("State"),
        required=False,
        choices=[("", gettext_lazy("All")), *Activity.State.choices],
    )
    day = forms.DateField(
        label=gettext_lazy("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_day(self):
        day = self.cleaned_data.get("day")
        validate_year(day)
        return day


@login_required
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    edition = backoffice_edition(request, slug)
    form = QueueFilterForm(
        request.GET or None, edition=edition, reader_languages=reader_languages(request)
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if not form.is_bound:
        filters = (
            {"state": Activity.State.PROPOSED}
            if edition.moderation == Edition.Moderation.REVIEW
            else {}
        )
        form = QueueFilterForm(
            initial=filters, edition=edition, reader_languages=reader_languages(request)
        )
    activities = list(
        queries.activities_for_moderation(edition, filters, zoneinfo.ZoneInfo(request.time_zone))
    )
    return render(
        request,
        "activity/orga/queue.html",
        {"edition": edition, "form": form, "activities": activities},
    )


@login_required
def activity_review(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = backoffice_edition(request, slug)
    activity = get_object_or_404(queries.activities_for_moderation(edition, {}), pk=pk)
    return render(
        request,
        "activity/orga/activity.html",
        {
            "edition": edition,
            "activity": activity,
            "decision_form": DecisionForm(),
            "flags_form": FlagsForm(
                initial={"is_official": activity.is_official, "is_featured": activity.is_featured}
            ),
            "history": list(log_for(activity)),
        },
    )


@login_required
@require_POST
def activity_decision(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = backoffice_edition(request, slug)
    activity = activity_or_404(request.user, pk, edition_slug=slug, perm="activity.moderate")
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            activity_decide(
                activity=activity,
                facilitator=request.user,
                decision=form.cleaned_data["decision"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Decision recorded; the organizers are told by email."))
    else:
        messages.error(request, _("This decision could not be read. Please try again."))
    return redirect("activity.orga_review", slug=edition.slug, pk=activity.pk)


@login_required
@require_POST
def activity_flags(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition = backoffice_edition(request, slug)
    activity = activity_or_404(request.user, pk, edition_slug=slug, perm="activity.moderate")
    form = FlagsForm(request.POST)
    if form.is_valid():
        activity_set_flags(activity=activity, facilitator=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
    return redirect("activity.orga_review", slug=edition.slug, pk=activity.pk)


@login_required
def log(request: HttpRequest, slug: str) -> HttpResponse:
    edition = backoffice_edition(request, slug)
    activity_ids = Activity.objects.filter(edition=edition).values_list("pk", flat=True)

    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Activity), object_id__in=activity_ids
        )
        .select_related("actor")
        .order_by("-created_at", "-pk")[:500]
    )
    titles = dict(Activity.objects.filter(edition=edition).values_list("pk", "title"))
    rows = [{"entry": entry, "title": titles.get(entry.object_id, "")} for entry in entries]
    return render(request, "activity/orga/log.html", {"edition": edition, "rows": rows})


@login_required
def activities_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every activity of the edition, for the facilitation team's spreadsheets."""
    edition = backoffice_edition(request, slug)
    zone = edition.zone
    response, writer = csv_response(f"{edition.slug}-activities.csv")
    writer.writerow(
        [
            _("ID"),
            _("Title"),
            _("State"),
            _("Type"),
            _("Themes"),
            _("Start (%(zone)s)") % {"zone": edition.time_zone},
            _("End (%(zone)s)") % {"zone": edition.time_zone},
            _("Languages"),
            _("Organizers"),
            _("Organizer emails"),
            _("Organizations"),
            _("Room"),
            _("Registered"),
            _("Waiting list"),
            _("Address"),
        ]
    )
    for activity in queries.activities_for_backoffice_export(edition):
        organizers = [organizer.person for organizer in activity.organizers.all()]
        writer.writerow(
            [
                activity.pk,
                activity.title,
                activity.get_state_display(),
                activity.activity_type.name,
                "; ".join(theme.name for theme in activity.themes.all()),
                activity.starts_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                activity.ends_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                ", ".join(activity.languages),
                "; ".join(person.display_name for person in organizers),
                "; ".join(person.email for person in organizers),
                "; ".join(organization.name for organization in activity.shown_organizations),
                activity.room.display_name if activity.room else activity.get_room_mode_display(),
                activity.confirmed_count,
                activity.waiting_count,
                request.build_absolute_uri(activity.get_absolute_url()),
            ]
        )
    return response


@login_required
def organizations_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The organizations named on the edition's activities, with how many they have."""

    edition = backoffice_edition(request, slug)
    response, writer = csv_response(f"{edition.slug}-organizations.csv")
    writer.writerow([_("ID"), _("Name"), _("Country"), _("Website"), _("Activities")])
    for organization in queries.organizations_for_backoffice_export(edition):
        writer.writerow(
            [
                organization.pk,
                organization.name,
                country_name(organization.country) if organization.country else "",
                organization.website,
                organization.activity_count,
            ]
        )
    return response
