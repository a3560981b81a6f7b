import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vos.common.multilingual import Translatable
from vos.common.timezones import local_day_bounds

# Fixed pages of the back office live beside the editions' (orga/<edition>/).
RESERVED_SLUGS = frozenset({"news", "newsletters", "inbox", "pages"})


def slug_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” names a page of the site; choose another short name."),
            params={"slug": value},
        )


class Edition(Translatable):
    """One forum event, with its own dates, zone, program and facilitation team."""

    translatable_fields = ("title", "tagline", "description")

    class Moderation(models.TextChoices):
        PUBLISH = "publish", _("Publish proposals at once")
        REVIEW = "review", _("Facilitators review proposals first")

    class Scheduling(models.TextChoices):
        FREE = "free", _("Proposers type a time")
        SLOTS = "slots", _("Proposers book a slot")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("upcoming")
        OPEN = "open", _("open for proposals")
        LIVE = "live", _("live")
        PAST = "past", _("past")

    slug = models.SlugField(
        _("short name"), unique=True, max_length=40, validators=[slug_not_reserved]
    )
    title = models.CharField(_("title"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(_("reference time zone"), max_length=64, default="Europe/Paris")
    proposals_open_at = models.DateTimeField(_("proposals open"), null=True, blank=True)
    proposals_close_at = models.DateTimeField(_("proposals close"), null=True, blank=True)
    moderation = models.CharField(
        _("moderation"), max_length=8, choices=Moderation.choices, default=Moderation.REVIEW
    )
    scheduling = models.CharField(
        _("scheduling"), max_length=8, choices=Scheduling.choices, default=Scheduling.FREE
    )
    max_duration_minutes = models.PositiveIntegerField(
        _("longest activity (minutes)"), default=settings.VOS_MAX_ACTIVITY_MINUTES
    )
    jitsi_server = models.URLField(
        _("Jitsi Meet server"),
        blank=True,
        help_text=_("For automatic rooms, e.g. https://meet.jit.si"),
    )
    bbb_server = models.URLField(
        _("BigBlueButton server"),
        blank=True,
        help_text=_("The API address, e.g. https://bbb.example.org/bigbluebutton/api"),
    )
    bbb_secret = models.CharField(_("BigBlueButton shared secret"), max_length=128, blank=True)
    room_buffer_minutes = models.PositiveSmallIntegerField(
        _("minutes kept free in a room before and after each activity"), default=10
    )
    link_lead_minutes = models.PositiveSmallIntegerField(
        _("minutes before the start when join links appear"), default=15
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_editions",
        verbose_name=_("facilitation team"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="edition_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.tr.title

    def get_absolute_url(self) -> str:
        return reverse("edition.detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_at(self) -> dt.datetime:
        """Midnight of the first day in the edition's zone, as a UTC moment.

        UTC, because Python subtracts two times of one zone by their wall clocks.
        """
        return local_day_bounds(self.start_date, self.zone)[0]

    @property
    def ends_at(self) -> dt.datetime:
        """Midnight after the last day in the edition's zone, as a UTC moment."""
        return local_day_bounds(self.end_date, self.zone)[1]

    def proposals_are_open(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.proposals_open_at is None or now < self.proposals_open_at:
            return False
        closes = self.proposals_close_at or self.ends_at
        return now < closes and now < self.ends_at

    def status(self, now: dt.datetime | None = None) -> str:
        now = now or timezone.now()
        if now >= self.ends_at:
            return self.Status.PAST
        if now >= self.starts_at:
            return self.Status.LIVE
        if self.proposals_are_open(now):
            return self.Status.OPEN
        return self.Status.UPCOMING

    def status_label(self) -> str:
        return str(self.Status(self.status()).label)

    def is_past(self, now: dt.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.ends_at


class PartnerEvent(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="partner_events")
    title = models.CharField(_("title"), max_length=160)
    url = models.URLField(_("link"))

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class KeyDate(Translatable):
    """A "date to remember": opening plenary, closing act, proposals deadline …"""

    translatable_fields = ("title",)

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="key_dates")
    title = models.CharField(_("title"), max_length=160)
    starts_at = models.DateTimeField(_("when"))
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("key date")
        verbose_name_plural = _("key dates")

    def __str__(self) -> str:
        return self.tr.title


# Default activity types, from the forums we serve; their names are translated.
DEFAULT_ACTIVITY_TYPES = {
    "plenary": pgettext_lazy("activity type", "Plenary"),
    "workshop": pgettext_lazy("activity type", "Workshop"),
    "conversation": pgettext_lazy("activity type", "Conversation circle"),
    "art": pgettext_lazy("activity type", "Artistic activity"),
    "hackathon": pgettext_lazy("activity type", "Hackathon"),
    "course": pgettext_lazy("activity type", "Course"),
    "sport": pgettext_lazy("activity type", "Sports activity"),
    "children": pgettext_lazy("activity type", "Activity for children"),
    "resources": pgettext_lazy("activity type", "Resource sharing"),
    "support": pgettext_lazy("activity type", "Support and mutual-aid space"),
    "futures": pgettext_lazy("activity type", "Imagining futures"),
    "network": pgettext_lazy("activity type", "Network meeting"),
    "assembly": pgettext_lazy("activity type", "Assembly"),
    "other": pgettext_lazy("activity type", "Other"),
}


class ActivityType(Translatable):
    """A kind of activity; a default one is named by the interface's catalog, a custom
    one by the facilitators, in as many languages as they write."""

    translatable_fields = ("custom_name", "description")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="activity_types")
    key = models.SlugField(_("key"), max_length=40)
    custom_name = models.CharField(
        _("name"),
        max_length=80,
        blank=True,
        help_text=_("Leave empty for a default type: its name is then translated."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What this kind of activity is, shown to proposers; plain text."),
    )
    min_organizations = models.PositiveSmallIntegerField(
        _("co-organizing organizations needed"),
        default=0,
        help_text=_(
            "An activity of this kind is published only once this many organizations have "
            "accepted to co-organize it (an assembly: 5)."
        ),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "key"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="activity_type_unique_key")
        ]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.custom_name:
            return self.tr.custom_name
        return str(DEFAULT_ACTIVITY_TYPES.get(self.key, self.key))


class Theme(Translatable):
    translatable_fields = ("name", "description")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.tr.name


class Slot(models.Model):
    """A bookable time with a number of parallel places, for editions that use slots."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    places = models.PositiveSmallIntegerField(_("parallel places"), default=5)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} UTC"


class IntentionText(models.Model):
    """The charter every proposer accepts; each change is a new version."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    bodies = models.JSONField(
        _("text per language"), default=dict, help_text=_('Markdown per language: {"en": "…"}.')
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("intention text")
        verbose_name_plural = _("intention texts")

    def __str__(self) -> str:
        return f"v{self.version}"

    def body(self, language: str | None = None) -> str:
        language = (language or translation.get_language() or "en")[:2]
        return (
            self.bodies.get(language)
            or self.bodies.get("en")
            or next(iter(self.bodies.values()), "")
        )


class IntentionAcceptance(models.Model):
    """A person shares the intention text: recorded once per version they accepted.

    Shared rooms of an edition open their way in to people who accepted it (the default).
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intention_acceptances"
    )
    intention_text = models.ForeignKey(
        IntentionText, on_delete=models.PROTECT, related_name="acceptances"
    )
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("acceptance of the intention text")
        verbose_name_plural = _("acceptances of the intention text")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "intention_text"], name="intention_accepted_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} v{self.intention_text.version}"


class TeamRole(models.Model):
    """A volunteer of the facilitation team given one part of its work on an edition,
    and only the permissions that part needs (the facilitators themselves have them all)."""

    class Role(models.TextChoices):
        MODERATION = "moderation", _("moderation of the Open Forum")
        ROOMS = "rooms", _("rooms")
        ANIMATION = "animation", _("animation of live sessions")
        TRANSLATION = "translation", _("translation")
        COMMUNICATION = "communication", _("communication")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="team_roles")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_roles"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("role in the facilitation team")
        verbose_name_plural = _("roles in the facilitation team")
        constraints = [
            models.UniqueConstraint(fields=["edition", "person", "role"], name="team_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()} · {self.edition}"
