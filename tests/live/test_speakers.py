"""Requests to speak: who may ask (who may join), while the session is on, one place
each; the people running the list give the floor, reorder, close and reopen it, choose
the order (languages alternating, first-timers first) and the time per speaker; open
pages fetch the list only when it changed; many asking at once get distinct places."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.live import speakers
from vos.live.models import SpeakerRequest
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def plenary():
    intention_text()
    team = UserFactory(display_name="Team")
    edition = make_edition(facilitators=[team])
    activity = make_activity(
        edition,
        title="Opening plenary",
        kind="plenary",
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        languages=("fr", "en"),
        link_visibility="public",
    )
    return activity, team


def ask(activity, name, language="en"):
    return speakers.ask_to_speak(
        person=UserFactory(display_name=name), activity=activity, language=language
    )


def test_who_may_ask_is_who_may_join(plenary):
    activity, _team = plenary
    activity.link_visibility = "registered"
    activity.save()
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        speakers.ask_to_speak(person=stranger, activity=activity, language="fr")
    registration_create(activity=activity, person=stranger)
    assert speakers.ask_to_speak(person=stranger, activity=activity, language="fr").position == 1
    with pytest.raises(ValidationError, match="on the list already"):
        speakers.ask_to_speak(person=stranger, activity=activity, language="fr")


def test_not_before_the_session_nor_while_the_list_is_closed(plenary):
    activity, team = plenary
    later = make_activity(
        activity.edition,
        title="Later",
        starts_at=timezone.now() + dt.timedelta(days=1),
        link_visibility="public",
    )
    with pytest.raises(ValidationError, match="while the session is on"):
        ask(later, "Early")
    speakers.settings_save(
        runner=team,
        activity=activity,
        is_open=False,
        order="arrival",
        first_timers_first=False,
        seconds_per_speaker=120,
    )
    with pytest.raises(ValidationError, match="closed"):
        ask(activity, "Late")
    assert not SpeakerRequest.objects.exists()


def test_the_floor_goes_in_order_and_the_team_reorders(client, plenary):
    activity, team = plenary
    ana, ben, cleo = ask(activity, "Ana"), ask(activity, "Ben"), ask(activity, "Cleo")
    with pytest.raises(PermissionDenied):
        speakers.give_floor(runner=ana.person, activity=activity)
    assert speakers.give_floor(runner=team, activity=activity) == ana
    speakers.move(runner=team, activity=activity, request=cleo, where="up")
    floor = speakers.floor_of(activity)
    assert floor.speaking.person == ana.person
    assert [r.person.display_name for r in floor.waiting] == ["Cleo", "Ben"]
    speakers.move(runner=team, activity=activity, request=cleo, where="end")
    assert [r.pk for r in speakers.floor_of(activity).waiting] == [ben.pk, cleo.pk]
    speakers.withdraw(person=ben.person, request=ben)
    speakers.give_floor(runner=team, activity=activity)
    floor = speakers.floor_of(activity)
    assert floor.speaking == cleo
    assert floor.waiting == []
    speakers.finish(runner=team, activity=activity)
    assert speakers.floor_of(activity).speaking is None
    assert SpeakerRequest.objects.filter(state="done").count() == 2


def test_languages_alternate_and_first_timers_go_first(plenary):
    activity, team = plenary
    speakers.settings_save(
        runner=team,
        activity=activity,
        is_open=True,
        order="languages",
        first_timers_first=True,
        seconds_per_speaker=90,
    )
    first = ask(activity, "Amina", "fr")
    speakers.give_floor(runner=team, activity=activity)  # Amina (fr) speaks
    ask(activity, "Bruno", "fr")
    ask(activity, "Chloé", "fr")
    ask(activity, "Dev", "en")
    speakers.finish(runner=team, activity=activity)
    # Amina asks again: she has spoken, so she waits behind those who have not.
    speakers.ask_to_speak(person=first.person, activity=activity, language="en")
    names = [r.person.display_name for r in speakers.floor_of(activity).waiting]
    assert names == ["Dev", "Bruno", "Chloé", "Amina"]


def test_the_timer_and_the_settings_are_checked(plenary):
    activity, team = plenary
    with pytest.raises(ValidationError, match="Between 10 seconds"):
        speakers.settings_save(
            runner=team,
            activity=activity,
            is_open=True,
            order="arrival",
            first_timers_first=False,
            seconds_per_speaker=5,
        )
    ask(activity, "Ana")
    speakers.give_floor(runner=team, activity=activity)
    left = speakers.floor_of(activity).seconds_left
    assert 110 <= left <= 120


def test_the_page_asks_and_runs_and_open_pages_get_304s(
    client, plenary, django_capture_on_commit_callbacks, django_assert_num_queries
):
    activity, team = plenary
    page = reverse("live.speakers", kwargs={"pk": activity.pk})
    act = reverse("live.speakers_act", kwargs={"pk": activity.pk})
    now = reverse("live.speakers_now", kwargs={"pk": activity.pk})
    html = client.get(page).content.decode()
    etag = html.split('data-live-etag="')[1].split('"')[0].replace("&quot;", '"')
    with django_assert_num_queries(0):
        assert client.get(now, HTTP_IF_NONE_MATCH=etag).status_code == 304
    speaker = UserFactory(display_name="Awa")
    client.force_login(speaker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(act, {"action": "ask", "language": "fr", "topic": "reply to Ben"})
    assert "You are number 1 on the list." in client.get(page).content.decode()
    response = client.get(now, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "reply to Ben" in response.content.decode()
    assert "You are number 1" in response.content.decode()
    # Every other reader of this version gets the shared part from the cache.
    client.logout()
    client.get(now, HTTP_IF_NONE_MATCH=etag)
    with django_assert_num_queries(0):
        html = client.get(now, HTTP_IF_NONE_MATCH=etag).content.decode()
    assert "reply to Ben" in html
    assert "You are number" not in html
    client.force_login(speaker)
    # A participant may not run the list.
    assert client.post(act, {"action": "next"}).status_code == 404
    client.force_login(team)
    client.post(act, {"action": "next"})
    html = client.get(page).content.decode()
    assert "data-seconds-left" in html
    assert "Running the list" in html
    assert client.post(act, {"action": "settings", "order": "x"}).status_code == 302
    assert speakers.speaker_list_of(activity).order == "arrival"


def test_the_activity_page_shows_the_way_to_the_list_while_live(client, plenary):
    activity, _team = plenary
    assert (
        reverse("live.speakers", kwargs={"pk": activity.pk})
        in client.get(activity.get_absolute_url()).content.decode()
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_hundred_asking_at_once_get_distinct_places():
    intention_text()
    edition = make_edition()
    activity = make_activity(
        edition,
        title="Plenary",
        starts_at=timezone.now() - dt.timedelta(minutes=1),
        link_visibility="public",
    )
    people = [UserFactory() for _number in range(200)]

    def one(person):
        try:
            return speakers.ask_to_speak(person=person, activity=activity, language="en").position
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        positions = list(pool.map(one, people))
    assert sorted(positions) == list(range(1, 201))


def test_a_busy_list_leaves_the_program_cache_alone(plenary, django_capture_on_commit_callbacks):
    from vos.common import page_cache

    activity, _team = plenary
    asker = UserFactory()
    before = page_cache.content_version()
    with django_capture_on_commit_callbacks(execute=True):
        speakers.ask_to_speak(person=asker, activity=activity, language="en")
    assert page_cache.content_version() == before
