from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from vos.common.locales import language_autonym, language_groups
from vos.common.multilingual import interface_language_choices, interface_languages
from vos.edition.models import Edition
from vos.news.models import Page, Subject

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [links](https://…), ## headings, lists.")


class ArticleForm(forms.Form):
    """An article, or a language version of one (``version=True``: the subjects, the
    edition, the picture and the authors are the original's)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences, shown in lists and feeds."),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=60_000,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=MARKDOWN_HELP,
    )
    language = forms.ChoiceField(label=_("Written in"))
    subjects = BoundedModelMultipleChoiceField(
        label=_("Subjects"),
        queryset=Subject.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    edition = BoundedModelChoiceField(
        label=_("Edition"), queryset=Edition.objects.all(), required=False
    )
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        help_text=_(
            "Email addresses of the accounts that may edit this article with the team, "
            "separated by commas."
        ),
    )
    picture = forms.ImageField(
        label=_("Picture"),
        required=False,
        help_text=_("PNG, JPEG, WebP or GIF, 5 MB at most; shown at most 1200 pixels wide."),
    )
    picture_alt = forms.CharField(
        label=_("Description of the picture"),
        max_length=300,
        required=False,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    picture_remove = forms.BooleanField(label=_("Remove the picture"), required=False)

    def __init__(self, *args, version: bool = False, writes_authors: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_groups(interface_languages())
        if version:
            for name in (
                "subjects",
                "edition",
                "authors",
                "picture",
                "picture_alt",
                "picture_remove",
            ):
                del self.fields[name]
        elif not writes_authors:
            del self.fields["authors"]


class SubjectForm(forms.Form):
    name = forms.CharField(label=_("New subject"), max_length=80)


class SubjectNamesForm(forms.Form):
    """A subject's name in each language of the site."""

    def __init__(self, *args, subject: Subject, **kwargs):
        super().__init__(*args, **kwargs)
        for language in interface_languages():
            shown = subject.shown_in(language)
            self.fields[f"name_{language}"] = forms.CharField(
                label=language_autonym(language),
                max_length=80,
                required=language == subject.original_language,
                initial=shown.name if shown.language == language else "",
                widget=forms.TextInput(attrs={"lang": language, "dir": "auto"}),
            )

    def names(self) -> dict[str, str]:
        return {
            language: self.cleaned_data.get(f"name_{language}") or ""
            for language in interface_languages()
        }


class PageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of this text"), choices=interface_language_choices
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_("Markdown. To show a screenshot, upload it below and paste the line it gives."),
    )


class PagePictureForm(forms.Form):
    picture = forms.ImageField(label=_("Screenshot or picture"))
    alt = forms.CharField(
        label=_("Description of the picture"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )


PAGE_KINDS = [kind for kind, _label in Page.Kind.choices]
