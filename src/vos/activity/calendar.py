"""Activities as iCalendar (RFC 5545): stable UIDs, SEQUENCE on changes, times in UTC."""

import datetime as dt

from django.conf import settings
from django.http import HttpRequest
from icalendar import Calendar, Event

from vos.activity.models import Activity


def activity_uid(activity: Activity) -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"activity-{activity.pk}@{host}"


def activity_ics(
    activities: list[Activity],
    *,
    request: HttpRequest | None = None,
    base_url: str | None = None,
    name: str = "",
) -> bytes:
    """``base_url`` (or the request's, else the site's) is put before the activities'
    addresses."""
    if base_url is None:
        base_url = request.build_absolute_uri("/").rstrip("/") if request else settings.SITE_URL
    calendar = Calendar()
    calendar.add("prodid", "-//Viral Open Space//vos//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    for activity in activities:
        event = Event()
        event.add("uid", activity_uid(activity))
        # From the event's last change, not from now: an unchanged feed reads the same on
        # every poll, so it answers 304.
        event.add("dtstamp", activity.updated_at.astimezone(dt.UTC))
        event.add("dtstart", activity.starts_at.astimezone(dt.UTC))
        event.add("dtend", activity.ends_at.astimezone(dt.UTC))
        # In the reader's language where translated; LANGUAGE says which it is.
        shown = activity.tr
        event.add("summary", shown.title, parameters={"LANGUAGE": shown.language})
        event.add("description", shown.summary, parameters={"LANGUAGE": shown.language})
        event.add("sequence", activity.sequence)
        event.add("last-modified", activity.updated_at.astimezone(dt.UTC))
        event.add(
            "status", "CANCELLED" if activity.state == Activity.State.CANCELLED else "CONFIRMED"
        )
        url = activity.get_absolute_url()
        event.add("url", base_url + url)
        calendar.add_component(event)
    return calendar.to_ical()
