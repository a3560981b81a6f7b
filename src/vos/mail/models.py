from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """An email, written down before any attempt to send it: the source of truth for what
    is still to send, whatever became of the task that was to send it.

    A worker that sends it marks it ``sending`` with a lease; if the worker dies, the lease
    runs out and the sweep sends it again, under the same Message-ID, so that receivers
    drop the rare duplicate (the window between the SMTP server's "250 OK" and the row
    being marked sent)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    from_email = models.CharField(max_length=254)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    subject = models.CharField(max_length=998)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # Text attachments (calendar files): [{"filename", "content", "mimetype"}].
    attachments = models.JSONField(default=list, blank=True)
    # Addresses a person typed for someone else (an invitation to the forum): emptied once
    # the message is sent or given up, so that they are not kept.
    forget_recipients = models.BooleanField(default=False)
    message_id = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["status", "next_attempt_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class Undeliverable(models.Model):
    """An address the SMTP server refused for good (a hard bounce, 5xx): newsletters are
    no longer sent to it."""

    email = models.EmailField(unique=True)
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("undeliverable address")
        verbose_name_plural = _("undeliverable addresses")

    def __str__(self) -> str:
        return self.email
