import datetime as dt
from html import escape
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from vos.common.locales import language_autonym, language_choices
from vos.common.multilingual import (
    OUTDATED,
    check_translations,
    interface_languages,
    reader_language,
    translations_apply,
)
from vos.common.timezones import canonical_zone
from vos.common.zone_search import resolve_zone, zone_name


class ZonePickerInput(forms.TextInput):
    """A text box that suggests zones as one types a country, a city or a zone id (a
    combobox, with ``zonepicker.js``); without JavaScript, the zones a typed name may mean
    are offered as choices after submitting."""

    template_name = "common/widgets/zone_picker.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    @staticmethod
    def pick_name(name: str) -> str:
        return f"{name}_pick"

    def format_value(self, value):
        zone = canonical_zone(value) if value else None
        return zone_name(zone) if zone else super().format_value(value)

    def value_from_datadict(self, data, files, name):
        return data.get(self.pick_name(name)) or data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and self.pick_name(name) not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        zone, candidates = resolve_zone(str(value)) if value else (None, [])
        context["widget"].update(
            {
                "suggest_url": reverse("zone_suggestions"),
                "options_id": f"{context['widget']['attrs'].get('id') or name}-options",
                "pick_name": self.pick_name(name),
                "candidates": [] if zone else candidates,
            }
        )
        return context


def _escape_all(texts: list[str]) -> list[str]:
    """``html.escape`` of each text, in one pass over them joined rather than a call
    each (a thousand organizations in a select). Escaping leaves NUL as it is, so it
    separates them, unless a text holds one."""
    escaped = escape("\0".join(texts)).split("\0")
    return escaped if len(escaped) == len(texts) else [escape(text) for text in texts]


class PlainSelect(forms.Select):
    """A select whose options are written in one pass rather than a template each: the
    program's filters offer every organization of a big forum, and rendering them
    through the widget templates was a quarter of the page's time. No option groups."""

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value) -> None:
        # Already (value, label) pairs: Django's normalizing them again on every render
        # cost milliseconds for a thousand organizations.
        self._choices = list(value)

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = set(self.format_value(value))
        parts = [f'<select name="{escape(name)}"{flatatt(self.build_attrs(self.attrs, attrs))}>']
        codes = [
            "" if option_value is None else str(option_value) for option_value, _ in self.choices
        ]
        labels = _escape_all([str(label) for _, label in self.choices])
        safe_codes = _escape_all(codes)
        for code, safe_code, label in zip(codes, safe_codes, labels, strict=True):
            selected = " selected" if code in chosen else ""
            parts.append(f'<option value="{safe_code}"{selected}>{label}</option>')
        parts.append("</select>")
        # Every value and label is escaped above; flatatt escapes the attributes.
        return mark_safe("\n".join(parts))  # noqa: S308


class PlainChoicesMixin:
    """A choice field whose choices are flat (value, label) pairs, kept as given: for
    the long lists of a :class:`PlainSelect`."""

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value) -> None:
        self._choices = self.widget.choices = list(value)


class PlainChoiceField(PlainChoicesMixin, forms.ChoiceField):
    widget = PlainSelect


class PlainTypedChoiceField(PlainChoicesMixin, forms.TypedChoiceField):
    widget = PlainSelect


class LanguagePicker(forms.CheckboxSelectMultiple):
    """About 180 languages as checkboxes, the reader's own first, each also named in
    itself; ``languagepicker.js`` adds a search box that narrows the list as one types.
    Without JavaScript it is the plain list."""

    template_name = "common/widgets/language_picker.html"

    @staticmethod
    def chosen(form: forms.BaseForm, name: str, initial) -> list[str]:
        """The languages a form holds: as sent when bound, else ``initial``; they are
        listed among the reader's own, wherever the full list would put them."""
        if form.is_bound:
            return forms.CheckboxSelectMultiple().value_from_datadict(
                form.data, form.files, form.add_prefix(name)
            )
        return list(initial or [])

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        autonym = language_autonym(str(value))
        option["autonym"] = autonym if autonym.casefold() != str(label).casefold() else ""
        return option


class TimeZoneField(forms.CharField):
    """A zone named by its country, city (former and local names too) or id; stored under
    its canonical id."""

    widget = ZonePickerInput
    default_error_messages = {
        "unknown_zone": _(
            "“%(value)s” is not a time zone we know. Type a country or a city, such as "
            "India or Caracas."
        ),
        "ambiguous_zone": _("“%(value)s” has several time zones: choose yours below."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault("help_text", _("Type your country or city, e.g. India or São Paulo."))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        zone, candidates = resolve_zone(value)
        if zone is None:
            code = "ambiguous_zone" if candidates and candidates[0].exact else "unknown_zone"
            raise forms.ValidationError(
                self.error_messages[code], code=code, params={"value": value}
            )
        return zone


class TimeZoneForm(forms.Form):
    time_zone = TimeZoneField()


# Years a forum can take place in; beyond them zone arithmetic overflows, and nobody means it.
FIRST_YEAR, LAST_YEAR = 1900, 2200


def validate_year(value: dt.date | dt.datetime | None) -> None:
    """A clear error for a date far outside any forum's years (0001, 9999 …)."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Dates must fall between the years %(first)s and %(last)s."),
            code="year_out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def parse_day(value) -> dt.date | None:
    """A day typed in an address (``2026-12-20``), or None if it is not one we can show."""
    try:
        day = dt.date.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


class WallClockField(forms.DateTimeField):
    """A date and time as typed, with no zone attached: the form reads it in the zone it
    names, so that DST gaps and overlaps can be reported instead of shifted silently."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None)
        for format in self.input_formats:
            try:
                # Naive on purpose: the form reads it in the zone it names.
                parsed = dt.datetime.strptime(str(value).strip(), format)  # noqa: DTZ007
            except ValueError:
                continue
            validate_year(parsed)
            return parsed
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


# The largest key a database integer column holds: a bigger one typed into a choice is
# refused before it reaches SQLite, which cannot even compare with it.
LARGEST_KEY = 2**63 - 1


def parse_key(value) -> int | None:
    """A database key typed in a form or an address, or None if it cannot be one."""
    try:
        key = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return key if 0 < key <= LARGEST_KEY else None


class BoundedKeysMixin:
    """For model choice fields: keys that are not integers a database can hold are
    refused as an invalid choice, without a query."""

    def _bounded(self, value):
        try:
            key = int(str(value).strip())
        except (TypeError, ValueError):
            return value  # the field's own check names the problem
        if not -LARGEST_KEY <= key <= LARGEST_KEY:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return value

    def clean(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                self._bounded(item)
        elif value not in self.empty_values:
            self._bounded(value)
        return super().clean(value)


class BoundedModelChoiceField(BoundedKeysMixin, forms.ModelChoiceField):
    pass


class BoundedModelMultipleChoiceField(BoundedKeysMixin, forms.ModelMultipleChoiceField):
    pass


def translation_field(language: str, field: str) -> str:
    return f"tr_{language}_{field}"


class TranslationFormMixin:
    """The texts of a translatable item in every other interface language, beside its
    original: declared by ``with_translation_fields``, read from and written to the
    item's ``translations`` (through ``translations_apply``: a text left as it was keeps
    its "may be out of date" mark unless the translator confirms it)."""

    translated_model = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        item = self.translated_item()
        if item is not None:
            for name, text in translation_initial(item).items():
                self.initial.setdefault(name, text)

    def translated_item(self):
        """The item whose translations the form shows: a model form's instance, or the
        item a plain form edits (its ``editing``; None while proposing)."""
        return getattr(self, "instance", None) or getattr(self, "editing", None)

    def translation_groups(self) -> list[dict]:
        """Per interface language: its code, its name, its bound fields, whether its
        translation is marked out of date; for templates."""
        groups = []
        for language in interface_languages():
            fields = [
                self[translation_field(language, field)]
                for field in self.translated_model.translatable_fields
            ]
            groups.append(
                {
                    "language": language,
                    "name": language_autonym(language),
                    "fields": fields,
                    "confirmed": self[translation_field(language, "confirmed")],
                    "outdated": self.initial.get(translation_field(language, OUTDATED), False),
                    "written": any(field.value() for field in fields),
                    "asked": getattr(self, "translation_asks", {}).get(language, 0),
                }
            )
        return groups

    def submitted_translations(self) -> dict[str, dict]:
        data = getattr(self, "cleaned_data", {}) or {}
        submitted = {}
        for language in interface_languages():
            values = {
                field: data.get(translation_field(language, field)) or ""
                for field in self.translated_model.translatable_fields
            }
            values["confirmed"] = bool(data.get(translation_field(language, "confirmed")))
            submitted[language] = values
        return submitted

    def original_language_of(self) -> str:
        data = getattr(self, "cleaned_data", {}) or {}
        item = getattr(self, "instance", None)
        return data.get("original_language") or getattr(item, "original_language", "en")

    def clean(self):
        cleaned = super().clean()
        try:
            check_translations(self.original_language_of(), self.submitted_translations())
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned

    def _post_clean(self) -> None:
        super()._post_clean()
        if not self.errors and hasattr(self, "instance"):
            translations_apply(self.instance, self.submitted_translations())


def translation_initial(item) -> dict[str, Any]:
    """The item's translations as the initial values of its translation fields."""
    initial: dict[str, Any] = {}
    for language, texts in (getattr(item, "translations", None) or {}).items():
        for field in (*item.translatable_fields, OUTDATED):
            if field in texts:
                initial[translation_field(language, field)] = texts[field]
    return initial


def with_translation_fields(form_class: type, model: type, *, original_required=True) -> type:
    """``form_class`` with a field per interface language and translatable field of
    ``model``, and a "still accurate" box per language. ``original_required=False``
    lets the service choose the original's language when none is given."""
    attrs = {
        "translated_model": model,
        "original_language": forms.ChoiceField(
            label=_("Language of the original"),
            choices=language_choices,
            initial=reader_language,
            required=original_required,
            help_text=_("The language the texts above are written in."),
        ),
    }
    for language in interface_languages():
        autonym = language_autonym(language)
        for name in model.translatable_fields:
            model_field = model._meta.get_field(name)
            long_text = model_field.get_internal_type() == "TextField"
            attrs[translation_field(language, name)] = forms.CharField(
                label=f"{capfirst(model_field.verbose_name)} ({autonym})",
                required=False,
                max_length=model_field.max_length,
                widget=forms.Textarea(attrs={"rows": 4}) if long_text else forms.TextInput,
            )
        attrs[translation_field(language, "confirmed")] = forms.BooleanField(
            label=_("This translation still says what the original says"),
            required=False,
            help_text=_("Tick it after checking a translation marked “may be out of date”."),
        )
    return type(form_class.__name__, (TranslationFormMixin, form_class), attrs)


def errors_onto(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal shown on the form that sent the data: each message on its
    field when the form has one, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
