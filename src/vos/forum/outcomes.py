"""Outcomes of activities: once an activity has ended, its organizers post what it
produced (they are reminded by email a day after); an edition's outcomes make a wall of
proposals, filtered by theme, kind of activity and language."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.activity.queries import activities_public
from vos.common.log import log_action
from vos.common.multilingual import translations_apply
from vos.edition.models import Edition
from vos.forum.models import Outcome, OutcomeReminder
from vos.mail.services import mail_to_person
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


def outcomes_for_wall(edition: Edition, filters: dict) -> QuerySet[Outcome]:
    """An edition's outcomes, those with proposals first, in two queries."""
    outcomes = (
        Outcome.objects.filter(activity__in=activities_public().filter(edition=edition))
        .select_related("activity", "activity__activity_type")
        .order_by("-created_at", "pk")
    )
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
