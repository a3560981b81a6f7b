from django import forms
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity
from vos.common.locales import country_choices, language_choices
from vos.declaration.models import Declaration
from vos.declaration.services import MAX_TEXT, DeclarationData
from vos.edition.models import Edition
from vos.network.models import Initiative
from vos.organization.models import Organization


class DeclarationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Declaration.Kind.choices)
    language = forms.ChoiceField(
        label=_("Authoritative language"),
        help_text=_("The language of the text that is signed; the others are translations."),
    )
    addressee = forms.CharField(
        label=_("Addressee (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example: the UN Secretary-General."),
    )
    organization = forms.ModelChoiceField(
        label=_("You write on behalf of (optional)"),
        queryset=Organization.objects.none(),
        required=False,
    )
    edition = forms.ModelChoiceField(
        label=_("It comes from the edition (optional)"),
        queryset=Edition.objects.order_by("-start_date"),
        required=False,
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("and from these activities of yours (optional)"),
        queryset=Activity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    initiatives = forms.ModelMultipleChoiceField(
        label=_("and from these initiatives of your organizations (optional)"),
        queryset=Initiative.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    text = forms.CharField(
        label=_("Text"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Markdown. Paragraphs are separated by an empty line."),
    )

    def __init__(self, *args, person=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        if person is not None and person.is_authenticated:
            self.fields["organization"].queryset = Organization.objects.filter(
                memberships__person=person, memberships__status="active", merged_into=None
            ).order_by("name")
            self.fields["activities"].queryset = Activity.objects.filter(
                organizers__person=person, state__in=["published", "cancelled"]
            ).order_by("-starts_at")
            self.fields["initiatives"].queryset = (
                Initiative.objects.filter(
                    organizations__memberships__person=person,
                    organizations__memberships__status="active",
                )
                .distinct()
                .order_by("-created_at")
            )

    def data_object(self) -> DeclarationData:
        cleaned = self.cleaned_data
        return DeclarationData(
            title=cleaned["title"],
            kind=cleaned["kind"],
            language=cleaned["language"],
            addressee=cleaned["addressee"],
            edition=cleaned.get("edition"),
            activities=list(cleaned.get("activities") or []),
            initiatives=list(cleaned.get("initiatives") or []),
        )


class VersionForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 18})
    )
    note = forms.CharField(label=_("What changed (a short note)"), max_length=200, required=False)
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=1_000_000)


class TeamForm(forms.Form):
    email = forms.EmailField(label=_("Email address of their account"))


class CommentForm(forms.Form):
    paragraph = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=10_000)
    body = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    proposal = forms.CharField(
        label=_("Propose a new text for this paragraph (optional)"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TranslatorForm(forms.Form):
    email = forms.EmailField(label=_("Email address of their account"))
    language = forms.ChoiceField(label=_("Language"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class TranslationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 18})
    )


class SignatureForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("We send you a link to confirm; it is never shown or shared."),
    )
    country = forms.ChoiceField(label=_("Your country"), required=False)
    organization_text = forms.CharField(
        label=_("Your organization (optional)"), max_length=160, required=False
    )
    show_name = forms.BooleanField(
        label=_("Show my name (otherwise only my country is shown)"), required=False, initial=True
    )
    # A field people never see (hidden by the stylesheet and from screen readers);
    # robots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices()]


class DeliveryForm(forms.Form):
    on = forms.DateField(label=_("Delivered on"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("How and to whom"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DeclarationFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All")), *[c for c in Declaration.State.choices if c[0] != "drafting"]],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *Declaration.Kind.choices]
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    edition = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All")), *language_choices()]
