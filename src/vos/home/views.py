"""The home page: the live or next edition, what is on now and next, and open calls.

It shows what several domains own, so it sits above them all in its own small app."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from vos.activity.loader import ActivityGone
from vos.activity.queries import activities_featured, activities_now_and_next
from vos.edition.queries import edition_for_home, editions_open_for_proposals


class HomeView(TemplateView):
    """The current or next edition: dates, key dates, countdown, now and next."""

    template_name = "home/home.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        edition = edition_for_home(now)
        context = {**super().get_context_data(**kwargs), "now": now, "edition": edition}
        if edition is not None:
            happening, upcoming = activities_now_and_next(edition, now)
            context.update(
                {
                    "happening": happening,
                    "upcoming": upcoming,
                    "featured": activities_featured(edition),
                    "countdown": edition.starts_at - now if edition.starts_at > now else None,
                    "key_dates": list(edition.key_dates.all()),
                }
            )
        context["open_editions"] = editions_open_for_proposals(now)
        return context


# Error pages: pages of the site, in the reader's language, with the header and a way back.


def _error(request: HttpRequest, status: int, heading: str, explanation: str, **context):
    return render(
        request,
        "home/error.html",
        {"heading": heading, "explanation": explanation, **context},
        status=status,
    )


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    if isinstance(exception, ActivityGone):
        return _error(
            request,
            410,
            _("This activity is no longer on the program"),
            _(
                "Its organizers or the facilitation team took it off the program. Other "
                "activities of the edition are waiting for you."
            ),
            search_edition=exception.edition,
        )
    return _error(
        request,
        404,
        _("This page does not exist"),
        _("The address may be mistyped, or the page has moved. Search the program instead:"),
        search_edition=edition_for_home(),
    )


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(
        request,
        403,
        _("This page is not open to you"),
        _("It is for other members of the forum, or you may need to log in with another account."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return _error(
            request,
            500,
            _("Something went wrong on our side"),
            _("The error is recorded and the team will look at it. Please try again in a moment."),
        )
    except Exception:  # the page itself failed (the database is down …): plain words then
        return HttpResponse(
            "500: something went wrong on our side. Please try again in a moment.",
            status=500,
            content_type="text/plain; charset=utf-8",
        )
