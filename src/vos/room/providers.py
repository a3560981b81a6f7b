"""Join links made by the platform: Jitsi Meet rooms and BigBlueButton meetings."""

import hashlib
from urllib.parse import quote_plus, urlencode


def jitsi_url(server: str, room_name: str) -> str:
    return f"{server.rstrip('/')}/{quote_plus(room_name)}"


def bbb_checksum(call: str, query: str, secret: str) -> str:
    """BigBlueButton signs each API call with SHA-1 of call name + query string + secret."""
    return hashlib.sha1((call + query + secret).encode()).hexdigest()  # noqa: S324 - the BBB API's own scheme


def bbb_url(server: str, secret: str, call: str, parameters: dict[str, str]) -> str:
    query = urlencode(parameters)
    api = server.rstrip("/")
    if not api.endswith("/api"):
        api += "/api"
    return f"{api}/{call}?{query}&checksum={bbb_checksum(call, query, secret)}"


def bbb_meeting(activity_id: int, secret: str) -> dict[str, str]:
    """Stable meeting id and passwords for an activity, derived from the server secret."""
    seed = hashlib.sha256(f"{secret}:{activity_id}".encode()).hexdigest()
    return {
        "meetingID": f"vos-activity-{activity_id}",
        "attendeePW": seed[:16],
        "moderatorPW": seed[16:32],
    }


def bbb_create_url(
    server: str, secret: str, *, activity_id: int, name: str, keep_empty_minutes: int = 0
) -> str:
    meeting = bbb_meeting(activity_id, secret)
    parameters = {"name": name, **meeting}
    if keep_empty_minutes:
        # Created ahead of time, the meeting must outlive the wait for its first person.
        parameters["meetingExpireIfNoUserJoinedInMinutes"] = str(keep_empty_minutes)
    return bbb_url(server, secret, "create", parameters)


def bbb_join_url(
    server: str, secret: str, *, activity_id: int, full_name: str, moderator: bool
) -> str:
    meeting = bbb_meeting(activity_id, secret)
    password = meeting["moderatorPW"] if moderator else meeting["attendeePW"]
    return bbb_url(
        server,
        secret,
        "join",
        {
            "fullName": full_name,
            "meetingID": meeting["meetingID"],
            "password": password,
            "redirect": "true",
        },
    )
