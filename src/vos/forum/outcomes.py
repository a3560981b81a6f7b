"""Outcomes of activities: once an activity has ended, its organizers post what it
produced (they are reminded by email a day after); an edition's outcomes make a wall of
proposals, filtered by theme, kind of activity and language."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity, CoOrganization
from vos.activity.queries import activities_public
from vos.common.log import log_action
from vos.common.multilingual import translations_apply
from vos.declaration.models import Declaration
from vos.declaration.queries import declarations_public
from vos.edition.models import Edition
from vos.forum.models import Outcome, OutcomeReminder, OutcomeSupport
from vos.mail.services import mail_to_person
from vos.network.models import Initiative
from vos.network.services import organizations_administered
from vos.organization.models import Organization
from vos.person.models import User

MAX_LINKS = 10


def _links(lines: list[str]) -> list[str]:
    check = URLValidator(schemes=["https", "http"])
    links = [line.strip() for line in lines if line.strip()]
    if len(links) > MAX_LINKS:
        raise ValidationError({"links": _("Ten links at most.")})
    for link in links:
        try:
            check(link)
        except ValidationError:
            raise ValidationError(
                {"links": _("“%(link)s” is not a web address (https://…).") % {"link": link}}
            ) from None
    return links


@transaction.atomic
def outcome_save(
    *,
    activity: Activity,
    author: User,
    summary: str,
    proposals: str = "",
    next_steps: str = "",
    links: list[str] = (),
    language: str = "en",
    translations: dict | None = None,
) -> Outcome:
    """Post (or correct) an activity's outcome: by its organizers, once it has ended."""
    if not activity.organizers.filter(person=author).exists():
        raise PermissionDenied
    if activity.ends_at > timezone.now():
        raise ValidationError(_("The outcome is posted once the activity has ended."))
    if not activity.is_public:
        raise ValidationError(_("Only an activity of the program has an outcome."))
    if not summary.strip():
        raise ValidationError({"summary": _("Say in a few words what came out of it.")})
    outcome = Outcome.objects.filter(activity=activity).first() or Outcome(activity=activity)
    outcome.summary = summary.strip()
    outcome.proposals = proposals.strip()
    outcome.next_steps = next_steps.strip()
    outcome.links = _links(list(links))
    outcome.original_language = language
    outcome.author = author
    outcome.updated_at = timezone.now()
    if translations:
        translations_apply(outcome, translations)
    outcome.full_clean()
    outcome.save()
    log_action(activity, actor=author, action="activity.outcome")
    return outcome


def outcome_links_allowed(activity: Activity) -> tuple[QuerySet, QuerySet]:
    """What an outcome may link to: the initiatives of the activity's organizations, the
    public declarations of its edition."""
    organizations = CoOrganization.objects.filter(
        activity=activity, status=CoOrganization.Status.ACCEPTED
    ).values("organization_id")
    initiatives = (
        Initiative.objects.filter(organizations__in=organizations).distinct().order_by("title")
    )
    declarations = declarations_public().filter(edition=activity.edition_id).order_by("title")
    return initiatives, declarations


@transaction.atomic
def outcome_link(
    *,
    outcome: Outcome,
    author: User,
    initiatives: list[Initiative] = (),
    declarations: list[Declaration] = (),
) -> None:
    """Say where the outcome's proposals are carried on."""
    if not outcome.activity.organizers.filter(person=author).exists():
        raise PermissionDenied
    allowed_initiatives, allowed_declarations = outcome_links_allowed(outcome.activity)
    if {i.pk for i in initiatives} - set(allowed_initiatives.values_list("pk", flat=True)) or {
        d.pk for d in declarations
    } - set(allowed_declarations.values_list("pk", flat=True)):
        raise ValidationError(
            _("Link initiatives of the activity's organizations and declarations of its edition.")
        )
    outcome.initiatives.set(initiatives)
    outcome.declarations.set(declarations)


def outcome_support(
    *, outcome: Outcome, person: User, organization: Organization | None = None
) -> OutcomeSupport:
    """Support in one click, as oneself, or for an organization one administers."""
    if not person.is_authenticated:
        raise PermissionDenied
    if organization is not None:
        if organization.pk not in {o.pk for o in organizations_administered(person)}:
            raise PermissionDenied
        support, _created = OutcomeSupport.objects.get_or_create(
            outcome=outcome, organization=organization
        )
    else:
        support, _created = OutcomeSupport.objects.get_or_create(outcome=outcome, person=person)
    return support


def outcome_unsupport(
    *, outcome: Outcome, person: User, organization: Organization | None = None
) -> None:
    if organization is not None:
        if organization.pk not in {o.pk for o in organizations_administered(person)}:
            raise PermissionDenied
        OutcomeSupport.objects.filter(outcome=outcome, organization=organization).delete()
    else:
        OutcomeSupport.objects.filter(outcome=outcome, person=person).delete()


def supported_by(
    person: User, outcomes: list[Outcome], administered: list[Organization]
) -> set[tuple[int, int | None]]:
    """(outcome, organization or None) pairs the person supports, as themself or for one
    of the organizations they administer; one query."""
    if not person.is_authenticated:
        return set()
    rows = OutcomeSupport.objects.filter(
        Q(person=person) | Q(organization__in=[o.pk for o in administered]),
        outcome__in=[o.pk for o in outcomes],
    ).values_list("outcome_id", "organization_id")
    return set(rows)


def outcomes_for_wall(edition: Edition, filters: dict) -> QuerySet[Outcome]:
    """An edition's outcomes with their support counts and links, in four queries."""
    outcomes = (
        Outcome.objects.filter(activity__in=activities_public().filter(edition=edition))
        .select_related("activity__edition", "activity__activity_type")
        .annotate(
            people_count=Count("supports", filter=Q(supports__person__isnull=False)),
            organization_count=Count("supports", filter=Q(supports__organization__isnull=False)),
        )
        .prefetch_related("initiatives", "declarations")
    )
    if filters.get("order") == "supported":
        outcomes = outcomes.order_by("-organization_count", "-people_count", "-created_at", "pk")
    else:
        outcomes = outcomes.order_by("-created_at", "pk")
    if filters.get("theme"):
        outcomes = outcomes.filter(activity__themes__pk=filters["theme"])
    if filters.get("type"):
        outcomes = outcomes.filter(activity__activity_type__key=filters["type"])
    if filters.get("language"):
        outcomes = outcomes.filter(activity__languages__icontains=f'"{filters["language"]}"')
    if filters.get("proposals"):
        outcomes = outcomes.exclude(proposals="")
    return outcomes


# The organizers are reminded this long after the end, and not for activities older than
# the window (a new site does not remind everyone of last year's workshops).
REMIND_AFTER = dt.timedelta(days=1)
REMIND_WINDOW = dt.timedelta(days=7)


def outcome_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Remind the organizers of every public activity that ended a day ago and has no
    outcome yet, once; returns how many activities were reminded. ``vos remind`` runs it."""
    now = now or timezone.now()
    due = (
        activities_public()
        .filter(
            state=Activity.State.PUBLISHED,
            ends_at__lte=now - REMIND_AFTER,
            ends_at__gt=now - REMIND_WINDOW,
            outcome__isnull=True,
            outcome_reminder__isnull=True,
        )
        .select_related("edition")
        .order_by("ends_at")[:500]
    )
    reminded = 0
    for activity in due:
        with transaction.atomic():
            _reminder, created = OutcomeReminder.objects.get_or_create(activity=activity)
            if not created:
                continue
            for organizer in activity.organizers.select_related("person"):
                mail_to_person(
                    person=organizer.person,
                    template="forum/email/outcome_reminder",
                    context={"activity": activity},
                )
            reminded += 1
    return reminded
