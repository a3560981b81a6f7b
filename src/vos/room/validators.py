"""Checks on room details, shared by the forms, the admin and the services."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# Its own code, so that a form field does not swap the message for its generic one.
web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address that starts with http:// or https://."),
    code="web_only",
)


def validate_zoom_meeting_id(value: str) -> None:
    digits = value.replace(" ", "").replace("-", "")
    if not digits.isdigit() or not 9 <= len(digits) <= 11:
        raise ValidationError(
            _("A Zoom meeting ID is 9 to 11 digits, like 939 680 575."), code="zoom_meeting_id"
        )
