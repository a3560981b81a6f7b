import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from vos.common.multilingual import Translatable
from vos.edition.models import Edition
from vos.room.validators import validate_zoom_meeting_id, web_address


class Room(Translatable):
    """An online place: a video-call link with its meeting id, passcode and phone numbers."""

    translatable_fields = ("name", "notes")

    class Provider(models.TextChoices):
        ZOOM = "zoom", "Zoom"
        JITSI = "jitsi", "Jitsi Meet"
        BBB = "bbb", "BigBlueButton"
        MEET = "meet", "Google Meet"
        OTHER = "other", _("Other link")

    class Kind(models.TextChoices):
        SHARED = "shared", _("shared room of the edition")
        POOL = "pool", _("room of the pool")
        OWN = "own", _("an activity's own room")

    class Visibility(models.TextChoices):
        ACCEPTED = "accepted", _("signed-in participants who accepted the intention text")
        REGISTERED = "registered", _("people registered to an activity of the edition")
        EVERYONE = "everyone", _("everyone, even visitors who are not signed in")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rooms")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.POOL)
    name = models.CharField(_("name"), max_length=120)
    provider = models.CharField(
        _("provider"), max_length=8, choices=Provider.choices, default=Provider.OTHER
    )
    join_url = models.CharField(_("join link"), max_length=500, validators=[web_address])
    meeting_id = models.CharField(_("meeting ID"), max_length=40, blank=True)
    passcode = models.CharField(_("passcode"), max_length=40, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    visibility = models.CharField(
        _("who sees the way in"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.ACCEPTED,
        help_text=_(
            "For shared rooms: who sees the link, meeting ID, passcode and phone numbers. "
            "Everyone else sees the room's name, its dial-in countries and how to get in."
        ),
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.tr.name

    def clean(self) -> None:

        if self.provider == self.Provider.ZOOM and self.meeting_id:
            try:
                validate_zoom_meeting_id(self.meeting_id)
            except ValidationError as error:
                raise ValidationError({"meeting_id": error.messages}) from None


class DialIn(models.Model):
    """A local phone number to join a room: participants look for their own country."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="dial_ins")
    country = models.CharField(_("country"), max_length=2)
    number = models.CharField(_("number"), max_length=40)
    pin = models.CharField(_("PIN"), max_length=40, blank=True)

    class Meta:
        ordering = ["country", "number"]
        verbose_name = _("dial-in number")
        verbose_name_plural = _("dial-in numbers")

    def __str__(self) -> str:
        return f"{self.country} {self.number}"

    @property
    def tel_uri(self) -> str:
        """``tel:+33170372246``: a phone dials it in one tap (RFC 3966 keeps + and digits)."""
        return "tel:" + "".join(c for c in self.number if c.isdigit() or c == "+")


def jitsi_room_name() -> str:
    """An unguessable Jitsi room name: 128 bits of randomness, URL-safe."""
    return "vos-" + secrets.token_urlsafe(16)


class RoomHold(models.Model):
    """A room of the pool held for a while by something other than an activity of the
    program (an open space's breakout room): allocations see the room as busy then."""

    shown_on_cached_pages = False  # no cached page shows it

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="holds")
    # The activity whose session holds it (named by string: activities sit above rooms).
    held_by = models.ForeignKey(
        "activity.Activity", on_delete=models.CASCADE, related_name="room_holds"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    purpose = models.CharField(_("held for"), max_length=200)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("room held")
        verbose_name_plural = _("rooms held")
        indexes = [models.Index(fields=["room", "ends_at"], name="room_hold_until")]

    def __str__(self) -> str:
        return f"{self.room} · {self.purpose}"
