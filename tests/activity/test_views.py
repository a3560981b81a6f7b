import datetime as dt
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from tests.factories import PARIS, UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.edition.models import Edition
from vos.edition.services import edition_create_slots
from vos.organization.models import Organization

pytestmark = pytest.mark.django_db


def proposal(edition, **changes):
    day = edition.start_date + dt.timedelta(days=1)
    data = {
        "title": "Radio comunitaria",
        "summary": "Cómo informar a tu barrio con un teléfono.",
        "description": "**Traé** tu celular.",
        "activity_type": edition.activity_types.get(key="workshop").pk,
        "languages": ["es", "pt"],
        "time_zone": "America/Caracas",
        "start": f"{day:%Y-%m-%d}T10:00",
        "duration": "90",
        "accept_intention": "on",
        "room_mode": "none",
        "link_visibility": "registered",
    }
    data.update(changes)
    return data


@pytest.fixture
def edition():
    intention_text()
    return make_edition()


def propose_url(edition):
    return reverse("activity.propose", kwargs={"slug": edition.slug})


def test_propose_requires_login(client, edition):
    response = client.get(propose_url(edition))
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_propose_form_defaults_to_proposers_zone(client, edition):
    client.force_login(UserFactory(time_zone="America/Caracas"))
    html = client.get(propose_url(edition)).content.decode()
    assert 'name="time_zone" value="Venezuela (Caracas)"' in html


def test_propose_preview_shows_times_and_who_is_awake_without_saving(client, edition):
    client.force_login(UserFactory(time_zone="America/Caracas"))
    response = client.post(propose_url(edition), {**proposal(edition), "preview": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert not Activity.objects.exists()
    # 10:00 in Caracas is 14:00 UTC: 15:00 or 16:00 in Paris, 23:00 in Tokyo (night).
    day = edition.start_date + dt.timedelta(days=1)
    start = dt.datetime(
        day.year, day.month, day.day, 10, tzinfo=zoneinfo.ZoneInfo("America/Caracas")
    )
    paris = start.astimezone(PARIS)
    offset = int(paris.utcoffset().total_seconds() // 3600)
    assert f"{paris:%H:%M}–{paris.hour + 1}:30 (Paris, UTC+{offset})" in html
    assert re.search(r'<tr data-awake-zone="Asia/Tokyo" class="night">', html)
    assert re.search(r'<tr data-awake-zone="America/New_York">', html)


def test_the_live_preview_is_the_preview_alone_and_says_what_is_wrong(client, edition):
    client.force_login(UserFactory(time_zone="America/Caracas"))
    headers = {"X-Time-Preview": "1"}
    response = client.post(
        propose_url(edition), {**proposal(edition), "preview": "1"}, headers=headers
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div class="time-preview"')
    assert "<form" not in html
    assert '<tr data-awake-zone="Asia/Tokyo" class="night">' in html
    day = edition.start_date + dt.timedelta(days=1)
    wrong = {**proposal(edition), "preview": "1", "end": f"{day:%Y-%m-%d}T09:00"}
    html = client.post(propose_url(edition), wrong, headers=headers).content.decode()
    assert '<p class="error">The end must come after the start.</p>' in html
    assert "night" not in html.split("</caption>")[1]
    assert not Activity.objects.exists()


def test_propose_saves_with_time_read_in_the_named_zone(client, edition):
    proposer = UserFactory(time_zone="Europe/Paris")
    client.force_login(proposer)
    response = client.post(propose_url(edition), proposal(edition))
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    day = edition.start_date + dt.timedelta(days=1)
    expected = dt.datetime(
        day.year, day.month, day.day, 10, tzinfo=zoneinfo.ZoneInfo("America/Caracas")
    )
    assert activity.starts_at == expected
    assert activity.duration == dt.timedelta(minutes=90)
    assert activity.typed_time_zone == "America/Caracas"
    assert activity.languages == ["es", "pt"]
    assert activity.state == Activity.State.PROPOSED


def test_propose_with_new_organization_and_interpretation(client, edition):
    client.force_login(UserFactory())
    client.post(
        propose_url(edition),
        proposal(
            edition,
            new_organization_name="Radio Sur",
            new_organization_country="AR",
            new_organization_website="https://radiosur.example.org",
            interpretation_from="es",
            interpretation_to="pt",
        ),
    )
    activity = Activity.objects.get()
    assert [(o.name, o.country) for o in activity.organizations.all()] == [("Radio Sur", "AR")]
    assert activity.interpretation == [{"from": "es", "to": "pt"}]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"accept_intention": ""}, "Every proposer accepts the intention text."),
        ({"summary": "x" * 301}, "Ensure this value has at most 300 characters"),
        ({"languages": []}, "This field is required."),
        ({"time_zone": "Narnia/Cair_Paravel"}, "is not a time zone we know"),
        ({"start": "2001-01-01T10:00"}, "must take place during the edition"),
        ({"duration": "", "end": "2001-01-01T09:00"}, "The end must come after the start."),
        (
            {"co_organizers": "friend@example.org, not-an-email"},
            "“not-an-email” is not an email address.",
        ),
        (
            {"room_mode": "own", "room_url": "ftp://example.org/room"},
            "starts with http:// or https://",
        ),
        ({"room_mode": "own", "room_url": ""}, "Give the link of your video call."),
        (
            {
                "room_mode": "own",
                "room_url": "https://zoom.example/j/1",
                "room_provider": "zoom",
                "room_meeting_id": "12ab",
            },
            "A Zoom meeting ID is 9 to 11 digits",
        ),
        ({"interpretation_from": "es"}, "Give both languages of the interpretation."),
    ],
)
def test_propose_bad_input_is_explained_and_saves_nothing(client, edition, changes, message):
    client.force_login(UserFactory())
    response = client.post(propose_url(edition), proposal(edition, **changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Activity.objects.exists()


def test_propose_rejects_a_time_skipped_by_dst(client):
    intention_text()
    edition = make_edition(start=dt.date(2030, 3, 30), days=2)  # clocks jump on 31 March 2030
    client.force_login(UserFactory())
    response = client.post(
        propose_url(edition), proposal(edition, time_zone="Europe/Paris", start="2030-03-31T02:30")
    )
    assert response.status_code == 400
    assert (
        "Sunday, 31 March 2030, 02:30 does not exist in Europe/Paris: the clocks jump forward that night."
        in response.content.decode()
    )
    assert not Activity.objects.exists()


def test_propose_rejects_an_ambiguous_time(client):
    intention_text()
    edition = make_edition(start=dt.date(2030, 10, 26), days=2)  # clocks go back on 27 Oct 2030
    client.force_login(UserFactory())
    response = client.post(
        propose_url(edition), proposal(edition, time_zone="Europe/Paris", start="2030-10-27T02:30")
    )
    assert response.status_code == 400
    assert (
        "Sunday, 27 October 2030, 02:30 happens twice in Europe/Paris" in response.content.decode()
    )


def test_propose_when_window_closed_says_so(client):
    intention_text()
    edition = make_edition(open_proposals=False)
    client.force_login(UserFactory())
    response = client.post(propose_url(edition), proposal(edition))
    assert response.status_code == 403
    assert "are not open at the moment" in response.content.decode()
    assert not Activity.objects.exists()


def test_propose_warns_about_an_overlap_of_the_organizer(client, edition):
    proposer = UserFactory()
    day = edition.start_date + dt.timedelta(days=1)
    make_activity(
        edition,
        title="My other workshop",
        organizer=proposer,
        starts_at=dt.datetime(
            day.year, day.month, day.day, 10, 30, tzinfo=zoneinfo.ZoneInfo("America/Caracas")
        ),
    )
    client.force_login(proposer)
    html = client.post(propose_url(edition), {**proposal(edition), "preview": "1"}).content.decode()
    assert "you already organize an activity at an overlapping time" in html
    assert "My other workshop" in html


def test_slot_grid_shows_places_left_and_full_slots_in_proposers_zone(client):
    intention_text()
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS)
    first, second = edition_create_slots(
        edition=edition,
        first_start=dt.datetime.combine(edition.start_date, dt.time(10), tzinfo=PARIS),
        length=dt.timedelta(minutes=90),
        count_per_day=2,
        gap=dt.timedelta(minutes=30),
        places=1,
    )[:2]
    make_activity(edition, starts_at=first.starts_at, slot=first, state=Activity.State.PUBLISHED)
    client.force_login(UserFactory(time_zone="America/Caracas"))
    client.cookies["vos_tz"] = "America%2FCaracas"
    html = client.get(propose_url(edition)).content.decode()
    first_local = first.starts_at.astimezone(zoneinfo.ZoneInfo("America/Caracas"))
    assert re.search(rf'id="slot-{first.pk}"[^>]*disabled', html)
    assert f"{first_local:%H:%M}</time>" in html
    assert "1 place left" in html

    response = client.post(propose_url(edition), proposal(edition, slot=str(first.pk)))
    assert response.status_code == 400
    assert "This slot is full" in response.content.decode()
    response = client.post(propose_url(edition), proposal(edition, slot=str(second.pk)))
    assert response.status_code == 302
    assert Activity.objects.filter(slot=second).count() == 1


# --- The public program ---------------------------------------------------


def program_url(edition, **params):
    from urllib.parse import urlencode

    return reverse("activity.program", kwargs={"slug": edition.slug}) + (
        "?" + urlencode(params) if params else ""
    )


def test_program_day_is_the_readers_day(client):
    edition = make_edition(start=dt.date(2030, 9, 20), days=2, open_proposals=False)
    # 20:00 in Paris on the 20th is 23:30 in Kolkata: still the 20th there …
    make_activity(
        edition, title="Evening", minutes=30, starts_at=dt.datetime(2030, 9, 20, 20, tzinfo=PARIS)
    )
    # … but 21:00 in Paris is 00:30 on the 21st in Kolkata.
    make_activity(edition, title="Late", starts_at=dt.datetime(2030, 9, 20, 21, tzinfo=PARIS))
    client.cookies["vos_tz"] = "Asia%2FKolkata"
    html = client.get(program_url(edition, day="2030-09-21")).content.decode()
    assert ">Late</a>" in html
    assert ">Evening</a>" not in html
    assert "00:30 (Kolkata, UTC+5:30)" in html
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(program_url(edition, day="2030-09-20")).content.decode()
    assert ">Late</a>" in html
    assert ">Evening</a>" in html


def test_program_filters_and_unpublished_hidden(client):
    edition = make_edition(open_proposals=False)
    make_activity(edition, title="Taller en español", languages=["es"], kind="workshop")
    make_activity(edition, title="Art in English", languages=["en"], kind="art")
    make_activity(edition, title="Waiting", languages=["es"], state=Activity.State.PROPOSED)
    html = client.get(program_url(edition, day="all", language="es")).content.decode()
    assert ">Taller en español</a>" in html
    assert ">Art in English</a>" not in html
    assert "Waiting" not in html
    html = client.get(program_url(edition, day="all", type="art")).content.decode()
    assert ">Art in English</a>" in html
    assert ">Taller en español</a>" not in html


def test_program_search_matches_titles_descriptions_and_organizer_names(client):
    edition = make_edition(open_proposals=False)
    organizer = UserFactory(display_name="Oluwaseun Adeyemi", is_public=True)
    make_activity(edition, title="Community radio", description="phones and antennas")
    make_activity(edition, title="Hackathon", organizer=organizer)
    make_activity(edition, title="Poetry")
    assert ">Community radio</a>" in client.get(program_url(edition, q="antennas")).content.decode()
    html = client.get(program_url(edition, q="Adeyemi")).content.decode()
    assert ">Hackathon</a>" in html
    assert ">Poetry</a>" not in html


def test_program_grid_places_parallel_activities_side_by_side(client):
    edition = make_edition(start=dt.date(2030, 9, 20), days=1, open_proposals=False)
    start = dt.datetime(2030, 9, 20, 14, tzinfo=PARIS)
    make_activity(edition, title="One", starts_at=start, minutes=60)
    make_activity(edition, title="Two", starts_at=start + dt.timedelta(minutes=30), minutes=60)
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(program_url(edition, day="2030-09-20", view="grid")).content.decode()
    assert re.search(r'<td rowspan="2" class="timeline__activity"><a [^>]+>One</a>', html)
    assert re.search(r'<td rowspan="2" class="timeline__activity"><a [^>]+>Two</a>', html)


@pytest.mark.parametrize("count", [5, 200])
def test_program_query_count_does_not_grow(client, django_assert_num_queries, count):
    edition = make_edition(open_proposals=False)
    organizer = UserFactory(is_public=True)
    theme = edition.themes.first()
    for number in range(count):
        activity = make_activity(
            edition,
            title=f"Activity {number}",
            organizer=organizer,
            starts_at=edition.starts_at + dt.timedelta(hours=10, minutes=number),
        )
        activity.themes.add(theme)
    url = program_url(edition, day="all")
    with django_assert_num_queries(10):
        response = client.get(url)
    html = response.content.decode()
    assert html.count('class="activity-card') == min(count, 100)  # a page of all days
    assert f"{count} activities" in html


def test_past_edition_program_is_read_only(client):
    edition = make_edition(start=dt.date(2020, 7, 1), open_proposals=False)
    organizer = UserFactory()
    activity = make_activity(edition, organizer=organizer)
    client.force_login(organizer)
    assert client.get(program_url(edition, day="all")).status_code == 200
    assert (
        client.get(
            reverse("activity.edit", kwargs={"slug": edition.slug, "pk": activity.pk})
        ).status_code
        == 404
    )
    assert client.get(propose_url(edition)).status_code == 403
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "Edit</a>" not in html


# --- The activity page ------------------------------------------------------


def test_activity_page_times_other_zones_and_open_graph(client):
    edition = make_edition(start=dt.date(2030, 7, 12), days=1, open_proposals=False)
    activity = make_activity(
        edition, title="Back to the future", starts_at=dt.datetime(2030, 7, 12, 16, tzinfo=PARIS)
    )
    client.cookies["vos_tz"] = "America%2FCaracas"
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "10:00 (Caracas, UTC-4)" in html
    assert "In the edition's zone:" in html
    assert "16:00 (Paris, UTC+2)" in html
    assert '<meta property="og:title" content="Back to the future">' in html
    assert '<th scope="row">Tokyo</th><td>Fri 12 Jul, 23:00–00:30 (UTC+9) · night</td>' in html


def test_activity_ics_round_trips(client):
    edition = make_edition(open_proposals=False)
    activity = make_activity(edition, title="Radio", minutes=75)
    response = client.get(reverse("activity.ics", kwargs={"slug": edition.slug, "pk": activity.pk}))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Radio"
    assert event.decoded("dtstart") == activity.starts_at
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=75)
    assert str(event["uid"]) == f"activity-{activity.pk}@127.0.0.1"


def test_home_shows_next_edition_countdown_and_proposal_call(client):
    edition = make_edition()
    make_activity(edition, title="Featured one", is_featured=True)
    html = client.get("/en/").content.decode()
    assert f"<h1>{edition.title}</h1>" in html
    assert "Starts in" in html
    assert f'Proposals are open for <bdi dir="ltr">{edition.title}</bdi>' in html
    assert ">Featured one</a>" in html


def test_languages_are_named_in_the_readers_language_even_rare_ones(client):
    edition = make_edition(open_proposals=False)
    make_activity(edition, title="Kōrero", languages=["mi", "es"])
    assert "Māori, Spanish" in client.get(program_url(edition, day="all")).content.decode()
    assert (
        "maori, espagnol"
        in client.get(program_url(edition, day="all").replace("/en/", "/fr/")).content.decode()
    )


@pytest.mark.parametrize("count", [5, 200])
def test_moderation_queue_query_count_does_not_grow(client, django_assert_num_queries, count):
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    for number in range(count):
        make_activity(
            edition,
            title=f"Proposal {number}",
            state=Activity.State.PROPOSED,
            organizer=UserFactory(),
        )
    client.force_login(facilitator)
    url = reverse("activity.orga_queue", kwargs={"slug": edition.slug})
    with django_assert_num_queries(15):
        response = client.get(url)
    assert response.content.decode().count("/activities/") >= count


@pytest.mark.parametrize("count", [5, 200])
def test_home_query_count_does_not_grow(client, django_assert_num_queries, count):
    edition = make_edition()
    for number in range(count):
        make_activity(edition, title=f"Activity {number}", is_featured=number % 2 == 0)
    with django_assert_num_queries(12):
        assert client.get("/en/").status_code == 200


def test_cancelled_after_publication_stays_on_the_program_marked(client):
    edition = make_edition(open_proposals=False)
    organizer = UserFactory()
    published = make_activity(edition, title="Was on", organizer=organizer)
    never = make_activity(
        edition, title="Never on", state=Activity.State.PROPOSED, organizer=organizer
    )
    from vos.activity.services import activity_cancel, activity_decide

    activity_decide(
        activity=published,
        facilitator=organizer,
        decision="request_changes",
        message="Add a language.",
    )
    activity_decide(activity=published, facilitator=organizer, decision="publish")
    activity_cancel(activity=published, actor=organizer, reason="Our speaker is ill.")
    activity_cancel(activity=never, actor=organizer, reason="Changed our minds.")
    html = client.get(program_url(edition, day="all")).content.decode()
    assert re.search(r'>Was on</a> <span class="badge badge--cancelled">Cancelled</span>', html)
    assert "Never on" not in html
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Our speaker is ill." in page
    assert client.get(never.get_absolute_url()).status_code == 404


def test_organizer_edits_activity_in_the_zone_it_was_typed_in(client, edition):
    organizer = UserFactory(time_zone="Asia/Tokyo")
    client.force_login(organizer)
    client.post(propose_url(edition), proposal(edition))
    activity = Activity.objects.get()
    edit_url = reverse("activity.edit", kwargs={"slug": edition.slug, "pk": activity.pk})
    html = client.get(edit_url).content.decode()
    day = edition.start_date + dt.timedelta(days=1)
    assert f'value="{day:%Y-%m-%d}T10:00"' in html  # shown as typed, in Caracas time
    assert 'name="time_zone" value="Venezuela (Caracas)"' in html
    data = proposal(edition, title="Radio comunitaria (nueva hora)", start=f"{day:%Y-%m-%d}T11:00")
    del data["accept_intention"]
    response = client.post(edit_url, data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Radio comunitaria (nueva hora)"
    assert activity.sequence == 1
    history = client.get(activity.get_absolute_url()).content.decode()
    history = history.replace("<bdi>", "").replace("</bdi>", "")
    # The history says it in words, the time in the reader's zone (Tokyo here).
    assert "renamed it from “Radio comunitaria” to “Radio comunitaria (nueva hora)”." in history
    assert " moved it from " in history
    assert "(Tokyo, UTC+9)" in history


def edition_with_a_busy_day(count: int):
    """``count`` activities a minute apart on the edition's first day, in title order."""
    edition = make_edition(open_proposals=False)
    for number in range(count):
        make_activity(
            edition,
            title=f"Activity {number:03d}",
            starts_at=edition.starts_at + dt.timedelta(hours=8, minutes=number),
        )
    return edition


def test_all_days_come_a_page_at_a_time(client):
    edition = edition_with_a_busy_day(130)
    first = client.get(program_url(edition, day="all", language="en")).content.decode()
    assert ">Activity 000</a>" in first
    assert ">Activity 100</a>" not in first
    assert "Page 1 of 2" in first
    next_url = re.search(r'<a href="([^"]+)" rel="next">', first).group(1).replace("&amp;", "&")
    assert "language=en" in next_url
    second = client.get(
        reverse("activity.program", kwargs={"slug": edition.slug}) + next_url
    ).content.decode()
    assert ">Activity 100</a>" in second
    assert ">Activity 000</a>" not in second


def test_a_very_big_day_comes_a_page_at_a_time(client, monkeypatch):
    from vos.activity.views import public

    monkeypatch.setattr(public, "DAY_PAGE_SIZE", 4)
    edition = edition_with_a_busy_day(6)
    day = edition.start_date.isoformat()
    with CaptureQueriesContext(connection) as captured:
        first = client.get(program_url(edition, day=day)).content.decode()
    # The page's rows are read once (then only counted), whatever the template asks.
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if '"activity_activity"."title"' in query["sql"] and "COUNT(" not in query["sql"]
    ]
    assert len(reads) == 1, reads
    assert ">Activity 003</a>" in first
    assert ">Activity 004</a>" not in first
    assert "6 activities" in first
    assert "Page 1 of 2" in first
    next_url = re.search(r'<a href="([^"]+)" rel="next">', first).group(1).replace("&amp;", "&")
    assert f"day={day}" in next_url
    second = client.get(
        reverse("activity.program", kwargs={"slug": edition.slug}) + next_url
    ).content.decode()
    assert ">Activity 004</a>" in second
    assert ">Activity 005</a>" in second
    assert ">Activity 000</a>" not in second
    assert 'rel="prev"' in second
    monkeypatch.setattr(public, "DAY_PAGE_SIZE", 6)  # a day that fits: no pager
    whole = client.get(program_url(edition, day=day)).content.decode()
    assert ">Activity 005</a>" in whole
    assert 'class="pages"' not in whole


def test_program_happening_now_and_starting_soon(client):
    from django.utils import timezone

    now = timezone.now()
    edition = make_edition(start=(now - dt.timedelta(days=1)).date(), days=3, open_proposals=False)
    make_activity(edition, title="Now on", starts_at=now - dt.timedelta(minutes=30))
    make_activity(edition, title="Soon on", starts_at=now + dt.timedelta(minutes=45))
    make_activity(edition, title="Tonight", starts_at=now + dt.timedelta(hours=5))
    html = client.get(program_url(edition, when="now")).content.decode()
    assert ">Now on</a>" in html
    assert ">Soon on</a>" not in html
    html = client.get(program_url(edition, when="soon")).content.decode()
    assert ">Soon on</a>" in html
    assert ">Now on</a>" not in html
    assert ">Tonight</a>" not in html


def test_edition_dates_are_its_own_calendar_days_whatever_the_reader_zone(client):
    intention_text()
    edition = make_edition(start=dt.date(2030, 12, 20), days=2)
    client.cookies["vos_tz"] = "America%2FCaracas"  # 20 Dec 00:00 in Paris is still the 19th there
    for url in ("/en/", edition.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Fri, 20 Dec 2030 to Sat, 21 Dec 2030 (Paris)" in html


def test_the_propose_form_writes_nothing_before_the_service_runs(edition):
    from vos.activity.forms import ActivityForm
    from vos.organization.models import Organization

    form = ActivityForm(
        proposal(edition, new_organization_name="Radio Libre", new_organization_country="BO"),
        edition=edition,
    )
    assert form.is_valid(), form.errors
    data = form.to_data()
    assert (data.new_organization.name, data.organizations) == ("Radio Libre", [])
    assert not Organization.objects.exists()


def test_search_finds_organizers_by_name_only_when_they_are_named_in_public(client, edition):
    public = UserFactory(display_name="Amaru Quispe", is_public=True)
    private = UserFactory(display_name="Wayra Mamani", is_public=False)
    make_activity(edition, title="Semillas", organizer=public)
    make_activity(edition, title="Tejidos", organizer=private)
    url = reverse("activity.program", kwargs={"slug": edition.slug})
    found = client.get(url, {"q": "Quispe", "day": "all"}).content.decode()
    hidden = client.get(url, {"q": "Mamani", "day": "all"}).content.decode()
    assert ("Semillas" in found, "Tejidos" in found) == (True, False)
    assert "Tejidos" not in hidden
    assert "Wayra Mamani" not in hidden


def test_other_time_zones_run_west_to_east(client):
    edition = make_edition(start=dt.date(2030, 7, 12), days=1, open_proposals=False)
    activity = make_activity(edition, starts_at=dt.datetime(2030, 7, 12, 16, tzinfo=PARIS))
    html = client.get(activity.get_absolute_url()).content.decode()
    table = html[html.index('class="other-zones"') :]
    cities = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert cities[0] == "Los Angeles"
    assert cities[-1] == "Sydney"
    assert cities.index("Mexico City") < cities.index("São Paulo") < cities.index("Dakar")
    assert cities.index("Kolkata") < cities.index("Shanghai") < cities.index("Tokyo")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("comunicacion", "Comunicación popular"),
        ("COMUNICACIÓN", "Comunicación popular"),
        ("ecologie", "Écologie des savoirs"),
        ("lucia", "Huertas"),  # the organizer Lucía, named in public
        ("solidaria", "Huertas"),  # an organization's name
        ("sao paulo", "Ciranda em São Paulo"),
    ],
)
def test_search_ignores_accents_and_case(client, edition, typed, found):
    lucia = UserFactory(display_name="Lucía Hernández", is_public=True)
    make_activity(edition, title="Comunicación popular")
    make_activity(edition, title="Écologie des savoirs")
    make_activity(edition, title="Ciranda em São Paulo")
    huertas = make_activity(edition, title="Huertas", organizer=lucia)
    huertas.organizations.add(Organization.objects.create(name="Economía Solidaria"))
    url = reverse("activity.program", kwargs={"slug": edition.slug})
    html = client.get(url, {"q": typed, "day": "all"}).content.decode()
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', html)
    assert titles == [found]


def test_language_filter_offers_the_editions_languages_the_readers_first(client, edition):
    make_activity(edition, title="Uno", languages=["es", "en"])
    make_activity(edition, title="Deux", languages=["fr"])
    make_activity(edition, title="Never shown", languages=["ja"], state=Activity.State.PROPOSED)
    client.force_login(UserFactory(languages=["fr"]))
    html = client.get(f"/es/editions/{edition.slug}/program/").content.decode()
    start = html.index('id="id_language"')
    select = html[start : html.index("</select>", start)]
    options = re.findall(r'<option value="([a-z]*)"', select)
    # The reader speaks French and reads this page in Spanish: those first, then the rest.
    assert options == ["", "fr", "es", "en"]


def test_an_activity_crossing_the_readers_midnight_says_next_day(client):
    edition = make_edition(start=dt.date(2030, 9, 20), days=2, open_proposals=False)
    make_activity(
        edition,
        title="Late assembly",
        starts_at=dt.datetime(2030, 9, 20, 23, 30, tzinfo=PARIS),
        minutes=120,
    )
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(program_url(edition, day="2030-09-20")).content.decode()
    assert "01:30, next day</time>" in html
    client.cookies["vos_tz"] = "America%2FNew_York"  # 17:30–19:30 there: the same day
    html = client.get(program_url(edition, day="2030-09-20")).content.decode()
    assert "19:30</time>" in html
    assert "next day" not in html


def test_the_timeline_has_column_headers(client):
    edition = make_edition(start=dt.date(2030, 9, 20), days=1, open_proposals=False)
    make_activity(edition, title="One", starts_at=dt.datetime(2030, 9, 20, 14, tzinfo=PARIS))
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(program_url(edition, day="2030-09-20", view="grid")).content.decode()
    assert '<th scope="colgroup" colspan="1">Activities at the same time</th>' in html


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (dt.date(2026, 7, 11), "France (Paris), UTC+2"),
        (dt.date(2026, 10, 25), "France (Paris), UTC+2 → UTC+1"),
        (dt.date(2026, 12, 12), "France (Paris), UTC+1"),
    ],
)
def test_a_days_grid_names_the_offset_of_its_own_times(client, day, label):
    edition = make_edition("vos-dst", start=day - dt.timedelta(days=1), open_proposals=False)
    make_activity(
        edition, title="Plenária", starts_at=dt.datetime.combine(day, dt.time(10), tzinfo=PARIS)
    )
    client.cookies["vos_tz"] = "Europe%2FParis"
    url = reverse("activity.program", kwargs={"slug": edition.slug})
    html = client.get(url, {"day": day.isoformat(), "view": "grid"}).content.decode()
    assert f"Times in {label}. Days begin at your midnight." in html
    assert f"side by side ({label})</caption>" in html


def test_titles_and_summaries_in_another_language_say_which(client, edition):
    make_activity(edition, title="Huertas urbanas", languages=["es", "en"])
    make_activity(edition, title="English talk", languages=["en"])
    make_activity(edition, title="الزراعة الحضرية", languages=["ar"])
    url = reverse("activity.program", kwargs={"slug": edition.slug})
    html = client.get(url, {"day": "all"}).content.decode()
    assert re.search(r'<a href="[^"]+" lang="es">Huertas urbanas</a>', html)
    assert '<p lang="es">Summary of Huertas urbanas</p>' in html
    assert re.search(r'<a href="[^"]+">English talk</a>', html)
    assert re.search(r'<a href="[^"]+" lang="ar" dir="rtl">الزراعة الحضرية</a>', html)
    # In Spanish, the Spanish title needs no mark; the English one does.
    html = client.get(url.replace("/en/", "/es/"), {"day": "all"}).content.decode()
    assert re.search(r'<a href="[^"]+">Huertas urbanas</a>', html)
    assert re.search(r'<a href="[^"]+" lang="en">English talk</a>', html)
