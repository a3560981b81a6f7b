"""The speakers' list of a live activity: the page, its live part, and the actions of
participants (ask, withdraw) and of the people running it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vos.activity.loader import activity_or_404
from vos.activity.models import Activity, Interpreter
from vos.common import live
from vos.common.multilingual import reader_language
from vos.live import speakers
from vos.live.actions import invalid, reported
from vos.live.forms import AskForm, SettingsForm
from vos.live.models import SpeakerRequest

SHARED_SECONDS = 300


def _shared_key(pk: int, version: str) -> str:
    return f"live-floor:{pk}:{version}:{reader_language()}"


def _shared(request: HttpRequest, activity, floor, may_run: bool) -> str:
    """The list as everyone sees it (with the controls for those who run it)."""
    return render_to_string(
        "live/_floor_list.html",
        {"activity": activity, "floor": floor, "may_run": may_run},
        request=request if may_run else None,
    )


def _places(floor) -> dict[int, tuple[int | None, int, str]]:
    """Each person on the list: (their place, their request, its state)."""
    places = {r.person_id: (n, r.pk, r.state) for n, r in enumerate(floor.waiting, start=1)}
    if floor.speaking:
        places[floor.speaking.person_id] = (None, floor.speaking.pk, floor.speaking.state)
    return places


def _mine(request: HttpRequest, places: dict) -> tuple[dict | None, int | None]:
    if not request.user.is_authenticated or request.user.pk not in places:
        return None, None
    place, pk, state = places[request.user.pk]
    return {"pk": pk, "state": state}, place


def _context(request: HttpRequest, activity) -> dict:
    floor = speakers.floor_of(activity)
    user = request.user
    speaker_list = floor.speaker_list
    may_run = speakers.may_run(user, activity)
    mine, place = _mine(request, _places(floor))
    return {
        "activity": activity,
        "activity_pk": activity.pk,
        "floor": floor,
        "shared": _shared(request, activity, floor, may_run),
        "is_live": speakers.is_live(activity),
        "may_run": may_run,
        "may_ask": speakers.may_ask(user, activity),
        "mine": mine,
        "place": place,
        "ask_form": AskForm(
            initial={"language": reader_language()}, languages=activity.languages or []
        ),
        "settings_form": SettingsForm(
            initial={
                "is_open": speaker_list.is_open,
                "order": speaker_list.order,
                "first_timers_first": speaker_list.first_timers_first,
                "seconds_per_speaker": speaker_list.seconds_per_speaker,
            }
        ),
    }


@require_GET
def page(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_or_404(request.user, pk)
    context = _context(request, activity)
    context["live_version"] = live.version(speakers.live_topic(activity))
    if request.user.is_authenticated:
        context["interpreting"] = activity.interpreters.filter(
            person=request.user, state=Interpreter.State.ACCEPTED
        ).first()
    return render(request, "live/speakers.html", context)


@require_GET
def now(request: HttpRequest, pk: int) -> HttpResponse:
    """The list as it is now, for open pages: a 304 while nothing changed. The part every
    reader sees is built once per version and language and kept in the shared cache; the
    reader's own place is added to it; those who run the list get it built with their
    controls."""
    unchanged, current = live.not_modified(request, speakers.live_topic(Activity(pk=pk)))
    if unchanged:
        return unchanged
    key = _shared_key(pk, current)
    stored = cache.get(key) if current else None
    activity = None
    if stored is None or not stored["public"] or request.user.is_authenticated:
        activity = activity_or_404(request.user, pk)
    if activity is not None and speakers.may_run(request.user, activity):
        context = _context(request, activity)
    else:
        if stored is None:
            floor = speakers.floor_of(activity)
            stored = {
                "html": _shared(request, activity, floor, False),
                "places": _places(floor),
                "public": activity.is_public,
            }
            if current:
                cache.set(key, stored, SHARED_SECONDS)
        mine, place = _mine(request, stored["places"])
        context = {
            "shared": mark_safe(stored["html"]),  # noqa: S308 - rendered by our template above
            "mine": mine,
            "place": place,
            "activity_pk": pk,
        }
    return live.stamped(render(request, "live/_floor.html", context), current)


def _request_of(activity, pk: str) -> SpeakerRequest:
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(
        SpeakerRequest.objects.select_related("speaker_list__activity"),
        pk=pk,
        speaker_list__activity=activity,
    )


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_or_404(request.user, pk)
    action = request.POST.get("action", "")
    target = request.POST.get("request", "")
    with reported(request):
        if action == "ask":
            form = AskForm(request.POST, languages=activity.languages or [])
            if not form.is_valid():
                raise ValidationError(_("Say which language you will speak."))
            speakers.ask_to_speak(person=request.user, activity=activity, **form.cleaned_data)
            messages.success(request, _("You are on the list of speakers."))
        elif action == "withdraw":
            speakers.withdraw(person=request.user, request=_request_of(activity, target))
            messages.success(request, _("You are off the list."))
        elif action == "next":
            speakers.give_floor(runner=request.user, activity=activity)
        elif action == "floor":
            speakers.give_floor(
                runner=request.user, activity=activity, request=_request_of(activity, target)
            )
        elif action == "done":
            speakers.finish(runner=request.user, activity=activity)
        elif action in ("up", "down", "end"):
            speakers.move(
                runner=request.user,
                activity=activity,
                request=_request_of(activity, target),
                where=action,
            )
        elif action == "settings":
            form = SettingsForm(request.POST)
            if not form.is_valid():
                raise invalid(form)
            speakers.settings_save(runner=request.user, activity=activity, **form.cleaned_data)
            messages.success(request, _("The list's settings are saved."))
        else:
            raise ValidationError(_("Choose what to do."))
    return redirect("live.speakers", pk=activity.pk)
