"""The program's cards rendered in Python: a day of a big forum shows hundreds of them,
and a template include per card spent most of a request in the template engine (see
bench/README.md, "Where the time goes"). The markup is that of
``activity/_card.html``, which stays the reference for a single card (a test compares
them). The activities come with ``queries.with_card_fields`` and ``with_card_names``."""

from html import escape

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vos.common.dates import format_local
from vos.common.multilingual import reader_language
from vos.common.templatetags.vos import iso_utc, lang_attrs, language_label, until_text
from vos.common.timezones import list_comma, zone_label

register = template.Library()


class _Page:
    """What every card of a page shares, computed once: addresses (``reverse()`` per
    card was a tenth of the rendering), words, language names, and the texts of times
    (a day has a few dozen distinct starts for hundreds of cards)."""

    def __init__(self) -> None:
        self._activity: dict[str, str] = {}
        self._person = reverse("person.detail", kwargs={"pk": 0})
        self.cancelled = escape(_("Cancelled"))
        self.official = escape(_("Facilitation team"))
        self.by = escape(_("By"))
        self.interpreted = escape(_("interpreted into"))
        self.full = escape(pgettext("activity", "Full"))
        self.comma = escape(list_comma())
        self._languages: dict[str, str] = {}
        self._starts: dict = {}
        self._ends: dict = {}
        self._isos: dict = {}
        self._labels: dict = {}
        self.zone = str(timezone.get_current_timezone().key)
        self._days: dict = {}
        self._own: dict[str, str] = {}
        self._types: dict[int, str] = {}
        self.reader = reader_language()

    def activity_url(self, activity) -> str:
        slug = activity.edition.slug
        if slug not in self._activity:
            self._activity[slug] = reverse("activity.detail", kwargs={"slug": slug, "pk": 0})
        return _fill(self._activity[slug], activity.pk)

    def person_url(self, pk: int) -> str:
        return _fill(self._person, pk)

    def languages(self, codes: list[str]) -> str:
        names = self._languages
        for code in codes:
            if code not in names:
                names[code] = escape(language_label(code))
        return self.comma.join(names[code] for code in codes)

    def own(self, activity, language: str) -> str:
        if language not in self._own:
            self._own[language] = str(lang_attrs(activity))
        return self._own[language]

    def type_name(self, activity) -> str:
        if activity.activity_type_id not in self._types:
            self._types[activity.activity_type_id] = escape(activity.activity_type.name)
        return self._types[activity.activity_type_id]

    def start(self, activity) -> str:
        # The markup of ``when``, with the zone's label worked out once per offset.
        moment = activity.starts_at
        if moment not in self._starts:
            local = timezone.localtime(moment)
            offset = local.utcoffset()
            if offset not in self._labels:
                self._labels[offset] = zone_label(self.zone, at=moment)
            text = f"{format_local(local, 'datetime')} ({self._labels[offset]})"
            self._starts[moment] = (
                f'<time datetime="{self._iso(moment)}" data-when="datetime">{escape(text)}</time>'
            )
        return self._starts[moment]

    def end(self, activity) -> str:
        # Starts and ends pair up in many ways: the markup of ``when_until`` is put
        # together here from parts each computed once per distinct value.
        starts_at, ends_at = activity.starts_at, activity.ends_at
        key = (self._day(starts_at), ends_at)
        if key not in self._ends:
            self._ends[key] = escape(until_text(starts_at, ends_at))
        return (
            f'<time datetime="{self._iso(ends_at)}" data-until-from="{self._iso(starts_at)}">'
            f"{self._ends[key]}</time>"
        )

    def _iso(self, moment) -> str:
        if moment not in self._isos:
            self._isos[moment] = iso_utc(moment)
        return self._isos[moment]

    def _day(self, moment):
        if moment not in self._days:
            self._days[moment] = timezone.localtime(moment).date()
        return self._days[moment]


def _fill(address: str, pk: int) -> str:
    # The placeholder 0 is the last number of the address.
    head, _zero, tail = address.rpartition("/0/")
    return f"{head}/{pk}/{tail}"


def _card(activity, page: _Page) -> str:
    classes = "activity-card"
    if activity.is_official:
        classes += " activity-card--official"
    cancelled = activity.is_cancelled
    if cancelled:
        classes += " activity-card--cancelled"
    shown = activity.shown_in(page.reader)
    own = page.own(activity, shown.language)
    names = [
        f'<a href="{page.person_url(pk)}"><bdi>{escape(name)}</bdi></a>'
        for pk, name in activity.card_people
    ] + [f"<bdi>{escape(name)}</bdi>" for name in activity.card_organizations]
    by = f'\n  <p class="by">{page.by} {page.comma.join(names)}</p>' if names else ""
    badge = f' <span class="badge badge--cancelled">{page.cancelled}</span>' if cancelled else ""
    if activity.card_full and not cancelled:
        badge += f' <span class="badge badge--full">{page.full}</span>'
    official = f' <span class="badge">{page.official}</span>' if activity.is_official else ""
    interpreted = (
        f' · <span class="interpreted">{page.interpreted} '
        f"{page.languages(activity.interpreted_into)}</span>"
        if activity.interpreted_into
        else ""
    )
    return (
        f'<li id="activity-{activity.pk}" class="{classes}">\n'
        f'  <h3><a href="{page.activity_url(activity)}"{own}>{escape(shown.title)}</a>'
        f"{badge}</h3>\n"
        f'  <p class="when">{page.start(activity)} – {page.end(activity)}</p>\n'
        f'  <p class="meta"><span class="type">{page.type_name(activity)}</span>'
        f'{official} · <span class="languages">{page.languages(activity.languages)}</span>'
        f"{interpreted}</p>\n"
        f"  <p{own}>{escape(shown.summary)}</p>{by}\n</li>"
    )


@register.simple_tag
def activity_cards(activities) -> SafeString:
    """``<li>`` cards for ``activities`` (with ``card_people`` and
    ``card_organizations``), in the reader's language and zone."""
    page = _Page()
    # Every piece is escaped above, or built by our own tags.
    return mark_safe("\n".join(_card(activity, page) for activity in activities))  # noqa: S308


def mark_cards(html: str, marks: dict[int, str]) -> SafeString:
    """The program's shared cards with the reader's own places marked: a badge at the
    end of the title of each activity they hold a place in (``marks``: activity id to
    "confirmed" or "waitlisted"). Cards not on the page are passed over."""
    words = {
        "confirmed": escape(_("You are registered")),
        "waitlisted": escape(_("You are on the waiting list")),
    }
    for pk, status in marks.items():
        card = html.find(f'<li id="activity-{pk}" ')
        if card < 0 or status not in words:
            continue
        title_end = html.find("</h3>", card)
        badge = f' <span class="badge badge--mine">{words[status]}</span>'
        html = html[:title_end] + badge + html[title_end:]
    return mark_safe(html)  # noqa: S308 - our own cards, and words escaped above
