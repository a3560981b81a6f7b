"""The contact form and the team's inbox: a message is kept, the team is told, and
replies go out by email in the sender's language, in the same thread."""

import logging
import re
from email import policy
from email.parser import BytesParser
from email.utils import parseaddr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.contact import protection
from vos.contact.models import ContactMessage, ContactReply
from vos.mail.services import Stranger, mail_to_person, new_message_id

User = get_user_model()
logger = logging.getLogger(__name__)


def may_answer(person: User) -> bool:
    return person.has_perm("contact.answer")


@transaction.atomic
def message_receive(
    *,
    subject: str,
    body: str,
    email: str,
    language: str,
    name: str = "",
    person: User | None = None,
    challenge: str,
    nonce: str,
    honeypot: str,
    address: str,
) -> ContactMessage | None:
    """Keep a message for the team once the form's protections pass; None when the
    honeypot was filled (a machine, answered as if sent, and nothing is kept)."""
    if honeypot.strip():
        logger.info("contact form: honeypot filled, message dropped")
        return None
    protection.challenge_check(challenge, nonce)
    protection.limits_check(address=address, email=email)
    message = ContactMessage.objects.create(
        subject=" ".join(subject.split()),
        body=body.strip(),
        email=email.strip(),
        language=language,
        name=name.strip(),
        person=person if person is not None and person.is_authenticated else None,
        email_message_id=new_message_id(),
    )
    mail_to_person(
        person=Stranger(
            email=settings.VOS_CONTACT_EMAIL, preferred_language=settings.LANGUAGE_CODE
        ),
        template="contact/email/received",
        context={
            "message": message,
            "url": settings.SITE_URL + reverse("contact.message", args=[message.pk]),
        },
        headers={"Reply-To": message.email},
    )
    return message


def inbox(*, person: User, show: str = "open") -> QuerySet[ContactMessage]:
    messages = ContactMessage.objects.select_related("assigned_to").annotate(
        reply_count=Count("replies")
    )
    if show == "mine":
        return messages.filter(assigned_to=person).exclude(state=ContactMessage.State.CLOSED)
    if show == "open":
        return messages.filter(state=ContactMessage.State.OPEN)
    return messages


def inbox_counts(person: User) -> dict[str, int]:
    return ContactMessage.objects.aggregate(
        open=Count("pk", filter=Q(state=ContactMessage.State.OPEN)),
        mine=Count("pk", filter=Q(assigned_to=person) & ~Q(state=ContactMessage.State.CLOSED)),
    )


def answerers() -> QuerySet[User]:
    """Who may be given a message: the facilitators and the communication volunteers."""
    return (
        User.objects.filter(
            Q(is_superuser=True)
            | Q(facilitated_editions__isnull=False)
            | Q(team_roles__role="communication")
        )
        .distinct()
        .order_by("display_name")
    )


@transaction.atomic
def message_assign(*, message: ContactMessage, to: User | None, by: User) -> ContactMessage:
    """Give the message to a member of the team, who is told by email (unless they took
    it themselves)."""
    if not may_answer(by):
        raise ValidationError(_("Only the facilitation team answers messages."))
    if to is not None and not may_answer(to):
        raise ValidationError(_("This person is not in the facilitation team."))
    changed = to is not None and to.pk != message.assigned_to_id
    message.assigned_to = to
    message.save(update_fields=["assigned_to"])
    if changed and to.pk != by.pk:
        mail_to_person(
            person=to,
            template="contact/email/assigned",
            context={
                "message": message,
                "by": by,
                "url": settings.SITE_URL + reverse("contact.message", args=[message.pk]),
            },
        )
    log_action(message, actor=by, action="contact.assign", data={"to": to.pk if to else None})
    return message


@transaction.atomic
def reply_send(*, message: ContactMessage, body: str, by: User) -> ContactReply:
    """Send the reply by email in the sender's language, as an answer in the thread
    (In-Reply-To and References), and keep it."""
    if not may_answer(by):
        raise ValidationError(_("Only the facilitation team answers messages."))
    if not body.strip():
        raise ValidationError({"body": _("Write the reply.")})
    message = ContactMessage.objects.select_for_update().get(pk=message.pk)
    earlier = [
        message.email_message_id,
        *message.replies.values_list("email_message_id", flat=True),
    ]
    reply = ContactReply.objects.create(
        message=message, author=by, body=body.strip(), email_message_id=new_message_id()
    )
    mail_to_person(
        person=Stranger(
            email=message.email, preferred_language=message.language, display_name=message.name
        ),
        template="contact/email/reply",
        context={
            "message": message,
            "reply": reply,
            "quoted": "\n".join(f"> {line}" for line in message.body.splitlines()),
        },
        headers={
            "Message-ID": reply.email_message_id,
            "In-Reply-To": earlier[-1],
            "References": " ".join(earlier),
            "Reply-To": settings.VOS_CONTACT_EMAIL,
        },
    )
    if message.state == ContactMessage.State.OPEN:
        message.state = ContactMessage.State.ANSWERED
    if message.assigned_to_id is None:
        message.assigned_to = by
    message.save(update_fields=["state", "assigned_to"])
    log_action(message, actor=by, action="contact.reply")
    return reply


def message_state(*, message: ContactMessage, state: str, by: User) -> ContactMessage:
    if not may_answer(by):
        raise ValidationError(_("Only the facilitation team answers messages."))
    if state not in ContactMessage.State.values:
        raise ValidationError(_("This is not a state of a message."))
    message.state = state
    message.save(update_fields=["state"])
    log_action(message, actor=by, action="contact.state", data={"state": state})
    return message


MAX_INBOUND_BYTES = 2_000_000
MESSAGE_IDS = re.compile(r"<[^<>\s]+>")


def _text_of(parsed) -> str:
    part = parsed.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = part.get_content()
    if part.get_content_type() == "text/html":
        text = strip_tags(text)
    return text.strip()[:10_000]


def mail_receive(raw: bytes) -> tuple[ContactMessage, bool]:
    """An email that reached the team's address, handed over by the mail server. An
    answer in one of our threads (its In-Reply-To or References name a message of the
    thread, and it comes from the thread's sender) joins the thread and reopens it; any
    other email becomes a new message. Returns (the message, whether it joined a thread);
    the same email handed over twice is kept once. A ValidationError when it cannot be
    read."""
    if len(raw) > MAX_INBOUND_BYTES:
        raise ValidationError(_("This email is too large for the inbox."), code="too_big")
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    name, sender = parseaddr(str(parsed.get("From", "")))
    try:
        validate_email(sender)
    except ValidationError:
        raise ValidationError(_("This email has no sender address."), code="no_sender") from None
    text = _text_of(parsed)
    own_id = str(parsed.get("Message-ID", "")).strip() or new_message_id()
    named = MESSAGE_IDS.findall(f"{parsed.get('In-Reply-To', '')} {parsed.get('References', '')}")
    thread = (
        ContactMessage.objects.filter(
            Q(email_message_id__in=named) | Q(replies__email_message_id__in=named)
        )
        .order_by("-created_at")
        .first()
        if named
        else None
    )
    with transaction.atomic():
        if thread is not None and thread.email.lower() == sender.lower():
            thread = ContactMessage.objects.select_for_update().get(pk=thread.pk)
            if not thread.replies.filter(email_message_id=own_id).exists():
                ContactReply.objects.create(
                    message=thread, body=text, from_sender=True, email_message_id=own_id
                )
                thread.state = ContactMessage.State.OPEN
                thread.save(update_fields=["state"])
            return thread, True
        existing = ContactMessage.objects.filter(email_message_id=own_id).first()
        if existing is not None:
            return existing, False
        subject = " ".join(str(parsed.get("Subject", "")).split())[:200]
        message = ContactMessage.objects.create(
            subject=subject or _("(no subject)"),
            body=text,
            email=sender,
            name=name[:120],
            language=settings.LANGUAGE_CODE,
            email_message_id=own_id,
        )
        return message, False
