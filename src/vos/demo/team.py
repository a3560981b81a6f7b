"""The demo's facilitation team: volunteers for the edition ahead (some accepted with
roles, some waiting), volunteer interpreters free on each of its days, matched to the
activities that ask for interpretation, most of them having accepted."""

import datetime as dt
import zoneinfo

from vos.activity.models import Activity
from vos.activity.services.interpretation import (
    interpreter_answer,
    interpreter_ask,
    pairs_asked,
)
from vos.edition.models import Edition
from vos.person.models import User
from vos.team.services import Offer, candidates_for, volunteer_decide, volunteer_offer

# (person, skills, languages, pairs, roles given; None while the team has not answered)
VOLUNTEERS = [
    ("fatima", ["interpretation", "translation"], ["ar", "fr", "en"], [("ar", "fr"), ("fr", "en")], []),
    ("joao", ["interpretation", "moderation"], ["pt", "es", "en"], [("pt", "es"), ("pt", "en"), ("es", "en")], ["moderation"]),
    ("amadou", ["interpretation"], ["fr", "wo", "en"], [("fr", "en"), ("fr", "wo")], []),
    ("maria", ["interpretation", "animation"], ["es", "qu", "en", "fr"], [("es", "qu"), ("es", "en"), ("es", "fr")], ["animation"]),
    ("kenji", ["rooms", "tech"], ["ja", "en"], [], ["rooms"]),
    ("grace", ["communication", "translation"], ["en", "sw"], [], None),
    ("priya", ["animation", "moderation"], ["en", "ta", "hi"], [], None),
]  # fmt: skip


def _free_every_day(edition: Edition, person: User) -> list[tuple[dt.datetime, dt.datetime]]:
    """From 7:00 to 23:00 in the volunteer's zone, on each day of the edition."""
    local = zoneinfo.ZoneInfo(person.time_zone or "UTC")
    days = (edition.end_date - edition.start_date).days + 1
    windows = []
    for number in range(min(days, 14)):
        day = edition.start_date + dt.timedelta(days=number)
        starts_at = dt.datetime.combine(day, dt.time(7), tzinfo=local).astimezone(dt.UTC)
        windows.append((starts_at, starts_at + dt.timedelta(hours=16)))
    return windows


def demo_team(edition: Edition, people: list[User], facilitators: list[User]) -> int:
    """Returns how many interpreters accepted."""
    by_slug = {person.email.split("@")[0]: person for person in people}
    team = facilitators[0]
    for slug, skills, languages, pairs, roles in VOLUNTEERS:
        person = by_slug[slug]
        volunteer = volunteer_offer(
            person=person,
            edition=edition,
            offer=Offer(
                skills=skills,
                languages=languages,
                time_zone=person.time_zone or "UTC",
                language_pairs=pairs,
                windows=_free_every_day(edition, person) if pairs else [],
                message="",
            ),
        )
        if roles is not None:
            volunteer_decide(facilitator=team, volunteer=volunteer, accept=True, roles=roles)
    # Activities held in two languages ask for interpretation between them.
    for activity in Activity.objects.filter(
        edition=edition, state=Activity.State.PUBLISHED, interpretation=[]
    ):
        if len(activity.languages) > 1:
            activity.interpretation = [{"from": activity.languages[0], "to": activity.languages[1]}]
            activity.save(update_fields=["interpretation"])
    accepted = 0
    asking = (
        Activity.objects.filter(edition=edition, state=Activity.State.PUBLISHED)
        .exclude(interpretation=[])
        .order_by("starts_at", "pk")
    )
    number = 0
    for activity in asking:
        for pair in pairs_asked(activity):
            candidates = candidates_for(activity, pair)
            if not candidates:
                continue
            asked = interpreter_ask(
                facilitator=team,
                activity=activity,
                person=candidates[0].person,
                language_from=pair[0],
                language_to=pair[1],
            )
            number += 1
            if number % 3:  # a third still wait for the interpreter's answer
                interpreter_answer(person=asked.person, interpreter=asked, accept=True)
                accepted += 1
    return accepted
