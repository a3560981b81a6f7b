"""A contribution's own page (its permanent link, its edits), correcting it within the
edit window, reporting it, and the facilitation team's queue and decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vos.common.log import log_for
from vos.common.multilingual import reader_language
from vos.forum import moderation
from vos.forum.following import following_of
from vos.forum.forms import EditForm, ReasonForm
from vos.forum.models import Contribution
from vos.forum.queries import contribution_with_thread, liked_by
from vos.forum.services import contribution_edit, editable_by, may_write
from vos.person.models import User


def contribution_or_404(user, pk: int) -> Contribution:
    found = get_object_or_404(
        Contribution.objects.select_related(
            "space__activity", "space__theme", "space__edition", "author"
        ),
        pk=pk,
    )
    if found.space.activity_id and not user.has_perm("activity.view", found.space.activity):
        raise Http404
    return found


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_GET
def contribution(request: HttpRequest, pk: int) -> HttpResponse:
    """A contribution's permanent link: it, its arguments and replies, its earlier
    wordings."""
    found = contribution_or_404(request.user, pk)
    shown = contribution_with_thread(found)
    # A hidden contribution's earlier wordings stay hidden with it.
    edits = (
        []
        if found.hidden_at
        else list(log_for(found).filter(action="forum.edit").order_by("created_at"))
    )
    return render(
        request,
        "forum/contribution.html",
        {
            "space": found.space,
            "contribution": shown,
            "liked": liked_by(request.user, [shown]),
            "edits": edits,
            "may_edit": editable_by(found, request.user),
            "moderator": request.user.has_perm("forum.moderate", found.space),
            "may_write": may_write(request.user) and not found.parent_id and not found.proposal_id,
            "language": reader_language(),
            "form": ReasonForm(),
            "following": following_of(request.user, found)
            if found.kind == Contribution.Kind.PROPOSAL
            else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = contribution_or_404(request.user, pk)
    if found.author_id != request.user.pk:
        raise Http404
    form = EditForm(request.POST or None, initial={"body": found.body})
    if request.method == "POST" and form.is_valid():
        try:
            contribution_edit(
                contribution=found, author=request.user, body=form.cleaned_data["body"]
            )
        except PermissionDenied:
            form.add_error(None, _("This contribution can no longer be edited."))
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Your correction is saved."))
            return redirect("forum.contribution", pk=found.pk)
    return render(
        request,
        "forum/edit.html",
        {"contribution": found, "form": form, "may_edit": editable_by(found, request.user)},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, pk: int) -> HttpResponse:
    found = contribution_or_404(request.user, pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.report(
                contribution=found, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Thank you: the facilitation team will look at it."))
            return redirect(found.space.get_absolute_url() + f"#contribution-{found.pk}")
    return render(
        request,
        "forum/report.html",
        {"contribution": found, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """The facilitation team's moderation queue."""
    if not request.user.has_perm("forum.view_queue"):
        raise Http404
    return render(
        request,
        "forum/queue.html",
        {"contributions": list(moderation.queue_for(request.user)), "form": ReasonForm()},
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Hide (with a reason), restore, or keep a contribution."""
    found = contribution_or_404(request.user, pk)
    if not request.user.has_perm("forum.moderate", found.space):
        raise Http404
    decision = request.POST.get("decision")
    try:
        if decision == "hide":
            moderation.hide(
                contribution=found, facilitator=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("Hidden, with its reason shown in its place."))
        elif decision == "restore":
            moderation.restore(contribution=found, facilitator=request.user)
            messages.success(request, _("Shown again."))
        elif decision == "keep":
            moderation.keep(contribution=found, facilitator=request.user)
            messages.success(request, _("Kept as it is; the reports are closed."))
        else:
            messages.error(request, _("Choose what to do."))
    except ValidationError as error:
        _errors(request, error)
    if request.POST.get("back") == "queue":
        return redirect("forum.queue")
    return redirect(found)


@login_required
@require_POST
def block(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop a person from writing, or let them write again."""
    if not request.user.has_perm("forum.view_queue"):
        raise Http404
    person = get_object_or_404(User, pk=pk)
    try:
        if request.POST.get("decision") == "unblock":
            moderation.unblock(person=person, facilitator=request.user)
            messages.success(request, _("%(name)s may write again.") % {"name": person})
        else:
            moderation.block(
                person=person, facilitator=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(
                request, _("%(name)s can no longer write in the Open Forum.") % {"name": person}
            )
    except ValidationError as error:
        _errors(request, error)
    return redirect("forum.queue")
