"""Dates and times in the reader's language, with the CLDR patterns of that language.

Spanish readers get "dom, 20 dic" and "domingo, 20 de diciembre de 2026", French ones
"dim. 20 déc." and "dimanche 20 décembre 2026": Babel carries the patterns; we only name
which of them a page wants. The zone is named by the callers (see ``timezones``).
"""

import datetime as dt
import re
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, get_datetime_format, match_skeleton, parse_pattern
from django.utils import translation

# Our language codes and the CLDR locale whose forms they take. English is the British
# form ("Sun 20 Dec", 24 hours) that most of the forum's world reads; Portuguese is
# Brazilian, as CLDR's "pt" already is.
CLDR_LOCALES = {"en": "en_GB", "pt": "pt_BR"}

# The style names pages use, and the CLDR skeleton each one stands for.
SKELETONS = {
    "day": "MMMEd",  # weekday, day, month: "Sun 20 Dec", "dom, 20 dic"
    "long_day": "MMMMEEEEd",  # in full: "Sunday 20 December", "domingo, 20 de diciembre"
    "date": "yMMMEd",  # the same with the year
    "short_date": "yMMMd",  # day, month, year: "20 Dec 2026"
    "time": "Hm",  # the language's 24-hour time
    "weekday_time": "EHm",  # "Sun 18:00"
}
# Styles made of a date and a time, joined the way the language joins them.
COMBINED = {"datetime": ("day", "medium"), "long": ("long_date", "full")}


def cldr_locale(language: str | None = None) -> Locale:
    return _locale((language or translation.get_language() or "en").lower())


@cache
def _locale(language: str) -> Locale:
    base = language.replace("-", "_").split("_")[0]
    return Locale.parse(CLDR_LOCALES.get(base, base))


@cache
def _pattern(locale: Locale, skeleton: str):
    skeletons = locale.datetime_skeletons
    pattern = skeletons[match_skeleton(skeleton, skeletons)].pattern
    if "EEEE" in skeleton:
        # CLDR lists abbreviated weekdays only; widen them as ICU's matcher does.
        pattern = re.sub(r"E+(?=(?:[^']*'[^']*')*[^']*$)", "EEEE", pattern)
    return parse_pattern(pattern)


def format_local(value: dt.date | dt.datetime, style: str, language: str | None = None) -> str:
    """``value`` (already in the reader's zone, or a plain date) in one of the styles:
    day, long_day, date, short_date, long_date, time, weekday_time, datetime, long."""
    if isinstance(value, dt.datetime):
        # Wall-clock values only: two aware datetimes of one instant compare equal, and
        # the cache below must not hand Kolkata's text to a reader in Caracas.
        value = value.replace(tzinfo=None)
    return _format(value, style, cldr_locale(language))


@lru_cache(maxsize=4096)  # a page shows the same few moments many times over
def _format(value: dt.date | dt.datetime, style: str, locale: Locale) -> str:
    if style == "long_date":
        return format_date(value, "full", locale=locale)
    if style in COMBINED:
        date_style, glue = COMBINED[style]
        return (
            get_datetime_format(glue, locale=locale)
            .replace("{1}", _format(value, date_style, locale))
            .replace("{0}", _format(value, "time", locale))
        )
    return _pattern(locale, SKELETONS[style]).apply(value, locale)
