from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vos.common.forms import BoundedModelChoiceField
from vos.common.locales import language_autonym
from vos.common.multilingual import interface_language_choices, interface_languages
from vos.edition.models import Edition
from vos.newsletter.models import Letter


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=interface_language_choices
    )


class LetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=50_000,
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=interface_language_choices)
    audience = forms.ChoiceField(
        label=_("To"), choices=Letter.Audience.choices, widget=forms.RadioSelect
    )
    audience_language = forms.ChoiceField(
        label=_("Language of the subscribers"), choices=interface_language_choices, required=False
    )
    audience_edition = BoundedModelChoiceField(
        label=_("Edition"), queryset=Edition.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The letter's versions: a subject and a text per language of the site, optional.
        for language in interface_languages():
            name = language_autonym(language)
            self.fields[version_field(language, "subject")] = forms.CharField(
                label=gettext("Subject in %(language)s") % {"language": name},
                max_length=200,
                required=False,
                widget=forms.TextInput(attrs={"lang": language, "dir": "auto"}),
            )
            self.fields[version_field(language, "body")] = forms.CharField(
                label=gettext("Text in %(language)s") % {"language": name},
                max_length=50_000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 8, "lang": language, "dir": "auto"}),
            )

    def letter_fields(self) -> dict:
        """What the service takes besides the versions."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if not name.startswith("version_")
        }

    def versions(self) -> dict[str, dict[str, str]]:
        return {
            language: {
                part: self.cleaned_data.get(version_field(language, part)) or ""
                for part in ("subject", "body")
            }
            for language in interface_languages()
        }

    def version_groups(self) -> list[dict]:
        """Per language of the site: its name and its two bound fields, for the template."""
        return [
            {
                "language": language,
                "name": language_autonym(language),
                "subject": self[version_field(language, "subject")],
                "body": self[version_field(language, "body")],
            }
            for language in interface_languages()
        ]


def version_field(language: str, part: str) -> str:
    return f"version_{language}_{part}"


def version_initial(versions: dict) -> dict[str, str]:
    return {
        version_field(language, part): texts.get(part, "")
        for language, texts in (versions or {}).items()
        for part in ("subject", "body")
    }
