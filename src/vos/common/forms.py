import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.timezones import canonical_zone, zone_for_city


class TimeZoneField(forms.CharField):
    """An IANA zone typed or picked from a searchable list; stored under its canonical name."""

    default_error_messages = {
        "unknown_zone": _(
            "“%(value)s” is not a time zone we know. Pick one from the list, such as "
            "Europe/Paris or America/Caracas."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("label", _("Time zone"))
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"list": "zone-list", "autocomplete": "off", "spellcheck": "false"}
        )

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        # "Europe/Paris (UTC+1)" as offered by the list is accepted too.
        name = value.split(" (", 1)[0].strip()
        zone = canonical_zone(name) or zone_for_city(name)
        if zone is None:
            raise forms.ValidationError(
                self.error_messages["unknown_zone"], code="unknown_zone", params={"value": value}
            )
        return zone


class TimeZoneForm(forms.Form):
    time_zone = TimeZoneField(help_text=_("Start typing a city or region, e.g. Kolkata."))


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
