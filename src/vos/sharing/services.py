""" "Invite your network": a signed-in person sends an invitation to an edition or an
activity to up to 20 addresses, with a personal note. Rate-limited per person; the
addresses are not kept: the log records how many, and the outbox forgets the recipients
once each email is sent (``mail.FORGET_RECIPIENTS``)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vos.common.log import log_action, log_for
from vos.mail.services import FORGET_RECIPIENTS, Stranger, mail_to_person
from vos.person.models import User

MAX_ADDRESSES = 20
SENDS_PER_DAY = 3


def addresses_read(text: str) -> list[str]:
    """The addresses typed (one a line, or separated by commas), checked, without repeats."""
    found = []
    for part in text.replace(",", "\n").replace(";", "\n").split():
        email = part.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"emails": _("“%(email)s” is not an email address.") % {"email": part}}
            ) from None
        if email not in found:
            found.append(email)
    if not found:
        raise ValidationError({"emails": _("Type at least one email address.")})
    if len(found) > MAX_ADDRESSES:
        raise ValidationError({"emails": _("Twenty addresses at most.")})
    return found


@transaction.atomic
def invite_network(
    *,
    sender: User,
    subject: models.Model,
    url: str,
    title: str,
    emails: str,
    note: str,
    language: str,
) -> int:
    """Send the invitation; returns how many emails were queued."""
    if not sender.is_authenticated:
        raise ValidationError(_("Log in to invite people."))
    addresses = addresses_read(emails)
    note = note.strip()
    if len(note) > 1000:
        raise ValidationError({"note": _("The note is too long.")})
    User.objects.select_for_update().filter(pk=sender.pk).first()  # one send at a time
    since = timezone.now() - dt.timedelta(hours=24)
    sent = log_for(sender).filter(action="sharing.invite", created_at__gte=since).count()
    if sent >= SENDS_PER_DAY:
        raise ValidationError(
            ngettext(
                "You sent %(count)s invitation today. Please wait until tomorrow.",
                "You sent %(count)s invitations today. Please wait until tomorrow.",
                sent,
            )
            % {"count": sent}
        )
    for email in addresses:
        mail_to_person(
            person=Stranger(email=email, preferred_language=language),
            template="sharing/email/invitation",
            context={"sender": sender, "url": url, "title": title, "note": note},
            headers={FORGET_RECIPIENTS: "1", "Reply-To": sender.email},
        )
    log_action(sender, actor=sender, action="sharing.invite", data={"count": len(addresses)})
    log_action(subject, actor=sender, action="sharing.invite", data={"count": len(addresses)})
    return len(addresses)
