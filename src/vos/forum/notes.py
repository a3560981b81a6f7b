"""Plenary notes: during a live session its facilitators (and its organizers) post what
each speaker says into the activity's space; open pages show each new note within two
seconds (``vos.common.live``)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.common import live
from vos.common.log import log_action
from vos.forum.models import Note, Space
from vos.forum.rules import facilitates
from vos.person.models import User

MAX_NOTE = 5_000


def live_topic(space: Space) -> str:
    return f"forum-notes:{space.pk}"


def session_live(activity, now: dt.datetime | None = None) -> bool:
    """From a quarter of an hour before the start to the end."""
    now = now or timezone.now()
    return activity.starts_at - dt.timedelta(minutes=15) <= now <= activity.ends_at


def may_take_notes(person: User, space: Space) -> bool:
    if not person.is_authenticated or not space.activity_id:
        return False
    return (
        facilitates(person, space.edition)
        or space.activity.organizers.filter(person=person).exists()
    )


@transaction.atomic
def note_post(
    *,
    author: User,
    space: Space,
    speaker: str,
    language: str,
    body: str,
    vouched: bool = False,
) -> Note:
    """Post a note; ``vouched`` when an app above checked who may (a topic's host in an
    open space)."""
    if not vouched and not may_take_notes(author, space):
        raise PermissionDenied
    speaker, body = " ".join(speaker.split()), body.strip()
    if not speaker or not body:
        raise ValidationError(_("Name the speaker and write what they said."))
    if len(body) > MAX_NOTE:
        raise ValidationError({"body": _("The text is too long.")})
    note = Note.objects.create(
        space=space, speaker=speaker[:200], language=language, body=body, author=author
    )
    log_action(note, actor=author, action="forum.note")
    live.changed(live_topic(space))
    return note


def notes_of(space: Space) -> QuerySet[Note]:
    return Note.objects.filter(space=space).order_by("-created_at", "-pk")
