import hashlib
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.exceptions import ValidationError

from vos.room.models import jitsi_room_name
from vos.room.providers import bbb_checksum, bbb_create_url, bbb_join_url, bbb_meeting, jitsi_url
from vos.room.validators import validate_zoom_meeting_id

DOC_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b"


def signed_as_documented(call: str, query: str) -> str:
    """The checksum as the BigBlueButton documentation defines it, written out here so that
    the URL builders are checked against the definition, not against themselves."""
    return hashlib.sha1(f"{call}{query}{DOC_SECRET}".encode()).hexdigest()


def test_bbb_checksum_matches_the_api_documentation_example():
    # The "Usage" section of the BigBlueButton API documentation.
    query = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444"
    assert bbb_checksum("create", query, DOC_SECRET) == "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"


def test_bbb_create_url_signs_its_own_query():
    url = bbb_create_url(
        "https://bbb.example.org/bigbluebutton/api", DOC_SECRET, activity_id=7, name="Radio"
    )
    parsed = urlparse(url)
    assert parsed.path == "/bigbluebutton/api/create"
    query, checksum = parsed.query.rsplit("&checksum=", 1)
    assert checksum == signed_as_documented("create", query)
    assert parse_qs(query)["meetingID"] == ["vos-activity-7"]


@pytest.mark.parametrize(("moderator", "field"), [(True, "moderatorPW"), (False, "attendeePW")])
def test_bbb_join_as_moderator_or_attendee(moderator, field):
    url = bbb_join_url(
        "https://bbb.example.org/bigbluebutton",
        DOC_SECRET,
        activity_id=7,
        full_name="Ana Souza",
        moderator=moderator,
    )
    parsed = urlparse(url)
    assert parsed.path == "/bigbluebutton/api/join"
    query, checksum = parsed.query.rsplit("&checksum=", 1)
    assert checksum == signed_as_documented("join", query)
    values = parse_qs(query)
    assert values["password"] == [bbb_meeting(7, DOC_SECRET)[field]]
    assert values["fullName"] == ["Ana Souza"]


def test_jitsi_room_names_are_unguessable_and_distinct():
    names = {jitsi_room_name() for _number in range(1000)}
    assert len(names) == 1000
    # 16 random bytes, base64url: 22 characters after the prefix = 128 bits.
    assert all(len(name) == len("vos-") + 22 for name in names)
    assert jitsi_url("https://meet.example.org/", "vos-abc") == "https://meet.example.org/vos-abc"


def zoom_id_errors(value: str) -> list[str]:
    try:
        validate_zoom_meeting_id(value)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("939 680 575", False),
        ("93968057512", False),
        ("939-680-575", False),
        ("abc", True),
        ("12345", True),
        ("939 680 575 123 4", True),
    ],
)
def test_zoom_meeting_ids_are_9_to_11_digits(value, refused):
    errors = zoom_id_errors(value)
    assert len(errors) == (1 if refused else 0)
    assert all("9 to 11 digits" in message for message in errors)
