"""Writing in the Open Forum: spaces made when they are first needed, typed
contributions (an argument always belongs to a proposal, replies go one level deep),
likes. Writing needs an account that shares the intention text; a person writes at most
``FORUM_POSTS_PER_MINUTE`` contributions a minute and may edit one for
``FORUM_EDIT_MINUTES`` minutes."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.common.log import log_action
from vos.common.ratelimit import over_limit
from vos.edition.models import Theme
from vos.edition.queries import intention_accepted_by
from vos.forum.models import Block, Contribution, Like, Space
from vos.organization.models import Membership, Organization
from vos.organization.queries import organizations_of
from vos.person.models import User

ARGUMENTS = {Contribution.Kind.FOR, Contribution.Kind.AGAINST}
MAX_TEXT = 10_000


def space_of_theme(theme: Theme) -> Space:
    space, _created = Space.objects.get_or_create(
        theme=theme, defaults={"kind": Space.Kind.THEME, "edition_id": theme.edition_id}
    )
    return space


def space_of_activity(activity: Activity) -> Space:
    space, _created = Space.objects.get_or_create(
        activity=activity, defaults={"kind": Space.Kind.ACTIVITY, "edition_id": activity.edition_id}
    )
    return space


def space_standing() -> Space:
    try:
        space, _created = Space.objects.get_or_create(kind=Space.Kind.STANDING)
    except IntegrityError:
        space = Space.objects.get(kind=Space.Kind.STANDING)
    return space


def _rate_limit(person: User) -> None:
    if over_limit(f"forum:posts:{person.pk}", settings.FORUM_POSTS_PER_MINUTE, 60):
        raise ValidationError(_("You are writing very fast: wait a minute, then post again."))


@transaction.atomic
def contribution_post(
    *,
    space: Space,
    author: User,
    kind: str,
    body: str,
    language: str,
    proposal: Contribution | None = None,
    parent: Contribution | None = None,
    organization: Organization | None = None,
    quotable: bool = True,
) -> Contribution:
    """Post a contribution; side effect: a log entry."""
    if not author.is_authenticated or not intention_accepted_by(author):
        raise PermissionDenied
    if Block.objects.filter(person=author).exists():
        raise ValidationError(
            _("The facilitation team stopped you from writing in the Open Forum.")
        )
    if kind not in Contribution.Kind.values:
        raise ValidationError({"kind": _("Unknown kind.")})
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write something first.")})
    if len(body) > MAX_TEXT:
        raise ValidationError({"body": _("The text is too long.")})
    if kind in ARGUMENTS:
        if (
            proposal is None
            or proposal.kind != Contribution.Kind.PROPOSAL
            or proposal.space_id != space.pk
        ):
            raise ValidationError(_("An argument answers a proposal of this space."))
    else:
        proposal = None
    if kind == Contribution.Kind.REPLY:
        if parent is None or parent.space_id != space.pk:
            raise ValidationError(_("A reply answers a contribution of this space."))
        parent = parent.parent or parent  # replies stay one level deep
    else:
        parent = None
    if (
        organization is not None
        and not Membership.objects.filter(
            organization=organization, person=author, status=Membership.Status.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            {"organization": _("You can only speak for an organization you are a member of.")}
        )
    _rate_limit(author)
    contribution = Contribution.objects.create(
        space=space,
        kind=kind,
        proposal=proposal,
        parent=parent,
        author=author,
        organization=organization,
        body=body,
        language=language,
        quotable=quotable,
    )
    log_action(contribution, actor=author, action="forum.post", data={"kind": kind})
    return contribution


def contribution_edit(*, contribution: Contribution, author: User, body: str) -> Contribution:
    """Its author corrects a contribution within the edit window."""
    if contribution.author_id != author.pk or contribution.hidden_at:
        raise PermissionDenied
    window = dt.timedelta(minutes=settings.FORUM_EDIT_MINUTES)
    if timezone.now() - contribution.created_at > window:
        raise ValidationError(
            _("A contribution can be edited for %(minutes)s minutes after it is posted.")
            % {"minutes": settings.FORUM_EDIT_MINUTES}
        )
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write something first.")})
    log_action(contribution, actor=author, action="forum.edit", data={"before": contribution.body})
    contribution.body, contribution.edited_at = body[:MAX_TEXT], timezone.now()
    contribution.save(update_fields=["body", "edited_at"])
    return contribution


def organizations_spoken_for(person: User) -> list[Organization]:
    """The organizations a person may speak for: those they are an active member of."""
    return organizations_of(person)


def may_write(person: User) -> bool:
    return (
        person.is_authenticated
        and intention_accepted_by(person)
        and not Block.objects.filter(person=person).exists()
    )


def editable_by(contribution: Contribution, person: User) -> bool:
    return (
        person.is_authenticated
        and contribution.author_id == person.pk
        and not contribution.hidden_at
        and timezone.now() - contribution.created_at
        <= dt.timedelta(minutes=settings.FORUM_EDIT_MINUTES)
    )


def like_toggle(*, contribution: Contribution, person: User) -> bool:
    """Like, or undo one's like; returns whether the person likes it now."""
    if not person.is_authenticated:
        raise PermissionDenied
    deleted, _rows = Like.objects.filter(contribution=contribution, person=person).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Like.objects.create(contribution=contribution, person=person)
    except IntegrityError:  # a double click: the like is there
        pass
    return True
