import datetime as dt

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vos.common.forms import LanguagePicker, TimeZoneField
from vos.common.locales import language_groups
from vos.common.timezones import (
    AmbiguousLocalTimeError,
    NonexistentLocalTimeError,
    make_aware_strict,
)
from vos.edition.models import TeamRole
from vos.team.models import Volunteer
from vos.team.services import Offer

PAIR_ROWS = 3
WINDOW_ROWS = 5


class VolunteerForm(forms.Form):
    """What a person offers the team; free times are typed in their own zone."""

    skills = forms.MultipleChoiceField(
        label=gettext_lazy("What I can do"),
        choices=Volunteer.Skill.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages I speak"), widget=LanguagePicker
    )
    time_zone = TimeZoneField(label=gettext_lazy("My time zone"))
    message = forms.CharField(
        label=gettext_lazy("A word for the team (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, reader_languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        chosen = LanguagePicker.chosen(self, "languages", self.initial.get("languages"))
        languages = language_groups([*chosen, *reader_languages])
        self.fields["languages"].choices = languages
        for row in range(PAIR_ROWS):
            for side, label in (("a", _("Interpreting between")), ("b", _("and"))):
                self.fields[f"pair_{row}_{side}"] = forms.ChoiceField(
                    label=label, required=False, choices=[("", "—"), *languages]
                )
        for row in range(WINDOW_ROWS):
            self.fields[f"window_{row}_day"] = forms.DateField(
                label=_("Free on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )
            self.fields[f"window_{row}_from"] = forms.TimeField(
                label=_("from"),
                required=False,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )
            self.fields[f"window_{row}_to"] = forms.TimeField(
                label=_("to"),
                required=False,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )

    def pair_rows(self):
        return [(self[f"pair_{row}_a"], self[f"pair_{row}_b"]) for row in range(PAIR_ROWS)]

    def window_rows(self):
        return [
            (self[f"window_{row}_day"], self[f"window_{row}_from"], self[f"window_{row}_to"])
            for row in range(WINDOW_ROWS)
        ]

    def _moment(self, field: str, day: dt.date, time: dt.time, zone: str) -> dt.datetime | None:
        naive = dt.datetime.combine(day, time)
        try:
            return make_aware_strict(naive, zone)
        except NonexistentLocalTimeError:
            self.add_error(
                field,
                _(
                    "%(time)s does not exist in %(zone)s: the clocks jump forward that "
                    "night. Please choose another time."
                )
                % {"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone},
            )
        except AmbiguousLocalTimeError:
            self.add_error(
                field,
                _(
                    "%(time)s happens twice in %(zone)s: the clocks go back that night. "
                    "Please choose a time outside that hour, or type it in UTC."
                )
                % {"time": naive.strftime("%Y-%m-%d %H:%M"), "zone": zone},
            )
        return None

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        pairs = []
        for row in range(PAIR_ROWS):
            one, other = cleaned.get(f"pair_{row}_a"), cleaned.get(f"pair_{row}_b")
            if bool(one) != bool(other):
                self.add_error(f"pair_{row}_b", _("Give both languages of the pair."))
            elif one:
                pairs.append((one, other))
        windows = []
        for row in range(WINDOW_ROWS):
            day = cleaned.get(f"window_{row}_day")
            start, end = cleaned.get(f"window_{row}_from"), cleaned.get(f"window_{row}_to")
            if not any((day, start, end)):
                continue
            if not (day and start and end):
                self.add_error(f"window_{row}_day", _("Give the day, and the hours from and to."))
                continue
            if not zone:
                continue
            starts_at = self._moment(f"window_{row}_from", day, start, zone)
            # A free time that ends at or before it starts runs past midnight.
            end_day = day + dt.timedelta(days=1) if end <= start else day
            ends_at = self._moment(f"window_{row}_to", end_day, end, zone)
            if starts_at and ends_at:
                windows.append((starts_at, ends_at))
        cleaned["language_pairs"], cleaned["windows"] = pairs, windows
        return cleaned

    def to_offer(self) -> Offer:
        data = self.cleaned_data
        return Offer(
            skills=data["skills"],
            languages=data["languages"],
            time_zone=data["time_zone"],
            language_pairs=data["language_pairs"],
            windows=data["windows"],
            message=data.get("message", ""),
        )


class DecisionForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"),
        choices=TeamRole.Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
