"""Proposing, editing and cancelling an activity.

Side effects in other apps go through ``vos.activity.signals`` (registrants told of a new
time or a cancellation, reminders scheduled, the waiting list promoted)."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vos.activity.models import Activity, Organizer
from vos.activity.services.coorganization import organizations_link, organizations_needed
from vos.activity.services.invitation import invitation_create
from vos.activity.services.publishing import after_publish
from vos.activity.services.review_notices import tell_facilitators_of_proposal
from vos.activity.services.rooms import RoomChoice, bbb_meeting_schedule, room_assign, room_recheck
from vos.activity.signals import (
    activity_cancelled,
    activity_capacity_raised,
    activity_moved,
)
from vos.activity.validators import (
    validate_activity_times,
    validate_editable,
    validate_proposals_open,
)
from vos.common.log import log_action
from vos.common.multilingual import check_translations, translations_apply
from vos.edition.models import ActivityType, Edition, IntentionText, Slot, Theme
from vos.edition.queries import intention_text_current
from vos.edition.services import intention_accept
from vos.organization.models import Organization
from vos.organization.services import OrganizationData, organization_get_or_create
from vos.person.models import User
from vos.registration.models import Registration


@dataclass
class ActivityData:
    """What a proposer fills in; forms and the API both build one."""

    title: str
    summary: str
    activity_type: ActivityType
    languages: list[str]
    starts_at: dt.datetime
    ends_at: dt.datetime
    typed_time_zone: str
    description: str = ""
    themes: list[Theme] = field(default_factory=list)
    interpretation: list[dict[str, str]] = field(default_factory=list)
    slot: Slot | None = None
    capacity: int | None = None
    organizations: list[Organization] = field(default_factory=list)
    new_organization: OrganizationData | None = None
    # None keeps the activity's room as it is (a pool room is re-checked on a new time).
    room: RoomChoice | None = None
    accessibility: str = ""
    co_organizer_emails: list[str] = field(default_factory=list)
    # The language title, summary and description are written in; empty: the first
    # language the activity is held in.
    original_language: str = ""
    # Texts in other languages, {"fr": {"title", "summary", "description", "confirmed"}};
    # None keeps the activity's translations as they are.
    translations: dict[str, dict] | None = None


SIMPLE_FIELDS = (
    "title",
    "summary",
    "description",
    "original_language",
    "activity_type",
    "languages",
    "interpretation",
    "starts_at",
    "ends_at",
    "typed_time_zone",
    "slot",
    "capacity",
    "accessibility",
)


def _check_slot_has_room(slot: Slot, *, exclude: Activity | None = None) -> Slot:
    """Lock the slot and make sure a place is left; two bookers of one slot queue here."""
    locked = Slot.objects.select_for_update().get(pk=slot.pk)
    taken = Activity.objects.filter(slot=locked, state__in=Activity.HOLDS_PLACE)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.count() >= locked.places:
        raise ValidationError(
            {
                "slot": _(
                    "This slot has just been taken: every place is booked. Please pick another one."
                )
            },
            code="slot_full",
        )
    return locked


def hold_place(activity: Activity) -> None:
    """Make an activity that did not hold a place (declined, unpublished) hold one again:
    a place in its slot and its pool room, under the same locks as a proposal, so that a
    re-publication cannot overbook a slot or put two activities in one room.

    Raises ValidationError when the slot is full or no pool room is free then."""
    if activity.slot_id is not None:
        _check_slot_has_room(activity.slot, exclude=activity)
    room_recheck(activity=activity)


def _check_capacity(activity: Activity, capacity: int | None) -> None:
    """A capacity below the places already confirmed is refused: nobody loses a place they
    were given (the activity's row is locked by the caller, so the count holds)."""
    if capacity is None:
        return
    confirmed = Registration.objects.filter(
        activity=activity, status=Registration.Status.CONFIRMED
    ).count()
    if capacity < confirmed:
        raise ValidationError(
            {
                "capacity": ngettext(
                    "%(count)s person already has a place: the activity needs at least "
                    "%(count)s place.",
                    "%(count)s people already have a place: the activity needs at least "
                    "%(count)s places.",
                    confirmed,
                )
                % {"count": confirmed}
            },
            code="capacity_below_confirmed",
        )


def _check_data(edition: Edition, data: ActivityData) -> None:
    data.original_language = data.original_language or (data.languages or ["en"])[0]
    if data.translations is not None:
        check_translations(data.original_language, data.translations)
    if data.activity_type.edition_id != edition.pk:
        raise ValidationError({"activity_type": _("This type belongs to another edition.")})
    if any(theme.edition_id != edition.pk for theme in data.themes):
        raise ValidationError({"themes": _("This theme belongs to another edition.")})
    if not data.languages:
        raise ValidationError(
            {"languages": _("Say at least one language the activity is held in.")}
        )
    if edition.scheduling == Edition.Scheduling.SLOTS:
        if data.slot is None:
            raise ValidationError({"slot": _("Pick a slot in the grid.")})
        if data.slot.edition_id != edition.pk:
            raise ValidationError({"slot": _("This slot belongs to another edition.")})
        data.starts_at, data.ends_at = data.slot.starts_at, data.slot.ends_at
    else:
        data.slot = None
    validate_activity_times(edition, data.starts_at, data.ends_at)


def _organizations(data: ActivityData, actor: User) -> list[Organization]:
    """The chosen organizations, plus the new one typed in (created now, inside the
    caller's transaction, so a refused proposal leaves no organization behind)."""
    organizations = list(data.organizations)
    if data.new_organization is not None:
        organizations.append(
            organization_get_or_create(
                name=data.new_organization.name,
                country=data.new_organization.country,
                website=data.new_organization.website,
                created_by=actor,
                first_admin=actor,
            )
        )
    return list({organization.pk: organization for organization in organizations}.values())


def overlapping_activities(
    person: User, starts_at: dt.datetime, ends_at: dt.datetime, *, exclude: Activity | None = None
) -> list[Activity]:
    """The person's other live activities that overlap this time (a warning, not an error)."""
    activities = Activity.objects.filter(
        organizers__person=person,
        state__in=Activity.HOLDS_PLACE,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).select_related("edition")
    if exclude is not None and exclude.pk:
        activities = activities.exclude(pk=exclude.pk)
    return list(activities.order_by("starts_at"))


def _create(
    *,
    edition: Edition,
    proposer: User,
    data: ActivityData,
    intention_text: IntentionText,
    **fields: Any,
) -> Activity:
    """The rows of a new activity, once its data was checked: the activity, its themes and
    organizations, the proposer as first organizer (who shares the intention text), its
    room."""
    activity = Activity(
        edition=edition,
        intention_text=intention_text,
        created_by=proposer,
        **fields,
        **{name: getattr(data, name) for name in SIMPLE_FIELDS},
    )
    if data.translations:
        translations_apply(activity, data.translations)
    activity.full_clean(exclude=["intention_text"])
    activity.save()
    activity.themes.set(data.themes)
    organizations_link(
        activity=activity, organizations=_organizations(data, proposer), actor=proposer
    )
    Organizer.objects.create(activity=activity, person=proposer, is_proposer=True)
    intention_accept(person=proposer, intention_text=intention_text)
    room_assign(activity=activity, choice=data.room or RoomChoice(), actor=proposer)
    return activity


@transaction.atomic
def activity_propose(
    *, proposer: User, edition: Edition, data: ActivityData, intention_text: IntentionText
) -> Activity:
    """Propose an activity, booking its slot if the edition uses slots.

    Side effects: the proposer becomes its first organizer and is recorded as sharing the
    intention text; invitations are emailed to co-organizers; a log entry; published at
    once if the edition moderates afterwards.
    """
    validate_proposals_open(edition)
    current = intention_text_current()
    if current is None or intention_text.pk != current.pk:
        raise ValidationError(
            {"accept_intention": _("Please accept the current version of the intention text.")}
        )
    _check_data(edition, data)
    if data.slot is not None:
        data.slot = _check_slot_has_room(data.slot)
    publish_now = edition.moderation == Edition.Moderation.PUBLISH
    activity = _create(
        edition=edition,
        proposer=proposer,
        data=data,
        intention_text=intention_text,
        state=Activity.State.PUBLISHED if publish_now else Activity.State.PROPOSED,
        published_at=timezone.now() if publish_now else None,
    )
    waits_for_organizations = publish_now and organizations_needed(activity) > 0
    if waits_for_organizations:
        # Published by the last organization to accept (coorganization_decide).
        activity.state, activity.published_at = Activity.State.PROPOSED, None
        activity.save(update_fields=["state", "published_at"])
    log_action(
        activity,
        actor=proposer,
        action="activity.propose",
        data={"intention_text": intention_text.version, "state": activity.state},
    )
    for email in data.co_organizer_emails:
        invitation_create(activity=activity, email=email, invited_by=proposer)
    if activity.state == Activity.State.PUBLISHED:
        after_publish(activity)
    elif not waits_for_organizations:
        tell_facilitators_of_proposal(activity)
    return activity


@transaction.atomic
def activity_import(
    *,
    edition: Edition,
    proposer: User,
    data: ActivityData,
    intention_text: IntentionText,
    state: str = Activity.State.PUBLISHED,
    published_at: dt.datetime | None = None,
    is_official: bool = False,
    is_featured: bool = False,
    cancel_reason: str = "",
) -> Activity:
    """Record an activity of a program as it was: a past edition's archive, a program
    brought from another tool, the demo forum. The checks of a proposal (type, themes,
    languages, times inside the edition, a place in the slot, a free pool room) but not
    its window, and no email.

    Side effects: the proposer is its first organizer and shares the intention text; a
    log entry; reminders and meetings are scheduled if it is published.
    """
    if state not in Activity.State.values:
        raise ValidationError(_("Unknown state."))
    if state == Activity.State.CANCELLED and not cancel_reason.strip():
        raise ValidationError({"reason": _("Please say why the activity is cancelled.")})
    _check_data(edition, data)
    if data.slot is not None and state in Activity.HOLDS_PLACE:
        data.slot = _check_slot_has_room(data.slot)
    shown = state in (Activity.State.PUBLISHED, Activity.State.CANCELLED)
    activity = _create(
        edition=edition,
        proposer=proposer,
        data=data,
        intention_text=intention_text,
        state=state,
        published_at=(published_at or timezone.now()) if shown else None,
        is_official=is_official,
        is_featured=is_featured,
        cancel_reason=cancel_reason,
    )
    log_action(activity, actor=proposer, action="activity.import", data={"state": state})
    if state == Activity.State.PUBLISHED:
        after_publish(activity)
    return activity


def _describe(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if hasattr(value, "pk"):
        return str(value)
    if isinstance(value, list | tuple):
        return [_describe(item) for item in value]
    return value


@transaction.atomic
def activity_update(*, activity: Activity, editor: User, data: ActivityData) -> Activity:
    """Change an activity until its edition ends; every change goes to its history.

    A new time raises the activity's sequence (calendar clients see an update); an
    activity that was sent back for changes returns to the review queue.
    """
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    validate_editable(activity.edition)
    if activity.state in (Activity.State.CANCELLED, Activity.State.DECLINED):
        raise ValidationError(_("A cancelled or declined activity cannot be edited."))
    _check_data(activity.edition, data)
    if data.slot is not None and data.slot.pk != activity.slot_id:
        data.slot = _check_slot_has_room(data.slot, exclude=activity)
    _check_capacity(activity, data.capacity)

    old_starts_at, old_ends_at, old_capacity = (
        activity.starts_at,
        activity.ends_at,
        activity.capacity,
    )
    data.organizations = _organizations(data, editor)
    changes: dict[str, list[Any]] = {}
    for name in SIMPLE_FIELDS:
        old, new = getattr(activity, name), getattr(data, name)
        if old != new:
            changes[name] = [_describe(old), _describe(new)]
            setattr(activity, name, new)
    old_themes = sorted(activity.themes.all(), key=lambda item: item.pk)
    new_themes = sorted(data.themes, key=lambda item: item.pk)
    if old_themes != new_themes:
        changes["themes"] = [_describe(old_themes), _describe(new_themes)]
        activity.themes.set(new_themes)
    old_names = sorted(organization.name for organization in activity.organizations.all())
    linked = organizations_link(activity=activity, organizations=data.organizations, actor=editor)
    if linked["added"] or linked["removed"]:
        new_names = sorted(organization.name for organization in data.organizations)
        changes["organizations"] = [old_names, new_names]
    if data.translations is not None:
        translated = translations_apply(activity, data.translations)
        if translated:
            changes["translations"] = translated
    if "starts_at" in changes or "ends_at" in changes:
        activity.sequence += 1
    resubmitted = activity.state == Activity.State.CHANGES_REQUESTED
    if resubmitted:
        activity.state = Activity.State.PROPOSED
        changes["state"] = [Activity.State.CHANGES_REQUESTED, Activity.State.PROPOSED]
    activity.updated_at = timezone.now()
    activity.full_clean(exclude=["intention_text"])
    activity.save()
    old_room = (activity.room_mode, activity.room_id)
    if data.room is not None:
        room_assign(activity=activity, choice=data.room, actor=editor)
    elif "starts_at" in changes or "ends_at" in changes:
        room_recheck(activity=activity)
    if (activity.room_mode, activity.room_id) != old_room:
        changes["room"] = [old_room[0], activity.room_mode]
    if changes:
        log_action(activity, actor=editor, action="activity.update", data=changes)
    for email in data.co_organizer_emails:
        if not activity.invitations.filter(email__iexact=email).exists():
            invitation_create(activity=activity, email=email, invited_by=editor)
    _after_update(activity, old_starts_at, old_ends_at, old_capacity, old_room[0])
    if resubmitted:
        tell_facilitators_of_proposal(activity, resubmitted=True)
    return activity


def _after_update(
    activity: Activity, old_starts_at, old_ends_at, old_capacity, old_room_mode
) -> None:
    """Registrants hear of a new time; a larger capacity goes to the waiting list."""
    moved = (activity.starts_at, activity.ends_at) != (old_starts_at, old_ends_at)
    if moved:
        activity_moved.send(
            sender=Activity,
            activity=activity,
            old_starts_at=old_starts_at,
            old_ends_at=old_ends_at,
        )
    if moved or (activity.room_mode == "bbb" and old_room_mode != "bbb"):
        bbb_meeting_schedule(activity=activity)
    if activity.capacity is None or (old_capacity is not None and activity.capacity > old_capacity):
        activity_capacity_raised.send(sender=Activity, activity=activity)


@transaction.atomic
def activity_cancel(*, activity: Activity, actor: User, reason: str) -> Activity:
    """Cancel an activity with a reason; it frees its slot and stays in the history.

    Side effects: a log entry; an email to everyone registered.
    """
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    validate_editable(activity.edition)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Please say why the activity is cancelled.")})
    if activity.state == Activity.State.CANCELLED:
        raise ValidationError(_("This activity is already cancelled."))
    previous = activity.state
    activity.state = Activity.State.CANCELLED
    activity.cancel_reason = reason
    activity.sequence += 1
    activity.updated_at = timezone.now()
    activity.save(update_fields=["state", "cancel_reason", "sequence", "updated_at"])
    log_action(
        activity,
        actor=actor,
        action="activity.cancel",
        data={"reason": reason, "state": [previous, activity.state]},
    )
    activity_cancelled.send(sender=Activity, activity=activity)
    return activity
