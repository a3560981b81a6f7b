"""Who may see the way into an edition's shared rooms (the plenary room, a welcome room).

An activity's own room is decided in ``activity`` (its join window); these rooms have no
time window, only an audience chosen by the facilitators.
"""

import rules

from vos.edition.queries import intention_accepted_by
from vos.edition.rules import is_facilitator
from vos.room.models import Room


def _takes_part_in(user, edition) -> bool:
    # Through the reverse relations, so this rule needs nothing from the apps above room.
    return (
        user.registrations.filter(activity__edition=edition).exists()
        or user.organized.filter(activity__edition=edition).exists()
    )


@rules.predicate
def may_enter_shared_room(user, room: Room | None) -> bool:
    if room is None or room.kind != Room.Kind.SHARED:
        return False
    if room.visibility == Room.Visibility.EVERYONE:
        return True
    if not user.is_authenticated:
        return False
    if is_facilitator(user, room.edition):
        return True
    if room.visibility == Room.Visibility.REGISTERED:
        return _takes_part_in(user, room.edition)
    return intention_accepted_by(user)


rules.add_perm("room.enter_shared", may_enter_shared_room)
