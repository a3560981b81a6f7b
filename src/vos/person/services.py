"""Every write to a person's account and profile."""

from typing import Any

from django.db import transaction

from vos.common.timezones import canonical_zone
from vos.person.models import ApiToken, User

PROFILE_FIELDS = (
    "display_name",
    "country",
    "time_zone",
    "languages",
    "preferred_language",
    "bio",
    "is_public",
)


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


def person_set_time_zone(*, person: User, time_zone: str) -> User:
    """Remember the zone a person picked; aliases are stored under their canonical name."""
    zone = canonical_zone(time_zone)
    if zone is None:
        raise ValueError(f"Unknown time zone: {time_zone}")
    person.time_zone = zone
    person.save(update_fields=["time_zone"])
    return person


def person_export_data(*, person: User) -> dict[str, Any]:
    """Everything we keep about a person, as plain data for the download."""
    from allauth.account.models import EmailAddress

    return {
        "account": {
            "email": person.email,
            "date_joined": person.date_joined.isoformat(),
            "last_login": person.last_login.isoformat() if person.last_login else None,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=person).order_by("email")
            ],
        },
        "profile": {name: getattr(person, name) for name in PROFILE_FIELDS},
        **_taking_part(person),
    }


def _taking_part(person: User) -> dict[str, Any]:
    """What the person did on the forum: activities organized, registrations, settings."""
    from vos.activity.models import Activity
    from vos.registration.models import Registration, ReminderSettings

    settings = ReminderSettings.objects.filter(person=person).first()
    return {
        "activities_organized": [
            {
                "id": a.pk,
                "title": a.title,
                "edition": a.edition.slug,
                "starts_at": a.starts_at.isoformat(),
                "state": a.state,
            }
            for a in Activity.objects.filter(organizers__person=person)
            .select_related("edition")
            .order_by("starts_at")
        ],
        "registrations": [
            {
                "activity": r.activity_id,
                "title": r.activity.title,
                "status": r.status,
                "registered_at": r.created_at.isoformat(),
            }
            for r in Registration.objects.filter(person=person)
            .select_related("activity")
            .order_by("created_at")
        ],
        "reminders": {
            "day_before": settings.remind_day_before if settings else True,
            "shortly_before": settings.remind_shortly_before if settings else True,
        },
        "api_tokens": [
            {
                "name": t.name,
                "begins_with": t.prefix,
                "created_at": t.created_at.isoformat(),
                "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
            }
            for t in person.api_tokens.all()
        ],
    }


@transaction.atomic
def person_delete(*, person: User) -> None:
    """Delete the account and everything that belongs only to it.

    Registrations are cancelled first, so that freed places go to the waiting lists.
    Activities the person organized stay on the program (they belong to the forum).
    """
    from vos.registration.models import Registration
    from vos.registration.services import registration_cancel

    for registration in Registration.objects.filter(person=person).select_related("activity"):
        registration_cancel(activity=registration.activity, person=person)
    person.delete()


TOKEN_PREFIX = "vos_"


def _token_hash(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, person: User, name: str) -> tuple[ApiToken, str]:
    """A new API token; returns the row and the token itself, which is never stored."""
    import secrets

    from vos.common.log import log_action

    name = name.strip()
    if not name:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

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
    from vos.common.log import log_action

    deleted, _details = ApiToken.objects.filter(person=person, pk=token_id).delete()
    if deleted:
        log_action(person, actor=person, action="api_token.revoke", data={"id": token_id})
    return bool(deleted)


def api_token_authenticate(token: str) -> User | None:
    """The active person behind a bearer token, or None."""
    from django.utils import timezone

    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    row = ApiToken.objects.select_related("person").filter(key_hash=_token_hash(token)).first()
    if row is None or not row.person.is_active:
        return None
    now = timezone.now()
    if row.last_used_at is None or (now - row.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)  # not on every request
    return row.person
