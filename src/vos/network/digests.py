"""Followers' digests: once a day or once a week, each follower gets one email with the
new activities and initiatives of the organizations they follow, in their language and
zone. ``vos remind`` runs it; a follow's window moves on only with its email's row in
the outbox (one transaction), so a digest is never sent twice nor lost."""

import datetime as dt
from itertools import groupby

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from vos.activity.models import CoOrganization
from vos.activity.queries import activities_public
from vos.mail.services import mail_to_person
from vos.network.models import Initiative
from vos.organization.models import Follow

PERIODS = {
    Follow.Frequency.DAILY: dt.timedelta(days=1),
    Follow.Frequency.WEEKLY: dt.timedelta(days=7),
}


def _due(now: dt.datetime) -> Q:
    return Q(frequency=Follow.Frequency.DAILY, last_sent_at__lte=now - PERIODS["daily"]) | Q(
        frequency=Follow.Frequency.WEEKLY, last_sent_at__lte=now - PERIODS["weekly"]
    )


def _news(follow: Follow, now: dt.datetime) -> dict:
    since = follow.last_sent_at
    activities = list(
        activities_public()
        .filter(
            published_at__gt=since,
            published_at__lte=now,
            pk__in=CoOrganization.objects.filter(
                organization_id=follow.organization_id, status=CoOrganization.Status.ACCEPTED
            ).values("activity_id"),
        )
        .select_related("edition")
        .order_by("starts_at")
    )
    initiatives = list(
        Initiative.objects.filter(
            organizations=follow.organization_id, created_at__gt=since, created_at__lte=now
        ).order_by("created_at")
    )
    return {
        "organization": follow.organization,
        "activities": activities,
        "initiatives": initiatives,
    }


def follow_digests_send(*, now: dt.datetime | None = None) -> int:
    """Send every digest that is due; returns how many emails were queued."""
    now = now or timezone.now()
    due = (
        Follow.objects.filter(_due(now), person__is_active=True)
        .select_related("organization", "person")
        .order_by("person_id", "organization__name")
    )
    queued = 0
    for _person_id, follows in groupby(due, key=lambda follow: follow.person_id):
        follows = list(follows)
        with transaction.atomic():
            locked = list(
                Follow.objects.select_for_update()
                .filter(_due(now), pk__in=[f.pk for f in follows])
                .values_list("pk", flat=True)
            )
            follows = [follow for follow in follows if follow.pk in locked]
            if not follows:
                continue
            news = [_news(follow, now) for follow in follows]
            news = [item for item in news if item["activities"] or item["initiatives"]]
            Follow.objects.filter(pk__in=[f.pk for f in follows]).update(last_sent_at=now)
            if news:
                mail_to_person(
                    person=follows[0].person,
                    template="network/email/digest",
                    context={"news": news},
                )
                queued += 1
    return queued
