"""Template tags used everywhere: times in the reader's zone, Markdown."""

import datetime as dt
import zoneinfo

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from vos.common.markdown import render_markdown
from vos.common.timezones import zone_label

register = template.Library()

FORMATS = {
    "datetime": "D j M, H:i",
    "date": "D j M Y",
    "time": "H:i",
    "long": "l j F Y, H:i",
}


@register.simple_tag
def when(value: dt.datetime | None, style: str = "datetime", zone: str | None = None) -> str:
    """Render a moment as <time> in the reader's zone (or ``zone``), naming the zone.

    "Sun 20 Sep, 18:00 (Paris, UTC+2)". The machine-readable attribute is UTC.
    """
    if value is None:
        return ""
    tz = zoneinfo.ZoneInfo(zone) if zone else timezone.get_current_timezone()
    local = timezone.localtime(value, tz)
    text = date_format(local, FORMATS.get(style, style))
    label = zone_label(str(tz.key), at=value)
    iso = value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return format_html('<time datetime="{}">{} ({})</time>', iso, text, label)


@register.filter
def markdown(text: str) -> SafeString:
    # render_markdown sanitizes its output with nh3, so marking it safe is sound.
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized just above
