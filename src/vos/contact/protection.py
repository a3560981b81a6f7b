"""What keeps machines off the contact form without a third-party captcha: a honeypot
field, rate limits, and a small proof of work the browser computes (SHA-256 with a number
of leading zero bits). Without JavaScript, the form still works after a short wait."""

import hashlib
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vos.common.ratelimit import over_limit

SALT = "vos.contact.challenge"


def challenge_new(now: float | None = None) -> str:
    """A signed challenge that carries when it was given."""
    issued = int(now if now is not None else time.time())
    return signing.dumps({"t": issued, "r": secrets.token_hex(8)}, salt=SALT, compress=True)


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        bits += 8 - byte.bit_length()
        break
    return bits


def work_done(challenge: str, nonce: str) -> bool:
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
    return leading_zero_bits(digest) >= settings.CONTACT_WORK_BITS


def challenge_check(challenge: str, nonce: str, now: float | None = None) -> None:
    """Accept a challenge once: with its proof of work, or, without JavaScript, when the
    form has been open long enough. A ValidationError says what to do otherwise."""
    now = now if now is not None else time.time()
    try:
        issued = int(signing.loads(challenge, salt=SALT)["t"])
        if not 0 <= now - issued <= settings.CONTACT_FORM_MAX_AGE:
            raise signing.BadSignature
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ValidationError(
            _("This form is too old or was changed; it has been renewed. Please send it again."),
            code="stale",
        ) from None
    if nonce:
        if not work_done(challenge, nonce):
            raise ValidationError(
                _("The browser's check did not succeed; please send the form again."),
                code="work",
            )
    else:
        waited = now - issued
        if waited < settings.CONTACT_WAIT_SECONDS:
            left = int(settings.CONTACT_WAIT_SECONDS - waited) + 1
            raise ValidationError(
                ngettext(
                    "Sent too fast: please wait %(count)s more second and send again.",
                    "Sent too fast: please wait %(count)s more seconds and send again.",
                    left,
                )
                % {"count": left},
                code="too_fast",
            )
    used = "contact:challenge:" + hashlib.sha256(challenge.encode()).hexdigest()
    if not cache.add(used, 1, timeout=settings.CONTACT_FORM_MAX_AGE):
        raise ValidationError(
            _("This form was already sent; it has been renewed."), code="replayed"
        )


def limits_check(*, address: str, email: str) -> None:
    """At most a few messages an hour from one network address and to one email."""
    hour = 3600
    if over_limit(f"contact:ip:{address}", settings.CONTACT_PER_ADDRESS_PER_HOUR, hour) or (
        over_limit(f"contact:email:{email.lower()}", settings.CONTACT_PER_EMAIL_PER_HOUR, hour)
    ):
        raise ValidationError(
            _("You have sent several messages in the last hour; please try again later."),
            code="rate",
        )
