"""Every write to an activity, one module per kind of change; the names most callers use
are gathered here.

- ``proposal``: propose, edit, cancel (and what a proposer fills in, ``ActivityData``);
- ``moderation``: the facilitation team's decisions and flags;
- ``invitation``: co-organizers invited by email;
- ``rooms``: the activity's room: its own link, a pool room, Jitsi or BigBlueButton;
- ``review_notices``: the facilitation team told of proposals waiting, at once or daily.
"""

from vos.activity.services.invitation import invitation_accept, invitation_create
from vos.activity.services.moderation import (
    DECISIONS,
    NEEDS_MESSAGE,
    activity_decide,
    activity_set_flags,
)
from vos.activity.services.proposal import (
    SIMPLE_FIELDS,
    ActivityData,
    activity_cancel,
    activity_import,
    activity_propose,
    activity_update,
    overlapping_activities,
)
from vos.activity.services.review_notices import review_digests_send
from vos.activity.services.rooms import (
    RoomChoice,
    bbb_meeting_schedule,
    pool_room_available,
    room_assign,
    room_move,
    room_recheck,
)

__all__ = [
    "DECISIONS",
    "NEEDS_MESSAGE",
    "SIMPLE_FIELDS",
    "ActivityData",
    "RoomChoice",
    "activity_cancel",
    "activity_decide",
    "activity_import",
    "activity_propose",
    "activity_set_flags",
    "activity_update",
    "bbb_meeting_schedule",
    "invitation_accept",
    "invitation_create",
    "overlapping_activities",
    "pool_room_available",
    "review_digests_send",
    "room_assign",
    "room_move",
    "room_recheck",
]
