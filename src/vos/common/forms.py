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
                return dt.datetime.strptime(str(value).strip(), format)  # noqa: DTZ007
            except ValueError:
                continue
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
