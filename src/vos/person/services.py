"""Every write to a person's account and profile."""

from typing import Any

from django.db import transaction

from vos.common.timezones import canonical_zone
from vos.person.models import User

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
    }


@transaction.atomic
def person_delete(*, person: User) -> None:
    """Delete the account and everything that belongs only to it."""
    person.delete()
