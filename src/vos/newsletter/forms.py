from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.forms import BoundedModelChoiceField
from vos.common.locales import language_autonym
from vos.common.multilingual import interface_languages
from vos.edition.models import Edition
from vos.newsletter.models import Letter


def _languages():
    return [(code, language_autonym(code)) for code in interface_languages()]


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your email"))
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=_languages)


class LetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=50_000,
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=_languages)
    audience = forms.ChoiceField(
        label=_("To"), choices=Letter.Audience.choices, widget=forms.RadioSelect
    )
    audience_language = forms.ChoiceField(
        label=_("Language of the subscribers"), choices=_languages, required=False
    )
    audience_edition = BoundedModelChoiceField(
        label=_("Edition"), queryset=Edition.objects.all(), required=False
    )
