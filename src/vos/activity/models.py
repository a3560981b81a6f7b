import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.common.multilingual import Translatable
from vos.edition.models import ActivityType, Edition, IntentionText, Slot, Theme
from vos.organization.models import Organization


class Activity(Translatable):
    """Anything on the program, proposed by participants or by the facilitation team."""

    translatable_fields = ("title", "summary", "description")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("waiting for review")
        CHANGES_REQUESTED = "changes", _("changes requested")
        PUBLISHED = "published", _("published")
        DECLINED = "declined", _("declined")
        UNPUBLISHED = "unpublished", _("unpublished")
        CANCELLED = "cancelled", _("cancelled")

    # States that hold a place in a slot.
    HOLDS_PLACE = (State.PROPOSED, State.CHANGES_REQUESTED, State.PUBLISHED)

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=160)
    summary = models.CharField(_("short summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    # Every translation, folded, for search (kept by ``Translatable.save``).
    translated_text = models.TextField(blank=True, editable=False)
    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, related_name="activities", verbose_name=_("type")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="activities", verbose_name=_("themes")
    )
    languages = models.JSONField(_("languages spoken"), default=list)
    interpretation = models.JSONField(_("interpretation"), default=list, blank=True)
    # The languages confirmed interpreters interpret into, kept on the row for the program.
    interpreted_into = models.JSONField(default=list, blank=True, editable=False)
    starts_at = models.DateTimeField(_("start"), db_index=True)
    ends_at = models.DateTimeField(_("end"))
    typed_time_zone = models.CharField(_("time zone the time was typed in"), max_length=64)
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.PROTECT, related_name="activities"
    )
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    # Every organization named, whatever its answer: readers see the accepted ones only
    # (``CoOrganization.ACCEPTED``, through ``queries``).
    organizations = models.ManyToManyField(
        Organization,
        blank=True,
        through="CoOrganization",
        related_name="activities",
        verbose_name=_("organizations"),
    )

    class RoomMode(models.TextChoices):
        NONE = "none", _("No online room")
        OWN = "own", _("My own video link")
        POOL = "pool", _("A room from the forum's pool")
        JITSI = "jitsi", _("An automatic Jitsi Meet room")
        BBB = "bbb", _("An automatic BigBlueButton room")

    class LinkVisibility(models.TextChoices):
        REGISTERED = "registered", _("Only registered participants, shortly before the start")
        PUBLIC = "public", _("Anyone (a public link)")

    room_mode = models.CharField(
        _("room"), max_length=8, choices=RoomMode.choices, default=RoomMode.NONE
    )
    room = models.ForeignKey(
        "room.Room", null=True, blank=True, on_delete=models.SET_NULL, related_name="activities"
    )
    jitsi_name = models.CharField(max_length=64, blank=True)
    link_visibility = models.CharField(
        _("who sees the link"),
        max_length=12,
        choices=LinkVisibility.choices,
        default=LinkVisibility.REGISTERED,
    )
    accessibility = models.TextField(_("accessibility"), blank=True)
    intention_text = models.ForeignKey(
        IntentionText,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("intention text accepted"),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PROPOSED
    )
    is_official = models.BooleanField(
        _("official activity of the facilitation team"), default=False
    )
    is_featured = models.BooleanField(_("featured on the home page"), default=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    decision_message = models.TextField(_("message from the facilitation team"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    sequence = models.PositiveIntegerField(default=0, help_text="Raised on each change of time.")

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["edition", "state", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="activity_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.tr.title

    def get_absolute_url(self) -> str:
        return reverse("activity.detail", kwargs={"slug": self.edition.slug, "pk": self.pk})

    @property
    def duration(self):
        return self.ends_at - self.starts_at

    @property
    def duration_minutes(self) -> int:
        return int(self.duration.total_seconds() // 60)

    @property
    def public_people(self) -> list:
        """The organizers named on public pages, feeds, exports and the API (the rule is
        ``PUBLIC_ORGANIZER``); reads the prefetched organizers and their people."""
        return [
            organizer.person
            for organizer in self.prefetched("organizers")
            if organizer.person.is_public and organizer.person.is_active
        ]

    def prefetched(self, name: str):
        """A prefetched relation as it was fetched, without the new queryset that
        ``.all()`` clones each time (thousands of them on a big program page)."""
        cache = getattr(self, "_prefetched_objects_cache", {})
        return cache[name] if name in cache else getattr(self, name).all()

    @property
    def shown_organizations(self) -> list[Organization]:
        """The organizations readers see behind it: those that accepted (prefetched by
        ``queries.with_relations`` for lists)."""
        links = getattr(self, "accepted_co_organizations", None)
        if links is None:
            links = (
                self.co_organizations.filter(status="accepted")
                .select_related("organization")
                .order_by("organization__name")
            )
        return [link.organization for link in links]

    @property
    def is_public(self) -> bool:
        """Published, or cancelled after being published: participants must learn of it."""
        if self.state == self.State.PUBLISHED:
            return True
        return self.state == self.State.CANCELLED and self.published_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED


# The one rule for who is named in public: organizers whose profile is public and active
# (``Activity.public_people`` is the same rule on prefetched rows).
PUBLIC_ORGANIZER = models.Q(person__is_public=True, person__is_active=True)


class CoOrganization(models.Model):
    """An organization named behind an activity. Named by one of its members, it is
    accepted at once; named by anyone else, it waits for one of its admins."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for the organization")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="co_organizations"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="co_organizations"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.ACCEPTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("co-organizing organization")
        verbose_name_plural = _("co-organizing organizations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "organization"], name="co_organization_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.activity}"


class Organizer(models.Model):
    """A person who proposed or co-organizes an activity (shown once accepted)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="organizers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organized"
    )
    is_proposer = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_proposer", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="organizer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.activity}"


class Interpreter(models.Model):
    """A volunteer the facilitation team asked to interpret an activity from one language
    into another; once they accept, the program says so and they join like organizers."""

    shown_on_cached_pages = False  # the activity's interpreted_into is what pages show

    class State(models.TextChoices):
        ASKED = "asked", _("asked")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="interpreters")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interpreting"
    )
    language_from = models.CharField(_("from"), max_length=8)
    language_to = models.CharField(_("into"), max_length=8)
    state = models.CharField(max_length=10, choices=State, default=State.ASKED)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    # The start the reminder announced: a new time gets a new reminder, once.
    reminded_for = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="interpreter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.activity} ({self.language_from}→{self.language_to})"


def _invitation_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A co-organizer invited by email; they appear once they accept."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "email"], name="invitation_unique_email")
        ]

    def __str__(self) -> str:
        return self.email


class ReviewDigest(models.Model):
    """A day's digest of waiting proposals sent to one facilitator for one edition: written
    before the email is queued, so that no day's digest goes twice."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_digests"
    )
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="review_digests")
    day = models.DateField()
    proposals = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "edition", "day"], name="one_review_digest_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition} · {self.day} → {self.person}"
