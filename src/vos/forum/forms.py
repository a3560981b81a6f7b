from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.forms import with_translation_fields
from vos.common.locales import language_choices
from vos.forum.models import Contribution, Summary
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
    quotable = forms.BooleanField(
        label=_("The facilitation team may quote extracts of it, with my name"),
        required=False,
        initial=True,
    )
    organization = forms.TypedChoiceField(
        label=_("Speaking for"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, organizations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.organizations = list(organizations)
        self.fields["organization"].choices = [("", _("myself"))] + [
            (organization.pk, organization.name) for organization in self.organizations
        ]

    def chosen_organization(self):
        chosen = self.cleaned_data.get("organization")
        return next((o for o in self.organizations if o.pk == chosen), None)


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
    initiatives = forms.TypedMultipleChoiceField(
        label=_("Initiatives that carry its proposals on (optional)"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    declarations = forms.TypedMultipleChoiceField(
        label=_("Declarations that take its proposals up (optional)"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, initiatives=(), declarations=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        self.fields["initiatives"].choices = [(i.pk, i.tr.title) for i in initiatives]
        self.fields["declarations"].choices = [(d.pk, d.title) for d in declarations]


class WallFilterForm(forms.Form):
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    type = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    proposals = forms.BooleanField(label=_("With proposals only"), required=False)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("newest")), ("supported", _("most supported"))],
    )

    def __init__(self, *args, edition=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All"))] + [
            (theme.pk, theme.tr.name) for theme in edition.themes.all()
        ]
        self.fields["type"].choices = [("", _("All"))] + [
            (kind.key, kind.name) for kind in edition.activity_types.all()
        ]
        self.fields["language"].choices = [("", _("All")), *language_choices()]


class ReasonForm(forms.Form):
    """Why one reports a contribution, hides it, or blocks a person."""

    reason = forms.CharField(label=_("Reason"), max_length=500)


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Your contribution"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: **bold**, *italic*, [links](https://…), lists."),
    )


class BranchForm(forms.Form):
    title = forms.CharField(label=_("Idea"), max_length=200)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    parent = forms.TypedChoiceField(
        label=_("Inside the branch"), required=False, coerce=int, empty_value=None
    )
    language = forms.ChoiceField(label=_("Written in"))

    def __init__(self, *args, edition=None, branches=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", "—")] + [
            (theme.pk, theme.tr.name) for theme in edition.themes.all()
        ]
        self.fields["parent"].choices = [("", _("None: a new main idea"))] + [
            (branch.pk, branch.tr.title) for branch in branches
        ]
        self.fields["language"].choices = language_choices()


class LinkForm(forms.Form):
    branch = forms.TypedChoiceField(label=_("Branch"), coerce=int)
    extract = forms.CharField(
        label=_("Extract (optional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Copy the sentences that carry the idea, word for word; leave empty to link all of it."
        ),
    )

    def __init__(self, *args, branches=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["branch"].choices = [(branch.pk, branch.tr.title) for branch in branches]


class SummaryFields(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Summary"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Markdown."),
    )

    def __init__(self, *args, editing=None, **kwargs) -> None:
        self.editing = editing
        super().__init__(*args, **kwargs)


SummaryForm = with_translation_fields(SummaryFields, Summary)


class NoteForm(forms.Form):
    speaker = forms.CharField(label=_("Speaker"), max_length=200)
    language = forms.ChoiceField(label=_("Language spoken"))
    body = forms.CharField(
        label=_("What they said"), max_length=5_000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class MemoryForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    author = forms.CharField(
        label=_("Said by"),
        required=False,
        max_length=100,
        help_text=_("A participant's or a speaker's name, or part of it."),
    )
    edition = forms.ChoiceField(label=_("Edition"), required=False)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, editions=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["edition"].choices = [("", _("All"))] + [
            (edition.slug, edition.tr.title) for edition in editions
        ]
        self.fields["theme"].choices = [("", _("All"))] + [
            (theme.pk, f"{theme.tr.name} ({edition.tr.title})")
            for edition in editions
            for theme in edition.themes.all()
        ]
        self.fields["kind"].choices = [
            ("", _("All")),
            *Contribution.Kind.choices,
            ("note", _("notes of live sessions")),
            ("summary", _("summaries")),
            ("outcome", _("outcomes of activities")),
        ]
        self.fields["language"].choices = [("", _("All")), *language_choices()]
