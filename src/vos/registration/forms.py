from django import forms
from django.utils.translation import gettext_lazy as _


class ReminderSettingsForm(forms.Form):
    remind_day_before = forms.BooleanField(
        label=_("Remind me by email a day before"), required=False
    )
    remind_shortly_before = forms.BooleanField(
        label=_("Remind me by email 15 minutes before"), required=False
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000
    )
