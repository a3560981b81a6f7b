import rules

from vos.edition.rules import is_facilitator


@rules.predicate
def is_organizer(user, activity) -> bool:
    if activity is None or not user.is_authenticated:
        return False
    return activity.organizers.filter(person=user).exists()


@rules.predicate
def is_activity_facilitator(user, activity) -> bool:
    return activity is not None and is_facilitator(user, activity.edition)


@rules.predicate
def is_published(user, activity) -> bool:
    return activity is not None and activity.is_public


@rules.predicate
def is_changeable(user, activity) -> bool:
    return (
        activity is not None
        and not activity.edition.is_past()
        and activity.state not in ("cancelled", "declined")
    )


@rules.predicate
def can_propose_in(user, edition) -> bool:
    return user.is_authenticated and edition is not None and edition.proposals_are_open()


# Roles that see a registered-only link: decided once for a list by ``access.roles_for``.
ROLES_THAT_ENTER = ("organizer", "facilitator", "interpreter", "confirmed")


def may_enter_room(user, activity, role: str | None = None) -> bool:
    """The one rule for who may have an activity's way in (its window aside): everyone for
    a public link; else its organizers, its facilitation team, its confirmed interpreters
    and confirmed registrants.

    ``role`` is the person's role when a list already knows it (no query then)."""
    if activity.link_visibility == "public":
        return True
    if not user.is_authenticated:
        return False
    if role is not None:
        return role in ROLES_THAT_ENTER
    if is_organizer(user, activity) or is_activity_facilitator(user, activity):
        return True
    if activity.interpreters.filter(person=user, state="accepted").exists():
        return True
    # Through the reverse relation: registration sits above activity.
    return user.registrations.filter(activity=activity, status="confirmed").exists()


@rules.predicate
def can_enter_room(user, activity) -> bool:
    return activity is not None and may_enter_room(user, activity)


rules.add_perm("activity.view", is_published | is_organizer | is_activity_facilitator)
rules.add_perm("activity.change", (is_organizer | is_activity_facilitator) & is_changeable)
rules.add_perm("activity.cancel", (is_organizer | is_activity_facilitator) & is_changeable)
rules.add_perm("activity.moderate", is_activity_facilitator)
rules.add_perm("activity.view_history", is_organizer | is_activity_facilitator)
rules.add_perm("activity.propose", can_propose_in)
rules.add_perm("activity.view_registrants", is_organizer | is_activity_facilitator)
rules.add_perm("activity.enter_room", can_enter_room)
