from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    """A message sent through the contact form, and the thread of the team's replies."""

    shown_on_cached_pages = False

    class State(models.TextChoices):
        OPEN = "open", _("waiting for a reply")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=10_000)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=8)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_messages",
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_assignments",
        verbose_name=_("assigned to"),
    )
    # The thread's first Message-ID: replies point at it, so mail programs keep the thread.
    email_message_id = models.CharField(max_length=250)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        indexes = [models.Index(fields=["state", "-created_at"], name="contact_inbox")]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("contact.message", args=[self.pk])


class ContactReply(models.Model):
    """An answer in the thread: the team's, sent by email to the sender, or the sender's
    own, received by email (``from_sender``)."""

    shown_on_cached_pages = False

    message = models.ForeignKey(ContactMessage, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("reply"), max_length=10_000)
    from_sender = models.BooleanField(default=False)
    email_message_id = models.CharField(max_length=250)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self) -> str:
        return f"Re: {self.message.subject}"
