"""Moderation under the intention text: anyone reports a contribution with a reason; the
facilitation team hides it (a visible trace stays: "hidden by the facilitation team:
reason") or keeps it, restores what it hid, and may stop a person from writing. Every
decision is logged."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common.log import log_action
from vos.edition.models import Edition, TeamRole
from vos.forum.models import Block, Contribution, Report
from vos.person.models import User

MAX_REASON = 300


def _reason(reason: str, limit: int = MAX_REASON) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": _("Say why.")})
    if len(reason) > limit:
        raise ValidationError({"reason": _("Keep the reason short.")})
    return reason


def _facilitating(person: User, contribution: Contribution) -> None:
    if not person.has_perm("forum.moderate", contribution.space):
        raise PermissionDenied


def report(*, contribution: Contribution, reporter: User, reason: str) -> Report:
    """Ask the facilitation team to look at a contribution; once while it is open."""
    if not reporter.is_authenticated:
        raise PermissionDenied
    reason = _reason(reason, 500)
    try:
        with transaction.atomic():
            made = Report.objects.create(
                contribution=contribution, reporter=reporter, reason=reason
            )
    except IntegrityError:
        raise ValidationError(
            _("You reported it already: the facilitation team will look at it.")
        ) from None
    log_action(contribution, actor=reporter, action="forum.report", data={"reason": reason})
    return made


@transaction.atomic
def hide(*, contribution: Contribution, facilitator: User, reason: str) -> Contribution:
    _facilitating(facilitator, contribution)
    reason = _reason(reason)
    contribution.hidden_at, contribution.hidden_reason = timezone.now(), reason
    contribution.save(update_fields=["hidden_at", "hidden_reason"])
    contribution.reports.filter(decision=Report.Decision.OPEN).update(
        decision=Report.Decision.HIDDEN, decided_at=timezone.now()
    )
    log_action(contribution, actor=facilitator, action="forum.hide", data={"reason": reason})
    return contribution


@transaction.atomic
def restore(*, contribution: Contribution, facilitator: User) -> Contribution:
    _facilitating(facilitator, contribution)
    before = contribution.hidden_reason
    contribution.hidden_at, contribution.hidden_reason = None, ""
    contribution.save(update_fields=["hidden_at", "hidden_reason"])
    log_action(contribution, actor=facilitator, action="forum.restore", data={"reason": before})
    return contribution


@transaction.atomic
def keep(*, contribution: Contribution, facilitator: User) -> None:
    """The reports are looked at; the contribution stays as it is."""
    _facilitating(facilitator, contribution)
    closed = contribution.reports.filter(decision=Report.Decision.OPEN).update(
        decision=Report.Decision.KEPT, decided_at=timezone.now()
    )
    log_action(contribution, actor=facilitator, action="forum.keep", data={"reports": closed})


@transaction.atomic
def block(*, person: User, facilitator: User, reason: str) -> Block:
    """Stop a person from writing (reading stays open to everyone)."""
    if not facilitator.has_perm("forum.view_queue"):
        raise PermissionDenied
    if person.pk == facilitator.pk:
        raise ValidationError(_("You cannot block yourself."))
    reason = _reason(reason)
    made, _created = Block.objects.update_or_create(
        person=person, defaults={"reason": reason, "blocked_by": facilitator}
    )
    log_action(person, actor=facilitator, action="forum.block", data={"reason": reason})
    return made


@transaction.atomic
def unblock(*, person: User, facilitator: User) -> None:
    if not facilitator.has_perm("forum.view_queue"):
        raise PermissionDenied
    Block.objects.filter(person=person).delete()
    log_action(person, actor=facilitator, action="forum.unblock")


def is_blocked(person: User) -> bool:
    return person.is_authenticated and Block.objects.filter(person=person).exists()


def queue_for(facilitator: User) -> QuerySet[Contribution]:
    """Contributions with open reports, in the spaces of the editions the person
    facilitates or moderates (and the standing space), oldest report first, their reports with them."""
    contributions = Contribution.objects.filter(reports__decision=Report.Decision.OPEN)
    if not facilitator.is_superuser:
        editions = Edition.objects.filter(
            Q(facilitators=facilitator)
            | Q(team_roles__person=facilitator, team_roles__role=TeamRole.Role.MODERATION)
        )
        contributions = contributions.filter(
            Q(space__edition__in=editions) | Q(space__edition=None)
        )
    open_reports = Report.objects.filter(decision=Report.Decision.OPEN).select_related("reporter")
    return (
        contributions.distinct()
        .select_related("author__forum_block", "space__theme", "space__activity", "space__edition")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("created_at", "pk")
    )
