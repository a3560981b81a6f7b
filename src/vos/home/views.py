"""The home page: the live or next edition, what is on now and next, and open calls.

It shows what several domains own, so it sits above them all in its own small app."""

from django.utils import timezone
from django.views.generic import TemplateView

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
