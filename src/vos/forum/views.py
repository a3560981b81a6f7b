"""The Open Forum's pages: an edition's spaces, a space's debate, posting, answering,
liking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vos.activity.loader import activity_or_404
from vos.common.multilingual import reader_language
from vos.edition.models import Edition
from vos.edition.queries import intention_accepted_by
from vos.forum import queries
from vos.forum.forms import AnswerForm, ContributionForm, OutcomeForm, WallFilterForm
from vos.forum.models import Contribution, Outcome, Space
from vos.forum.outcomes import outcome_save, outcomes_for_wall
from vos.forum.services import (
    contribution_post,
    like_toggle,
    space_of_activity,
    space_of_theme,
    space_standing,
)


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
    return render(
        request,
        "forum/space.html",
        {
            "space": found,
            "contributions": contributions,
            "liked": queries.liked_by(request.user, contributions),
            "order": order,
            "kind": kind,
            "kinds": [
                (value, label)
                for value, label in Contribution.Kind.choices
                if value not in ("for", "against", "reply")
            ],
            "form": ContributionForm(initial={"language": reader_language()}),
            "may_write": request.user.is_authenticated and intention_accepted_by(request.user),
            "language": reader_language(),
        },
    )


def _post(request: HttpRequest, found: Space, **kwargs) -> None:
    try:
        contribution_post(space=found, author=request.user, **kwargs)
    except PermissionDenied:
        messages.error(request, _("To write in the Open Forum, share the intention text first."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Posted."))


@login_required
@require_POST
def post(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Space, pk=pk)
    form = ContributionForm(request.POST)
    if form.is_valid():
        _post(
            request,
            found,
            kind=form.cleaned_data["kind"],
            body=form.cleaned_data["body"],
            language=form.cleaned_data["language"],
        )
    else:
        messages.error(request, _("Choose what it is and write something."))
    return redirect(found)


@login_required
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    """An argument for or against a proposal, or a reply to a contribution."""
    target = get_object_or_404(Contribution.objects.select_related("space"), pk=pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        _post(
            request,
            target.space,
            kind=kind,
            body=form.cleaned_data["body"],
            language=form.cleaned_data["language"],
            proposal=target if kind in ("for", "against") else None,
            parent=target if kind == "reply" else None,
        )
    else:
        messages.error(request, _("Write something first."))
    return redirect(f"{target.space.get_absolute_url()}#contribution-{target.pk}")


@login_required
@require_POST
def like(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Contribution.objects.select_related("space"), pk=pk)
    like_toggle(contribution=target, person=request.user)
    return redirect(f"{target.space.get_absolute_url()}#contribution-{target.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """The organizers post (or correct) their activity's outcome."""
    activity = activity_or_404(request.user, pk)
    if not activity.organizers.filter(person=request.user).exists():
        raise Http404
    existing = Outcome.objects.filter(activity=activity).first()
    initial = (
        {
            "summary": existing.summary,
            "proposals": existing.proposals,
            "next_steps": existing.next_steps,
            "links": "\n".join(existing.links),
            "language": existing.original_language,
        }
        if existing
        else {"language": reader_language()}
    )
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            outcome_save(
                activity=activity,
                author=request.user,
                summary=form.cleaned_data["summary"],
                proposals=form.cleaned_data["proposals"],
                next_steps=form.cleaned_data["next_steps"],
                links=form.cleaned_data["links"].splitlines(),
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            for field, errors in getattr(
                error, "message_dict", {"__all__": error.messages}
            ).items():
                form.add_error(field if field in form.fields else None, errors)
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
    return render(
        request,
        "forum/wall.html",
        {
            "edition": edition,
            "form": form,
            "filtered": any(filters.values()),
            "outcomes": list(outcomes_for_wall(edition, filters)[:200]),
        },
    )
