"""Groups to get to know each other: the team makes them, each member sees their own."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from vos.activity.loader import activity_or_404
from vos.live import groups
from vos.live.forms import GroupsForm
from vos.live.speakers import may_run


@require_http_methods(["GET", "POST"])
def page(request: HttpRequest, pk: int) -> HttpResponse:
    activity = activity_or_404(request.user, pk)
    team = may_run(request.user, activity)
    form = GroupsForm(request.POST or None)
    if request.method == "POST":
        if not team:
            raise Http404
        if form.is_valid():
            try:
                _split, alone = groups.split(
                    runner=request.user, activity=activity, **form.cleaned_data
                )
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("The groups are made."))
                if alone:
                    messages.warning(
                        request,
                        ngettext(
                            "%(count)s person shares a language with nobody: find them an interpreter.",
                            "%(count)s people share a language with nobody: find them interpreters.",
                            len(alone),
                        )
                        % {"count": len(alone)},
                    )
                return redirect("live.groups", pk=activity.pk)
    latest = groups.latest_split(activity)
    shown = []
    if latest is not None:
        for group in latest.groups.all():
            link = groups.group_link(request.user, group, team=team)
            if team or link:
                shown.append({"group": group, "link": link})
    return render(
        request,
        "live/groups.html",
        {"activity": activity, "team": team, "form": form, "split": latest, "shown": shown},
        status=400 if form.is_bound and form.errors else 200,
    )
