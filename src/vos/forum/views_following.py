"""Following a space, a branch or a proposal; stopping from a digest's link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from vos.forum import following
from vos.forum.models import Branch, Following, Space
from vos.forum.views_moderation import contribution_or_404


def _thing(request: HttpRequest):
    kind, pk = request.POST.get("what"), request.POST.get("pk", "")
    if not pk.isdigit():
        raise Http404
    if kind == "space":
        space = get_object_or_404(Space.objects.select_related("activity"), pk=pk)
        if space.activity_id and not request.user.has_perm("activity.view", space.activity):
            raise Http404
        return space
    if kind == "branch":
        return get_object_or_404(Branch, pk=pk)
    if kind == "proposal":
        return contribution_or_404(request.user, int(pk))
    raise Http404


@login_required
@require_POST
def follow(request: HttpRequest) -> HttpResponse:
    thing = _thing(request)
    try:
        if request.POST.get("frequency") == "stop":
            following.unfollow(person=request.user, thing=thing)
            messages.success(request, _("You no longer follow it."))
        else:
            chosen = following.follow(
                person=request.user, thing=thing, frequency=request.POST.get("frequency", "")
            )
            messages.success(
                request,
                _("You will get a daily digest of what is new here.")
                if chosen.frequency == Following.Frequency.DAILY
                else _("You will get a weekly digest of what is new here."),
            )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(thing)


@csrf_exempt  # a mail program's one-click POST (RFC 8058) carries the signed token only
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            following.unsubscribe_with_token(token)
        except ValidationError as error:
            return render(
                request, "forum/unsubscribe.html", {"error": error.messages[0]}, status=400
            )
        return render(request, "forum/unsubscribe.html", {"done": True})
    return render(request, "forum/unsubscribe.html", {"token": token})
