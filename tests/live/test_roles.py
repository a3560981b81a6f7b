"""The speakers' list, role by role, on an activity whose way in is for registrants: a
visitor, a participant (not registered), a registrant, an organizer, the edition's
facilitation team, another edition's team, its confirmed interpreter, and a volunteer
given the animation of the edition's live sessions."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Interpreter
from vos.edition.models import TeamRole
from vos.live.models import SpeakerRequest
from vos.live.speakers import ask_to_speak
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "participant",
    "registrant",
    "organizer",
    "team",
    "other_team",
    "interpreter",
    "animator",
]
ALLOWED = {
    "ask": {"registrant", "organizer", "team", "interpreter"},
    "run": {"organizer", "team", "animator"},
}


@pytest.fixture
def session():
    intention_text()
    team, other_team, organizer = UserFactory(), UserFactory(), UserFactory()
    edition = make_edition(facilitators=[team])
    make_edition("other", facilitators=[other_team])
    activity = make_activity(
        edition,
        title="Plenary",
        kind="plenary",
        organizer=organizer,
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        capacity=50,
    )
    registrant = UserFactory()
    registration_create(activity=activity, person=registrant)
    waiting = UserFactory()
    registration_create(activity=activity, person=waiting)
    ask_to_speak(person=waiting, activity=activity, language="en")
    interpreter, animator = UserFactory(), UserFactory()
    Interpreter.objects.create(
        activity=activity,
        person=interpreter,
        language_from="en",
        language_to="fr",
        state=Interpreter.State.ACCEPTED,
    )
    TeamRole.objects.create(edition=edition, person=animator, role=TeamRole.Role.ANIMATION)
    return activity, {
        "interpreter": interpreter,
        "animator": animator,
        "visitor": None,
        "participant": UserFactory(),
        "registrant": registrant,
        "organizer": organizer,
        "team": team,
        "other_team": other_team,
    }


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_asks_and_runs(client, session, role):
    activity, people = session
    if people[role] is not None:
        client.force_login(people[role])
    page = client.get(reverse("live.speakers", kwargs={"pk": activity.pk}))
    assert page.status_code == 200  # a published activity's list is for everyone to read
    act = reverse("live.speakers_act", kwargs={"pk": activity.pk})
    client.post(act, {"action": "ask", "language": "fr"})
    asked = SpeakerRequest.objects.filter(language="fr").exists()
    assert asked is (role in ALLOWED["ask"])
    client.post(act, {"action": "next"})
    ran = SpeakerRequest.objects.filter(state="speaking").exists()
    assert ran is (role in ALLOWED["run"])
    assert ("Running the list" in page.content.decode()) is (role in ALLOWED["run"])
