"""An activity's history in sentences, in the reader's language and zone: "Ana asked for
changes: …", "Pierre moved it from Sun 20 Sept, 18:00 to 19:00 (Paris, UTC+2)" — never
the log's own codes, which organizers see too."""

import datetime as dt

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.common.dates import format_local
from vos.common.models import LogEntry
from vos.common.timezones import list_comma, zone_label


def _moment(value: str) -> str:
    moment = dt.datetime.fromisoformat(value)
    zone = timezone.get_current_timezone()
    local = timezone.localtime(moment, zone)
    return f"{format_local(local, 'datetime')} ({zone_label(str(zone.key), at=moment)})"


def _own(text: str) -> SafeString:
    """What a person wrote (a name, a title, a message), isolated in the sentence so that
    its direction never reorders the words around it (an Arabic name in an English
    sentence, a French message in an Arabic one)."""
    return format_html("<bdi>{}</bdi>", text) if text else mark_safe("")


def _say(sentence: str, values: dict) -> SafeString:
    """A translated sentence, escaped, with values that are escaped or isolated already."""
    return mark_safe(escape(sentence) % values)  # noqa: S308 - every part escaped


def _field_label(name: str) -> str:
    try:
        return str(Activity._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a name the log kept that the model no longer has
        return name


def _update(who: SafeString, data: dict) -> SafeString:
    """Whole sentences, one per kind of change (translators get each one entire)."""
    sentences = []
    if "starts_at" in data:
        old, new = data["starts_at"]
        sentences.append(
            _say(
                _("%(who)s moved it from %(old)s to %(new)s."),
                {"who": who, "old": escape(_moment(old)), "new": escape(_moment(new))},
            )
        )
    if "title" in data:
        old, new = data["title"]
        sentences.append(
            _say(
                _("%(who)s renamed it from “%(old)s” to “%(new)s”."),
                {"who": who, "old": _own(old), "new": _own(new)},
            )
        )
    others = [name for name in data if name not in ("starts_at", "ends_at", "title", "state")]
    if others or not sentences:
        fields = list_comma().join(_field_label(name) for name in others) or _("its details")
        sentences.append(
            _say(_("%(who)s changed %(fields)s."), {"who": who, "fields": escape(fields)})
        )
    return mark_safe(" ".join(sentences))  # noqa: S308 - sentences made by _say


def history_sentence(entry: LogEntry) -> SafeString:
    """One entry of the log as a sentence a participant reads, as HTML."""
    who = _own(entry.actor.display_name) if entry.actor else escape(_("The forum"))
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
        **{k: _own(v) for k, v in data.items() if isinstance(v, str)},
        "who": who,
        "message": _own(message),
    }
    if entry.action == "activity.update":
        return _update(who, data)
    if entry.action in ("room.move", "room.reallocate") and isinstance(data.get("room"), list):
        old, new = data["room"]
        if entry.action == "room.move":
            return _say(
                _("%(who)s moved it from room %(old)s to %(new)s."),
                {"who": who, "old": _own(old) or "—", "new": _own(new)},
            )
        return _say(
            _("It moved from room %(old)s to %(new)s."),
            {"old": _own(old) or "—", "new": _own(new)},
        )
    template = sentences.get(entry.action)
    if template is None:
        return escape(entry.action)
    try:
        return _say(template, values)
    except (KeyError, ValueError):
        return escape(entry.action)
