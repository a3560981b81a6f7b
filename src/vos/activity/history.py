"""An activity's history in sentences, in the reader's language and zone: "Ana asked for
changes: …", "Pierre moved it from Sun 20 Sept, 18:00 to 19:00 (Paris, UTC+2)" — never
the log's own codes, which organizers see too."""

import datetime as dt

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.common.dates import format_local
from vos.common.models import LogEntry
from vos.common.timezones import zone_label


def _moment(value: str) -> str:
    moment = dt.datetime.fromisoformat(value)
    zone = timezone.get_current_timezone()
    local = timezone.localtime(moment, zone)
    return f"{format_local(local, 'datetime')} ({zone_label(str(zone.key), at=moment)})"


def _field_label(name: str) -> str:
    try:
        return str(Activity._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a name the log kept that the model no longer has
        return name


def _update(who: str, data: dict) -> str:
    """Whole sentences, one per kind of change (translators get each one entire)."""
    sentences = []
    if "starts_at" in data:
        old, new = data["starts_at"]
        sentences.append(
            _("%(who)s moved it from %(old)s to %(new)s.")
            % {"who": who, "old": _moment(old), "new": _moment(new)}
        )
    if "title" in data:
        old, new = data["title"]
        sentences.append(
            _("%(who)s renamed it from “%(old)s” to “%(new)s”.")
            % {"who": who, "old": old, "new": new}
        )
    others = [name for name in data if name not in ("starts_at", "ends_at", "title", "state")]
    if others or not sentences:
        fields = ", ".join(_field_label(name) for name in others) or _("its details")
        sentences.append(_("%(who)s changed %(fields)s.") % {"who": who, "fields": fields})
    return " ".join(sentences)


def history_sentence(entry: LogEntry) -> str:
    """One entry of the log as a sentence a participant reads."""
    who = entry.actor.display_name if entry.actor else _("The forum")
    data = entry.data or {}
    message = data.get("message") or data.get("reason") or ""
    sentences = {
        "activity.propose": _("%(who)s proposed the activity."),
        "activity.import": _("%(who)s recorded the activity."),
        "activity.publish": _("%(who)s published it."),
        "activity.request_changes": _("%(who)s asked for changes: %(message)s"),
        "activity.decline": _("%(who)s declined it: %(message)s"),
        "activity.unpublish": _("%(who)s took it off the program: %(message)s"),
        "activity.cancel": _("%(who)s cancelled it: %(message)s"),
        "activity.flags": _("%(who)s changed how it shows on the program."),
        "activity.invite": _("%(who)s invited %(email)s to organize it."),
        "activity.invitation_accept": _("%(who)s joined its organizers."),
        "registration.create": _("%(who)s registered."),
        "registration.cancel": _("%(who)s unregistered."),
        "registration.promote": _("A place went to the next person on the waiting list."),
        "registration.message": _("%(who)s wrote to everyone registered: “%(subject)s”."),
        "room.allocate": _("It got the room %(room)s."),
    }
    values = {
        "who": who,
        "message": message,
        **{k: v for k, v in data.items() if isinstance(v, str)},
    }
    if entry.action == "activity.update":
        return _update(who, data)
    if entry.action in ("room.move", "room.reallocate") and isinstance(data.get("room"), list):
        old, new = data["room"]
        if entry.action == "room.move":
            return _("%(who)s moved it from room %(old)s to %(new)s.") % {
                "who": who,
                "old": old or "—",
                "new": new,
            }
        return _("It moved from room %(old)s to %(new)s.") % {"old": old or "—", "new": new}
    template = sentences.get(entry.action)
    if template is None:
        return entry.action
    try:
        return template % values
    except (KeyError, ValueError):
        return entry.action
