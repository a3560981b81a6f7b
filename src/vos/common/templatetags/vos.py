"""Template tags used everywhere: times in the reader's zone, Markdown."""

import datetime as dt
import zoneinfo

from django import template
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vos.common.dates import format_local
from vos.common.forms import ZonePickerInput
from vos.common.locales import country_name, language_name, right_to_left
from vos.common.markdown import render_markdown
from vos.common.timezones import list_comma, zone_city, zone_label

register = template.Library()


def format_moment(value: dt.datetime, style: str = "datetime", zone: str | None = None) -> str:
    """ "Sun 20 Sep, 18:00 (Paris, UTC+2)" in the reader's zone, or in ``zone``, in the
    forms of the reader's language (see ``vos.common.dates`` for the styles)."""
    tz = zoneinfo.ZoneInfo(zone) if zone else timezone.get_current_timezone()
    text = format_local(timezone.localtime(value, tz), style)
    return f"{text} ({zone_label(str(tz.key), at=value)})"


def iso_utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


@register.simple_tag
def when(value: dt.datetime | None, style: str = "datetime", zone: str | None = None) -> str:
    """Render a moment as <time> in the reader's zone (or ``zone``), naming the zone.

    "Sun 20 Sep, 18:00 (Paris, UTC+2)". The machine-readable attribute is UTC.
    """
    if value is None:
        return ""
    if zone:  # a time shown in a named zone stays as it is
        return format_html(
            '<time datetime="{}">{}</time>', iso_utc(value), format_moment(value, style, zone)
        )
    # data-when: timezone.js can have it shown again in a zone found on a first visit.
    return format_html(
        '<time datetime="{}" data-when="{}">{}</time>',
        iso_utc(value),
        style,
        format_moment(value, style),
    )


@register.simple_tag
def when_text(value: dt.datetime | None, style: str = "datetime", zone: str | None = None) -> str:
    """The same as ``when``, as plain text for text emails and exports."""
    return format_moment(value, style, zone) if value is not None else ""


@register.simple_tag
def when_local(value: dt.datetime | None, style: str = "time", zone: str | None = None) -> str:
    """Only the wall-clock part in the reader's zone, for grids whose zone is named once."""
    if value is None:
        return ""
    if zone:
        return format_html(
            '<time datetime="{}">{}</time>',
            iso_utc(value),
            format_local(timezone.localtime(value, zoneinfo.ZoneInfo(zone)), style),
        )
    return format_html(
        '<time datetime="{}" data-when-local="{}">{}</time>',
        iso_utc(value),
        style,
        format_local(timezone.localtime(value), style),
    )


@register.simple_tag
def when_until(starts_at: dt.datetime | None, ends_at: dt.datetime | None) -> str:
    """The end of something that starts at ``starts_at``, as a wall-clock time in the
    reader's zone, saying so when it falls on a later day of the reader's calendar:
    "01:30, next day"."""
    if starts_at is None or ends_at is None:
        return ""
    return format_html(
        '<time datetime="{}" data-until-from="{}">{}</time>',
        iso_utc(ends_at),
        iso_utc(starts_at),
        until_text(starts_at, ends_at),
    )


def until_text(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    tz = timezone.get_current_timezone()
    end = timezone.localtime(ends_at, tz)
    days = (end.date() - timezone.localtime(starts_at, tz).date()).days
    text = format_local(end, "time")
    if days == 1:
        text = _("%(time)s, next day") % {"time": text}
    elif days > 1:
        text = ngettext("%(time)s, %(days)s day later", "%(time)s, %(days)s days later", days) % {
            "time": text,
            "days": days,
        }
    return text


@register.filter
def local_date(value: dt.date | dt.datetime | None, style: str = "date") -> str:
    """A day or a wall-clock time in the reader's language: ``{{ day|local_date:"long_day" }}``.

    Aware moments are first moved into the reader's zone; plain dates and wall-clock
    times are shown as they are."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_local(value, style)


@register.filter
def markdown(text: str) -> SafeString:
    # render_markdown sanitizes its output with nh3, so marking it safe is sound.
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized just above


@register.filter
def markdown_with_pictures(text: str) -> SafeString:
    """Markdown that may show the pictures stored for the site's pages."""
    return mark_safe(render_markdown(text, pictures=True))  # noqa: S308 - sanitized


# Not named language_name: Django's i18n library has a filter of that name, which knows
# only the languages of Django's own catalogs, and would win wherever i18n is loaded.
@register.filter
def language_label(code: str) -> str:
    """An ISO 639 language by its name in the reader's language."""

    return language_name(code)


@register.filter
def country_label(code: str) -> str:

    return country_name(code)


@register.filter
def city_of(zone_name: str) -> str:
    """The city of a zone, in the reader's language ("Europe/Paris" gives "París" in Spanish)."""

    return zone_city(zone_name)


@register.simple_tag(takes_context=True)
def zone_picker(context, input_id: str) -> SafeString:
    """The header's zone picker: the same suggesting field as the forms'."""
    widget = ZonePickerInput(attrs={"id": input_id, "required": True, "data-zone-text": "name"})
    return widget.render("time_zone", context.get("reader_zone"))


@register.filter
def lang_attrs(item) -> SafeString:
    """` lang="es"` on text in an item's own language when the page is in another, so that
    screen readers pronounce it right, and ` dir` when its direction is not the page's
    (a French title on an Arabic page, an Arabic one on an English page). A translatable
    item's language is that of the text shown (its translation, or its original);
    another's, the first it is held in."""
    if hasattr(item, "translations"):
        code = item.tr.language
    else:
        languages = getattr(item, "languages", None) or []
        if not languages:
            return mark_safe("")
        code = str(languages[0])
    if not code:
        return mark_safe("")
    page = (translation.get_language() or "").split("-")[0]
    if code == page:
        return mark_safe("")
    attrs = format_html(' lang="{}"', code)
    if right_to_left(code) != right_to_left(page):
        attrs += format_html(' dir="{}"', "rtl" if right_to_left(code) else "ltr")
    return attrs


@register.filter
def title_of(item, field: str = "title") -> SafeString:
    """``{{ edition|title_of }}``: an item's title as the reader is shown it, isolated
    inside a sentence in the direction of its own language, with ``lang`` when that is
    not the page's. Its language decides, not its first letter: "VOS 5 — أفق مشترك"
    is Arabic and reads right to left although it starts with Latin letters."""
    shown = item.tr
    text = getattr(shown, field)
    if not text:
        return mark_safe("")
    language = shown.language or ""
    direction = "rtl" if right_to_left(language) else "ltr"
    page = (translation.get_language() or "").split("-")[0]
    if language and language != page:
        return format_html('<bdi lang="{}" dir="{}">{}</bdi>', language, direction, text)
    return format_html('<bdi dir="{}">{}</bdi>', direction, text)


@register.simple_tag
def comma() -> str:
    """``{% comma %}`` between the items of a list: ", ", or "، " on an Arabic page."""
    return list_comma()


@register.filter
def bdi(value) -> SafeString:
    """``{{ name|bdi }}``: a name, a title or an address written by a person, isolated so
    that its direction never reorders the sentence around it ("Ana" or "سلمى" inside an
    Arabic or an English sentence, a title that ends with "?")."""
    if value in (None, ""):
        return mark_safe("")
    return format_html("<bdi>{}</bdi>", value)


@register.inclusion_tag("common/_translation_note.html", takes_context=True)
def translation_note(context, item, ask_url: str = ""):
    """Under a text shown in another language than the reader's: which language it is
    in and a way to ask for a translation; or, under a translation whose original
    changed since, that it may be out of date."""
    shown = item.tr
    return {
        "fallback": shown.fallback,
        "outdated": shown.outdated,
        "original": language_name(item.original_language),
        "ask_url": ask_url,
        "language": shown.reader,
        "csrf_token": context.get("csrf_token"),
    }
