"""The way into an edition's shared rooms."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from vos.room.models import Room


@never_cache
def shared_join(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send a person to a shared room of the edition if its audience includes them."""
    room = get_object_or_404(
        Room.objects.select_related("edition"), pk=pk, edition__slug=slug, kind=Room.Kind.SHARED
    )
    if not request.user.has_perm("room.enter_shared", room):
        messages.info(request, _("The way into this room is not open to you now."))
        return redirect(room.edition.get_absolute_url())
    return HttpResponseRedirect(room.join_url)
