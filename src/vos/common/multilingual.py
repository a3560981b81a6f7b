"""Content in many languages: the one mechanism for every text people write.

A translatable model keeps each text as it was written (the original) in its ordinary
column, the language of that original in ``original_language``, and the other languages
in one JSON column::

    translations = {"fr": {"title": "…", "summary": "…", "outdated": false}, …}

Why a JSON column and not django-modeltranslation (a column per field per language, a
migration for every new interface language) or django-parler (a table per model, a join
or a prefetch for every list): the program shows hundreds of items a page, and with the
translations in the row itself it reads them with the row, no query per item and no
join; it works the same on SQLite and PostgreSQL; a sixth interface language needs no
migration. Search reads ``translated_text`` where a model has it: every translation
folded into one column, kept by ``save()``.

Readers get ``item.tr``: each field in their language when a translation exists, else the
original, with ``tr.language``, ``tr.fallback`` (the original's language named, when the
reader's is missing) and ``tr.outdated`` (the original changed since it was translated).

A later, optional, self-hosted machine translation would fill ``translations`` through
``set_translation(..., machine=True)`` and nothing else: the readers' side stays as is.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vos.common.locales import language_autonym, language_name
from vos.common.models import TranslationRequest
from vos.common.search import fold

OUTDATED = "outdated"
MACHINE = "machine"


class _UnicodeEncoder(DjangoJSONEncoder):
    """JSON kept readable in the database ("é", not "\\u00e9"), so that what is stored
    is what search and a person reading a dump see."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


def interface_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def interface_language_choices() -> list[tuple[str, str]]:
    """The site's languages, each named in itself, for a form's choices."""
    return [(code, language_autonym(code)) for code in interface_languages()]


def reader_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


class Shown:
    """An item's texts as one reader sees them: ``item.tr.title``."""

    __slots__ = ("_item", "_texts", "language", "reader")

    def __init__(self, item: Translatable, reader: str) -> None:
        self._item = item
        self.reader = reader
        texts = item.translations.get(reader) if reader != item.original_language else None
        self._texts = texts or None
        self.language = reader if self._texts else item.original_language

    def __getattr__(self, field: str) -> str:
        if field not in self._item.translatable_fields:
            raise AttributeError(field)
        if self._texts and self._texts.get(field):
            return self._texts[field]
        return getattr(self._item, field)

    @property
    def fallback(self) -> str:
        """The original's language named in the reader's ("English"), when the reader's
        language has no translation; else empty."""
        if self.language == self.reader or not self.language:
            return ""
        return language_name(self.language)

    @property
    def outdated(self) -> bool:
        return bool(self._texts and self._texts.get(OUTDATED))


class Translatable(models.Model):
    """Abstract: a model whose ``translatable_fields`` may be written in several languages."""

    translatable_fields: tuple[str, ...] = ()

    original_language = models.CharField(
        _("language of the original"),
        max_length=8,
        default="en",
        help_text=_("The language the texts were first written in."),
    )
    translations = models.JSONField(
        _("translations"), default=dict, blank=True, encoder=_UnicodeEncoder
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        self._mark_outdated()
        fields = {field.name for field in self._meta.concrete_fields}
        if "translated_text" in fields:
            self.translated_text = self._fold_translations()
        update_fields = kwargs.get("update_fields")
        # A changed original may mark translations; changed translations change the
        # search copy: whichever is saved, the other goes with it.
        if update_fields is not None and {*update_fields} & {
            *self.translatable_fields,
            "translations",
        }:
            extra = {"translations"} | ({"translated_text"} & fields)
            kwargs["update_fields"] = list(set(update_fields) | extra)
        super().save(*args, **kwargs)
        self._originals = {field: getattr(self, field) for field in self.translatable_fields}
        self.__dict__.pop("_written", None)

    @classmethod
    def from_db(cls, db, field_names, values):
        item = super().from_db(db, field_names, values)
        item._originals = {
            field: item.__dict__[field]
            for field in cls.translatable_fields
            if field in item.__dict__
        }
        return item

    @property
    def tr(self) -> Shown:
        return Shown(self, reader_language())

    def shown_in(self, language: str) -> Shown:
        return Shown(self, language)

    def set_translation(
        self, language: str, values: dict[str, str], *, machine: bool = False
    ) -> None:
        """Write (or confirm) the texts of one language; empty texts are dropped, and a
        language left with none is removed. Saved with the item's next ``save()``."""
        texts = {
            field: (values.get(field) or "").strip()
            for field in self.translatable_fields
            if (values.get(field) or "").strip()
        }
        translations = dict(self.translations or {})
        if not texts or language == self.original_language:
            translations.pop(language, None)
        else:
            texts[OUTDATED] = False
            if machine:
                texts[MACHINE] = True
            translations[language] = texts
        self.translations = translations
        self.__dict__.setdefault("_written", set()).add(language)

    def _mark_outdated(self) -> None:
        """An original changed since it was loaded: every translation not written in the
        same change may now say something else."""
        originals = getattr(self, "_originals", None)
        if not originals or not self.translations:
            return
        changed = any(originals[field] != getattr(self, field) for field in originals)
        if not changed:
            return
        written = self.__dict__.get("_written", set())
        self.translations = {
            language: texts if language in written else {**texts, OUTDATED: True}
            for language, texts in self.translations.items()
        }

    def _fold_translations(self) -> str:
        return fold(
            "\n".join(
                text
                for texts in (self.translations or {}).values()
                for field, text in texts.items()
                if field in self.translatable_fields
            )
        )


def translations_for_api(item: Translatable) -> dict[str, dict[str, Any]]:
    """Every language of an item, the original first: ``{"en": {"title": …,
    "original": true}, "fr": {"title": …, "outdated": false}}``."""
    result: dict[str, dict[str, Any]] = {
        item.original_language: {
            **{field: getattr(item, field) for field in item.translatable_fields},
            "original": True,
        }
    }
    for language, texts in sorted((item.translations or {}).items()):
        result[language] = {
            **{field: texts.get(field, "") for field in item.translatable_fields},
            "original": False,
            OUTDATED: bool(texts.get(OUTDATED)),
        }
    return result


def in_languages(field: str, **texts: str) -> dict[str, dict[str, Any]]:
    """Translations of one field, as ``translations`` holds them:
    ``in_languages("name", fr="Salle", es="Sala")``."""
    return {language: {field: text, OUTDATED: False} for language, text in texts.items()}


def check_translations(original_language: str, submitted: dict[str, dict]) -> None:
    """Translations only into interface languages, never into the original's own."""
    known = set(interface_languages())
    for language in submitted:
        if language not in known:
            raise ValidationError(
                gettext("Translations are written in the interface languages only."),
                code="translation_language",
            )
        if language == original_language and any(
            (submitted[language].get(field) or "").strip()
            for field in submitted[language]
            if field != "confirmed"
        ):
            raise ValidationError(
                gettext(
                    "The texts are written in %(language)s already: a translation goes "
                    "into another language."
                )
                % {"language": language_name(original_language)},
                code="translation_of_original",
            )


def translations_apply(item: Translatable, submitted: dict[str, dict]) -> list[str]:
    """Write the languages whose texts changed, or that a translator confirmed still
    say what the original says (``"confirmed": True``); leave the others as they are,
    so that an original changed in the same form marks them out of date. Returns the
    languages written."""
    written = []
    for language, values in submitted.items():
        if language == item.original_language:
            continue
        current = (item.translations or {}).get(language, {})
        texts = {field: (values.get(field) or "").strip() for field in item.translatable_fields}
        unchanged = all(texts[field] == current.get(field, "") for field in texts)
        if unchanged and not (values.get("confirmed") and current.get(OUTDATED)):
            continue
        item.set_translation(language, texts)
        written.append(language)
    return written


def translation_ask(*, item: Translatable, language: str, person) -> bool:
    """Record that ``person`` would read ``item`` in ``language``; once per person.
    Returns whether this was a new request."""
    if language not in interface_languages():
        raise ValidationError(gettext("Unknown language."), code="language")
    if language == item.original_language or language in (item.translations or {}):
        return False
    _request, created = TranslationRequest.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        language=language,
        person=person,
    )
    return created


def translation_asks(item: Translatable) -> dict[str, int]:
    """How many readers asked for each language not yet translated."""
    rows = (
        TranslationRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        )
        .values("language")
        .annotate(count=Count("pk"))
    )
    written = set(item.translations or {})
    return {row["language"]: row["count"] for row in rows if row["language"] not in written}
