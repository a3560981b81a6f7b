"""Countries (ISO 3166) and languages (ISO 639-1) named in the reader's language."""

from functools import cache

import pycountry
from babel import Locale
from django.utils import translation


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
