from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from vos.edition.models import Edition
from vos.edition.queries import editions_for_list, intention_text_current
from vos.room.services import shared_rooms


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
            "shared_rooms": shared_rooms(
                edition, request.user.country if request.user.is_authenticated else ""
            ),
        },
    )


def intention(request: HttpRequest) -> HttpResponse:
    return render(request, "edition/intention.html", {"intention": intention_text_current()})
