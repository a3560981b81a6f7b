"""Every write to a person's account and profile."""

import hashlib
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.common.timezones import canonical_zone
from vos.person.models import ApiToken, User
from vos.person.personal_data import PROFILE_FIELDS
from vos.person.registry import declarations


@transaction.atomic
def person_update_profile(*, person: User, **fields: Any) -> User:
    """Change profile fields (only those named in PROFILE_FIELDS)."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean(exclude=["password"])
    person.save(update_fields=list(fields))
    return person


@transaction.atomic
def person_create_verified(
    *, email: str, password: str, superuser: bool = False, **profile: Any
) -> User:
    """An account whose address is already verified (the demo, an import of a team)."""
    create = User.objects.create_superuser if superuser else User.objects.create_user
    person = create(email, password, **profile)
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    return person


def person_set_time_zone(*, person: User, time_zone: str) -> User:
    """Remember the zone a person picked; aliases are stored under their canonical name."""
    zone = canonical_zone(time_zone)
    if zone is None:
        raise ValueError(f"Unknown time zone: {time_zone}")
    person.time_zone = zone
    person.save(update_fields=["time_zone"])
    return person


def person_export_data(*, person: User) -> dict[str, Any]:
    """Everything we keep about a person, as plain data for the download: each app's
    declared part of it (see ``vos.person.registry``)."""
    data: dict[str, Any] = {}
    for declaration in declarations():
        data.update(declaration.export(person))
    return data


@transaction.atomic
def person_delete(*, person: User) -> None:
    """Delete the account and everything that belongs only to it.

    Each app first erases or hands on its part as it declared (registrations are
    cancelled so that freed places go to the waiting lists; activities the person
    organized stay on the program, as they belong to the forum).
    """
    for declaration in declarations():
        if declaration.erase is not None:
            declaration.erase(person)
    person.delete()


TOKEN_PREFIX = "vos_"


def _token_hash(token: str) -> str:

    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, person: User, name: str) -> tuple[ApiToken, str]:
    """A new API token; returns the row and the token itself, which is never stored."""

    name = name.strip()
    if not name:
        raise ValidationError(
            {"name": _("Give the token a name, such as the app that will use it.")}
        )
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        person=person, name=name, key_hash=_token_hash(token), prefix=token[:10]
    )
    log_action(person, actor=person, action="api_token.create", data={"name": name})
    return row, token


def api_token_revoke(*, person: User, token_id: int) -> bool:

    deleted, _details = ApiToken.objects.filter(person=person, pk=token_id).delete()
    if deleted:
        log_action(person, actor=person, action="api_token.revoke", data={"id": token_id})
    return bool(deleted)


def api_token_authenticate(token: str) -> User | None:
    """The active person behind a bearer token, or None."""

    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    row = ApiToken.objects.select_related("person").filter(key_hash=_token_hash(token)).first()
    if row is None or not row.person.is_active:
        return None
    now = timezone.now()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)  # not on every request
    return row.person
