"""Volunteering with the facilitation team. A signed-in person offers their skills,
languages, zone and free times to an edition's team; the team accepts (giving roles,
each with only the permissions its part of the work needs: ``edition.TeamRole``) or
declines. Volunteer interpreters also say the languages they interpret between; the team
matches them to the activities that ask for interpretation, among those free then and
not interpreting elsewhere at that time (``activity.services.interpretation``)."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity, Interpreter
from vos.activity.services.interpretation import pairs_asked
from vos.common.log import log_action
from vos.common.timezones import canonical_zone
from vos.edition.models import Edition, TeamRole
from vos.mail.services import mail_to_person
from vos.person.models import User
from vos.team.models import Availability, Volunteer

MAX_PAIRS = 6
MAX_WINDOWS = 14
ROLES = {choice.value for choice in TeamRole.Role}


@dataclass
class Offer:
    """What a person offers the team, as the form read it."""

    skills: list[str]
    languages: list[str]
    time_zone: str
    language_pairs: list[tuple[str, str]] = field(default_factory=list)
    windows: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    message: str = ""


def _checked(offer: Offer) -> Offer:
    skills = [s for s in dict.fromkeys(offer.skills) if s in Volunteer.Skill.values]
    if not skills or len(skills) != len(set(offer.skills)):
        raise ValidationError({"skills": _("Choose what you can do.")})
    if not offer.languages:
        raise ValidationError({"languages": _("Choose the languages you speak.")})
    if not canonical_zone(offer.time_zone):
        raise ValidationError({"time_zone": _("Choose your time zone.")})
    pairs = list(dict.fromkeys(tuple(pair) for pair in offer.language_pairs))
    if any(one == other or not one or not other for one, other in pairs):
        raise ValidationError({"language_pairs": _("Give two different languages in a pair.")})
    if len(pairs) > MAX_PAIRS:
        raise ValidationError({"language_pairs": _("Six pairs of languages at most.")})
    if Volunteer.Skill.INTERPRETATION in skills and not pairs:
        raise ValidationError({"language_pairs": _("Say which languages you interpret between.")})
    if len(offer.windows) > MAX_WINDOWS:
        raise ValidationError({"windows": _("Fourteen free times at most.")})
    for starts_at, ends_at in offer.windows:
        if ends_at <= starts_at:
            raise ValidationError({"windows": _("A free time ends after it starts.")})
    if Volunteer.Skill.INTERPRETATION in skills and not offer.windows:
        raise ValidationError(
            {"windows": _("Say when you are free to interpret, in your time zone.")}
        )
    return Offer(
        skills=skills,
        languages=list(dict.fromkeys(offer.languages)),
        time_zone=canonical_zone(offer.time_zone),
        language_pairs=pairs,
        windows=sorted(offer.windows),
        message=offer.message.strip(),
    )


@transaction.atomic
def volunteer_offer(*, person: User, edition: Edition, offer: Offer) -> Volunteer:
    """Offer (or update) help to an edition's team. Checked whole before anything is
    written; a declined offer made again waits for the team anew."""
    if edition.is_past():
        raise ValidationError(_("This edition is over."))
    offer = _checked(offer)
    volunteer = Volunteer.objects.filter(edition=edition, person=person).first()
    volunteer = volunteer or Volunteer(edition=edition, person=person)
    volunteer.skills, volunteer.languages = offer.skills, offer.languages
    volunteer.language_pairs = [list(pair) for pair in offer.language_pairs]
    volunteer.time_zone, volunteer.message = offer.time_zone, offer.message
    if volunteer.state == Volunteer.State.DECLINED:
        volunteer.state = Volunteer.State.PENDING
    volunteer.updated_at = timezone.now()
    volunteer.save()
    volunteer.availabilities.all().delete()
    Availability.objects.bulk_create(
        Availability(volunteer=volunteer, starts_at=starts_at, ends_at=ends_at)
        for starts_at, ends_at in offer.windows
    )
    return volunteer


@transaction.atomic
def volunteer_decide(
    *, facilitator: User, volunteer: Volunteer, accept: bool, roles: list[str] = ()
) -> Volunteer:
    """The team accepts a volunteer with these roles (or changes their roles), or
    declines them (their roles go). The volunteer is told by email."""
    edition = volunteer.edition
    if not facilitator.has_perm("edition.moderate", edition):
        raise PermissionDenied
    roles = list(dict.fromkeys(roles))
    if set(roles) - ROLES:
        raise ValidationError(_("Choose roles from the list."))
    before = set(
        TeamRole.objects.filter(edition=edition, person=volunteer.person).values_list(
            "role", flat=True
        )
    )
    wanted = set(roles) if accept else set()
    TeamRole.objects.filter(edition=edition, person=volunteer.person).exclude(
        role__in=wanted
    ).delete()
    TeamRole.objects.bulk_create(
        TeamRole(edition=edition, person=volunteer.person, role=role, given_by=facilitator)
        for role in wanted - before
    )
    was = volunteer.state
    volunteer.state = Volunteer.State.ACCEPTED if accept else Volunteer.State.DECLINED
    volunteer.decided_by, volunteer.decided_at = facilitator, timezone.now()
    volunteer.save(update_fields=["state", "decided_by", "decided_at"])
    log_action(
        edition,
        actor=facilitator,
        action="team.accept" if accept else "team.decline",
        data={"person": volunteer.person_id, "roles": sorted(wanted)},
    )
    if was != volunteer.state or wanted != before:
        mail_to_person(
            person=volunteer.person,
            template="team/email/decision",
            context={
                "volunteer": volunteer,
                "edition": edition,
                "roles": [TeamRole.Role(role).label for role in sorted(wanted)],
            },
        )
    return volunteer


def volunteers_for_team(edition: Edition) -> QuerySet[Volunteer]:
    return (
        Volunteer.objects.filter(edition=edition)
        .select_related("person")
        .prefetch_related("availabilities")
        .order_by("state", "created_at", "pk")
    )


def roles_by_person(edition: Edition) -> dict[int, set[str]]:
    roles: dict[int, set[str]] = {}
    for person_id, role in TeamRole.objects.filter(edition=edition).values_list(
        "person_id", "role"
    ):
        roles.setdefault(person_id, set()).add(role)
    return roles


def _free_during(volunteer: Volunteer, activity: Activity) -> bool:
    return any(
        window.starts_at <= activity.starts_at and window.ends_at >= activity.ends_at
        for window in volunteer.availabilities.all()
    )


def _interpreters(edition: Edition) -> list[Volunteer]:
    """The edition's volunteer interpreters (not declined), their free times with them."""
    volunteers = (
        Volunteer.objects.filter(edition=edition)
        .exclude(state=Volunteer.State.DECLINED)
        .select_related("person")
        .prefetch_related("availabilities")
    )
    return [v for v in volunteers if Volunteer.Skill.INTERPRETATION in v.skills]


def _engagements(volunteers: list[Volunteer]) -> list[Interpreter]:
    """What these volunteers interpret or were asked to, with the activities' times."""
    return list(
        Interpreter.objects.filter(
            person__in=[v.person_id for v in volunteers],
            state__in=(Interpreter.State.ASKED, Interpreter.State.ACCEPTED),
            activity__state__in=Activity.HOLDS_PLACE,
        ).select_related("activity")
    )


def _candidates(
    activity: Activity,
    pair: tuple[str, str],
    volunteers: list[Volunteer],
    engagements: list[Interpreter],
) -> list[Volunteer]:
    asked = {e.person_id for e in engagements if e.activity_id == activity.pk}
    busy = {
        e.person_id
        for e in engagements
        if e.activity_id != activity.pk
        and e.activity.starts_at < activity.ends_at
        and e.activity.ends_at > activity.starts_at
    }
    return [
        volunteer
        for volunteer in volunteers
        if volunteer.person_id not in asked | busy
        and volunteer.interprets(*pair)
        and _free_during(volunteer, activity)
    ]


def candidates_for(activity: Activity, pair: tuple[str, str]) -> list[Volunteer]:
    """Volunteer interpreters of the edition for this pair, free for the whole activity,
    not interpreting elsewhere then, and not asked for it already."""
    volunteers = _interpreters(activity.edition)
    return _candidates(activity, pair, volunteers, _engagements(volunteers))


@dataclass
class Need:
    """One interpretation an activity asks for: who interprets it, who is asked, who
    could."""

    activity: Activity
    language_from: str
    language_to: str
    interpreters: list[Interpreter]
    candidates: list[Volunteer]


def interpretation_board(edition: Edition, *, now: dt.datetime | None = None) -> list[Need]:
    """The coming activities of the edition that ask for interpretation, each need with
    its interpreters and candidates."""
    now = now or timezone.now()
    activities = (
        Activity.objects.filter(edition=edition, state__in=Activity.HOLDS_PLACE, ends_at__gt=now)
        .exclude(interpretation=[])
        .select_related("edition")
        .prefetch_related(
            Prefetch(
                "interpreters",
                queryset=Interpreter.objects.exclude(state=Interpreter.State.DECLINED)
                .select_related("person")
                .order_by("created_at"),
                to_attr="current_interpreters",
            )
        )
        .order_by("starts_at", "pk")
    )
    volunteers = _interpreters(edition)
    engagements = _engagements(volunteers)  # read once for the whole board
    needs = []
    for activity in activities:
        for language_from, language_to in pairs_asked(activity):
            interpreters = [
                i
                for i in activity.current_interpreters
                if (i.language_from, i.language_to) == (language_from, language_to)
            ]
            confirmed = any(i.state == Interpreter.State.ACCEPTED for i in interpreters)
            needs.append(
                Need(
                    activity=activity,
                    language_from=language_from,
                    language_to=language_to,
                    interpreters=interpreters,
                    candidates=[]
                    if confirmed
                    else _candidates(
                        activity, (language_from, language_to), volunteers, engagements
                    ),
                )
            )
    return needs
