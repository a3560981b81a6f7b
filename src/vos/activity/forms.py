import datetime as dt
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity
from vos.activity.queries import slots_with_places_left
from vos.activity.services import ActivityData
from vos.activity.services.rooms import RoomChoice, pool_room_available
from vos.activity.validators import validate_activity_times
from vos.common.dates import format_local
from vos.common.forms import (
    BoundedModelChoiceField,
    BoundedModelMultipleChoiceField,
    LanguagePicker,
    TimeZoneField,
    WallClockField,
    with_translation_fields,
)
from vos.common.locales import country_choices, language_groups
from vos.common.timezones import (
    AmbiguousLocalTimeError,
    NonexistentLocalTimeError,
    make_aware_strict,
)
from vos.edition.models import Edition, Slot
from vos.organization.models import Organization
from vos.organization.queries import organizations_named
from vos.organization.services import OrganizationData
from vos.room.models import Room
from vos.room.validators import validate_zoom_meeting_id, web_address

DURATIONS = [(minutes, minutes) for minutes in range(30, 8 * 60 + 1, 15)]

MAX_ORGANIZATIONS = 20


def _duration_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s") % {"hours": hours, "minutes": f"{rest:02d}"}


class SlotChoiceField(BoundedModelChoiceField):
    widget = forms.RadioSelect

    def label_from_instance(self, slot: Slot) -> str:
        return str(slot.pk)


class ActivityFields(forms.Form):
    """Propose or edit an activity. Times are typed in a zone the form names; the texts
    in the language the form names, and in others (``ActivityForm`` adds those)."""

    title = forms.CharField(label=_("Title"), max_length=160)
    summary = forms.CharField(
        label=_("Short summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
        help_text=_("300 characters at most; shown in the program."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    # No type chosen in advance: a proposer picks theirs rather than keeping the first.
    activity_type = BoundedModelChoiceField(
        label=_("Type"), queryset=None, empty_label=_("Choose the kind of activity")
    )
    themes = BoundedModelMultipleChoiceField(
        label=_("Themes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(label=_("Languages spoken"), widget=LanguagePicker)
    interpretation_from = forms.ChoiceField(label=_("Interpretation from"), required=False)
    interpretation_to = forms.ChoiceField(label=_("into"), required=False)
    time_zone = TimeZoneField(
        label=_("Time zone of the times below"),
        help_text=_("Type the start in this zone; it defaults to your own."),
    )
    start = WallClockField(
        label=_("Start"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    duration = forms.TypedChoiceField(
        label=_("Duration"),
        coerce=int,
        required=False,
        choices=(),
        initial=90,
    )
    end = WallClockField(
        label=_("or end"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Leave empty to use the duration."),
    )
    slot = SlotChoiceField(label=_("Slot"), queryset=None, required=False, empty_label=None)
    capacity = forms.IntegerField(
        label=_("Places"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_("Leave empty if anyone may join."),
    )
    # Names typed one per line (found in the directory as you type, with JavaScript), not
    # a list of every organization: the directory holds thousands.
    organizations = forms.CharField(
        label=_("Organizations behind the activity"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "data-organization-names": ""}),
        help_text=_(
            "One name per line, as in the directory. An organization you are a member of "
            "is added at once; any other is asked, and appears once one of its admins "
            "accepts."
        ),
    )
    new_organization_name = forms.CharField(
        label=_("Or add an organization: name"), max_length=160, required=False
    )
    new_organization_country = forms.ChoiceField(label=_("its country"), required=False)
    new_organization_website = forms.URLField(
        label=_("its website"), required=False, assume_scheme="https", validators=[web_address]
    )
    co_organizers = forms.CharField(
        label=_("Invite co-organizers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Email addresses, separated by commas or new lines. They appear once they accept."
        ),
    )
    room_mode = forms.ChoiceField(label=_("Online room"), widget=forms.RadioSelect)
    room_provider = forms.ChoiceField(
        label=_("Service"), choices=Room.Provider.choices, required=False
    )
    room_url = forms.CharField(
        label=_("Video link"),
        required=False,
        max_length=500,
        validators=[web_address],
        help_text=_("Your own Zoom, Jitsi or other link (https)."),
    )
    room_meeting_id = forms.CharField(label=_("Meeting ID"), required=False, max_length=40)
    room_passcode = forms.CharField(label=_("Passcode"), required=False, max_length=40)
    link_visibility = forms.ChoiceField(
        label=_("Who sees the link"),
        widget=forms.RadioSelect,
        choices=Activity.LinkVisibility.choices,
        initial=Activity.LinkVisibility.REGISTERED,
    )
    accessibility = forms.CharField(
        label=_("Accessibility"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Captions, sign language, materials in advance …"),
    )

    def __init__(
        self,
        *args,
        edition: Edition,
        editing: Activity | None = None,
        reader_languages: list[str] | tuple[str, ...] = (),
        **kwargs,
    ):
        self.edition = edition
        self.editing = editing
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].queryset = edition.activity_types.all()
        self.fields["themes"].queryset = edition.themes.all()
        chosen = LanguagePicker.chosen(self, "languages", self.initial.get("languages"))
        languages = language_groups([*chosen, *reader_languages])
        self.fields["languages"].choices = languages
        self.fields["interpretation_from"].choices = [("", "—"), *languages]
        self.fields["interpretation_to"].choices = [("", "—"), *languages]
        self.fields["new_organization_country"].choices = [("", "—"), *country_choices()]
        self.fields["duration"].choices = [(m, _duration_label(m)) for m, _label in DURATIONS]
        modes = [Activity.RoomMode.NONE, Activity.RoomMode.OWN]
        if edition.rooms.filter(kind=Room.Kind.POOL).exists():
            modes.append(Activity.RoomMode.POOL)
        if edition.jitsi_server:
            modes.append(Activity.RoomMode.JITSI)
        if edition.bbb_server and edition.bbb_secret:
            modes.append(Activity.RoomMode.BBB)
        self.fields["room_mode"].choices = [(mode.value, mode.label) for mode in modes]
        self.fields["room_mode"].initial = modes[-1] if len(modes) > 2 else Activity.RoomMode.NONE
        if edition.scheduling == Edition.Scheduling.SLOTS:
            self.slots = slots_with_places_left(edition)
            own = editing.slot_id if editing is not None else None
            for slot in self.slots:
                # An activity keeps its own slot, however full: its place is already in it.
                slot.is_own = slot.pk == own
                slot.selectable = slot.places_left > 0 or slot.is_own
            self.fields["slot"].queryset = edition.slots.all()
            self.fields["slot"].required = True
            for name in ("start", "duration", "end"):
                del self.fields[name]
        else:
            self.slots = []
            del self.fields["slot"]

    def described_types(self) -> list:
        """The edition's kinds of activity that its facilitators described, for the
        proposer choosing one (each in the reader's language where translated)."""
        return [kind for kind in self.fields["activity_type"].queryset if kind.tr.description]

    def clean_organizations(self) -> list[Organization]:
        names = list(
            dict.fromkeys(
                " ".join(line.split())
                for line in self.cleaned_data["organizations"].splitlines()
                if line.strip()
            )
        )
        if len(names) > MAX_ORGANIZATIONS:
            raise ValidationError(
                _("Name %(count)s organizations at most.") % {"count": MAX_ORGANIZATIONS}
            )
        found = organizations_named(names)
        unknown = [name for name in names if name.casefold() not in found]
        if unknown:
            raise ValidationError(
                _(
                    "No organization is called “%(name)s” in the directory: check the name, "
                    "or add it below as a new organization."
                )
                % {"name": unknown[0]}
            )
        return list({o.pk: o for o in (found[name.casefold()] for name in names)}.values())

    def clean_co_organizers(self) -> list[str]:
        raw = self.cleaned_data.get("co_organizers", "")
        emails = [
            part.strip().lower() for part in raw.replace(";", ",").replace("\n", ",").split(",")
        ]
        emails = [email for email in emails if email]
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                raise ValidationError(
                    _("“%(email)s” is not an email address."), params={"email": email}
                ) from None
        return sorted(set(emails))

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        if self.edition.scheduling == Edition.Scheduling.SLOTS:
            slot = cleaned.get("slot")
            if slot is not None:
                cleaned["starts_at"], cleaned["ends_at"] = slot.starts_at, slot.ends_at
                if self._slot_is_full(slot):
                    self.add_error("slot", _("This slot is full. Please pick another one."))
        elif zone and cleaned.get("start"):
            cleaned.update(self._read_times(zone, cleaned))
        elif "start" not in self.errors:
            self.add_error("start", _("Say when the activity starts."))
        if cleaned.get("starts_at") and cleaned.get("ends_at") and not self.errors.get("slot"):
            try:
                validate_activity_times(self.edition, cleaned["starts_at"], cleaned["ends_at"])
            except ValidationError as error:
                field = "slot" if "slot" in self.fields else "start"
                for message in error.messages:
                    self.add_error(field, message)
        if bool(cleaned.get("interpretation_from")) != bool(cleaned.get("interpretation_to")):
            self.add_error("interpretation_to", _("Give both languages of the interpretation."))
        self._clean_room(cleaned)
        name = cleaned.get("new_organization_name", "").strip()
        if not name and (
            cleaned.get("new_organization_website") or cleaned.get("new_organization_country")
        ):
            self.add_error("new_organization_name", _("Give the new organization a name."))
        return cleaned

    def _clean_room(self, cleaned: dict) -> None:
        mode = cleaned.get("room_mode")
        if mode == Activity.RoomMode.OWN:
            if not cleaned.get("room_url"):
                self.add_error("room_url", _("Give the link of your video call."))
            if cleaned.get("room_provider") == Room.Provider.ZOOM and cleaned.get(
                "room_meeting_id"
            ):
                try:
                    validate_zoom_meeting_id(cleaned["room_meeting_id"])
                except ValidationError as error:
                    self.add_error("room_meeting_id", error)
        times = cleaned.get("starts_at"), cleaned.get("ends_at")
        if (
            mode == Activity.RoomMode.POOL
            and all(times)
            and not pool_room_available(
                self.edition, *times, cleaned.get("capacity"), exclude=self.editing
            )
        ):
            self.add_error(
                "room_mode",
                _(
                    "No room of the pool is free at this time. Choose another time, or give your own link."
                ),
            )

    def _slot_is_full(self, slot: Slot) -> bool:
        if self.editing is not None and self.editing.slot_id == slot.pk:
            return False
        for candidate in self.slots:
            if candidate.pk == slot.pk:
                return candidate.places_left <= 0
        return False

    def _read_times(self, zone: str, cleaned: dict) -> dict:
        times = {}
        for name in ("start", "end"):
            naive = cleaned.get(name)
            if naive is None:
                continue
            naive = naive.replace(tzinfo=None)
            try:
                times[f"{name}s_at"] = make_aware_strict(naive, zone)
            except NonexistentLocalTimeError:
                self.add_error(
                    name,
                    _(
                        "%(time)s does not exist in %(zone)s: the clocks jump forward that "
                        "night. Please choose another time."
                    )
                    % {"time": format_local(naive, "long"), "zone": zone},
                )
            except AmbiguousLocalTimeError:
                self.add_error(
                    name,
                    _(
                        "%(time)s happens twice in %(zone)s: the clocks go back that night. "
                        "Please choose a time outside that hour, or type it in UTC."
                    )
                    % {"time": format_local(naive, "long"), "zone": zone},
                )
        if "starts_at" in times and "ends_at" not in times and not cleaned.get("end"):
            minutes = cleaned.get("duration") or 90
            times["ends_at"] = times["starts_at"] + dt.timedelta(minutes=minutes)
        return times

    def to_data(self) -> ActivityData:
        """The validated form as the services' input; it writes nothing itself (a new
        organization is created by the service, in the proposal's transaction)."""
        cleaned = self.cleaned_data
        new_organization = None
        if cleaned.get("new_organization_name", "").strip():
            new_organization = OrganizationData(
                name=cleaned["new_organization_name"],
                country=cleaned.get("new_organization_country", ""),
                website=cleaned.get("new_organization_website", ""),
            )
        interpretation = []
        if cleaned.get("interpretation_from") and cleaned.get("interpretation_to"):
            interpretation = [
                {"from": cleaned["interpretation_from"], "to": cleaned["interpretation_to"]}
            ]
        return ActivityData(
            title=cleaned["title"].strip(),
            summary=cleaned["summary"].strip(),
            description=cleaned.get("description", ""),
            activity_type=cleaned["activity_type"],
            themes=list(cleaned.get("themes") or []),
            languages=list(cleaned["languages"]),
            interpretation=interpretation,
            starts_at=cleaned["starts_at"],
            ends_at=cleaned["ends_at"],
            typed_time_zone=cleaned["time_zone"],
            slot=cleaned.get("slot"),
            capacity=cleaned.get("capacity"),
            organizations=list(cleaned.get("organizations") or []),
            new_organization=new_organization,
            room=RoomChoice(
                mode=cleaned.get("room_mode") or "none",
                provider=cleaned.get("room_provider") or Room.Provider.OTHER,
                join_url=cleaned.get("room_url", ""),
                meeting_id=cleaned.get("room_meeting_id", ""),
                passcode=cleaned.get("room_passcode", ""),
                link_visibility=cleaned.get("link_visibility")
                or Activity.LinkVisibility.REGISTERED,
            ),
            accessibility=cleaned.get("accessibility", ""),
            co_organizer_emails=cleaned.get("co_organizers", []),
            original_language=cleaned.get("original_language", ""),
            translations=self.submitted_translations(),
        )

    @staticmethod
    def initial_from(activity: Activity, zone: str) -> dict:
        tz = zoneinfo.ZoneInfo(zone)
        local_start = timezone.localtime(activity.starts_at, tz)
        local_end = timezone.localtime(activity.ends_at, tz)
        interpretation = activity.interpretation[0] if activity.interpretation else {}
        own = activity.room if activity.room_mode == Activity.RoomMode.OWN else None
        return {
            "title": activity.title,
            "summary": activity.summary,
            "description": activity.description,
            "activity_type": activity.activity_type_id,
            "themes": [theme.pk for theme in activity.themes.all()],
            "languages": activity.languages,
            "interpretation_from": interpretation.get("from", ""),
            "interpretation_to": interpretation.get("to", ""),
            "time_zone": zone,
            "start": local_start.replace(tzinfo=None),
            "end": local_end.replace(tzinfo=None),
            "duration": activity.duration_minutes,
            "slot": activity.slot_id,
            "capacity": activity.capacity,
            "organizations": "\n".join(org.name for org in activity.organizations.all()),
            "room_mode": activity.room_mode,
            "room_provider": own.provider if own else Room.Provider.OTHER,
            "room_url": own.join_url if own else "",
            "room_meeting_id": own.meeting_id if own else "",
            "room_passcode": own.passcode if own else "",
            "link_visibility": activity.link_visibility,
            "accessibility": activity.accessibility,
            "original_language": activity.original_language,
        }


# Without a language named (the API, an older form), the first language spoken.
ActivityForm = with_translation_fields(ActivityFields, Activity, original_required=False)


class ProposalForm(ActivityForm):  # type: ignore[valid-type,misc]
    accept_intention = forms.BooleanField(
        label=_("I have read the intention text and I share it."),
        error_messages={"required": _("Every proposer accepts the intention text.")},
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Participants and the facilitation team will read it."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            ("publish", _("Publish")),
            ("request_changes", _("Ask for changes")),
            ("decline", _("Decline")),
            ("unpublish", _("Unpublish")),
        ]
    )
    message = forms.CharField(
        label=_("Message to the organizers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Required to ask for changes, decline or unpublish."),
    )


class FlagsForm(forms.Form):
    is_official = forms.BooleanField(
        label=_("Official activity of the facilitation team"), required=False
    )
    is_featured = forms.BooleanField(label=_("Feature on the home page"), required=False)
