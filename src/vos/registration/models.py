import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity


class Registration(models.Model):
    """A participant's place in an activity: confirmed, or waiting in line."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "person"], name="registration_unique_person"
            )
        ]
        indexes = [models.Index(fields=["activity", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.person} → {self.activity} ({self.status})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


def _feed_token() -> str:
    return secrets.token_urlsafe(32)


class ReminderSettings(models.Model):
    """Which reminders a person wants, and the secret of their personal calendar feed."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    remind_day_before = models.BooleanField(_("a day before"), default=True)
    remind_shortly_before = models.BooleanField(_("15 minutes before"), default=True)
    feed_token = models.CharField(max_length=64, unique=True, default=_feed_token)

    class Meta:
        verbose_name = _("reminder settings")

    def __str__(self) -> str:
        return str(self.person)


class ReminderSent(models.Model):
    """One row per reminder actually queued: the unique key makes it exactly once."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=8)  # "day" or "soon"
    starts_at = models.DateTimeField()  # the start it announced; a new time gets new reminders
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "starts_at"], name="reminder_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.registration}"
