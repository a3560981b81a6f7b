"""Volunteering with the facilitation team: an offer checked whole before anything is
written (times typed in the volunteer's zone, DST gaps refused), the team's decision
with roles, each role giving only its own permissions."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.edition.models import TeamRole
from vos.forum.services import space_of_activity
from vos.live import marketplace as market
from vos.live.speakers import may_run
from vos.team.models import Volunteer
from vos.team.services import volunteer_decide

pytestmark = pytest.mark.django_db


def offer_form(**changes):
    data = {
        "skills": ["moderation", "interpretation"],
        "languages": ["fr", "es"],
        "time_zone": "America/Bogota",
        "pair_0_a": "fr",
        "pair_0_b": "es",
        "window_0_day": "2027-03-10",
        "window_0_from": "09:00",
        "window_0_to": "13:00",
        "message": "Happy to help",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_an_offer_is_saved_with_its_times_in_utc(client):
    edition = make_edition()
    person = UserFactory()
    client.force_login(person)
    url = reverse("team.volunteer", kwargs={"slug": edition.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, offer_form())
    assert response.status_code == 302
    volunteer = Volunteer.objects.get(person=person)
    assert volunteer.language_pairs == [["fr", "es"]]
    assert volunteer.interprets("es", "fr")
    window = volunteer.availabilities.get()
    # 09:00 in Bogotá (UTC-5) is 14:00 UTC.
    assert window.starts_at == dt.datetime(2027, 3, 10, 14, 0, tzinfo=dt.UTC)
    assert window.ends_at == dt.datetime(2027, 3, 10, 18, 0, tzinfo=dt.UTC)
    # Changing it replaces the times; the page shows them back in the volunteer's zone.
    client.post(url, offer_form(window_0_from="10:00"))
    assert volunteer.availabilities.get().starts_at.hour == 15
    assert 'value="10:00"' in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"skills": None}, "This field is required"),
        ({"pair_0_b": ""}, "Give both languages of the pair."),
        ({"pair_0_a": "", "pair_0_b": ""}, "Say which languages you interpret between."),
        ({"pair_0_b": "fr"}, "Give two different languages in a pair."),
        ({"window_0_to": None}, "Give the day, and the hours from and to."),
        (
            {"time_zone": "Europe/Paris", "window_0_day": "2027-03-28", "window_0_from": "02:30"},
            "does not exist in Europe/Paris",
        ),
        (
            {"window_0_day": None, "window_0_from": None, "window_0_to": None},
            "Say when you are free to interpret",
        ),
    ],
)
def test_bad_offers_say_why_and_write_nothing(client, changes, message):
    edition = make_edition()
    client.force_login(UserFactory())
    response = client.post(
        reverse("team.volunteer", kwargs={"slug": edition.slug}), offer_form(**changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Volunteer.objects.exists()


@pytest.fixture
def team_and_volunteers(client):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    people = {}
    for role in ("moderation", "rooms", "animation", "translation", "declined"):
        person = UserFactory(email=f"{role}@example.org", display_name=role.title())
        client.force_login(person)
        client.post(
            reverse("team.volunteer", kwargs={"slug": edition.slug}),
            offer_form(skills=["moderation", "rooms", "animation", "translation"]),
        )
        people[role] = person
    return edition, facilitator, people


def test_the_team_decides_and_each_role_gives_its_own_permissions(
    client, team_and_volunteers, mailbox, django_capture_on_commit_callbacks
):
    edition, facilitator, people = team_and_volunteers
    page = reverse("team.team", kwargs={"slug": edition.slug})
    client.force_login(people["moderation"])
    assert client.get(page).status_code == 404  # a volunteer is not the team
    client.force_login(facilitator)
    assert "Moderation" in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        for role, person in people.items():
            found = Volunteer.objects.get(person=person)
            client.post(
                page,
                {
                    "volunteer": found.pk,
                    "action": "decline" if role == "declined" else "accept",
                    "roles": [] if role == "declined" else [role],
                },
            )
    messages = {m["To"]: body_of(m) for m in mailbox.wait_for(5)}
    assert "Your roles: rooms" in messages["rooms@example.org"]
    assert "cannot take your offer" in messages["declined@example.org"]
    assert set(TeamRole.objects.values_list("role", flat=True)) == {
        "moderation",
        "rooms",
        "animation",
        "translation",
    }

    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    activity = make_activity(
        edition, starts_at=timezone.now() - dt.timedelta(minutes=5), link_visibility="public"
    )
    space = space_of_activity(activity)
    place = market.market_open(
        runner=facilitator, activity=activity, rounds=1, round_minutes=30, room_size=10
    )
    topic = market.topic_propose(
        person=UserFactory(), marketplace=place, title="Agua", language="es"
    )
    rooms_page = reverse("room.timeline", kwargs={"slug": edition.slug})
    queue = reverse("forum.queue")
    for role, person in people.items():
        person.refresh_from_db()
        client.force_login(person)
        assert person.has_perm("forum.moderate", space) is (role == "moderation"), role
        assert (client.get(queue).status_code == 200) is (role == "moderation"), role
        assert (client.get(rooms_page).status_code == 200) is (role == "rooms"), role
        assert may_run(person, activity) is (role == "animation"), role
        # Translators translate topics; those who run the session too.
        assert market.may_translate(person, topic) is (role in ("translation", "animation"))
        assert person.has_perm("edition.view_backoffice", edition) is False


def test_a_declined_volunteer_loses_their_roles(team_and_volunteers):
    edition, facilitator, people = team_and_volunteers
    found = Volunteer.objects.get(person=people["rooms"])
    volunteer_decide(facilitator=facilitator, volunteer=found, accept=True, roles=["rooms"])
    assert people["rooms"].has_perm("edition.manage_rooms", edition)
    volunteer_decide(facilitator=facilitator, volunteer=found, accept=False)
    assert not TeamRole.objects.filter(person=people["rooms"]).exists()
    assert not UserFactory._meta.model.objects.get(pk=people["rooms"].pk).has_perm(
        "edition.manage_rooms", edition
    )
