"""Countries (ISO 3166) and languages (ISO 639-1) named in the reader's language."""

from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError
from django.utils import translation
from django.utils.translation import gettext as _


def _babel_locale(language: str | None) -> Locale:
    code = (language or translation.get_language() or "en").replace("-", "_")
    try:
        return Locale.parse(code)
    except (ValueError, LookupError):
        return Locale.parse("en")


@cache
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    names = _babel_locale(language).territories
    pairs = [(c.alpha_2, names.get(c.alpha_2, c.name)) for c in pycountry.countries]
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))


@cache
def _language_choices(language: str) -> tuple[tuple[str, str], ...]:
    names = _babel_locale(language).languages
    pairs = [
        (lang.alpha_2, names.get(lang.alpha_2, lang.name))
        for lang in pycountry.languages
        if hasattr(lang, "alpha_2")
    ]
    return tuple(sorted(pairs, key=lambda pair: pair[1].casefold()))


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    return list(_country_choices(language or translation.get_language() or "en"))


def language_choices(language: str | None = None) -> list[tuple[str, str]]:
    return list(_language_choices(language or translation.get_language() or "en"))


def language_groups(first: list[str] | tuple[str, ...] = (), language: str | None = None) -> list:
    """The language choices in two groups: the reader's own first (those given, then the
    language of the page), then all the others."""
    choices = language_choices(language)
    names = dict(choices)
    page = (language or translation.get_language() or "en").split("-")[0]
    yours = [code for code in dict.fromkeys([*first, page]) if code in names]
    return [
        (_("Your languages"), [(code, names[code]) for code in yours]),
        (_("All languages"), [pair for pair in choices if pair[0] not in yours]),
    ]


@cache
def _country_names(language: str) -> dict[str, str]:
    return dict(_country_choices(language))


@cache
def _language_names(language: str) -> dict[str, str]:
    return dict(_language_choices(language))


def country_name(code: str, language: str | None = None) -> str:
    return _country_names(language or translation.get_language() or "en").get(code, code)


def language_name(code: str, language: str | None = None) -> str:
    return _language_names(language or translation.get_language() or "en").get(code, code)


@cache
def language_autonym(code: str) -> str:
    """A language named in itself ("español", "हिन्दी"), or "" when CLDR does not know it."""
    try:
        return Locale.parse(code).get_display_name(code) or ""
    except (ValueError, LookupError, TypeError, UnknownLocaleError):  # CLDR has no data
        return ""


@cache
def right_to_left(code: str) -> bool:
    """Whether a language is written right to left (Arabic, Persian, Hebrew, Urdu …), as
    CLDR says."""
    try:
        return Locale.parse(code).character_order == "right-to-left"
    except (ValueError, LookupError, TypeError, UnknownLocaleError):
        return False
