"""The Open Forum's pages: an edition's spaces, a space's debate, posting, answering,
liking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vos.activity.loader import activity_or_404
from vos.activity.queries import activities_public
from vos.common import live
from vos.common.forms import errors_onto
from vos.common.multilingual import reader_language
from vos.edition.models import Edition
from vos.forum import queries
from vos.forum.following import following_of
from vos.forum.forms import AnswerForm, ContributionForm, NoteForm, OutcomeForm, WallFilterForm
from vos.forum.ideas import summaries_shown
from vos.forum.models import Contribution, Outcome, Space
from vos.forum.moderation import is_blocked
from vos.forum.notes import live_topic, may_take_notes, note_post, notes_of, session_live
from vos.forum.outcomes import (
    outcome_link,
    outcome_links_allowed,
    outcome_save,
    outcome_support,
    outcome_unsupport,
    outcomes_for_wall,
    supported_by,
)
from vos.forum.services import (
    contribution_post,
    like_toggle,
    may_write,
    organizations_spoken_for,
    space_of_activity,
    space_of_theme,
    space_standing,
)
from vos.forum.views_moderation import contribution_or_404
from vos.network.services import organizations_administered

NOTES_SHOWN = 200
NOTES_CACHED_SECONDS = 300


def _wants_json(request: HttpRequest) -> bool:
    """Asked by forum.js, which updates the page in place."""
    return request.headers.get("Accept") == "application/json"


def _thread_json(request: HttpRequest, top: Contribution, message: str) -> JsonResponse:
    """The thread of a contribution as the page shows it, for forum.js to put in place."""
    shown = queries.contribution_with_thread(top)
    html = render_to_string(
        "forum/_thread.html",
        {
            "contribution": shown,
            "space": top.space,
            "liked": queries.liked_by(request.user, [shown]),
            "may_write": True,
            "moderator": request.user.has_perm("forum.moderate", top.space),
            "language": reader_language(),
        },
        request=request,
    )
    return JsonResponse({"thread": top.pk, "html": html, "message": message})


@require_GET
def edition_forum(request: HttpRequest, slug: str) -> HttpResponse:
    """An edition's Open Forum: a space per theme, and the standing space."""
    edition = get_object_or_404(Edition, slug=slug)
    spaces = [space_of_theme(theme) for theme in edition.themes.all()]
    return render(
        request,
        "forum/edition.html",
        {"edition": edition, "spaces": spaces, "standing": space_standing()},
    )


@require_GET
def activity_space(request: HttpRequest, pk: int) -> HttpResponse:
    """An activity's space (made on first visit); only for an activity one may see."""
    activity = activity_or_404(request.user, pk)
    return redirect(space_of_activity(activity))


@require_GET
def space(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Space.objects.select_related("theme", "activity", "edition"), pk=pk)
    if found.activity_id and not request.user.has_perm("activity.view", found.activity):
        raise Http404
    order = request.GET.get("order", "newest")
    kind = request.GET.get("kind", "")
    if kind not in Contribution.Kind.values:
        kind = ""
    contributions = list(queries.contributions_for_space(found, order=order, kind=kind))
    blocked = is_blocked(request.user)
    live_version = live.version(live_topic(found)) if found.activity_id else ""
    return render(
        request,
        "forum/space.html",
        {
            "notes": list(notes_of(found)[:NOTES_SHOWN]) if found.activity_id else [],
            "live_version": live_version,
            "is_live": bool(found.activity_id) and session_live(found.activity),
            "may_take_notes": may_take_notes(request.user, found),
            "note_form": NoteForm(initial={"language": reader_language()}),
            "space": found,
            "contributions": contributions,
            "liked": queries.liked_by(request.user, contributions),
            "summaries": summaries_shown(request.user, space=found),
            "following": following_of(request.user, found),
            "order": order,
            "kind": kind,
            "kinds": [
                (value, label)
                for value, label in Contribution.Kind.choices
                if value not in ("for", "against", "reply")
            ],
            "form": ContributionForm(
                initial={"language": reader_language()},
                organizations=organizations_spoken_for(request.user),
            ),
            "may_write": not blocked and may_write(request.user),
            "blocked": blocked,
            "moderator": request.user.has_perm("forum.moderate", found),
            "language": reader_language(),
        },
    )


def _post(request: HttpRequest, found: Space, **kwargs) -> Contribution | list[str]:
    """The contribution posted, or what was wrong."""
    try:
        return contribution_post(space=found, author=request.user, **kwargs)
    except PermissionDenied:
        return [_("To write in the Open Forum, share the intention text first.")]
    except ValidationError as error:
        return error.messages


def _answered(request: HttpRequest, posted, top: Contribution | None, back: str) -> HttpResponse:
    """The answer to a post: JSON for forum.js, else a message and a redirect."""
    if isinstance(posted, list):
        if _wants_json(request):
            return JsonResponse({"errors": posted}, status=400)
        for message in posted:
            messages.error(request, message)
        return redirect(back)
    if _wants_json(request):
        return _thread_json(request, top or posted, _("Posted."))
    messages.success(request, _("Posted."))
    return redirect(back)


@login_required
@require_POST
def post(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Space, pk=pk)
    form = ContributionForm(request.POST, organizations=organizations_spoken_for(request.user))
    if form.is_valid():
        posted = _post(
            request,
            found,
            kind=form.cleaned_data["kind"],
            body=form.cleaned_data["body"],
            language=form.cleaned_data["language"],
            quotable=form.cleaned_data["quotable"],
            organization=form.chosen_organization(),
        )
    else:
        posted = [
            f"{form.fields[name].label}: {message}" if name in form.fields else message
            for name, messages_of_field in form.errors.items()
            for message in messages_of_field
        ]
    return _answered(request, posted, None, found.get_absolute_url())


@require_GET
def notes(request: HttpRequest, pk: int) -> HttpResponse:
    """A live session's notes, for its open pages: a 304 while none was added; after a
    change, built once per version and language and shared through the cache (the notes
    of a public activity are the same for every reader)."""
    unchanged, current = live.not_modified(request, live_topic(Space(pk=pk)))
    if unchanged:
        return unchanged
    key = f"forum-notes:{pk}:{current}:{reader_language()}"
    stored = cache.get(key) if current else None
    if stored is None:
        found = get_object_or_404(
            Space.objects.select_related("activity"), pk=pk, activity__isnull=False
        )
        if not request.user.has_perm("activity.view", found.activity):
            raise Http404
        html = render_to_string("forum/_notes.html", {"notes": list(notes_of(found)[:NOTES_SHOWN])})
        if current and found.activity.is_public:
            cache.set(key, html, NOTES_CACHED_SECONDS)
    else:
        html = stored
    return live.stamped(HttpResponse(html), current)


@login_required
@require_POST
def note(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Space.objects.select_related("activity", "edition"), pk=pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Name the speaker and write what they said."))
        return redirect(found)
    try:
        note_post(author=request.user, space=found, **form.cleaned_data)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(f"{found.get_absolute_url()}#notes")


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """An argument for or against a proposal, or a reply to a contribution."""
    target = contribution_or_404(request.user, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        posted = _post(
            request,
            target.space,
            kind=kind,
            body=form.cleaned_data["body"],
            language=form.cleaned_data["language"],
            proposal=target if kind in ("for", "against") else None,
            parent=target if kind == "reply" else None,
        )
    else:
        posted = [_("Write something first.")]
    top = target.proposal or target.parent or target
    return _answered(
        request, posted, top, f"{target.space.get_absolute_url()}#contribution-{target.pk}"
    )


@login_required
@require_POST
def like(request: HttpRequest, pk: int) -> HttpResponse:
    target = contribution_or_404(request.user, pk)
    liked = like_toggle(contribution=target, person=request.user)
    if _wants_json(request):
        count = target.likes.count()
        return JsonResponse(
            {
                "liked": liked,
                "label": _("Unlike") if liked else _("Like"),
                "count": ngettext("%(count)s like", "%(count)s likes", count) % {"count": count},
            }
        )
    return redirect(f"{target.space.get_absolute_url()}#contribution-{target.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """The organizers post (or correct) their activity's outcome."""
    activity = activity_or_404(request.user, pk)
    if not activity.organizers.filter(person=request.user).exists():
        raise Http404
    existing = Outcome.objects.filter(activity=activity).first()
    initiatives, declarations = (list(q) for q in outcome_links_allowed(activity))
    initial = (
        {
            "summary": existing.summary,
            "proposals": existing.proposals,
            "next_steps": existing.next_steps,
            "links": "\n".join(existing.links),
            "language": existing.original_language,
            "initiatives": [i.pk for i in existing.initiatives.all()],
            "declarations": [d.pk for d in existing.declarations.all()],
        }
        if existing
        else {"language": reader_language()}
    )
    form = OutcomeForm(
        request.POST or None, initial=initial, initiatives=initiatives, declarations=declarations
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                saved = outcome_save(
                    activity=activity,
                    author=request.user,
                    summary=data["summary"],
                    proposals=data["proposals"],
                    next_steps=data["next_steps"],
                    links=data["links"].splitlines(),
                    language=data["language"],
                )
                outcome_link(
                    outcome=saved,
                    author=request.user,
                    initiatives=[i for i in initiatives if i.pk in data["initiatives"]],
                    declarations=[d for d in declarations if d.pk in data["declarations"]],
                )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The outcome is published."))
            return redirect(activity)
    return render(
        request,
        "forum/outcome_form.html",
        {"activity": activity, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_GET
def wall(request: HttpRequest, slug: str) -> HttpResponse:
    """The wall of an edition's outcomes."""
    edition = get_object_or_404(Edition, slug=slug)
    form = WallFilterForm(request.GET or None, edition=edition)
    filters = form.cleaned_data if form.is_valid() else {}
    outcomes = list(outcomes_for_wall(edition, filters)[:200])
    administered = organizations_administered(request.user)
    supported = supported_by(request.user, outcomes, administered)
    for item in outcomes:
        item.supported_by_me = (item.pk, None) in supported
        item.organizations_supporting = [o for o in administered if (item.pk, o.pk) in supported]
    return render(
        request,
        "forum/wall.html",
        {
            "edition": edition,
            "form": form,
            "filtered": any(filters.values()),
            "outcomes": outcomes,
            "administered": administered,
        },
    )


@login_required
@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    """Support an outcome's proposals (or take the support back), as oneself or for an
    organization one administers."""
    found = get_object_or_404(
        Outcome.objects.filter(activity__in=activities_public()).select_related(
            "activity__edition"
        ),
        pk=pk,
    )
    organization = None
    if request.POST.get("organization", "").isdigit():
        organization = next(
            (
                o
                for o in organizations_administered(request.user)
                if o.pk == int(request.POST["organization"])
            ),
            None,
        )
        if organization is None:
            raise Http404
    if request.POST.get("undo"):
        outcome_unsupport(outcome=found, person=request.user, organization=organization)
        messages.success(request, _("Your support is taken back."))
    else:
        outcome_support(outcome=found, person=request.user, organization=organization)
        messages.success(request, _("Thank you for your support."))
    return redirect(
        f"{reverse('forum.wall', kwargs={'slug': found.activity.edition.slug})}#outcome-{found.pk}"
    )
