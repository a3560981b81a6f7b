"""The facilitation team's pages: an edition's tree of ideas, a branch, linking a
contribution into a branch, and summaries (written, published, translated)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vos.common.forms import errors_onto
from vos.common.multilingual import reader_language
from vos.edition.models import Edition
from vos.forum import ideas
from vos.forum.following import following_of
from vos.forum.forms import BranchForm, LinkForm, MemoryForm, SummaryForm
from vos.forum.memory import memory_search
from vos.forum.models import Branch, Space, Summary
from vos.forum.rules import facilitates
from vos.forum.views_moderation import contribution_or_404


@require_http_methods(["GET", "POST"])
def tree(request: HttpRequest, slug: str) -> HttpResponse:
    """An edition's tree of ideas, per theme; its team adds branches here."""
    edition = get_object_or_404(Edition, slug=slug)
    branches = list(ideas.branches_of(edition))
    team = facilitates(request.user, edition)
    if request.method == "POST" and not team:
        raise Http404
    form = BranchForm(
        request.POST or None,
        edition=edition,
        branches=branches,
        initial={"language": reader_language()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            branch = ideas.branch_create(
                facilitator=request.user,
                edition=edition,
                title=data["title"],
                language=data["language"],
                theme=edition.themes.filter(pk=data["theme"]).first() if data["theme"] else None,
                parent=next((b for b in branches if b.pk == data["parent"]), None),
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("The branch is added."))
            return redirect(branch)
    themes = [
        {"theme": theme, "nodes": ideas.tree([b for b in branches if b.theme_id == theme.pk])}
        for theme in edition.themes.all()
    ]
    loose = ideas.tree([b for b in branches if b.theme_id is None])
    return render(
        request,
        "forum/ideas.html",
        {"edition": edition, "themes": themes, "loose": loose, "team": team, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_GET
def branch(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = ideas.branch_for_page(pk)
    except Branch.DoesNotExist:
        raise Http404 from None
    links = [
        link
        for link in found.links.all()
        if not link.contribution.hidden_at
        and (
            not link.contribution.space.activity_id
            or request.user.has_perm("activity.view", link.contribution.space.activity)
        )
    ]
    return render(
        request,
        "forum/branch.html",
        {
            "branch": found,
            "links": links,
            "summaries": ideas.summaries_shown(request.user, branch=found),
            "team": facilitates(request.user, found.edition),
            "following": following_of(request.user, found),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a contribution, or an extract of it, into one of its edition's branches."""
    contribution = contribution_or_404(request.user, pk)
    edition = contribution.space.edition
    if not facilitates(request.user, edition):
        raise Http404
    branches = list(ideas.branches_of(edition))
    form = LinkForm(request.POST or None, branches=branches)
    if request.method == "POST" and form.is_valid():
        chosen = next(b for b in branches if b.pk == form.cleaned_data["branch"])
        try:
            ideas.link_into_branch(
                facilitator=request.user,
                branch=chosen,
                contribution=contribution,
                extract=form.cleaned_data["extract"],
            )
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Linked into “%(branch)s”.") % {"branch": chosen})
            return redirect(chosen)
    return render(
        request,
        "forum/link.html",
        {"contribution": contribution, "form": form, "edition": edition, "branches": branches},
        status=400 if form.is_bound else 200,
    )


@require_GET
def summary(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        Summary.objects.select_related(
            "branch__edition", "space__edition", "space__activity", "space__theme"
        ),
        pk=pk,
    )
    edition = found.branch.edition if found.branch_id else found.space.edition
    team = facilitates(request.user, edition)
    if found.published_at is None and not team:
        raise Http404
    if (
        found.space_id
        and found.space.activity_id
        and not request.user.has_perm("activity.view", found.space.activity)
    ):
        raise Http404
    return render(
        request,
        "forum/summary.html",
        {"summary": found, "versions": list(found.versions.select_related("author")), "team": team},
    )


def _summary_target(request: HttpRequest) -> dict:
    """The branch or space a new summary is of, from ``?branch=`` or ``?space=``."""
    if request.GET.get("branch", "").isdigit():
        return {
            "branch": get_object_or_404(
                Branch.objects.select_related("edition"), pk=request.GET["branch"]
            )
        }
    if request.GET.get("space", "").isdigit():
        space = get_object_or_404(Space.objects.select_related("edition"), pk=request.GET["space"])
        if space.kind == Space.Kind.STANDING:
            raise Http404
        return {"space": space}
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def summary_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write a summary, or correct one; save it as a draft or publish it."""
    existing = get_object_or_404(Summary, pk=pk) if pk else None
    target = (
        {"branch": existing.branch, "space": existing.space}
        if existing
        else _summary_target(request)
    )
    of = target.get("branch") or target.get("space")
    if not facilitates(request.user, of.edition):
        raise Http404
    initial = (
        {
            "title": existing.title,
            "body": existing.body,
            "original_language": existing.original_language,
        }
        if existing
        else {"original_language": reader_language()}
    )
    form = SummaryForm(request.POST or None, editing=existing, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = ideas.summary_save(
                facilitator=request.user,
                summary=existing,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                language=form.cleaned_data["original_language"],
                translations=form.submitted_translations(),
                publish=request.POST.get("publish") == "yes",
                **({} if existing else target),
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(
                request,
                _("The summary is published.") if saved.published_at else _("The draft is saved."),
            )
            return redirect(saved)
    return render(
        request,
        "forum/summary_form.html",
        {"form": form, "summary": existing, "of": of},
        status=400 if form.is_bound else 200,
    )


@require_GET
def memory(request: HttpRequest) -> HttpResponse:
    """Search what the forum said, across every edition."""
    editions = list(Edition.objects.order_by("-start_date").prefetch_related("themes"))
    form = MemoryForm(request.GET or None, editions=editions)
    results, searched = [], False
    if form.is_valid() and (form.cleaned_data["q"] or form.cleaned_data["author"]):
        data = form.cleaned_data
        searched = True
        edition = next((e for e in editions if e.slug == data["edition"]), None)
        theme = next((t for e in editions for t in e.themes.all() if t.pk == data["theme"]), None)
        results = memory_search(
            data["q"],
            edition=edition,
            theme=theme,
            kind=data["kind"],
            language=data["language"],
            author=data["author"],
        )
    return render(
        request,
        "forum/memory.html",
        {"form": form, "results": results, "searched": searched},
    )
