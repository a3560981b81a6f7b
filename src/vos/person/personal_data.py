"""What the person app keeps about a person: the account, the profile, API tokens, and
the actions the person took (the activity log and the admin's history name them)."""

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry as AdminLogEntry

from vos.common.models import LogEntry
from vos.person.models import ApiToken, User
from vos.person.registry import PersonalData, declare

PROFILE_FIELDS = (
    "display_name",
    "country",
    "time_zone",
    "languages",
    "preferred_language",
    "bio",
    "is_public",
    "review_emails",
)


def _export(person: User) -> dict:
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
        "api_tokens": [
            {
                "name": token.name,
                "begins_with": token.prefix,
                "created_at": token.created_at.isoformat(),
                "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
            }
            for token in person.api_tokens.all()
        ],
        "actions": [
            {"action": entry.action, "at": entry.created_at.isoformat()}
            for entry in LogEntry.objects.filter(actor=person).order_by("created_at", "pk")
        ],
    }


declare(
    PersonalData(
        app="person",
        models=(User, EmailAddress, ApiToken, LogEntry, AdminLogEntry),
        export=_export,
        why=(
            "The account and profile; tokens and addresses go with the account; log "
            "entries keep the action but lose the name (SET_NULL); the admin's own history "
            "of a staff account goes with it."
        ),
    )
)
