from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.locales import language_choices
from vos.forum.models import Contribution
from vos.forum.services import MAX_TEXT

# What one posts directly into a space (arguments and replies are posted on a proposal
# or a contribution).
TOP_KINDS = [
    (kind, label)
    for kind, label in Contribution.Kind.choices
    if kind in ("need", "proposal", "sharing", "reference")
]


class ContributionForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"), choices=TOP_KINDS, widget=forms.RadioSelect)
    body = forms.CharField(
        label=_("Your contribution"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )
    language = forms.ChoiceField(label=_("Written in"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class AnswerForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[("for", "for"), ("against", "against"), ("reply", "reply")],
        widget=forms.HiddenInput,
    )
    body = forms.CharField(max_length=MAX_TEXT)
    language = forms.CharField(max_length=8)
