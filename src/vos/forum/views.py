"""The Open Forum's pages: an edition's spaces, a space's debate, posting, answering,
liking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vos.activity.loader import activity_or_404
from vos.common.multilingual import reader_language
from vos.edition.models import Edition
from vos.edition.queries import intention_accepted_by
from vos.forum import queries
from vos.forum.forms import AnswerForm, ContributionForm
from vos.forum.models import Contribution, Space
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
