"""The outbox: messages become rows first, then a retrying task sends each one once."""

import datetime as dt
import logging
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend

from vos.common.timezones import canonical_zone
from vos.mail.models import OutboxMessage
from vos.mail.tasks import send_outbox_message

logger = logging.getLogger(__name__)


def outbox_add(*, message: EmailMessage) -> OutboxMessage:
    """Store a message and queue its sending once the surrounding transaction commits."""

    html_body = ""
    for content, mimetype in getattr(message, "alternatives", []) or []:
        if mimetype == "text/html":
            html_body = content
    row = OutboxMessage.objects.create(
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        subject=str(message.subject),
        body=str(message.body),
        html_body=html_body,
        headers=dict(message.extra_headers),
    )
    transaction.on_commit(lambda: send_outbox_message.enqueue(message_id=row.pk), robust=True)
    return row


def _retry_delay(attempts: int) -> dt.timedelta:
    # 30 s, 1 min, 2 min … capped at one hour.
    return dt.timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def outbox_send(*, message_id: int) -> str:
    """Send one stored message unless it was sent already; returns its new status.

    The row stays locked while it is sent, so two workers cannot both send it.
    A refusal is recorded and retried later, up to MAIL_MAX_ATTEMPTS times.
    """
    with transaction.atomic():
        row = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if row is None or row.status != OutboxMessage.Status.QUEUED:
            return row.status if row else "missing"
        email = EmailMultiAlternatives(
            subject=row.subject,
            body=row.body,
            from_email=row.from_email,
            to=row.to,
            cc=row.cc,
            bcc=row.bcc,
            reply_to=row.reply_to,
            headers=row.headers,
            connection=get_connection(settings.MAIL_DELIVERY_BACKEND),
        )
        if row.html_body:
            email.attach_alternative(row.html_body, "text/html")
        row.attempts += 1
        try:
            email.send()
        except Exception as error:  # any refusal or network failure is retried the same way
            logger.warning("email %s not sent (attempt %s): %s", row.pk, row.attempts, error)
            row.last_error = f"{type(error).__name__}: {error}"
            if row.attempts >= settings.MAIL_MAX_ATTEMPTS:
                row.status = OutboxMessage.Status.FAILED
            row.save(update_fields=["attempts", "last_error", "status"])
        else:
            row.status = OutboxMessage.Status.SENT
            row.sent_at = timezone.now()
            row.last_error = ""
            row.save(update_fields=["attempts", "last_error", "status", "sent_at"])
        status, attempts = row.status, row.attempts
    if status == OutboxMessage.Status.QUEUED:
        _schedule_retry(message_id=message_id, attempts=attempts)
    return status


def _schedule_retry(*, message_id: int, attempts: int) -> None:

    if default_task_backend.supports_defer:
        send_outbox_message.using(run_after=timezone.now() + _retry_delay(attempts)).enqueue(
            message_id=message_id
        )
    # Without deferral (the immediate backend), outbox_retry_due picks it up later.


def outbox_retry_due() -> int:
    """Queue again every message still waiting; for a periodic job or a manual nudge."""

    ids = list(
        OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED).values_list(
            "pk", flat=True
        )
    )
    for message_id in ids:
        send_outbox_message.enqueue(message_id=message_id)
    return len(ids)


def mail_to_person(*, person, template: str, context: dict, email: str | None = None) -> None:
    """Queue an email rendered in the recipient's language and time zone.

    ``template`` names three templates: ``<template>_subject.txt``, ``<template>.txt`` and
    ``<template>.html``. Sent once the surrounding transaction commits.
    """

    language = getattr(person, "preferred_language", None) or settings.LANGUAGE_CODE
    zone = canonical_zone(getattr(person, "time_zone", "")) or settings.VOS_DEFAULT_TIME_ZONE
    context = {
        **context,
        "recipient": person,
        "site_name": settings.VOS_SITE_NAME,
        "site_url": settings.SITE_URL,
    }
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email or person.email],
    )
    message.attach_alternative(html, "text/html")
    message.send()
