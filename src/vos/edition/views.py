from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from vos.common.diff import word_diff
from vos.common.http import safe_next
from vos.edition.models import Edition, IntentionText
from vos.edition.queries import (
    editions_for_list,
    intention_text_current,
    intention_versions,
)
from vos.edition.services import intention_accept


def backoffice_edition(request: HttpRequest, slug: str) -> Edition:
    """The edition whose back office this is; a 404 for anyone not on its facilitation team."""
    edition = get_object_or_404(Edition, slug=slug)
    if not request.user.has_perm("edition.view_backoffice", edition):
        raise Http404
    return edition


def edition_list(request: HttpRequest) -> HttpResponse:
    return render(request, "edition/edition_list.html", {"editions": editions_for_list()})


def edition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    edition = get_object_or_404(
        Edition.objects.prefetch_related("key_dates", "partner_events", "themes", "activity_types"),
        slug=slug,
    )
    return render(
        request,
        "edition/edition_detail.html",
        {
            "edition": edition,
            "can_propose": request.user.has_perm("activity.propose", edition)
            or (not request.user.is_authenticated and edition.proposals_are_open()),
            "is_facilitator": request.user.has_perm("edition.view_backoffice", edition),
            "manages_rooms": request.user.has_perm("edition.manage_rooms", edition),
        },
    )


def intention(request: HttpRequest) -> HttpResponse:
    """The intention text; a signed-in participant can say they share it."""
    current = intention_text_current()
    accepted = current is not None and (
        request.user.is_authenticated
        and request.user.intention_acceptances.filter(intention_text=current).exists()
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if current is not None:
            intention_accept(person=request.user, intention_text=current)
            messages.success(request, _("Thank you: you share the intention text."))
        return HttpResponseRedirect(safe_next(request, fallback=reverse("intention")))
    return render(
        request,
        "edition/intention.html",
        {
            "intention": current,
            "accepted": accepted,
            "next": safe_next(request, fallback=""),
            "versions": intention_versions(),
        },
    )


def intention_compare(request: HttpRequest) -> HttpResponse:
    """Two versions of the intention text side by side in one text: what was removed and
    what was added, in the reader's language."""
    versions = intention_versions()
    if len(versions) < 2:
        raise Http404
    by_number = {version.version: version for version in versions}

    def asked(name: str, fallback: int) -> IntentionText:
        try:
            return by_number[int(request.GET.get(name, fallback))]
        except (KeyError, ValueError):
            return by_number[fallback]

    newer = asked("to", versions[0].version)
    older = asked("from", versions[1].version if newer == versions[0] else versions[-1].version)
    return render(
        request,
        "edition/intention_compare.html",
        {
            "versions": versions,
            "older": older,
            "newer": newer,
            "diff": word_diff(older.body(), newer.body()),
        },
    )
