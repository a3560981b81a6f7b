import datetime as dt
import zoneinfo

import pytest

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity, Organizer
from vos.common.multilingual import in_languages
from vos.room.models import DialIn, Room

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

# What each published activity of the `world` looks like in the schedules. In Paris,
# 2025-03-30 is the day clocks go from 02:00 to 03:00: "Night owls" lasts one real hour
# though its end reads two hours later on the wall.
EXPECTED = {
    "Opening plenary": {
        "day": 1,
        "date": "2025-03-29T10:00:00+01:00",
        "start": "10:00",
        "duration": "01:00",
        "room": "Agora",
    },
    "Night owls": {
        "day": 2,
        "date": "2025-03-30T01:30:00+01:00",
        "start": "01:30",
        "duration": "01:00",
        "room": "Jitsi Meet",
    },
    "Spring forward": {
        "day": 2,
        "date": "2025-03-30T15:00:00+02:00",
        "start": "15:00",
        "duration": "01:30",
        "room": "BigBlueButton",
    },
    "Own link": {
        "day": 3,
        "date": "2025-03-31T09:00:00+02:00",
        "start": "09:00",
        "duration": "00:45",
        "room": "Ana's own room",
    },
    "Anywhere": {
        "day": 3,
        "date": "2025-03-31T18:00:00+02:00",
        "start": "18:00",
        "duration": "00:30",
        "room": "Online",
    },
}

# The ways into rooms, and who may stay private: none may appear in any export.
SECRETS = [
    "zoom.example",
    "93968057512",
    "939 680 575",
    "12072020",
    "PIN-7731",
    "+33 1 70 37 22 46",
    "meet.example.org",
    "secret-own-room",
    "own-pass-5521",
    "SecretJitsiRoomName",
    "@example.org",
    "Hidden Person",
]


def paris(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def world():
    """A three-day edition over the spring DST change, with rooms of every kind, public
    and private organizers, and activities the public program does not show."""
    intention_text()
    edition = make_edition("vos-dst", start=dt.date(2025, 3, 29), days=3, open_proposals=False)
    agora = Room.objects.create(
        edition=edition,
        kind=Room.Kind.POOL,
        name="Agora",
        translations=in_languages("name", fr="L'Agora"),
        provider=Room.Provider.ZOOM,
        join_url="https://zoom.example/j/93968057512",
        meeting_id="939 680 575",
        passcode="12072020",
    )
    DialIn.objects.create(room=agora, country="FR", number="+33 1 70 37 22 46", pin="PIN-7731")
    own = Room.objects.create(
        edition=edition,
        kind=Room.Kind.OWN,
        name="Ana's own room",
        join_url="https://meet.example.org/secret-own-room",
        passcode="own-pass-5521",
    )
    ana = UserFactory(display_name="Ana Public", is_public=True)
    hidden = UserFactory(display_name="Hidden Person")
    activities = {
        "Opening plenary": make_activity(
            edition,
            title="Opening plenary",
            kind="plenary",
            starts_at=paris(2025, 3, 29, 10, 0),
            minutes=60,
            organizer=ana,
            languages=("en", "fr"),
            room=agora,
            room_mode="pool",
        ),
        "Night owls": make_activity(
            edition,
            title="Night owls",
            starts_at=paris(2025, 3, 30, 1, 30),
            minutes=60,
            organizer=hidden,
            room_mode="jitsi",
            jitsi_name="vos-SecretJitsiRoomName",
        ),
        "Spring forward": make_activity(
            edition,
            title="Spring forward",
            starts_at=paris(2025, 3, 30, 15, 0),
            minutes=90,
            room_mode="bbb",
        ),
        "Own link": make_activity(
            edition,
            title="Own link",
            starts_at=paris(2025, 3, 31, 9, 0),
            minutes=45,
            organizer=ana,
            room=own,
            room_mode="own",
            link_visibility="public",
        ),
        "Anywhere": make_activity(
            edition, title="Anywhere", starts_at=paris(2025, 3, 31, 18, 0), minutes=30
        ),
    }
    Organizer.objects.create(activity=activities["Opening plenary"], person=hidden)
    hidden_from_program = {
        "Unpublished": make_activity(
            edition,
            title="Unpublished",
            state=Activity.State.UNPUBLISHED,
            published_at=paris(2025, 3, 1, 12, 0),
        ),
        "Proposal": make_activity(edition, title="Proposal", state=Activity.State.PROPOSED),
    }
    cancelled = make_activity(
        edition,
        title="Rained out",
        starts_at=paris(2025, 3, 30, 11, 0),
        state=Activity.State.CANCELLED,
        published_at=paris(2025, 3, 1, 12, 0),
        room=agora,
        room_mode="pool",
    )
    return {
        "edition": edition,
        "activities": activities,
        "hidden": hidden_from_program,
        "cancelled": cancelled,
        "ana": ana,
        "hidden_person": hidden,
        "agora": agora,
    }
