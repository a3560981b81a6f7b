"""Reading iCalendar the way two independent clients would."""

import vobject
from icalendar import Calendar


def parse_both(content: bytes) -> list[dict]:
    """The same feed read by two independent parsers must say the same things."""
    first = [
        {
            "uid": str(event["uid"]),
            "sequence": int(event["sequence"]),
            "status": str(event["status"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "summary": str(event["summary"]),
        }
        for event in Calendar.from_ical(content).walk("VEVENT")
    ]
    second = [
        {
            "uid": event.uid.value,
            "sequence": int(event.sequence.value),
            "status": event.status.value,
            "start": event.dtstart.value,
            "end": event.dtend.value,
            "summary": event.summary.value,
        }
        for event in vobject.readOne(content.decode()).vevent_list
    ]
    assert first == second
    return first
