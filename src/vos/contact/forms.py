from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.forms import BoundedModelChoiceField
from vos.common.multilingual import interface_language_choices


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your email"), help_text=_("The team answers you at this address.")
    )
    language = forms.ChoiceField(
        label=_("Language of the answer"), choices=interface_language_choices
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )
    # Left empty by people (it is hidden from them); machines fill every field.
    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)
    challenge = forms.CharField(widget=forms.HiddenInput)
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Sent by email in the thread of the message; the sender's answer comes back to the team's address."
        ),
    )


class AssignForm(forms.Form):
    assigned_to = BoundedModelChoiceField(
        label=_("Assigned to"), queryset=None, required=False, empty_label=_("nobody")
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = people
