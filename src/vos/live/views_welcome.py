"""Welcome groups between editions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vos.forum.rules import facilitates
from vos.live import welcome
from vos.live.actions import invalid, reported
from vos.live.forms import WelcomeGroupForm
from vos.live.models import WelcomeGroup


@require_http_methods(["GET", "POST"])
def groups(request: HttpRequest) -> HttpResponse:
    team = facilitates(request.user, None)
    form = WelcomeGroupForm(request.POST or None)
    if request.method == "POST" and team:
        with reported(request):
            if not form.is_valid():
                raise invalid(form)
            welcome.group_create(facilitator=request.user, **form.cleaned_data)
            messages.success(request, _("The group is open."))
            return redirect("live.welcome")
    shown = [
        {"group": group, **welcome.member_view(request.user, group)}
        for group in welcome.welcome_groups()
    ]
    return render(request, "live/welcome.html", {"team": team, "form": form, "groups": shown})


@login_required
@require_POST
def membership(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(WelcomeGroup, pk=pk)
    with reported(request):
        if request.POST.get("action") == "leave":
            welcome.leave(person=request.user, group=group)
            messages.success(request, _("You left the group."))
        else:
            welcome.join(
                person=request.user, group=group, visible=request.POST.get("visible") == "on"
            )
            messages.success(request, _("You are in the group."))
    return redirect("live.welcome")
