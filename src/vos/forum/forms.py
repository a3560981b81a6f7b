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


class OutcomeForm(forms.Form):
    summary = forms.CharField(
        label=_("What came out of it"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown."),
    )
    proposals = forms.CharField(
        label=_("Proposals for action (optional)"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    next_steps = forms.CharField(
        label=_("Next steps (optional)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = forms.CharField(
        label=_("Links: a recording, documents (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One address per line."),
    )
    language = forms.ChoiceField(label=_("Written in"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class WallFilterForm(forms.Form):
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    type = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    proposals = forms.BooleanField(label=_("With proposals only"), required=False)

    def __init__(self, *args, edition=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All"))] + [
            (theme.pk, theme.tr.name) for theme in edition.themes.all()
        ]
        self.fields["type"].choices = [("", _("All"))] + [
            (kind.key, kind.name) for kind in edition.activity_types.all()
        ]
        self.fields["language"].choices = [("", _("All")), *language_choices()]
