from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from vos.common.forms import LanguagePicker, with_translation_fields
from vos.common.locales import country_choices, language_groups
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
