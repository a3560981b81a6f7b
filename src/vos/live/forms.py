from django import forms
from django.utils.translation import gettext_lazy as _

from vos.common.locales import language_choices
from vos.live.models import GroupSplit, SpeakerList, WelcomeGroup


class AskForm(forms.Form):
    language = forms.ChoiceField(label=_("Language I will speak"))
    topic = forms.CharField(
        label=_("Topic, or “reply to …” (optional)"), required=False, max_length=200
    )

    def __init__(self, *args, languages=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The activity's languages first: the ones people will mostly speak.
        choices = language_choices()
        first = [choice for choice in choices if choice[0] in languages]
        self.fields["language"].choices = first + [c for c in choices if c not in first]


class SettingsForm(forms.Form):
    is_open = forms.BooleanField(label=_("Open to requests"), required=False)
    order = forms.ChoiceField(label=_("Order"), choices=SpeakerList.Order.choices)
    first_timers_first = forms.BooleanField(
        label=_("People who have not spoken yet go first"), required=False
    )
    seconds_per_speaker = forms.IntegerField(
        label=_("Time per speaker (seconds)"), min_value=10, max_value=30 * 60
    )


class MarketForm(forms.Form):
    rounds = forms.IntegerField(label=_("Rounds"), min_value=1, max_value=6, initial=2)
    round_minutes = forms.IntegerField(
        label=_("Minutes per round"), min_value=5, max_value=180, initial=40
    )
    room_size = forms.IntegerField(
        label=_("People per breakout room"), min_value=2, max_value=500, initial=15
    )


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Your topic"), max_length=150)
    description = forms.CharField(label=_("In one line (optional)"), required=False, max_length=300)
    language = forms.ChoiceField(label=_("Language of the group"))

    def __init__(self, *args, languages=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = language_choices()
        first = [choice for choice in choices if choice[0] in languages]
        self.fields["language"].choices = first + [c for c in choices if c not in first]


class GroupsForm(forms.Form):
    size = forms.IntegerField(label=_("People per group"), min_value=2, max_value=50, initial=5)
    mode = forms.ChoiceField(
        label=_("How"), choices=GroupSplit.Mode.choices, widget=forms.RadioSelect, initial="mix"
    )


class WelcomeGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Gathered by"), choices=WelcomeGroup.Kind.choices)
    size = forms.IntegerField(label=_("Places"), min_value=2, max_value=100, initial=12)
    room_url = forms.URLField(label=_("Room link"), assume_scheme="https")
