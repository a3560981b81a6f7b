"""Volunteering: the offer form, the team's list of volunteers, the matching of
interpreters to activities, and an interpreter's own page."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vos.activity.models import Activity, Interpreter
from vos.activity.services.interpretation import (
    interpreter_answer,
    interpreter_ask,
    interpreter_release,
    interpreters_of,
)
from vos.activity.views.public import reader_languages
from vos.common.forms import errors_onto
from vos.edition.models import Edition
from vos.edition.views import backoffice_edition
from vos.person.models import User
from vos.team.forms import PAIR_ROWS, WINDOW_ROWS, DecisionForm, VolunteerForm
from vos.team.models import Volunteer
from vos.team.services import (
    interpretation_board,
    roles_by_person,
    volunteer_decide,
    volunteer_offer,
    volunteers_for_team,
)


def _initial(volunteer: Volunteer | None, request: HttpRequest) -> dict:
    if volunteer is None:
        return {"time_zone": request.time_zone}
    zone = zoneinfo.ZoneInfo(volunteer.time_zone)
    initial = {
        "skills": volunteer.skills,
        "languages": volunteer.languages,
        "time_zone": volunteer.time_zone,
        "message": volunteer.message,
    }
    for row, (one, other) in enumerate(volunteer.language_pairs[:PAIR_ROWS]):
        initial[f"pair_{row}_a"], initial[f"pair_{row}_b"] = one, other
    for row, window in enumerate(list(volunteer.availabilities.all())[:WINDOW_ROWS]):
        start, end = window.starts_at.astimezone(zone), window.ends_at.astimezone(zone)
        initial[f"window_{row}_day"] = start.date()
        initial[f"window_{row}_from"] = start.time().replace(second=0, microsecond=0)
        initial[f"window_{row}_to"] = end.time().replace(second=0, microsecond=0)
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def volunteer(request: HttpRequest, slug: str) -> HttpResponse:
    """Join the facilitation team: what I can do, my languages, when I am free."""
    edition = get_object_or_404(Edition, slug=slug)
    mine = Volunteer.objects.filter(edition=edition, person=request.user).first()
    form = VolunteerForm(
        request.POST or None,
        initial=_initial(mine, request),
        reader_languages=reader_languages(request),
    )
    if request.method == "POST" and form.is_valid():
        try:
            volunteer_offer(person=request.user, edition=edition, offer=form.to_offer())
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, _("Thank you. The facilitation team will answer by email."))
            return redirect("team.volunteer", slug=edition.slug)
    return render(
        request,
        "team/volunteer.html",
        {"edition": edition, "form": form, "volunteer": mine},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, slug: str) -> HttpResponse:
    """The team's list of volunteers: accept with roles, change roles, or decline."""
    edition = backoffice_edition(request, slug)
    if request.method == "POST":
        found = get_object_or_404(
            Volunteer, pk=request.POST.get("volunteer", 0) or 0, edition=edition
        )
        form = DecisionForm(request.POST)
        accept = request.POST.get("action") == "accept"
        if not form.is_valid():
            messages.error(request, _("Choose roles from the list."))
        else:
            try:
                volunteer_decide(
                    facilitator=request.user,
                    volunteer=found,
                    accept=accept,
                    roles=form.cleaned_data["roles"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("%(name)s is on the team.") % {"name": found.person.display_name}
                    if accept
                    else _("%(name)s is declined.") % {"name": found.person.display_name},
                )
        return redirect("team.team", slug=edition.slug)
    roles = roles_by_person(edition)
    volunteers = list(volunteers_for_team(edition))
    for one in volunteers:
        one.form = DecisionForm(
            initial={"roles": sorted(roles.get(one.person_id, ()))}, prefix=f"v{one.pk}"
        )
    return render(request, "team/team.html", {"edition": edition, "volunteers": volunteers})


@login_required
@require_http_methods(["GET", "POST"])
def interpretation(request: HttpRequest, slug: str) -> HttpResponse:
    """Matching: each interpretation an activity asks for, who interprets it, who could."""
    edition = backoffice_edition(request, slug)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "release":
                found = get_object_or_404(
                    Interpreter,
                    pk=request.POST.get("interpreter", 0) or 0,
                    activity__edition=edition,
                )
                interpreter_release(facilitator=request.user, interpreter=found)
                messages.success(request, _("The interpreter is taken off the activity."))
            else:
                activity = get_object_or_404(
                    Activity, pk=request.POST.get("activity", 0) or 0, edition=edition
                )
                person = get_object_or_404(
                    User,
                    pk=request.POST.get("person", 0) or 0,
                    volunteering__edition=edition,
                )
                pair = request.POST.get("pair", "").split(">")
                if len(pair) != 2:
                    raise ValidationError(_("The activity does not ask for this interpretation."))
                interpreter_ask(
                    facilitator=request.user,
                    activity=activity,
                    person=person,
                    language_from=pair[0],
                    language_to=pair[1],
                )
                messages.success(
                    request,
                    _("%(name)s is asked; they answer from their page.")
                    % {"name": person.display_name},
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("team.interpretation", slug=edition.slug)
    return render(
        request,
        "team/interpretation.html",
        {"edition": edition, "needs": interpretation_board(edition)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def interpreting(request: HttpRequest) -> HttpResponse:
    """What I am asked to interpret: accept or decline."""
    if request.method == "POST":
        found = get_object_or_404(
            Interpreter, pk=request.POST.get("interpreter", 0) or 0, person=request.user
        )
        accept = request.POST.get("action") == "accept"
        try:
            interpreter_answer(person=request.user, interpreter=found, accept=accept)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Thank you: you interpret this activity.")
                if accept
                else _("The team is told you will not interpret it."),
            )
        return redirect("team.interpreting")
    now = timezone.now()
    rows = list(interpreters_of(request.user))
    return render(
        request,
        "team/interpreting.html",
        {
            "coming": [row for row in rows if row.activity.ends_at > now],
            "past": [row for row in rows if row.activity.ends_at <= now],
        },
    )
