import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.edition.models import Edition


def _token() -> str:
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    """An address that asked for the newsletter, in a language. Confirmed by the link in
    an email (double opt-in), unless it is the verified address of the person's account.
    An unsubscribed row stays, so that the address is never written to again."""

    shown_on_cached_pages = False  # no cached page shows it

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=8)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriptions",
    )
    token = models.CharField(max_length=64, unique=True, default=_token)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Letter(models.Model):
    """A newsletter: written in Markdown by the team, sent once to its audience."""

    class Audience(models.TextChoices):
        ALL = "all", _("all subscribers")
        LANGUAGE = "language", _("subscribers of one language")
        EDITION = "edition", _("the participants of an edition")

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), max_length=50_000)
    language = models.CharField(_("language it is written in"), max_length=8)
    # The same letter written in other languages: {"fr": {"subject": …, "body": …}}. Each
    # reader gets their language's version, else the original.
    versions = models.JSONField(_("versions in other languages"), default=dict, blank=True)
    audience = models.CharField(_("to"), max_length=10, choices=Audience, default=Audience.ALL)
    audience_language = models.CharField(_("language of the subscribers"), max_length=8, blank=True)
    audience_edition = models.ForeignKey(
        Edition, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(max_length=8, choices=State, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The rate cap across workers: the next batch is not queued before this moment.
    next_batch_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("newsletter.letter", kwargs={"pk": self.pk})

    def in_language(self, language: str) -> "LetterText":
        """What a reader of ``language`` reads: its version, else the original."""
        version = (self.versions or {}).get(language)
        if version and language != self.language:
            return LetterText(version["subject"], version["body"], language)
        return LetterText(self.subject, self.body, self.language)


@dataclass(frozen=True)
class LetterText:
    subject: str
    body: str
    language: str


class Delivery(models.Model):
    """One address a letter went to: the unique key makes every address get it once,
    however many workers send and however often sending resumes."""

    shown_on_cached_pages = False  # no cached page shows it

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    queued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [models.UniqueConstraint(fields=["letter", "email"], name="delivered_once")]

    def __str__(self) -> str:
        return f"{self.letter} → {self.email}"
