"""The program's cards, rendered in Python: a day of a big forum shows hundreds of them,
and a template include per card spent most of a request in the template engine (see
bench/README.md, "Where the time goes"). The markup is that of
``activity/_card.html``, which stays the reference for a single card."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from vos.common.templatetags.vos import lang_attrs, language_label, when, when_until

register = template.Library()


class _Links:
    """Addresses built once per page and filled in per card: ``reverse()`` per card was
    a tenth of the rendering."""

    def __init__(self) -> None:
        self._activity: dict[str, str] = {}
        self._person = reverse("person.detail", kwargs={"pk": 0})

    def activity(self, activity) -> str:
        slug = activity.edition.slug
        if slug not in self._activity:
            self._activity[slug] = reverse("activity.detail", kwargs={"slug": slug, "pk": 0})
        return _fill(self._activity[slug], activity.pk)

    def person(self, person) -> str:
        return _fill(self._person, person.pk)


def _fill(address: str, pk: int) -> str:
    # The placeholder 0 is the last number of the address.
    head, _zero, tail = address.rpartition("/0/")
    return f"{head}/{pk}/{tail}"


def _card(activity, links: _Links, words: dict[str, str], languages: dict[str, str]) -> str:
    classes = "activity-card"
    if activity.is_official:
        classes += " activity-card--official"
    cancelled = activity.is_cancelled
    if cancelled:
        classes += " activity-card--cancelled"
    own = lang_attrs(activity)
    for code in activity.languages:
        if code not in languages:
            languages[code] = language_label(code)
    people = activity.public_people
    organizations = list(activity.prefetched("organizations"))
    by = ""
    if people or organizations:
        names = [
            format_html('<a href="{}">{}</a>', links.person(person), person.display_name)
            for person in people
        ] + [format_html("{}", organization.name) for organization in organizations]
        by = format_html(
            '\n  <p class="by">{} {}</p>',
            words["by"],
            format_html_join(", ", "{}", ((n,) for n in names)),
        )
    return format_html(
        '<li class="{}">\n  <h3><a href="{}"{}>{}</a>{}</h3>\n'
        '  <p class="when">{} – {}</p>\n'
        '  <p class="meta"><span class="type">{}</span>{} · <span class="languages">{}</span></p>\n'
        "  <p{}>{}</p>{}\n</li>",
        classes,
        links.activity(activity),
        own,
        activity.title,
        format_html(' <span class="badge badge--cancelled">{}</span>', words["cancelled"])
        if cancelled
        else "",
        when(activity.starts_at),
        when_until(activity.starts_at, activity.ends_at),
        activity.activity_type.name,
        format_html(' <span class="badge">{}</span>', words["official"])
        if activity.is_official
        else "",
        ", ".join(languages[code] for code in activity.languages),
        own,
        activity.summary,
        by,
    )


@register.simple_tag
def activity_cards(activities) -> SafeString:
    """``<li>`` cards for ``activities`` (with their type, organizers' people and
    organizations prefetched), in the reader's language and zone."""
    links = _Links()
    words = {"cancelled": _("Cancelled"), "official": _("Facilitation team"), "by": _("By")}
    languages: dict[str, str] = {}
    return format_html_join("\n", "{}", ((_card(a, links, words, languages),) for a in activities))
