"""The open-space marketplace's page, its live part, and its actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.common import live
from vos.common.multilingual import interface_language_choices, reader_language
from vos.edition.models import TeamRole
from vos.edition.rules import has_team_role
from vos.live import marketplace as market
from vos.live.actions import invalid, reported
from vos.live.forms import MarketForm, TopicForm
from vos.live.models import Choice, Topic
from vos.live.speakers import is_live, may_ask, may_run


def _context(request: HttpRequest, activity: Activity) -> dict:
    found = market.marketplace_of(activity)
    user = request.user
    context = {
        "activity": activity,
        "marketplace": found,
        "may_run": may_run(user, activity),
        "may_ask": may_ask(user, activity),
        "is_live": is_live(activity),
    }
    if found is None:
        return context
    mine = (
        Choice.objects.filter(marketplace=found, person=user, round=market.round_chosen(found))
        .select_related("breakout__hold__room", "topic")
        .first()
        if user.is_authenticated
        else None
    )
    topics = market.board(found)
    link = market.join_url(user, found, mine.breakout) if mine and mine.breakout else None
    context.update(
        {
            "topics": topics,
            "round": market.round_chosen(found),
            "mine": mine,
            "link": link,
            # A room of the pool comes with its meeting ID and passcode.
            "room": mine.breakout.hold.room if link and mine.breakout.hold_id else None,
            "hosted": [t for t in topics if user.is_authenticated and t.host_id == user.pk],
            # The team and its translators translate every topic, a host their own
            # (may_translate's rule).
            "translatable": {t.pk for t in topics}
            if context["may_run"]
            or has_team_role(user, activity.edition, TeamRole.Role.TRANSLATION)
            else {t.pk for t in topics if user.is_authenticated and t.host_id == user.pk},
            "translation_languages": interface_language_choices(),
        }
    )
    return context


@require_GET
def page(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_or_404(request.user, pk)
    context = _context(request, activity)
    context.update(
        {
            "live_version": live.version(market.market_topic(activity)),
            "market_form": MarketForm(),
            "topic_form": TopicForm(
                initial={"language": reader_language()}, languages=activity.languages or []
            ),
        }
    )
    return render(request, "live/market.html", context)


@require_GET
def now(request: HttpRequest, pk: int) -> HttpResponse:
    unchanged, current = live.not_modified(request, market.market_topic(Activity(pk=pk)))
    if unchanged:
        return unchanged
    activity = activity_or_404(request.user, pk)
    return live.stamped(render(request, "live/_market.html", _context(request, activity)), current)


def _topic(found, pk: str) -> Topic:
    if not pk.isdigit():
        raise Http404
    return get_object_or_404(Topic, pk=pk, marketplace=found)


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_or_404(request.user, pk)
    found = market.marketplace_of(activity)
    action = request.POST.get("action", "")
    with reported(request):
        if action == "open":
            form = MarketForm(request.POST)
            if not form.is_valid():
                raise invalid(form)
            market.market_open(runner=request.user, activity=activity, **form.cleaned_data)
            messages.success(request, _("The marketplace is open: topics can be proposed."))
        elif found is None:
            raise Http404
        elif action == "propose":
            form = TopicForm(request.POST, languages=activity.languages or [])
            if not form.is_valid():
                raise invalid(form)
            market.topic_propose(person=request.user, marketplace=found, **form.cleaned_data)
            messages.success(request, _("Your topic is on the board."))
        elif action == "choose":
            market.choose(
                person=request.user,
                marketplace=found,
                topic=_topic(found, request.POST.get("topic", "")),
            )
        elif action == "start":
            number = market.round_start(runner=request.user, marketplace=found)
            messages.success(request, _("Round %(number)s has started.") % {"number": number})
        elif action == "end":
            market.round_end(runner=request.user, marketplace=found)
        elif action == "merge":
            market.merge(
                runner=request.user,
                source=_topic(found, request.POST.get("topic", "")),
                target=_topic(found, request.POST.get("into", "")),
            )
            messages.success(request, _("The topics are merged."))
        elif action == "translate":
            market.topic_translate(
                person=request.user,
                topic=_topic(found, request.POST.get("topic", "")),
                language=request.POST.get("language", ""),
                title=request.POST.get("title", ""),
                description=request.POST.get("description", ""),
            )
            messages.success(request, _("The translation is saved."))
        elif action == "note":
            market.topic_note(
                host=request.user,
                topic=_topic(found, request.POST.get("topic", "")),
                body=request.POST.get("body", ""),
            )
            messages.success(request, _("Your notes are in the Open Forum."))
        else:
            raise ValidationError(_("Choose what to do."))
    return redirect("live.market", pk=activity.pk)
