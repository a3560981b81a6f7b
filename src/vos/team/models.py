from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.edition.models import Edition


class Volunteer(models.Model):
    """Someone offering to join an edition's facilitation team: what they can do, the
    languages they speak (and interpret between), their zone and when they are free."""

    shown_on_cached_pages = False  # no cached page shows it

    class Skill(models.TextChoices):
        MODERATION = "moderation", _("moderation")
        ROOMS = "rooms", _("rooms")
        ANIMATION = "animation", _("animation")
        INTERPRETATION = "interpretation", _("interpretation")
        TRANSLATION = "translation", _("translation")
        COMMUNICATION = "communication", _("communication")
        TECH = "tech", _("tech")

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for the team")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="volunteers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteering"
    )
    skills = models.JSONField(_("what I can do"), default=list)
    languages = models.JSONField(_("languages I speak"), default=list)
    # Interpreters work both ways: ["fr", "es"] is French ↔ Spanish.
    language_pairs = models.JSONField(_("languages I interpret between"), default=list, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64)
    message = models.TextField(_("a word for the team"), blank=True, max_length=2_000)
    state = models.CharField(max_length=10, choices=State, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        constraints = [models.UniqueConstraint(fields=["edition", "person"], name="volunteer_once")]

    def __str__(self) -> str:
        return f"{self.person} · {self.edition}"

    def interprets(self, one: str, other: str) -> bool:
        return any({one, other} == set(pair) for pair in self.language_pairs)


class Availability(models.Model):
    """A time a volunteer is free, typed in their zone and kept in UTC."""

    shown_on_cached_pages = False  # no cached page shows it

    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.CASCADE, related_name="availabilities"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"
