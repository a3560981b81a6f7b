"""The speakers' list and the marketplace on an activity's page (the activity app sits below this one), and
a timer's text."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from vos.live.marketplace import notes_for_outcome
from vos.live.models import GroupSplit, Marketplace
from vos.live.speakers import is_live

register = template.Library()


@register.filter
def duration_clock(seconds: int | None) -> str:
    """``95`` → ``1:35``; a speaker over time reads ``-0:12``."""
    if seconds is None:
        return ""
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


@register.inclusion_tag("live/_topic_notes.html")
def topic_notes(activity) -> dict:
    """What the open space's topics produced, with the activity's outcome."""
    return {"notes": notes_for_outcome(activity)}


@register.simple_tag
def speakers_link(activity) -> str:
    """The way to the speakers' list while the session is on."""
    if not is_live(activity):
        return ""
    links = format_html(
        '<a class="button" href="{}">{}</a>',
        reverse("live.speakers", kwargs={"pk": activity.pk}),
        _("Speakers: ask to speak"),
    )
    if Marketplace.objects.filter(activity=activity).exists():
        links += format_html(
            ' <a class="button" href="{}">{}</a>',
            reverse("live.market", kwargs={"pk": activity.pk}),
            _("Open space: the topics"),
        )
    if GroupSplit.objects.filter(activity=activity).exists():
        links += format_html(
            ' <a class="button" href="{}">{}</a>',
            reverse("live.groups", kwargs={"pk": activity.pk}),
            _("Groups to get to know each other"),
        )
    return format_html("<p>{}</p>", links)
