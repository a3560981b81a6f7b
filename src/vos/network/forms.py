from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from vos.common.dates import format_local
from vos.common.forms import (
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
from vos.network.models import THEMES, Initiative
from vos.network.services import MAX_DATES, ActionDateData, InitiativeData
from vos.organization.models import Membership, Organization
from vos.organization.services import OrganizationDetails

MAX_SOCIAL_LINKS = 6


class OrganizationFields(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Organization.Kind.choices)
    scope = forms.ChoiceField(
        label=_("Scope"), choices=[("", "—"), *Organization.Scope.choices], required=False
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries where it acts"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    social_links = forms.CharField(
        label=_("Social links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address per line (https), six at most."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"), required=False, widget=LanguagePicker
    )
    contact_email = forms.EmailField(
        label=_("Contact email"),
        required=False,
        help_text=_("Seen only by the organization's admins and the facilitation team."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG, JPEG, WebP or GIF, 2 MB at most; shown at most 400 pixels wide."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}
        ),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args, editing: Organization | None = None, **kwargs) -> None:
        self.editing = editing
        super().__init__(*args, **kwargs)
        self.fields["countries"].choices = country_choices()
        chosen = LanguagePicker.chosen(self, "languages", self.initial.get("languages"))
        self.fields["languages"].choices = language_groups(chosen)
        if editing is None or not editing.logo:
            del self.fields["remove_logo"]

    def clean_social_links(self) -> list[str]:
        links = [line.strip() for line in self.cleaned_data["social_links"].splitlines()]
        links = [link for link in links if link]
        if len(links) > MAX_SOCIAL_LINKS:
            raise ValidationError(_("Six social links at most."))
        check = URLValidator(schemes=["https", "http"])
        for link in links:
            try:
                check(link)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address (https://…).") % {"link": link}
                ) from None
        return links

    def details(self) -> OrganizationDetails:
        cleaned = self.cleaned_data
        return OrganizationDetails(
            name=cleaned["name"],
            acronym=cleaned["acronym"].strip(),
            kind=cleaned["kind"],
            scope=cleaned["scope"],
            countries=list(cleaned["countries"]),
            website=cleaned["website"],
            social_links=cleaned["social_links"],
            description=cleaned["description"],
            original_language=cleaned.get("original_language") or "en",
            translations=self.submitted_translations(),
            languages=list(cleaned["languages"]),
            contact_email=cleaned["contact_email"],
        )

    @staticmethod
    def initial_of(organization: Organization) -> dict:
        return {
            "name": organization.name,
            "acronym": organization.acronym,
            "kind": organization.kind,
            "scope": organization.scope,
            "countries": organization.countries,
            "website": organization.website,
            "social_links": "\n".join(organization.social_links),
            "description": organization.description,
            "languages": organization.languages,
            "contact_email": organization.contact_email,
            "original_language": organization.original_language,
        }


OrganizationForm = with_translation_fields(OrganizationFields, Organization)


class DirectoryFilterForm(forms.Form):
    """The directory's filters; every one optional and shareable in the address."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Organization.Kind.choices]
    )
    scope = forms.ChoiceField(
        label=_("Scope"), required=False, choices=[("", _("All")), *Organization.Scope.choices]
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    verified = forms.BooleanField(label=_("Verified only"), required=False)
    edition = forms.ChoiceField(label=_("Took part in"), required=False)

    def __init__(self, *args, editions: list[tuple[str, str]] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All")), *country_choices()]
        self.fields["language"].choices = [("", _("All")), *language_groups()]
        self.fields["edition"].choices = [("", _("Any edition")), *editions]


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("A word for the admins (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("How are you part of this organization?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The facilitation team reads it before it lets you speak for it."),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class MergeForm(forms.Form):
    kept = forms.IntegerField(widget=forms.HiddenInput)


class ActionDateForm(forms.Form):
    """One action date: a time typed in a named zone (DST gaps and overlaps refused)."""

    title = forms.CharField(label=_("What happens"), max_length=200, required=False)
    start = WallClockField(
        label=_("Start"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    end = WallClockField(
        label=_("End (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    time_zone = TimeZoneField(label=_("Time zone of these times"), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and not cleaned.get("start"):
            return cleaned  # an empty row
        if not cleaned.get("title"):
            self.add_error("title", _("Say what happens on this date."))
        if not cleaned.get("start"):
            self.add_error("start", _("Say when it starts."))
        zone = cleaned.get("time_zone") or ""
        if not zone:
            self.add_error("time_zone", _("Name the time zone of these times."))
            return cleaned
        for name in ("start", "end"):
            naive = cleaned.get(name)
            if naive is None:
                continue
            naive = naive.replace(tzinfo=None)
            try:
                cleaned[f"{name}s_at"] = make_aware_strict(naive, zone)
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
        if not cleaned.get("place", "").strip() and not cleaned.get("online_url"):
            self.add_error("place", _("Give a place or an online link."))
        return cleaned

    def data_or_none(self) -> ActionDateData | None:
        cleaned = self.cleaned_data
        if not cleaned.get("starts_at"):
            return None
        return ActionDateData(
            title=cleaned["title"],
            starts_at=cleaned["starts_at"],
            ends_at=cleaned.get("ends_at"),
            typed_time_zone=cleaned["time_zone"],
            place=cleaned.get("place", ""),
            online_url=cleaned.get("online_url", ""),
        )


ActionDateFormSet = forms.formset_factory(
    ActionDateForm, extra=MAX_DATES, max_num=MAX_DATES, validate_max=True
)


class InitiativeFields(forms.Form):
    organizations = forms.MultipleChoiceField(
        label=_("Posted by"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organizations you administer that carry it together."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Initiative.Kind.choices)
    scope = forms.ChoiceField(
        label=_("Scope"), choices=[("", "—"), *Organization.Scope.choices], required=False
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    how_to_join = forms.CharField(
        label=_("How to join"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    activities = forms.MultipleChoiceField(
        label=_("Presented at"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Activities of the forum, co-organized by these organizations."),
    )

    def __init__(
        self,
        *args,
        organizations: list[Organization] = (),
        activities: list = (),
        editing: Initiative | None = None,
        **kwargs,
    ) -> None:
        self.editing = editing
        super().__init__(*args, **kwargs)
        self.fields["organizations"].choices = [(str(o.pk), o.name) for o in organizations]
        if editing is not None:
            del self.fields["organizations"]
        self.fields["themes"].choices = [(key, label) for key, label in THEMES.items()]
        self.fields["countries"].choices = country_choices()
        self.fields["activities"].choices = [(str(a.pk), a.tr.title) for a in activities]
        self._organizations = {str(o.pk): o for o in organizations}
        self._activities = {str(a.pk): a for a in activities}

    def chosen_organizations(self) -> list[Organization]:
        return [self._organizations[pk] for pk in self.cleaned_data.get("organizations", [])]

    def to_data(self, dates: list[ActionDateData]) -> InitiativeData:
        cleaned = self.cleaned_data
        return InitiativeData(
            title=cleaned["title"],
            description=cleaned["description"],
            how_to_join=cleaned["how_to_join"],
            kind=cleaned["kind"],
            scope=cleaned["scope"],
            themes=list(cleaned["themes"]),
            countries=list(cleaned["countries"]),
            original_language=cleaned.get("original_language") or "en",
            translations=self.submitted_translations(),
            dates=dates,
            activities=[self._activities[pk] for pk in cleaned["activities"]],
        )

    @staticmethod
    def initial_of(initiative: Initiative) -> dict:
        return {
            "title": initiative.title,
            "kind": initiative.kind,
            "scope": initiative.scope,
            "themes": initiative.themes,
            "countries": initiative.countries,
            "description": initiative.description,
            "how_to_join": initiative.how_to_join,
            "activities": [str(pk) for pk in initiative.activities.values_list("pk", flat=True)],
            "original_language": initiative.original_language,
        }


InitiativeForm = with_translation_fields(InitiativeFields, Initiative)


class CalendarFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Initiative.Kind.choices]
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All")), *country_choices()]
        self.fields["theme"].choices = [("", _("All")), *THEMES.items()]
