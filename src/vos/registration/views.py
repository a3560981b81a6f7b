import zoneinfo

from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vos.activity.calendar import activity_ics
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.common.csv import csv_response
from vos.common.page_cache import cached_fragment
from vos.edition.models import Edition
from vos.registration import queries
from vos.registration.forms import MessageForm, ReminderSettingsForm
from vos.registration.models import ReminderSettings
from vos.registration.notices import tell_registration
from vos.registration.receivers import REGISTER_AFTER_LOGIN
from vos.registration.services import (
    feed_token_regenerate,
    registration_cancel,
    registration_create,
    registration_message_send,
    reminder_settings_for,
    reminder_settings_update,
    unsubscribe_with_token,
)


def _activity(request: HttpRequest, slug: str, pk: int) -> Activity:
    return activity_or_404(request.user, pk, edition_slug=slug)


@require_POST
def register(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = activity_or_404(
        request.user, pk, edition_slug=slug, queryset=queries.activities_for_registering()
    )
    if not request.user.is_authenticated:
        # Back to the same activity after logging in or signing up, and registered then
        # (registration.receivers.register_after_login).
        request.session[REGISTER_AFTER_LOGIN] = activity.pk
        query = urlencode({"next": activity.get_absolute_url()})
        return redirect(f"{reverse('account_login')}?{query}")
    try:
        registration = registration_create(activity=activity, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        tell_registration(request, registration)
    return redirect(activity.get_absolute_url())


@login_required
@require_POST
def unregister(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _activity(request, slug, pk)
    registration_cancel(activity=activity, person=request.user)
    messages.success(request, _("You are no longer registered."))
    return redirect(activity.get_absolute_url())


def _organized(request: HttpRequest, slug: str, pk: int) -> Activity:
    return activity_or_404(request.user, pk, edition_slug=slug, perm="activity.view_registrants")


@login_required
def registrants(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _organized(request, slug, pk)
    return render(
        request,
        "registration/registrants.html",
        {
            "activity": activity,
            "registrations": list(queries.registrations_for_organizers(activity)),
            "form": MessageForm(),
        },
    )


@login_required
def registrants_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _organized(request, slug, pk)
    zone = zoneinfo.ZoneInfo(request.time_zone)
    response, writer = csv_response(f"registrations-{activity.pk}.csv")
    writer.writerow(
        [
            _("Name"),
            _("Email"),
            _("Status"),
            _("Registered at (%(zone)s)") % {"zone": request.time_zone},
        ]
    )
    for registration in queries.registrations_for_organizers(activity):
        writer.writerow(
            [
                registration.person.display_name,
                registration.person.email,
                registration.get_status_display(),
                timezone.localtime(registration.created_at, zone).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return response


@login_required
@require_POST
def registrants_message(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _organized(request, slug, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            count = registration_message_send(
                activity=activity,
                sender=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your message is on its way to %(count)s people.") % {"count": count}
            )
            return redirect("registration.registrants", slug=slug, pk=pk)
    return render(
        request,
        "registration/registrants.html",
        {
            "activity": activity,
            "registrations": list(queries.registrations_for_organizers(activity)),
            "form": form,
        },
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def agenda(request: HttpRequest) -> HttpResponse:
    settings = reminder_settings_for(request.user)
    if request.method == "POST":
        form = ReminderSettingsForm(request.POST)
        if form.is_valid():
            reminder_settings_update(
                person=request.user,
                day_before=form.cleaned_data["remind_day_before"],
                shortly_before=form.cleaned_data["remind_shortly_before"],
            )
            messages.success(request, _("Your reminder settings are saved."))
            return redirect("registration.agenda")
    else:
        form = ReminderSettingsForm(
            initial={
                "remind_day_before": settings.remind_day_before,
                "remind_shortly_before": settings.remind_shortly_before,
            }
        )
    feed_url = request.build_absolute_uri(
        reverse("registration.feed_personal", args=[settings.feed_token])
    )
    zone = zoneinfo.ZoneInfo(request.time_zone)
    # Built once per content version, and again when the agenda changes by itself (a
    # room opens, an activity ends): the reader's other requests only read it.
    agenda_html = cached_fragment(
        request,
        "agenda",
        lambda: render_to_string(
            "registration/_agenda.html",
            {"agenda": queries.agenda_by_day(queries.agenda_for(request.user, zone), zone)},
            request=request,
        ),
        # Their own registrations do not move the site's content version on.
        also=lambda: (
            f"person:{request.user.pk}",
            *map(repr, queries.agenda_signature(request.user)),
        ),
    )
    return render(
        request,
        "registration/agenda.html",
        {
            "agenda_html": agenda_html,
            "form": form,
            "feed_url": feed_url,
            "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
        },
    )


@login_required
@require_POST
def feed_regenerate(request: HttpRequest) -> HttpResponse:
    feed_token_regenerate(person=request.user)
    messages.success(
        request, _("Your calendar has a new secret address; the old one no longer works.")
    )
    return redirect("registration.agenda")


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            _person, kind = unsubscribe_with_token(token)
        except ValidationError as error:
            return render(
                request, "registration/unsubscribe.html", {"error": error.messages[0]}, status=400
            )
        return render(request, "registration/unsubscribe.html", {"done": True, "kind": kind})
    return render(request, "registration/unsubscribe.html", {"token": token})


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def feed_edition(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(Edition, slug=slug)
    activities = queries.activities_for_edition_feed(edition)
    return _calendar_response(
        activity_ics(activities, request=request, name=edition.title), f"{slug}.ics"
    )


def feed_personal(request: HttpRequest, token: str) -> HttpResponse:
    settings = ReminderSettings.objects.filter(feed_token=token).select_related("person").first()
    if settings is None:
        raise Http404
    activities = queries.activities_for_personal_feed(settings.person)
    name = _("My agenda — %(site)s") % {"site": django_settings.VOS_SITE_NAME}
    return _calendar_response(activity_ics(activities, request=request, name=name), "agenda.ics")
