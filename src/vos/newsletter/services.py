"""The newsletter. Anyone subscribes with an address and a language and confirms from
the email it receives (double opt-in); a signed-in person's verified account address
needs no confirmation. The team writes a letter in Markdown, sees the email as it will
arrive, and sends it to every subscriber, those of one language, or an edition's
participants.

Sending is resumable and exactly once: each address is first written as a Delivery
(unique per letter) in the same transaction as its outbox email, so a worker that dies
half-way, or two workers at once, never send an address twice, and ``vos remind`` takes
up a letter still sending. Batches are taken under a lock on the letter and spaced a
second apart, so the rate cap (NEWSLETTER_RATE_PER_SECOND) holds across workers. Every
email has a plain-text part and a one-click unsubscribe (RFC 8058); addresses the SMTP
server refused for good (``mail.Undeliverable``) are skipped."""

import datetime as dt
import time

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vos.common.locales import language_name
from vos.common.log import log_action
from vos.common.multilingual import interface_languages
from vos.edition.models import Edition
from vos.mail.models import Undeliverable
from vos.mail.services import Stranger, mail_to_person, render_plain
from vos.newsletter.models import Delivery, Letter, Subscriber
from vos.newsletter.tasks import send_letter
from vos.person.models import User
from vos.registration.models import Registration

SALT = "vos.newsletter.unsubscribe"


def _language(language: str) -> str:
    if language not in interface_languages():
        raise ValidationError({"language": _("Choose a language of the site.")})
    return language


def _account_address(person: User | None, email: str) -> bool:
    """The person's own verified address: no confirmation needed."""
    if person is None or not person.is_authenticated:
        return False
    return person.emailaddress_set.filter(email__iexact=email, verified=True).exists()


@transaction.atomic
def subscribe(*, email: str, language: str, person: User | None = None) -> Subscriber:
    """Subscribe an address (or change its language). A new or returning address gets a
    confirmation link; the answer is the same whether the address was known or not."""
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid email address.")}) from None
    language = _language(language)
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is not None and subscriber.is_active:
        subscriber.language = language
        subscriber.save(update_fields=["language"])
        return subscriber
    subscriber = subscriber or Subscriber(email=email)
    subscriber.language = language
    subscriber.unsubscribed_at = None
    subscriber.confirmed_at = None
    if person is not None and person.is_authenticated:
        subscriber.person = person
    subscriber.save()
    if _account_address(person, email):
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
        return subscriber
    mail_to_person(
        person=Stranger(email=email, preferred_language=language),
        template="newsletter/email/confirm",
        context={"subscriber": subscriber},
    )
    return subscriber


@transaction.atomic
def confirm(*, token: str) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().filter(token=token).first()
    if subscriber is None or subscriber.unsubscribed_at is not None:
        raise ValidationError(_("This confirmation link is not valid any more."))
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


def unsubscribe_token(email: str) -> str:
    return signing.dumps(email.lower(), salt=SALT)


@transaction.atomic
def unsubscribe(*, token: str) -> str:
    """Stop the newsletter for the address the token names (a subscriber, or a
    participant written to as such); the row stays so that it is never written to again."""
    try:
        email = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise ValidationError(_("This unsubscribe link is not valid."), code="bad_token") from None
    subscriber, _created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": settings.LANGUAGE_CODE}
    )
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
    return email


def may_write(person: User) -> bool:
    return person.has_perm("newsletter.write")


@transaction.atomic
def letter_save(
    *,
    author: User,
    subject: str,
    body: str,
    language: str,
    audience: str,
    audience_language: str = "",
    audience_edition: Edition | None = None,
    letter: Letter | None = None,
    versions: dict[str, dict[str, str]] | None = None,
) -> Letter:
    """Write (or correct) a draft, with its versions in other languages (each a subject
    and a text, or nothing)."""
    if not may_write(author):
        raise PermissionDenied
    if letter is not None and letter.state != Letter.State.DRAFT:
        raise ValidationError(_("A letter being sent or sent is not changed."))
    subject, body = " ".join(subject.split()), body.strip()
    if not subject or not body:
        raise ValidationError(_("Write a subject and a text."))
    if audience not in Letter.Audience.values:
        raise ValidationError({"audience": _("Choose who receives it.")})
    if audience == Letter.Audience.LANGUAGE:
        audience_language = _language(audience_language)
    if audience == Letter.Audience.EDITION and audience_edition is None:
        raise ValidationError({"audience_edition": _("Choose the edition.")})
    language = _language(language)
    written = _versions(versions or {}, language)
    letter = letter or Letter(author=author)
    letter.subject, letter.body, letter.language = subject[:200], body, language
    letter.versions = written
    letter.audience = audience
    letter.audience_language = audience_language if audience == Letter.Audience.LANGUAGE else ""
    letter.audience_edition = audience_edition if audience == Letter.Audience.EDITION else None
    letter.save()
    return letter


def _versions(versions: dict[str, dict[str, str]], original: str) -> dict[str, dict[str, str]]:
    """The versions given, checked: a subject and a text each, in another language of the
    site than the original's."""
    written = {}
    for language, texts in versions.items():
        subject = " ".join((texts.get("subject") or "").split())
        body = (texts.get("body") or "").strip()
        if not subject and not body:
            continue
        _language(language)
        if language == original:
            raise ValidationError(
                _("The letter is written in this language already; leave its version empty.")
            )
        if not subject or not body:
            raise ValidationError(
                _("The version in %(language)s needs both a subject and a text.")
                % {"language": language_name(language)}
            )
        written[language] = {"subject": subject[:200], "body": body}
    return written


def recipients(letter: Letter) -> QuerySet:
    """(email, language) of everyone the letter is for, by address; the unsubscribed and
    the undeliverable left out."""
    gone = Undeliverable.objects.values("email")
    if letter.audience == Letter.Audience.EDITION:
        unsubscribed = Subscriber.objects.exclude(unsubscribed_at=None).values("email")
        people = (
            User.objects.filter(
                registrations__activity__edition=letter.audience_edition_id,
                registrations__status=Registration.Status.CONFIRMED,
            )
            .exclude(email="")
            .exclude(email__in=unsubscribed)
            .exclude(email__in=gone)
            .distinct()
        )
        return people.values_list("email", "preferred_language").order_by("email")
    subscribers = Subscriber.objects.filter(
        confirmed_at__isnull=False, unsubscribed_at=None
    ).exclude(email__in=gone)
    if letter.audience == Letter.Audience.LANGUAGE:
        subscribers = subscribers.filter(language=letter.audience_language)
    return subscribers.values_list("email", "language").order_by("email")


@transaction.atomic
def letter_send_start(*, letter: Letter, sender: User) -> Letter:
    if not may_write(sender):
        raise PermissionDenied
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.state != Letter.State.DRAFT:
        raise ValidationError(_("This letter is already sent or being sent."))
    letter.state = Letter.State.SENDING
    letter.sending_started_at = timezone.now()
    letter.save(update_fields=["state", "sending_started_at"])
    log_action(letter, actor=sender, action="newsletter.send", data={"to": letter.audience})
    transaction.on_commit(lambda: send_letter.enqueue(letter_id=letter.pk), robust=True)
    return letter


def _queue(letter: Letter, email: str, language: str) -> None:
    link = settings.SITE_URL + reverse("newsletter.unsubscribe", args=[unsubscribe_token(email)])
    mail_to_person(
        person=Stranger(email=email, preferred_language=language or letter.language),
        template="newsletter/email/letter",
        context={
            "letter": letter,
            "shown": letter.in_language(language or letter.language),
            "unsubscribe_url": link,
        },
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def letter_send_batch(*, letter_id: int, now: dt.datetime | None = None) -> int | None:
    """Queue the next batch of a letter being sent; returns how many were queued, or
    None when it is not this batch's time yet. Marks the letter sent when none is left."""
    now = now or timezone.now()
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter_id)
        if letter.state != Letter.State.SENDING:
            return 0
        if letter.next_batch_at and letter.next_batch_at > now:
            return None
        done = Delivery.objects.filter(letter=letter).values("email")
        batch = list(
            recipients(letter).exclude(email__in=done)[: settings.NEWSLETTER_RATE_PER_SECOND]
        )
        for email, language in batch:
            Delivery.objects.create(letter=letter, email=email)
            _queue(letter, email, language)
        if batch:
            letter.next_batch_at = now + dt.timedelta(seconds=1)
            letter.save(update_fields=["next_batch_at"])
        else:
            letter.state, letter.sent_at = Letter.State.SENT, now
            letter.save(update_fields=["state", "sent_at"])
        return len(batch)


def letter_send(*, letter_id: int) -> int:
    """Send a letter to the end, a batch a second; returns how many this run queued.
    Safe to run in several workers at once, and again after a crash."""
    queued = 0
    while True:
        count = letter_send_batch(letter_id=letter_id)
        if count == 0:
            return queued
        if count is None:
            time.sleep(0.2)
            continue
        queued += count


def letters_resume() -> int:
    """Take up letters still sending (their worker died): run by ``vos remind``."""
    return sum(
        letter_send(letter_id=pk)
        for pk in Letter.objects.filter(state=Letter.State.SENDING).values_list("pk", flat=True)
    )


def archive() -> QuerySet[Letter]:
    return Letter.objects.filter(state=Letter.State.SENT).order_by("-sent_at")


def subscription_of(person: User) -> Subscriber | None:
    if not person.is_authenticated:
        return None
    return Subscriber.objects.filter(email__iexact=person.email).first()


def unsubscribe_person(person: User) -> None:
    found = subscription_of(person)
    if found is not None and found.unsubscribed_at is None:
        found.unsubscribed_at = timezone.now()
        found.save(update_fields=["unsubscribed_at"])


def preview(letter: Letter, language: str = "") -> dict[str, str]:
    """The email as a subscriber of ``language`` (by default the letter's) will read it."""
    link = settings.SITE_URL + reverse("newsletter.unsubscribe", args=["preview"])
    language = language if language in interface_languages() else letter.language
    context = {
        "letter": letter,
        "shown": letter.in_language(language),
        "unsubscribe_url": link,
        "site_name": settings.VOS_SITE_NAME,
        "site_url": settings.SITE_URL,
        "recipient": Stranger(email="", preferred_language=language),
    }
    with translation.override(language):
        return {
            "subject": render_plain("newsletter/email/letter_subject.txt", context).strip(),
            "text": render_plain("newsletter/email/letter.txt", context),
            "html": render_to_string("newsletter/email/letter.html", context),
        }
