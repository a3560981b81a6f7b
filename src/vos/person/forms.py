from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.forms import LanguagePicker, TimeZoneField
from vos.common.locales import country_choices, language_groups
from vos.person.models import User
from vos.person.services import PROFILE_FIELDS


class SignupForm(forms.Form):
    """Extra sign-up fields; allauth calls ``signup`` once the account exists."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("How other participants will see you."),
    )

    def signup(self, request, user: User) -> None:
        # The adapter already stored display name, language and zone.
        return None


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(
        required=False,
        help_text=_("Every time on the site is shown in this zone. Start typing a city."),
    )

    class Meta:
        model = User
        fields = list(PROFILE_FIELDS)
        widgets = {"bio": forms.Textarea(attrs={"rows": 5}), "review_emails": forms.RadioSelect}
        help_texts = {
            "bio": _(
                "A few words about you and the movements you take part in (1,000 characters at most)."
            ),
            "is_public": _(
                "A public profile can be seen by anyone, and lists your name on the activities you organize."
            ),
            "preferred_language": _("The language of the emails we send you."),
            "review_emails": _("For the facilitation teams you belong to."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"),
            required=False,
            choices=[("", _("(not said)")), *country_choices()],
        )
        chosen = LanguagePicker.chosen(self, "languages", self.instance.languages)
        if not self.instance.pk or not self.instance.facilitated_editions.exists():
            del self.fields["review_emails"]
        self.fields["languages"] = forms.MultipleChoiceField(
            label=_("Languages spoken"),
            required=False,
            choices=language_groups(chosen),
            widget=LanguagePicker,
        )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my profile will be deleted for good."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not right."), code="wrong_password")
        return password
