"""Telling the facilitation team that proposals wait for review: at once, or in one
digest a day, as each facilitator chose on their profile."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from vos.activity.models import Activity, ReviewDigest
from vos.common.timezones import canonical_zone
from vos.edition.models import Edition
from vos.mail.services import mail_to_person
from vos.person.models import User

# A daily digest goes out from this hour of the facilitator's own morning.
DIGEST_HOUR = 8


def tell_facilitators_of_proposal(activity: Activity, *, resubmitted: bool = False) -> int:
    """Email the facilitators who want to hear at once that ``activity`` waits for review
    (new, or edited after changes were asked). Returns how many were told."""
    facilitators = activity.edition.facilitators.filter(
        review_emails=User.ReviewEmails.IMMEDIATE, is_active=True
    ).exclude(organized__activity=activity)
    told = 0
    for person in facilitators:
        mail_to_person(
            person=person,
            template="activity/email/review_waiting",
            context={"activity": activity, "resubmitted": resubmitted},
        )
        told += 1
    return told


def _local_now(person: User, now: dt.datetime) -> dt.datetime:
    zone = canonical_zone(person.time_zone) or settings.VOS_DEFAULT_TIME_ZONE
    return now.astimezone(zoneinfo.ZoneInfo(zone))


def review_digests_send(*, now: dt.datetime | None = None) -> int:
    """For each facilitator who chose a daily digest and each edition they facilitate with
    proposals waiting: one email a day, from DIGEST_HOUR in their own zone. Safe to run
    as often as one likes; returns how many digests were queued."""
    now = now or timezone.now()
    editions = (
        Edition.objects.annotate(
            waiting=Count("activities", filter=Q(activities__state=Activity.State.PROPOSED))
        )
        .filter(waiting__gt=0)
        .prefetch_related("facilitators")
    )
    queued = 0
    for edition in editions:
        # Who had today's digest already (two days cover every zone's "today").
        sent = set(
            ReviewDigest.objects.filter(
                edition=edition, day__gte=(now - dt.timedelta(days=1)).date()
            ).values_list("person_id", "day")
        )
        proposals = None
        for person in edition.facilitators.all():
            if person.review_emails != User.ReviewEmails.DAILY or not person.is_active:
                continue
            local = _local_now(person, now)
            if local.hour < DIGEST_HOUR or (person.pk, local.date()) in sent:
                continue
            if proposals is None:
                # Longest waiting first: the last edit sent it (back) to the queue.
                proposals = list(
                    edition.activities.filter(state=Activity.State.PROPOSED).order_by(
                        "updated_at", "pk"
                    )
                )
            queued += _send_digest(person, edition, local.date(), proposals)
    return queued


def _send_digest(person: User, edition: Edition, day: dt.date, proposals: list) -> int:
    try:
        with transaction.atomic():
            ReviewDigest.objects.create(
                person=person, edition=edition, day=day, proposals=len(proposals)
            )
            mail_to_person(
                person=person,
                template="activity/email/review_digest",
                context={"edition": edition, "proposals": proposals},
            )
    except IntegrityError:  # another run wrote today's digest between our look and now
        return 0
    return 1
