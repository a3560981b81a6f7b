from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity
from vos.common.multilingual import Translatable
from vos.forum.models import Note
from vos.room.models import RoomHold


class SpeakerList(models.Model):
    """An activity's list of requests to speak, run by its facilitators and organizers."""

    shown_on_cached_pages = False  # no cached page shows it

    class Order(models.TextChoices):
        ARRIVAL = "arrival", _("first come, first served")
        LANGUAGES = "languages", _("alternate the languages spoken")

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="speaker_list")
    is_open = models.BooleanField(_("open to requests"), default=True)
    order = models.CharField(_("order"), max_length=10, choices=Order, default=Order.ARRIVAL)
    first_timers_first = models.BooleanField(
        _("people who have not spoken yet go first"), default=False
    )
    seconds_per_speaker = models.PositiveIntegerField(_("time per speaker (seconds)"), default=120)

    class Meta:
        verbose_name = _("speakers' list")
        verbose_name_plural = _("speakers' lists")

    def __str__(self) -> str:
        return str(self.activity)


class SpeakerRequest(models.Model):
    """A person asking to speak: their place in the list, the language they will speak."""

    shown_on_cached_pages = False  # no cached page shows it

    class State(models.TextChoices):
        WAITING = "waiting", _("waiting")
        SPEAKING = "speaking", _("speaking")
        DONE = "done", _("has spoken")
        WITHDRAWN = "withdrawn", _("withdrawn")

    speaker_list = models.ForeignKey(SpeakerList, on_delete=models.CASCADE, related_name="requests")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="speaker_requests"
    )
    language = models.CharField(_("language I will speak"), max_length=8)
    topic = models.CharField(_("topic, or “reply to …” (optional)"), max_length=200, blank=True)
    # The order in the list: given on arrival, changed by the facilitators.
    position = models.PositiveIntegerField()
    state = models.CharField(max_length=10, choices=State, default=State.WAITING)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("request to speak")
        verbose_name_plural = _("requests to speak")
        constraints = [
            models.UniqueConstraint(
                fields=["speaker_list", "position"], name="speaker_position_unique"
            ),
            models.UniqueConstraint(
                fields=["speaker_list", "person"],
                condition=Q(state__in=["waiting", "speaking"]),
                name="speaker_waits_once",
            ),
            models.UniqueConstraint(
                fields=["speaker_list"], condition=Q(state="speaking"), name="one_speaker_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.language})"


class Marketplace(models.Model):
    """An open space's marketplace of topics: proposed by participants, then rounds in
    which each person joins one topic's breakout room."""

    class State(models.TextChoices):
        PROPOSING = "proposing", _("topics being proposed")
        ROUND = "round", _("a round is on")
        ENDED = "ended", _("ended")

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="marketplace")
    rounds = models.PositiveSmallIntegerField(_("rounds"), default=2)
    round_minutes = models.PositiveSmallIntegerField(_("minutes per round"), default=40)
    room_size = models.PositiveSmallIntegerField(_("people per breakout room"), default=15)
    state = models.CharField(max_length=10, choices=State, default=State.PROPOSING)
    current_round = models.PositiveSmallIntegerField(default=0)
    round_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("marketplace of topics")
        verbose_name_plural = _("marketplaces of topics")

    def __str__(self) -> str:
        return str(self.activity)


class Topic(Translatable):
    """A topic a participant offers to host."""

    shown_on_cached_pages = False  # no cached page shows it

    translatable_fields = ("title", "description")

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="topics")
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("topic"), max_length=150)
    description = models.CharField(_("in one line"), max_length=300, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    # Its host's notes, posted in the activity's forum space and shown with its outcome.
    notes = models.ManyToManyField(Note, blank=True, related_name="topics")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title


class Breakout(models.Model):
    """A topic's room for one round; a full one is followed by a second, and so on."""

    shown_on_cached_pages = False  # no cached page shows it

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="breakouts")
    round = models.PositiveSmallIntegerField()
    number = models.PositiveSmallIntegerField(default=1)
    # A room of the edition's pool when one was free, else an automatic Jitsi room.
    hold = models.OneToOneField(
        RoomHold, null=True, blank=True, on_delete=models.SET_NULL, related_name="breakout"
    )
    jitsi_name = models.CharField(max_length=64, blank=True)
    capacity = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("breakout room")
        verbose_name_plural = _("breakout rooms")
        constraints = [
            models.UniqueConstraint(
                fields=["topic", "round", "number"], name="breakout_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.topic} · {self.round}.{self.number}"


class Choice(models.Model):
    """A person's topic in a round (changed at will: the law of two feet), and the
    breakout room they were given."""

    shown_on_cached_pages = False  # no cached page shows it

    marketplace = models.ForeignKey(Marketplace, on_delete=models.CASCADE, related_name="choices")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_choices"
    )
    round = models.PositiveSmallIntegerField()
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="choices")
    breakout = models.ForeignKey(
        Breakout, null=True, blank=True, on_delete=models.SET_NULL, related_name="choices"
    )
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("choice of a topic")
        verbose_name_plural = _("choices of topics")
        constraints = [
            models.UniqueConstraint(
                fields=["marketplace", "person", "round"], name="one_topic_a_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.topic} ({self.round})"


class GroupSplit(models.Model):
    """The people of an activity split into small groups to get to know each other."""

    class Mode(models.TextChoices):
        MIX = "mix", _("mix countries and regions")
        LANGUAGE = "language", _("group by a shared language")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="group_splits")
    size = models.PositiveSmallIntegerField(_("people per group"))
    mode = models.CharField(_("how"), max_length=10, choices=Mode, default=Mode.MIX)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("split into groups")
        verbose_name_plural = _("splits into groups")

    def __str__(self) -> str:
        return f"{self.activity} · {self.size}"


class Group(models.Model):
    shown_on_cached_pages = False  # no cached page shows it

    split = models.ForeignKey(GroupSplit, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField()
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    jitsi_name = models.CharField(max_length=64)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="live_groups")

    class Meta:
        ordering = ["number"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self) -> str:
        return f"{self.split_id}.{self.number}"


class WelcomeGroup(models.Model):
    """A standing group between editions for newcomers: by language, region or theme,
    with a bounded size, a facilitator and a room."""

    shown_on_cached_pages = False  # no cached page shows it

    class Kind(models.TextChoices):
        LANGUAGE = "language", _("language")
        REGION = "region", _("region")
        THEME = "theme", _("theme")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("gathered by"), max_length=10, choices=Kind)
    size = models.PositiveSmallIntegerField(_("places"), default=12)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    room_url = models.URLField(_("room link"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("welcome group")
        verbose_name_plural = _("welcome groups")

    def __str__(self) -> str:
        return self.name


class WelcomeMembership(models.Model):
    shown_on_cached_pages = False  # no cached page shows it

    group = models.ForeignKey(WelcomeGroup, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="welcome_memberships"
    )
    # Other members see the person's name only if they agreed.
    visible = models.BooleanField(_("the other members may see my name"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("welcome group membership")
        verbose_name_plural = _("welcome group memberships")
        constraints = [models.UniqueConstraint(fields=["group", "person"], name="welcome_once")]

    def __str__(self) -> str:
        return f"{self.person} → {self.group}"
