"""Reads for the schedule exports: the program they list and its version."""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch

from vos.activity.models import Activity, Organizer
from vos.activity.queries import activities_published
from vos.edition.models import Edition


@dataclass(frozen=True)
class ProgramVersion:
    """What changes whenever the edition's program changes."""

    token: str
    changed_at: dt.datetime | None

    @property
    def label(self) -> str:
        """Shown as the schedule's version: when it last changed, and a short digest."""
        if self.changed_at is None:
            return f"0-{self.token[:8]}"
        return f"{self.changed_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-{self.token[:8]}"


def program_version(edition: Edition) -> ProgramVersion:
    """The program's version, in one aggregate query.

    Every service that changes an activity (proposal, edit, decision, cancellation) stamps
    ``updated_at``; a deleted activity lowers the count; a co-organizer who joins adds an
    organizer row. Changes outside activities (a renamed room or person, a facilitator's
    room move) are not seen here: the exports' cache lifetime bounds how long they wait.
    """
    row = Activity.objects.filter(edition=edition).aggregate(
        activity_count=Count("pk", distinct=True),
        last_updated=Max("updated_at"),
        last_created=Max("created_at"),
        organizer_count=Count("organizers", distinct=True),
        last_organizer=Max("organizers__created_at"),
    )
    stamps = [row[name] for name in ("last_updated", "last_created", "last_organizer") if row[name]]
    parts = [
        value.isoformat() if isinstance(value, dt.datetime) else value for value in row.values()
    ]
    token = hashlib.sha256(repr(parts).encode()).hexdigest()
    return ProgramVersion(token=token, changed_at=max(stamps) if stamps else None)


def activities_for_schedule(edition: Edition) -> list[Activity]:
    """The XML and JSON schedules: the public program without cancelled activities, with
    what they show (type, room, public organizers) in a fixed number of queries."""
    organizers = Organizer.objects.select_related("person")
    return list(
        activities_published(edition)
        .exclude(state=Activity.State.CANCELLED)
        .select_related("edition", "activity_type", "room")
        .prefetch_related(Prefetch("organizers", queryset=organizers))
        .order_by("starts_at", "title", "pk")
    )
