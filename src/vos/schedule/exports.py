"""Schedule exports of an edition's public program, for the apps people carry to a forum.

Three formats: frab's ``schedule.xml``, the C3VOC ``schedule.json`` ("schedule v1") and
iCalendar. They show what the public program shows and never a way into a room: join
links, meeting ids, passcodes, dial-in PINs and Jitsi names are for registered people.

Ids stay the same across exports and program versions, so apps keep their users'
favourites: ``id`` is the activity's primary key, ``guid`` is
``uuid5(SCHEDULE_NAMESPACE, "activity/<pk>")`` and an organizer's is
``uuid5(SCHEDULE_NAMESPACE, "person/<pk>")``. The primary key rather than the page's
path, because the path carries the reader's language prefix.
"""

import datetime as dt
import hashlib
import json
import re
import uuid
import zoneinfo
from dataclasses import dataclass
from typing import Any, Literal
from xml.etree import ElementTree as ET  # only writes XML; nothing here parses any

from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import pgettext

from vos.activity.calendar import activity_ics
from vos.activity.models import Activity
from vos.common.encoding import compressed_forms
from vos.common.page_cache import cache_is_shared, content_version, trust_content_version
from vos.common.timezones import local_midnight
from vos.edition.models import ActivityType, Edition
from vos.registration.queries import activities_for_edition_feed
from vos.schedule.queries import ProgramVersion, activities_for_schedule, program_version
from vos.schedule.tasks import schedule_export_rebuild

ExportKind = Literal["xml", "json", "ics"]

# Fixed forever: changing it would change every guid that apps have stored.
SCHEDULE_NAMESPACE = uuid.UUID("c77a1c9f-ff6a-43c1-b144-a6a0eba793bb")

GENERATOR = "Viral Open Space"
JSON_SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
TIMESLOT_DURATION = "00:15"

# Raise when the exports change shape, so cached copies of the old shape are not served.
EXPORT_REVISION = 1

# How long an export is kept. The program version catches every change of an activity;
# this bounds how long a renamed room, person or activity type waits to show.
STORE_SECONDS = 10 * 60
# How long a queued rebuild keeps others from queueing the same one.
REBUILD_CLAIM_SECONDS = 120

# The JSON schema's pattern for time_zone_name (it matches a prefix, as written).
JSON_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")

# Characters XML 1.0 cannot hold, even escaped.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def activity_guid(activity_pk: int) -> str:
    return str(uuid.uuid5(SCHEDULE_NAMESPACE, f"activity/{activity_pk}"))


def person_guid(person_pk: int) -> str:
    return str(uuid.uuid5(SCHEDULE_NAMESPACE, f"person/{person_pk}"))


def edition_acronym(edition: Edition) -> str:
    """The edition's slug as both schemas accept it: lower case, underscores, 4+ chars."""
    return re.sub(r"[^a-z0-9_]", "_", edition.slug.lower()).ljust(4, "_")


def _event_slug(acronym: str, activity: Activity) -> str:
    """``<acronym>-<pk>-<title>``, as frab writes it; a title with no Latin letters, or
    too short for the XML schema, becomes "activity"."""
    title = slugify(activity.title)[:50].strip("-_")
    if len(title) < 2:
        title = "activity"
    return f"{acronym}-{activity.pk}-{title}"


def room_name(activity: Activity) -> str:
    """The room's public name, never its way in."""
    if activity.room is not None:
        return activity.room.display_name
    if activity.room_mode == Activity.RoomMode.JITSI:
        return "Jitsi Meet"
    if activity.room_mode == Activity.RoomMode.BBB:
        return "BigBlueButton"
    return pgettext("schedule room", "Online")


def _room_rank(activity: Activity) -> tuple:
    """Rooms of the edition first, in their order; automatic and missing rooms after."""
    if activity.room is not None:
        return (0, activity.room.position, room_name(activity))
    return (1, 0, room_name(activity))


def _hours_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _event(
    activity: Activity, *, zone: zoneinfo.ZoneInfo, acronym: str, base_url: str
) -> dict[str, Any]:
    starts_at = timezone.localtime(activity.starts_at, zone)
    ends_at = timezone.localtime(activity.ends_at, zone)
    return {
        "guid": activity_guid(activity.pk),
        "id": activity.pk,
        "date": starts_at.isoformat(timespec="seconds"),
        "start": f"{starts_at:%H:%M}",
        "end": ends_at.isoformat(timespec="seconds"),
        "duration": _hours_minutes(activity.duration_minutes),
        "room": room_name(activity),
        "slug": _event_slug(acronym, activity),
        "url": base_url + activity.get_absolute_url(),
        "title": activity.tr.title,
        "subtitle": None,
        "track": activity.activity_type.name,
        "type": activity.activity_type.key,
        "language": ", ".join(activity.languages) or None,
        "abstract": activity.tr.summary,
        "description": activity.tr.description,
        "persons": [
            # Both names: frab-family clients (pyfahrplan, Giggity) read public_name,
            # newer ones name; the schema's oneOf forbids the deprecated integer id then.
            {
                "guid": person_guid(person.pk),
                "name": person.display_name,
                "public_name": person.display_name,
            }
            for person in activity.public_people
        ],
        "links": [],
    }


def _days(edition: Edition, activities: list[Activity], events: list[dict]) -> list[dict]:
    """Every day of the edition (and any day an activity starts outside it), in the
    edition's zone, numbered from 1, with its events by room."""
    zone = edition.zone
    room_order: dict[str, tuple] = {}
    by_day: dict[dt.date, dict[str, list[dict]]] = {}
    for activity, event in zip(activities, events, strict=True):
        day = timezone.localtime(activity.starts_at, zone).date()
        room_order[event["room"]] = min(room_order.get(event["room"], (2,)), _room_rank(activity))
        by_day.setdefault(day, {}).setdefault(event["room"], []).append(event)
    length = (edition.end_date - edition.start_date).days + 1
    days = {edition.start_date + dt.timedelta(days=offset) for offset in range(length)}
    return [
        {
            "index": index,
            "date": day.isoformat(),
            "day_start": local_midnight(day, zone).isoformat(),
            "day_end": local_midnight(day + dt.timedelta(days=1), zone).isoformat(),
            "rooms": {
                name: by_day[day][name]
                for name in sorted(by_day.get(day, {}), key=room_order.__getitem__)
            },
        }
        for index, day in enumerate(sorted(days | set(by_day)), start=1)
    ]


def schedule_data(edition: Edition, *, base_url: str, version: ProgramVersion) -> dict[str, Any]:
    """The schedule in the shape of the C3VOC JSON; the XML is written from it too."""
    activities = activities_for_schedule(edition)
    acronym = edition_acronym(edition)
    events = [
        _event(activity, zone=edition.zone, acronym=acronym, base_url=base_url)
        for activity in activities
    ]
    days = _days(edition, activities, events)
    types: dict[int, ActivityType] = {a.activity_type_id: a.activity_type for a in activities}
    tracks = sorted(types.values(), key=lambda kind: (kind.position, kind.key))
    return {
        "$schema": JSON_SCHEMA_URL,
        "generator": {"name": GENERATOR},
        "schedule": {
            "version": version.label,
            "base_url": base_url + "/",
            "conference": {
                "acronym": acronym,
                "title": edition.tr.title,
                "start": days[0]["date"],
                "end": days[-1]["date"],
                "daysCount": len(days),
                "timeslot_duration": TIMESLOT_DURATION,
                "time_zone_name": edition.time_zone,
                "url": base_url + edition.get_absolute_url(),
                "tracks": [{"name": track.name} for track in tracks],
                "days": days,
            },
        },
    }


def schedule_json(data: dict[str, Any]) -> bytes:
    conference = data["schedule"]["conference"]
    if not JSON_ZONE_NAME.search(conference["time_zone_name"]):
        # A name the schema refuses (e.g. Etc/GMT+3); every date still carries its offset.
        data = {**data, "schedule": {**data["schedule"], "conference": {**conference}}}
        del data["schedule"]["conference"]["time_zone_name"]
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def _clean(value: str) -> str:
    return XML_INVALID.sub("", value)


def _add(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {name: _clean(v) for name, v in attributes.items()})
    element.text = _clean(text)
    return element


def _xml_event(parent: ET.Element, event: dict[str, Any]) -> None:
    element = ET.SubElement(parent, "event", id=str(event["id"]), guid=event["guid"])
    for name in (
        "room",
        "title",
        "type",
        "date",
        "start",
        "duration",
        "abstract",
        "slug",
        "track",
        "language",
        "description",
        "url",
    ):
        if event[name] is not None:
            _add(element, name, event[name])
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        _add(persons, "person", person["name"], guid=person["guid"])


def schedule_xml(data: dict[str, Any]) -> bytes:
    """The frab ``schedule.xml``, from the same data as the JSON."""
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name=data["generator"]["name"])
    _add(root, "version", schedule["version"])
    head = ET.SubElement(root, "conference")
    for name in ("acronym", "title", "start", "end"):
        _add(head, name, conference[name])
    _add(head, "days", str(conference["daysCount"]))
    _add(head, "timeslot_duration", conference["timeslot_duration"])
    _add(head, "base_url", schedule["base_url"])
    _add(head, "url", conference["url"])
    _add(head, "time_zone_name", conference["time_zone_name"])
    for track in conference["tracks"]:
        _add(head, "track", "", name=track["name"])
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for name, events in day["rooms"].items():
            room = ET.SubElement(day_element, "room", name=_clean(name))
            for event in events:
                _xml_event(room, event)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def schedule_ics(edition: Edition, *, base_url: str) -> bytes:
    """The whole edition as iCalendar: the edition feed's activities and UIDs, cancelled
    ones included with STATUS:CANCELLED so calendars drop them."""
    activities = activities_for_edition_feed(edition)
    return activity_ics(activities, base_url=base_url, name=edition.tr.title)


@dataclass(frozen=True)
class Export:
    body: bytes  # in the encoding asked for
    etag: str  # of the plain body
    last_modified: dt.datetime


def _slot_key(kind: ExportKind, edition: Edition, language: str, base_url: str) -> str:
    """Where the latest export of one kind, language and site address is kept."""
    digest = hashlib.sha256(repr([EXPORT_REVISION, language, base_url]).encode()).hexdigest()
    return f"schedule:{kind}:{edition.pk}:{digest[:32]}"


def _body_key(etag: str, encoding: str) -> str:
    # Named by the body's digest: what a slot points to never changes under it.
    return f"schedule-body:{etag.strip(chr(34))}:{encoding or 'plain'}"


def _wanted(edition: Edition, version: ProgramVersion) -> str:
    """What an export must have been built from to be current: the program's version
    and the edition's own fields that the exports show."""
    parts = [
        version.token,
        edition.slug,
        edition.title,
        edition.translations,
        edition.time_zone,
        edition.start_date.isoformat(),
        edition.end_date.isoformat(),
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def schedule_export_build(
    edition: Edition, kind: ExportKind, *, language: str, base_url: str
) -> dict[str, Any]:
    """Build one export and keep it as the latest of its kind; what a reader is served
    until the program changes. Called by the rebuild task, and by a request only when
    no export of that kind was ever built (or the cache lost it)."""
    # Read before building: a change made meanwhile leaves this copy out of date.
    content = content_version()
    version = program_version(edition)
    with translation.override(language):
        if kind == "ics":
            body = schedule_ics(edition, base_url=base_url)
        else:
            data = schedule_data(edition, base_url=base_url, version=version)
            body = schedule_xml(data) if kind == "xml" else schedule_json(data)
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    bodies = {"": body, **compressed_forms(body)}
    stored = {
        "etag": etag,
        "last_modified": version.changed_at or edition.created_at,
        "built_from": _wanted(edition, version),
        "content_version": content,
    }
    # The bodies apart from the slot: a reader fetches the small slot and the one body
    # its client takes (a tenth of the plain size when compressed), not all three.
    cache.set_many(
        {_body_key(etag, encoding): data for encoding, data in bodies.items()}, STORE_SECONDS
    )
    cache.set(_slot_key(kind, edition, language, base_url), stored, STORE_SECONDS)
    return {**stored, "bodies": bodies}


def _rebuild_later(edition: Edition, kind: ExportKind, language: str, base_url: str, wanted: str):
    """One rebuild for each new version, however many readers notice it meanwhile; a
    rebuild that never finished is asked for again once its claim runs out."""
    claim = f"schedule-rebuild:{_slot_key(kind, edition, language, base_url)}:{wanted}"
    if cache.add(claim, 1, REBUILD_CLAIM_SECONDS):
        # Queued at once, not on commit: a reader's request writes nothing to wait for.
        schedule_export_rebuild.enqueue(
            edition_id=edition.pk, kind=kind, language=language, base_url=base_url
        )


def schedule_export(
    edition: Edition, kind: ExportKind, *, base_url: str, encoding: str = ""
) -> Export:
    """The latest export of the edition's program, in the active language.

    Served from the cache in the ``encoding`` asked for ("" plain, "br", "gzip"),
    compressed once when built. While nothing has changed since it was built (the site's
    content version says so without a query where the page cache trusts it), it is
    served as it is; otherwise the program's version (one query) tells whether it is
    still current. When it is not, a rebuild is queued and readers keep the previous
    export until the worker has built the new one; where each process has a cache of
    its own, the request builds it. The ETag is a digest of the plain body.
    """
    language = translation.get_language() or "en"
    key = _slot_key(kind, edition, language, base_url)
    stored = cache.get(key)
    if stored is None:
        stored = schedule_export_build(edition, kind, language=language, base_url=base_url)
    elif not (trust_content_version() and stored["content_version"] == content_version()):
        wanted = _wanted(edition, program_version(edition))
        if stored["built_from"] != wanted:
            if cache_is_shared():
                _rebuild_later(edition, kind, language, base_url, wanted)
                # A queue that runs tasks at once (tests, a small site) has rebuilt it.
                stored = cache.get(key) or stored
            else:
                # Each process has its own cache: a worker's copy would never reach it.
                stored = schedule_export_build(edition, kind, language=language, base_url=base_url)
    body = stored["bodies"][encoding] if "bodies" in stored else None
    if body is None:
        body = cache.get(_body_key(stored["etag"], encoding))
    if body is None:  # evicted from the cache apart from its slot
        stored = schedule_export_build(edition, kind, language=language, base_url=base_url)
        body = stored["bodies"][encoding]
    return Export(body=body, etag=stored["etag"], last_modified=stored["last_modified"])
