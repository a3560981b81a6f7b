"""Volunteer interpreters matched to the activities that ask for interpretation: the
candidates interpret the pair (either way), are free for the whole activity and
interpret nothing else then; once they accept, the program says "interpreted into …",
they join like the organizers and get one reminder."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.access import join_access
from vos.activity.models import Interpreter
from vos.activity.services.interpretation import interpreter_answer, interpreter_ask
from vos.registration.services import reminders_send_due
from vos.team.models import Availability, Volunteer
from vos.team.services import candidates_for, interpretation_board

pytestmark = pytest.mark.django_db


def volunteer(edition, name, pairs, free, skills=("interpretation",)):
    person = UserFactory(display_name=name, email=f"{name.lower()}@example.org")
    found = Volunteer.objects.create(
        edition=edition,
        person=person,
        skills=list(skills),
        languages=sorted({code for pair in pairs for code in pair}),
        language_pairs=[list(pair) for pair in pairs],
        time_zone="America/Bogota",
    )
    for starts_at, ends_at in free:
        Availability.objects.create(volunteer=found, starts_at=starts_at, ends_at=ends_at)
    return person


@pytest.fixture
def forum():
    intention_text()
    team = UserFactory()
    edition = make_edition(facilitators=[team])
    start = edition.starts_at + dt.timedelta(hours=14)
    activity = make_activity(
        edition,
        title="Water as a commons",
        starts_at=start,
        languages=("fr", "es"),
        interpretation=[{"from": "fr", "to": "es"}],
        room_mode="jitsi",
        jitsi_name="vos-water",
    )
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    day = (start - dt.timedelta(hours=2), start + dt.timedelta(hours=4))
    people = {
        "ana": volunteer(edition, "Ana", [("es", "fr")], [day]),  # the pair, the other way
        "bea": volunteer(edition, "Bea", [("fr", "pt")], [day]),  # another pair
        "cai": volunteer(  # free, but not for the whole activity
            edition, "Cai", [("fr", "es")], [(start, start + dt.timedelta(minutes=30))]
        ),
        "dan": volunteer(edition, "Dan", [("fr", "es")], [day]),
        "eve": volunteer(edition, "Eve", [("fr", "es")], [day], skills=("rooms",)),
    }
    # Dan already interprets another activity at the same time.
    other = make_activity(
        edition,
        title="Seeds",
        starts_at=start + dt.timedelta(minutes=30),
        interpretation=[{"from": "fr", "to": "es"}],
    )
    Interpreter.objects.create(
        activity=other,
        person=people["dan"],
        language_from="fr",
        language_to="es",
        state=Interpreter.State.ACCEPTED,
    )
    return edition, team, activity, people


def test_candidates_speak_the_pair_are_free_and_busy_nowhere_else(forum):
    _edition, _team, activity, people = forum
    assert [v.person for v in candidates_for(activity, ("fr", "es"))] == [people["ana"]]


def test_asked_accepted_shown_joined_and_reminded(
    client, forum, mailbox, django_capture_on_commit_callbacks
):
    edition, team, activity, people = forum
    ana = people["ana"]
    with pytest.raises(PermissionDenied):
        interpreter_ask(
            facilitator=ana, activity=activity, person=ana, language_from="fr", language_to="es"
        )
    with pytest.raises(ValidationError, match="does not ask"):
        interpreter_ask(
            facilitator=team, activity=activity, person=ana, language_from="fr", language_to="pt"
        )
    with pytest.raises(ValidationError, match="interprets another activity"):
        interpreter_ask(
            facilitator=team,
            activity=activity,
            person=people["dan"],
            language_from="fr",
            language_to="es",
        )
    client.force_login(team)
    board = reverse("team.interpretation", kwargs={"slug": edition.slug})
    assert "Ask Ana" in client.get(board).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            board, {"action": "ask", "activity": activity.pk, "person": ana.pk, "pair": "fr>es"}
        )
    [message] = mailbox.wait_for(1)
    assert message["To"] == "ana@example.org"
    assert "from French into Spanish" in body_of(message)
    asked = Interpreter.objects.get(activity=activity)
    assert asked.state == "asked"
    activity.refresh_from_db()
    assert activity.interpreted_into == []
    with pytest.raises(PermissionDenied):
        interpreter_answer(person=people["bea"], interpreter=asked, accept=True)

    client.force_login(ana)
    page = reverse("team.interpreting")
    assert "Water as a commons" in client.get(page).content.decode()
    client.post(page, {"interpreter": asked.pk, "action": "accept"})
    activity.refresh_from_db()
    assert activity.interpreted_into == ["es"]
    program = client.get(reverse("activity.program", kwargs={"slug": edition.slug}), {"day": "all"})
    assert "interpreted into Spanish" in program.content.decode()
    # She joins like the organizers, from the join window on.
    at = activity.starts_at - dt.timedelta(minutes=5)
    assert join_access(activity, ana, now=at).state == "open"
    assert join_access(activity, people["bea"], now=at).state == "register"
    # Her speakers' page says what she interprets.
    speakers = client.get(reverse("live.speakers", kwargs={"pk": activity.pk})).content.decode()
    assert "You interpret from French into Spanish" in speakers

    mailbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        # Ana for this activity, Dan for Seeds; then nobody twice.
        assert reminders_send_due(now=activity.starts_at - dt.timedelta(hours=2)) == 2
        assert reminders_send_due(now=activity.starts_at - dt.timedelta(hours=1)) == 0
    reminders = {message["To"]: body_of(message) for message in mailbox.wait_for(2)}
    assert set(reminders) == {"ana@example.org", "dan@example.org"}
    assert f"/activities/{activity.pk}/join/" in reminders["ana@example.org"]

    # Declining later takes her off the program.
    client.post(page, {"interpreter": asked.pk, "action": "decline"})
    activity.refresh_from_db()
    assert activity.interpreted_into == []


def test_the_board_lists_each_need_with_its_people(forum):
    edition, _team, _activity, people = forum
    needs = interpretation_board(edition, now=timezone.now())
    by_title = {need.activity.title: need for need in needs}
    assert [v.person for v in by_title["Water as a commons"].candidates] == [people["ana"]]
    # Seeds has its interpreter: no candidates listed.
    seeds = by_title["Seeds"]
    assert [i.person for i in seeds.interpreters] == [people["dan"]]
    assert seeds.candidates == []


def test_only_the_team_sees_the_matching(client, forum):
    edition, _team, _activity, people = forum
    client.force_login(people["ana"])
    board = reverse("team.interpretation", kwargs={"slug": edition.slug})
    assert client.get(board).status_code == 404


@pytest.mark.parametrize("extra", [0, 6])
def test_the_board_reads_the_same_number_of_times_whatever_its_size(
    forum, django_assert_num_queries, extra
):
    edition, _team, activity, _people = forum
    for number in range(extra):
        make_activity(
            edition,
            title=f"More {number}",
            starts_at=activity.starts_at,
            interpretation=[{"from": "fr", "to": "es"}],
        )
    # The activities with their interpreters (2), the volunteers with their free times
    # (2), what they interpret already (1).
    with django_assert_num_queries(5):
        needs = interpretation_board(edition)
    assert len(needs) == 2 + extra
