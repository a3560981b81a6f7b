"""Writes to editions: set-up with default types, key dates, slots, the intention text."""

import datetime as dt

from django.db import transaction

from vos.common.log import log_action
from vos.edition.models import (
    DEFAULT_ACTIVITY_TYPES,
    ActivityType,
    Edition,
    IntentionAcceptance,
    IntentionText,
    KeyDate,
    PartnerEvent,
    Slot,
    Theme,
)
from vos.person.models import User


def edition_create(*, created_by: User | None = None, **fields) -> Edition:
    """Create an edition with the default activity types of real forums."""
    return edition_add(edition=Edition(**fields), created_by=created_by)


@transaction.atomic
def edition_add(*, edition: Edition, created_by: User | None = None) -> Edition:
    """Save a new edition built elsewhere (the admin's form) as ``edition_create`` does.

    Side effects: the default activity types; a log entry.
    """
    edition.full_clean()
    edition.save()
    ActivityType.objects.bulk_create(
        ActivityType(edition=edition, key=key, position=position)
        for position, key in enumerate(DEFAULT_ACTIVITY_TYPES)
    )
    log_action(edition, actor=created_by, action="edition.create")
    return edition


@transaction.atomic
def edition_update(*, edition: Edition, actor: User | None, changed: list[str]) -> Edition:
    """Save an edited edition; the names of the changed fields go to the log."""
    edition.full_clean()
    edition.save()
    if changed:
        log_action(edition, actor=actor, action="edition.update", data={"fields": changed})
    return edition


@transaction.atomic
def edition_add_details(
    *,
    edition: Edition,
    themes: list[str] = (),
    key_dates: list[tuple[str, dt.datetime]] = (),
    partner_events: list[tuple[str, str]] = (),
) -> None:
    """Themes, dates to remember and partner events of an edition, each checked."""
    position = edition.themes.count()
    rows = [
        *(
            Theme(edition=edition, name=name, position=position + n)
            for n, name in enumerate(themes)
        ),
        *(KeyDate(edition=edition, title=title, starts_at=when) for title, when in key_dates),
        *(PartnerEvent(edition=edition, title=title, url=url) for title, url in partner_events),
    ]
    for row in rows:
        row.full_clean()
        row.save()


@transaction.atomic
def edition_create_slots(
    *,
    edition: Edition,
    first_start: dt.datetime,
    length: dt.timedelta,
    count_per_day: int,
    gap: dt.timedelta,
    places: int,
) -> list[Slot]:
    """A grid of bookable slots: ``count_per_day`` slots a day, on every day of the edition."""
    slots = []
    day = 0
    while True:
        start = first_start + dt.timedelta(days=day)
        if start >= edition.ends_at:
            break
        for number in range(count_per_day):
            # Same wall-clock times every day; the length itself in real minutes.
            begins = (start + number * (length + gap)).astimezone(dt.UTC)
            if begins + length <= edition.ends_at:
                slots.append(
                    Slot(edition=edition, starts_at=begins, ends_at=begins + length, places=places)
                )
        day += 1
    return Slot.objects.bulk_create(slots)


@transaction.atomic
def intention_text_publish(*, bodies: dict[str, str], actor: User | None = None) -> IntentionText:
    """A new version of the intention text; proposers from now on accept this one."""
    latest = IntentionText.objects.select_for_update().order_by("-version").first()
    text = IntentionText.objects.create(
        version=(latest.version + 1) if latest else 1, bodies=bodies
    )
    log_action(text, actor=actor, action="intention_text.publish")
    return text


def intention_accept(*, person: User, intention_text: IntentionText) -> IntentionAcceptance:
    """Record that the person shares this version of the intention text (once per version)."""
    acceptance, _created = IntentionAcceptance.objects.get_or_create(
        person=person, intention_text=intention_text
    )
    return acceptance
