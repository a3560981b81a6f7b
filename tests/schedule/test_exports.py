import datetime as dt
import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.utils import timezone
from jsonschema import Draft6Validator, FormatChecker
from lxml import etree

from tests.calendars import parse_both
from tests.factories import make_activity, make_edition
from tests.schedule.conftest import EXPECTED, SECRETS, paris
from vos.activity.models import Activity
from vos.schedule.exports import SCHEDULE_NAMESPACE

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent / "schemas"


def export(client, edition, kind: str, **headers) -> bytes:
    response = client.get(f"/editions/{edition.slug}/schedule.{kind}", **headers)
    assert response.status_code == 200
    return response.content


def format_checker() -> FormatChecker:
    """jsonschema's checks, plus the two it leaves to optional packages."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value) -> bool:
        return not isinstance(value, str) or dt.datetime.fromisoformat(value).tzinfo is not None

    @checker.checks("uri")
    def is_uri(value) -> bool:
        return not isinstance(value, str) or bool(urlsplit(value).scheme and urlsplit(value).netloc)

    return checker


def assert_valid_xml(content: bytes) -> etree._Element:
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    document = etree.fromstring(content)
    schema.assertValid(document)
    return document


def assert_valid_json(content: bytes) -> dict:
    schema = json.loads((SCHEMAS / "schedule.json.schema.json").read_text())
    data = json.loads(content)
    Draft6Validator(schema, format_checker=format_checker()).validate(data)
    return data


def xml_events(document: etree._Element) -> list[dict]:
    return [
        {
            "title": event.findtext("title"),
            "id": int(event.get("id")),
            "guid": event.get("guid"),
            "day": int(event.getparent().getparent().get("index")),
            "date": event.findtext("date"),
            "start": event.findtext("start"),
            "duration": event.findtext("duration"),
            "room": event.findtext("room"),
            "room_group": event.getparent().get("name"),
            "persons": [
                (person.text, person.get("guid")) for person in event.iterfind("persons/person")
            ],
        }
        for event in document.iterfind("day/room/event")
    ]


def json_events(data: dict) -> list[dict]:
    return [
        {
            "title": event["title"],
            "id": event["id"],
            "guid": event["guid"],
            "day": day["index"],
            "date": event["date"],
            "start": event["start"],
            "duration": event["duration"],
            "room": event["room"],
            "room_group": room,
            "persons": [(person["name"], person["guid"]) for person in event["persons"]],
        }
        for day in data["schedule"]["conference"]["days"]
        for room, events in day["rooms"].items()
        for event in events
    ]


def test_schema_files_live_in_the_repository():
    repository = Path(__file__).resolve().parents[2]
    assert SCHEMAS.is_relative_to(repository)
    assert (SCHEMAS / "schedule.xml.xsd").is_file()
    assert (SCHEMAS / "schedule.json.schema.json").is_file()
    assert (SCHEMAS / "LICENCE-EUPL-1.2.txt").is_file()


def test_xml_export_is_valid_against_the_schema(client, world):
    document = assert_valid_xml(export(client, world["edition"], "xml"))
    days = [
        (day.get("index"), day.get("date"), day.get("start"), day.get("end"))
        for day in document.iterfind("day")
    ]
    assert days == [
        ("1", "2025-03-29", "2025-03-29T00:00:00+01:00", "2025-03-30T00:00:00+01:00"),
        ("2", "2025-03-30", "2025-03-30T00:00:00+01:00", "2025-03-31T00:00:00+02:00"),
        ("3", "2025-03-31", "2025-03-31T00:00:00+02:00", "2025-04-01T00:00:00+02:00"),
    ]
    assert document.findtext("conference/time_zone_name") == "Europe/Paris"
    assert document.findtext("conference/acronym") == "vos_dst"
    assert document.findtext("conference/days") == "3"


def test_json_export_is_valid_against_the_schema(client, world):
    data = assert_valid_json(export(client, world["edition"], "json"))
    conference = data["schedule"]["conference"]
    assert conference["time_zone_name"] == "Europe/Paris"
    assert conference["acronym"] == "vos_dst"
    assert (conference["start"], conference["end"], conference["daysCount"]) == (
        "2025-03-29",
        "2025-03-31",
        3,
    )
    assert [(day["index"], day["day_start"], day["day_end"]) for day in conference["days"]] == [
        (1, "2025-03-29T00:00:00+01:00", "2025-03-30T00:00:00+01:00"),
        (2, "2025-03-30T00:00:00+01:00", "2025-03-31T00:00:00+02:00"),
        (3, "2025-03-31T00:00:00+02:00", "2025-04-01T00:00:00+02:00"),
    ]


def test_exports_of_an_empty_edition_are_valid(client):
    edition = make_edition("vos-empty", days=2)
    document = assert_valid_xml(export(client, edition, "xml"))
    data = assert_valid_json(export(client, edition, "json"))
    assert [day.get("index") for day in document.iterfind("day")] == ["1", "2"]
    assert [day["rooms"] for day in data["schedule"]["conference"]["days"]] == [{}, {}]


def test_exports_are_valid_for_an_odd_slug_zone_and_titles(client):
    """A short slug, a zone the JSON schema's pattern refuses, a title with no Latin
    letter and one with a character XML cannot hold."""
    edition = make_edition("v-2", start=dt.date(2025, 6, 1), days=1)
    edition.time_zone = "Etc/GMT+3"
    edition.save()
    starts_at = dt.datetime(2025, 6, 1, 13, 0, tzinfo=dt.UTC)
    make_activity(edition, title="Мир и хлеб", starts_at=starts_at, languages=())
    make_activity(edition, title="Bell\x07 ringing", starts_at=starts_at)
    document = assert_valid_xml(export(client, edition, "xml"))
    data = assert_valid_json(export(client, edition, "json"))
    assert document.findtext("conference/acronym") == "v_2_"
    assert document.findtext("conference/time_zone_name") == "Etc/GMT+3"
    assert "time_zone_name" not in data["schedule"]["conference"]
    events = json_events(data)
    assert sorted((event["title"], event["date"], event["start"]) for event in events) == [
        ("Bell\x07 ringing", "2025-06-01T10:00:00-03:00", "10:00"),
        ("Мир и хлеб", "2025-06-01T10:00:00-03:00", "10:00"),
    ]
    assert sorted(event.findtext("title") for event in document.iterfind("day/room/event")) == [
        "Bell ringing",
        "Мир и хлеб",
    ]
    slugs = sorted(event.findtext("slug") for event in document.iterfind("day/room/event"))
    first, second = sorted(edition.activities.all(), key=lambda activity: activity.title)
    assert slugs == sorted([f"v_2_-{first.pk}-bell-ringing", f"v_2_-{second.pk}-activity"])


@pytest.mark.parametrize("kind", ["xml", "json"])
def test_export_lists_every_published_activity_once_as_the_program_shows_it(client, world, kind):
    content = export(client, world["edition"], kind)
    events = (
        xml_events(etree.fromstring(content)) if kind == "xml" else json_events(json.loads(content))
    )
    assert sorted(event["title"] for event in events) == sorted(EXPECTED)
    for event in events:
        activity = world["activities"][event["title"]]
        assert event["id"] == activity.pk
        assert {
            name: event[name] for name in ("day", "date", "start", "duration", "room")
        } == EXPECTED[event["title"]]
        assert event["room_group"] == event["room"]
    ana = world["ana"]
    persons = {event["title"]: event["persons"] for event in events}
    ana_guid = str(uuid.uuid5(SCHEDULE_NAMESPACE, f"person/{ana.pk}"))
    assert persons["Opening plenary"] == [("Ana Public", ana_guid)]
    assert persons["Night owls"] == []


def test_json_event_carries_the_program_fields(client, world):
    data = json.loads(export(client, world["edition"], "json"))
    opening = world["activities"]["Opening plenary"]
    event = next(event for event in json_events(data) if event["title"] == "Opening plenary")
    full = data["schedule"]["conference"]["days"][0]["rooms"]["Agora"][0]
    assert full["guid"] == event["guid"]
    assert {
        name: full[name]
        for name in ("track", "type", "language", "abstract", "description", "url", "slug")
    } == {
        "track": "Plenary",
        "type": "plenary",
        "language": "en, fr",
        "abstract": "Summary of Opening plenary",
        "description": "",
        "url": f"http://testserver/en/editions/vos-dst/activities/{opening.pk}/",
        "slug": f"vos_dst-{opening.pk}-opening-plenary",
    }


def test_exports_follow_the_readers_language(client, world):
    data = json.loads(export(client, world["edition"], "json", HTTP_ACCEPT_LANGUAGE="fr"))
    opening = next(event for event in json_events(data) if event["title"] == "Opening plenary")
    assert opening["room"] == "L'Agora"
    english = json.loads(export(client, world["edition"], "json", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Agora" in english["schedule"]["conference"]["days"][0]["rooms"]


def test_exports_leave_out_hidden_and_cancelled_activities(client, world):
    for kind in ("xml", "json"):
        content = export(client, world["edition"], kind).decode()
        for title in ["Unpublished", "Proposal", "Rained out"]:
            assert title not in content


def test_ics_export_parses_and_matches_the_edition_feed(client, world):
    events = parse_both(export(client, world["edition"], "ics"))
    feed = parse_both(client.get(f"/feeds/editions/{world['edition'].slug}.ics").content)
    assert sorted(event["uid"] for event in events) == sorted(event["uid"] for event in feed)
    by_title = {event["summary"]: event for event in events}
    assert set(by_title) == {*EXPECTED, "Rained out"}
    assert by_title["Rained out"]["status"] == "CANCELLED"
    assert by_title["Night owls"]["status"] == "CONFIRMED"
    assert by_title["Night owls"]["start"] == paris(2025, 3, 30, 1, 30)
    assert by_title["Night owls"]["end"] == paris(2025, 3, 30, 3, 30)


def test_guids_are_stable_and_distinct(client, world):
    edition = world["edition"]
    first = {
        event["title"]: event["guid"]
        for event in json_events(json.loads(export(client, edition, "json")))
    }
    opening = world["activities"]["Opening plenary"]
    Activity.objects.filter(pk=opening.pk).update(
        title="Opening assembly",
        starts_at=paris(2025, 3, 29, 11, 0),
        ends_at=paris(2025, 3, 29, 12, 0),
        updated_at=timezone.now(),
    )
    cache.clear()
    again = {
        event["title"]: event["guid"]
        for event in xml_events(etree.fromstring(export(client, edition, "xml")))
    }
    assert again.pop("Opening assembly") == first.pop("Opening plenary")
    assert again == first
    assert first["Night owls"] == str(
        uuid.uuid5(SCHEDULE_NAMESPACE, f"activity/{world['activities']['Night owls'].pk}")
    )
    assert len(set(first.values())) == len(first)


@pytest.mark.parametrize("kind", ["xml", "json", "ics"])
def test_exports_show_no_way_into_a_room_nor_private_people(client, world, kind):
    contents = [
        export(client, world["edition"], kind).decode(),
        export(client, world["edition"], kind, HTTP_ACCEPT_LANGUAGE="fr").decode(),
    ]
    for content in contents:
        assert [secret for secret in SECRETS if secret in content] == []
        assert world["hidden_person"].email not in content
        assert world["ana"].email not in content


def test_json_speakers_are_read_by_frab_and_pretalx_clients(client, world):
    data = assert_valid_json(export(client, world["edition"], "json"))
    events = [
        event
        for day in data["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    ]
    opening = next(event for event in events if event["title"] == "Opening plenary")
    # pyfahrplan prints ", ".join(p["public_name"] for p in event["persons"]);
    # pretalx-shaped readers take "name".
    assert ", ".join(person["public_name"] for person in opening["persons"]) == "Ana Public"
    assert [person["name"] for person in opening["persons"]] == ["Ana Public"]
    assert all("id" not in person for event in events for person in event["persons"])
