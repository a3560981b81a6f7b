"""Rules on an activity's time, shared by the proposal form, the services and the API."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.dates import format_local
from vos.common.timezones import zone_label
from vos.edition.models import Edition


def validate_activity_times(edition: Edition, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    """Inside the edition's days, ending after it starts, no longer than allowed."""
    errors = []
    if ends_at <= starts_at:
        errors.append(
            ValidationError(_("The end must come after the start."), code="end_before_start")
        )
    elif ends_at - starts_at > dt.timedelta(minutes=edition.max_duration_minutes):
        hours = edition.max_duration_minutes / 60
        errors.append(
            ValidationError(
                _("An activity may last %(hours)s hours at most.") % {"hours": f"{hours:g}"},
                code="too_long",
            )
        )
    if starts_at < edition.starts_at or ends_at > edition.ends_at:
        first = timezone.localtime(edition.starts_at, edition.zone)
        last = timezone.localtime(edition.ends_at - dt.timedelta(seconds=1), edition.zone)
        errors.append(
            ValidationError(
                _(
                    "The activity must take place during the edition: from %(first)s to "
                    "%(last)s (%(zone)s)."
                )
                % {
                    "first": format_local(first.date(), "date"),
                    "last": format_local(last.date(), "date"),
                    "zone": zone_label(edition.time_zone, at=edition.starts_at),
                },
                code="outside_edition",
            )
        )
    if errors:
        raise ValidationError(errors)


def validate_proposals_open(edition: Edition, now: dt.datetime | None = None) -> None:
    if not edition.proposals_are_open(now):
        raise ValidationError(
            _("Proposals for %(edition)s are not open at the moment.") % {"edition": edition.title},
            code="proposals_closed",
        )


def validate_editable(edition: Edition, now: dt.datetime | None = None) -> None:
    if edition.is_past(now):
        raise ValidationError(
            _("%(edition)s has ended: its program can no longer change.")
            % {"edition": edition.title},
            code="edition_ended",
        )
