"""Following the debate: a person follows a space, a branch or a proposal and gets one
digest email a day or a week, in their language and zone, with what is new there. Every
digest carries one-click unsubscribe links (RFC 8058 headers too): one for the followed
thing, one for all of the Open Forum's digests. ``vos remind`` sends the digests; a
following's window moves on in the same transaction as its email, so nothing is sent
twice nor lost."""

import datetime as dt
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.forum.models import Branch, BranchLink, Contribution, Following, Space, Summary
from vos.mail.services import mail_to_person
from vos.person.models import User

SALT = "vos.forum.unsubscribe"
PERIODS = {
    Following.Frequency.DAILY: dt.timedelta(days=1),
    Following.Frequency.WEEKLY: dt.timedelta(days=7),
}
MAX_ITEMS = 30


def _target(thing: Space | Branch | Contribution) -> dict:
    if isinstance(thing, Space):
        return {"space": thing}
    if isinstance(thing, Branch):
        return {"branch": thing}
    if isinstance(thing, Contribution) and thing.kind == Contribution.Kind.PROPOSAL:
        return {"proposal": thing}
    raise ValidationError(_("One follows a space, a branch or a proposal."))


def follow(*, person: User, thing, frequency: str) -> Following:
    if not person.is_authenticated:
        raise PermissionDenied
    if frequency not in Following.Frequency.values:
        raise ValidationError({"frequency": _("Choose a daily or a weekly digest.")})
    target = _target(thing)
    try:
        with transaction.atomic():
            following, _created = Following.objects.update_or_create(
                person=person, **target, defaults={"frequency": frequency}
            )
    except IntegrityError:  # two clicks at once: the first one made it
        following = Following.objects.get(person=person, **target)
    return following


def unfollow(*, person: User, thing) -> None:
    Following.objects.filter(person=person, **_target(thing)).delete()


def following_of(person: User, thing) -> Following | None:
    if not person.is_authenticated:
        return None
    return Following.objects.filter(person=person, **_target(thing)).first()


def unsubscribe_token(person: User, following: Following | None = None) -> str:
    """A link's token: stop one following, or (without one) every forum digest."""
    return signing.dumps(
        {"person": person.pk, "following": following.pk if following else None}, salt=SALT
    )


def unsubscribe_with_token(token: str) -> int:
    """Stop what the token names, without logging in; returns how many followings
    ended (0 when they had ended already)."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise ValidationError(_("This unsubscribe link is not valid."), code="bad_token") from None
    person = User.objects.filter(pk=data.get("person")).first()
    if person is None:
        raise ValidationError(_("This unsubscribe link is not valid."), code="bad_token")
    followings = Following.objects.filter(person=person)
    if data.get("following"):
        followings = followings.filter(pk=data["following"])
    deleted, _rows = followings.delete()
    log_action(person, actor=person, action="forum.unsubscribe", data={"ended": deleted})
    return deleted


def _due(now: dt.datetime) -> Q:
    return Q(frequency=Following.Frequency.DAILY, last_sent_at__lte=now - PERIODS["daily"]) | Q(
        frequency=Following.Frequency.WEEKLY, last_sent_at__lte=now - PERIODS["weekly"]
    )


def _visible(following: Following) -> bool:
    """A follower still sees it: an activity's space is hidden with the activity."""
    space = following.space or (following.proposal.space if following.proposal_id else None)
    return (
        space is None
        or not space.activity_id
        or following.person.has_perm("activity.view", space.activity)
    )


def _news(following: Following, now: dt.datetime) -> dict:
    """What is new in a followed thing between its last digest and now."""
    since = following.last_sent_at
    window = Q(created_at__gt=since, created_at__lte=now)
    contributions = Contribution.objects.filter(window, hidden_at=None).select_related(
        "author", "space"
    )
    summaries = Summary.objects.filter(
        published_at__gt=since, published_at__lte=now
    ).select_related("branch", "space")
    links: list[BranchLink] = []
    if following.space_id:
        contributions = contributions.filter(space_id=following.space_id)
        summaries = summaries.filter(space_id=following.space_id)
    elif following.branch_id:
        contributions = contributions.none()
        links = list(
            BranchLink.objects.filter(window, branch_id=following.branch_id)
            .select_related("contribution__author", "contribution__space")
            .order_by("created_at")[:MAX_ITEMS]
        )
        summaries = summaries.filter(branch_id=following.branch_id)
    else:
        contributions = contributions.filter(
            Q(proposal_id=following.proposal_id) | Q(parent_id=following.proposal_id)
        )
        summaries = summaries.none()
    return {
        "following": following,
        "followed": following.followed,
        "contributions": list(contributions.order_by("created_at")[:MAX_ITEMS]),
        "links": [link for link in links if not link.contribution.hidden_at],
        "summaries": list(summaries),
        "unsubscribe": unsubscribe_token(following.person, following),
    }


def forum_digests_send(*, now: dt.datetime | None = None) -> int:
    """Send every forum digest that is due; returns how many emails were queued."""
    now = now or timezone.now()
    due = (
        Following.objects.filter(_due(now), person__is_active=True)
        .select_related(
            "person", "space__activity", "space__theme", "branch", "proposal__space__activity"
        )
        .order_by("person_id", "pk")
    )
    queued = 0
    for _person_id, followings in groupby(due, key=lambda following: following.person_id):
        followings = list(followings)
        person = followings[0].person
        with transaction.atomic():
            locked = set(
                Following.objects.select_for_update()
                .filter(_due(now), pk__in=[f.pk for f in followings])
                .values_list("pk", flat=True)
            )
            followings = [f for f in followings if f.pk in locked]
            if not followings:
                continue
            news = [_news(f, now) for f in followings if _visible(f)]
            news = [
                item for item in news if item["contributions"] or item["links"] or item["summaries"]
            ]
            Following.objects.filter(pk__in=[f.pk for f in followings]).update(last_sent_at=now)
            if news:
                everything = reverse(
                    "forum.unsubscribe", kwargs={"token": unsubscribe_token(person)}
                )
                mail_to_person(
                    person=person,
                    template="forum/email/digest",
                    context={"news": news, "unsubscribe_all": everything},
                    headers={
                        "List-Unsubscribe": f"<{settings.SITE_URL}{everything}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
                queued += 1
    return queued
