from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity


class SpeakerList(models.Model):
    """An activity's list of requests to speak, run by its facilitators and organizers."""

    class Order(models.TextChoices):
        ARRIVAL = "arrival", _("first come, first served")
        LANGUAGES = "languages", _("alternate the languages spoken")

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="speaker_list")
    is_open = models.BooleanField(_("open to requests"), default=True)
    order = models.CharField(_("order"), max_length=10, choices=Order, default=Order.ARRIVAL)
    first_timers_first = models.BooleanField(
        _("people who have not spoken yet go first"), default=False
    )
    seconds_per_speaker = models.PositiveIntegerField(_("time per speaker (seconds)"), default=120)

    class Meta:
        verbose_name = _("speakers' list")
        verbose_name_plural = _("speakers' lists")

    def __str__(self) -> str:
        return str(self.activity)


class SpeakerRequest(models.Model):
    """A person asking to speak: their place in the list, the language they will speak."""

    class State(models.TextChoices):
        WAITING = "waiting", _("waiting")
        SPEAKING = "speaking", _("speaking")
        DONE = "done", _("has spoken")
        WITHDRAWN = "withdrawn", _("withdrawn")

    speaker_list = models.ForeignKey(SpeakerList, on_delete=models.CASCADE, related_name="requests")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="speaker_requests"
    )
    language = models.CharField(_("language I will speak"), max_length=8)
    topic = models.CharField(_("topic, or “reply to …” (optional)"), max_length=200, blank=True)
    # The order in the list: given on arrival, changed by the facilitators.
    position = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State, default=State.WAITING)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("requests to speak")
        constraints = [
            models.UniqueConstraint(
                fields=["speaker_list", "position"], name="speaker_position_unique"
            ),
            models.UniqueConstraint(
                fields=["speaker_list", "person"],
                condition=Q(state__in=["waiting", "speaking"]),
                name="speaker_waits_once",
            ),
            models.UniqueConstraint(
                fields=["speaker_list"], condition=Q(state="speaking"), name="one_speaker_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.language})"
