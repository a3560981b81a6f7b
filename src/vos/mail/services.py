"""The outbox: messages become rows first, then a retrying task sends each one once."""

import datetime as dt
import logging
import smtplib
import time
import zoneinfo
from dataclasses import dataclass
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django_tasks import default_task_backend

from vos.common.timezones import canonical_zone
from vos.mail.models import OutboxMessage, Undeliverable
from vos.mail.tasks import send_outbox, send_outbox_message

logger = logging.getLogger(__name__)


def new_message_id() -> str:
    """A Message-ID on the site's own domain, fixed before the first attempt."""
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "localhost")


# A header ``mail_to_person`` callers set to have the recipients forgotten once sent.
FORGET_RECIPIENTS = "X-Vos-Forget-Recipients"


def outbox_add(*, message: EmailMessage) -> OutboxMessage:
    """Store a message and queue its sending once the surrounding transaction commits."""
    html_body = ""
    for content, mimetype in getattr(message, "alternatives", []) or []:
        if mimetype == "text/html":
            html_body = content
    headers = dict(message.extra_headers)
    forget = bool(headers.pop(FORGET_RECIPIENTS, False))
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment  # only text parts are attached here
        if isinstance(content, bytes):
            content = content.decode("utf-8")
        attachments.append({"filename": filename, "content": content, "mimetype": mimetype})
    row = OutboxMessage.objects.create(
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(message.to),
        cc=list(message.cc),
        bcc=list(message.bcc),
        reply_to=list(message.reply_to),
        subject=str(message.subject),
        body=str(message.body),
        html_body=html_body,
        headers={name: value for name, value in headers.items() if name.lower() != "message-id"},
        forget_recipients=forget,
        attachments=attachments,
        message_id=headers.get("Message-ID") or new_message_id(),
    )
    transaction.on_commit(_wake_sender, robust=True)
    return row


# Set while a sender task is queued or running: the rows committed meanwhile are its too.
SENDER_QUEUED = "vos:mail:sender-queued"


def _wake_sender() -> None:
    """Queue the outbox's sender, unless one is queued or still taking new rows.

    A burst of a thousand emails then costs a few tasks, each sending a batch over one
    connection, instead of a task each. The flag lives in the shared cache (Redis); with
    a cache of the process's own, every message queues a sender, and a sender that
    finds nothing due returns at once.
    """
    if settings.REDIS_URL and not cache.add(
        SENDER_QUEUED, True, timeout=settings.MAIL_LEASE_SECONDS
    ):
        return
    send_outbox.enqueue()


def _retry_delay(attempts: int) -> dt.timedelta:
    # 30 s, 1 min, 2 min … capped at one hour.
    return dt.timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def _due(now: dt.datetime, *, grace: dt.timedelta = dt.timedelta(0)) -> Q:
    """Rows waiting to be sent: queued and due (for ``grace`` already), or held by a
    worker whose lease ran out."""
    return Q(status=OutboxMessage.Status.QUEUED, next_attempt_at__lte=now - grace) | Q(
        status=OutboxMessage.Status.SENDING, lease_until__lt=now
    )


def _claim(message_id: int) -> OutboxMessage | None:
    """Take the row for sending: mark it ``sending`` with a lease, in a short transaction,
    so that no database lock is held while the SMTP server is talked to."""
    now = timezone.now()
    with transaction.atomic():
        row = OutboxMessage.objects.select_for_update().filter(_due(now), pk=message_id).first()
        if row is None:
            return None
        row.status = OutboxMessage.Status.SENDING
        row.lease_until = now + dt.timedelta(seconds=settings.MAIL_LEASE_SECONDS)
        row.attempts += 1
        row.message_id = row.message_id or new_message_id()
        row.save(update_fields=["status", "lease_until", "attempts", "message_id"])
    return row


def _email_of(row: OutboxMessage, connection) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email,
        to=row.to,
        cc=row.cc,
        bcc=row.bcc,
        reply_to=row.reply_to,
        # The same Message-ID on every attempt: a resend is recognisably the same message.
        headers={**row.headers, "Message-ID": row.message_id},
        connection=connection,
    )
    if row.html_body:
        email.attach_alternative(row.html_body, "text/html")
    for attachment in row.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return email


def outbox_send(*, message_id: int) -> str:
    """Send one stored message if it is due and nobody else holds it; returns its status.

    A refusal is recorded and retried later with a growing delay, up to
    MAIL_MAX_ATTEMPTS times. A worker killed while sending leaves the row ``sending``; when
    its lease runs out the sweep sends it again (same Message-ID).
    """
    row = _claim(message_id)
    if row is None:
        current = OutboxMessage.objects.filter(pk=message_id).values_list("status", flat=True)
        return current.first() or "missing"
    status = _deliver(row, get_connection(settings.MAIL_DELIVERY_BACKEND))
    if status == OutboxMessage.Status.SENT:
        _mark_sent(row)
    return status


def _deliver(row: OutboxMessage, connection) -> str:
    """Hand one claimed row to the mail server; a refusal is recorded (retried later, or
    bounced for good). Returns the row's status; a sent row is for the caller to mark."""
    try:
        _email_of(row, connection).send()
    except smtplib.SMTPRecipientsRefused as error:
        if not _bounced(row, error):
            return _retry(row, error)
        return OutboxMessage.Status.FAILED
    except Exception as error:  # any other refusal or network failure is retried
        return _retry(row, error)
    return OutboxMessage.Status.SENT


def _mark_sent(row: OutboxMessage) -> None:
    OutboxMessage.objects.filter(pk=row.pk).update(
        status=OutboxMessage.Status.SENT, sent_at=timezone.now(), lease_until=None, last_error=""
    )
    _forget(row)


def _forget(row: OutboxMessage) -> None:
    if row.forget_recipients:
        OutboxMessage.objects.filter(pk=row.pk).update(to=[], cc=[], bcc=[])


def _claim_due(limit: int) -> list[OutboxMessage]:
    """Take up to ``limit`` due rows for sending, as ``_claim`` takes one; rows another
    sender holds locked are skipped, so senders running side by side share the work."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(_due(now))
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        OutboxMessage.objects.filter(pk__in=ids).update(
            status=OutboxMessage.Status.SENDING,
            lease_until=now + dt.timedelta(seconds=settings.MAIL_LEASE_SECONDS),
            attempts=F("attempts") + 1,
        )
        rows = list(OutboxMessage.objects.filter(pk__in=ids).order_by("next_attempt_at", "pk"))
    for row in rows:
        if not row.message_id:  # a row stored before Message-IDs were fixed at writing
            row.message_id = new_message_id()
            row.save(update_fields=["message_id"])
    return rows


def _open(connection) -> None:
    """Open the connection for the whole batch (else each message opens and closes its
    own); a server that cannot be reached now is retried with each message."""
    try:
        connection.open()
    except Exception as error:
        logger.warning("mail server not reachable: %s", error)


GATHER_SECONDS = 0.2


def outbox_send_due(*, batch: int = 25, seconds: float = 1.0) -> int:
    """Send due messages, ``batch`` at a time over one connection to the mail server,
    for about ``seconds``; returns how many were sent. Run by the ``send_outbox`` task.

    While it runs, messages written meanwhile are its own (the flag stays set); after
    ``seconds`` it hands the rest to a new task, so that a worker asked to stop waits
    for one batch, not for the whole queue.
    """
    started = time.monotonic()
    sent, connection = 0, None
    try:
        while True:
            rows = _claim_due(batch)
            if not rows:
                cache.delete(SENDER_QUEUED)  # from now on a new message queues a sender
                rows = _claim_due(batch)  # one committed just before that
                if not rows:
                    return sent
            if connection is None:
                connection = get_connection(settings.MAIL_DELIVERY_BACKEND)
                _open(connection)
            sent += _send_claimed(rows, connection)
            if time.monotonic() - started > seconds:
                cache.delete(SENDER_QUEUED)
                _wake_sender()
                return sent
            if len(rows) < batch:
                # Messages are coming in one by one (a burst of registrations): a moment's
                # wait lets the next claim take several of them at once.
                time.sleep(GATHER_SECONDS)
    finally:
        if connection is not None:
            connection.close()


def _send_claimed(rows: list[OutboxMessage], connection) -> int:
    sent = 0
    for row in rows:
        status = _deliver(row, connection)
        if status == OutboxMessage.Status.SENT:
            # Marked at once: a sender killed now sends at most this one twice.
            _mark_sent(row)
            sent += 1
        elif status == OutboxMessage.Status.QUEUED:
            connection.close()  # perhaps broken: the next row gets a new one
            _open(connection)
    return sent


def _bounced(row: OutboxMessage, error: smtplib.SMTPRecipientsRefused) -> bool:
    """Every recipient refused for good (5xx): the addresses are marked undeliverable and
    the message is not tried again. A temporary refusal (4xx) is retried."""
    codes = {address: code for address, (code, _text) in error.recipients.items()}
    if not codes or any(code < 500 for code in codes.values()):
        return False
    for address, (code, text) in error.recipients.items():
        if row.forget_recipients:
            break  # an address typed for someone else is not kept, not even as bounced
        reason = f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
        Undeliverable.objects.update_or_create(
            email=address.lower(), defaults={"reason": reason[:500]}
        )
    OutboxMessage.objects.filter(pk=row.pk).update(
        status=OutboxMessage.Status.FAILED,
        lease_until=None,
        last_error="bounced" if row.forget_recipients else f"bounced: {sorted(codes)}"[:2000],
    )
    _forget(row)
    return True


def _retry(row: OutboxMessage, error: Exception) -> str:
    """A refusal is recorded and tried again later, up to MAIL_MAX_ATTEMPTS times."""
    logger.warning("email %s not sent (attempt %s): %s", row.pk, row.attempts, error)
    failed = row.attempts >= settings.MAIL_MAX_ATTEMPTS
    status = OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.QUEUED
    next_attempt_at = timezone.now() + _retry_delay(row.attempts)
    OutboxMessage.objects.filter(pk=row.pk).update(
        status=status,
        lease_until=None,
        next_attempt_at=next_attempt_at,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    if failed:
        _forget(row)
    else:
        _schedule_retry(message_id=row.pk, at=next_attempt_at)
    return status


def _schedule_retry(*, message_id: int, at: dt.datetime) -> None:
    if default_task_backend.supports_defer:
        send_outbox_message.using(run_after=at).enqueue(message_id=message_id)
    # Without deferral (the immediate backend), the sweep picks it up when it is due.


def outbox_sweep(*, limit: int = 500) -> int:
    """Send every message that is due and not sent, whatever became of its task (a worker
    killed, a queue lost with Redis): the outbox, not the queue, is the source of truth.

    Run by ``vos remind`` (a timer in production, a loop under ``vos serve``). Sends in
    this process, so it works even while no worker runs; a row another worker holds is
    skipped, and a row due for less than MAIL_SWEEP_GRACE_SECONDS is left to its task.
    Returns how many were sent."""
    grace = dt.timedelta(seconds=settings.MAIL_SWEEP_GRACE_SECONDS)
    ids = list(
        OutboxMessage.objects.filter(_due(timezone.now(), grace=grace))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(outbox_send(message_id=pk) == OutboxMessage.Status.SENT for pk in ids)


def render_plain(name: str, context: dict) -> str:
    """A plain-text template (a subject, a text part) rendered without HTML escaping:
    "Cours : l'histoire", not "l&#x27;histoire". HTML parts stay escaped."""
    return get_template(name).template.render(Context(context, autoescape=False))


@dataclass
class Stranger:
    """A recipient who may have no account (an invitation, a signature to confirm): what
    ``mail_to_person`` reads of a person."""

    email: str
    preferred_language: str
    display_name: str = ""
    time_zone: str = ""


def mail_to_person(
    *,
    person,
    template: str,
    context: dict,
    email: str | None = None,
    attachments: list[tuple[str, str, str]] = (),
    headers: dict[str, str] | None = None,
) -> None:
    """Queue an email rendered in the recipient's language and time zone.

    ``template`` names three templates: ``<template>_subject.txt``, ``<template>.txt`` and
    ``<template>.html``; ``attachments`` are (filename, text, mimetype). Sent once the
    surrounding transaction commits.
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
        # One line: a subject cannot carry a header break, whatever a title holds.
        subject = " ".join(render_plain(f"{template}_subject.txt", context).split())
        text = render_plain(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email or person.email],
        headers={"Content-Language": language, **(headers or {})},
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
