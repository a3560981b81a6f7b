from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity
from vos.common.multilingual import Translatable
from vos.declaration.models import Declaration
from vos.edition.models import Edition, Theme
from vos.network.models import Initiative
from vos.organization.models import Organization


class Space(models.Model):
    """Where a debate happens: a theme of an edition, an activity (a plenary, a
    workshop), or the standing space between editions."""

    shown_on_cached_pages = False  # no cached page shows it

    class Kind(models.TextChoices):
        THEME = "theme", _("theme")
        ACTIVITY = "activity", _("activity")
        STANDING = "standing", _("between editions")

    kind = models.CharField(max_length=10, choices=Kind)
    edition = models.ForeignKey(
        Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="forum_spaces"
    )
    theme = models.OneToOneField(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="forum_space"
    )
    activity = models.OneToOneField(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="forum_space"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("forum space")
        verbose_name_plural = _("forum spaces")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="standing"), name="one_standing_space"
            )
        ]

    def __str__(self) -> str:
        if self.theme_id:
            return self.theme.tr.name
        if self.activity_id:
            return self.activity.tr.title
        return str(_("Between editions"))

    def get_absolute_url(self) -> str:
        return reverse("forum.space", kwargs={"pk": self.pk})


class Contribution(models.Model):
    """A typed contribution to a space's debate; an argument belongs to a proposal, a
    reply to a contribution (one level)."""

    shown_on_cached_pages = False  # no cached page shows it

    class Kind(models.TextChoices):
        NEED = "need", _("need or diagnosis")
        PROPOSAL = "proposal", _("proposal")
        FOR = "for", _("argument for")
        AGAINST = "against", _("argument against")
        SHARING = "sharing", _("sharing")
        REFERENCE = "reference", _("reference")
        REPLY = "reply", _("reply")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    proposal = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="arguments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="contributions"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("on behalf of"),
    )
    body = models.TextField(_("text"), max_length=10_000)
    language = models.CharField(_("language"), max_length=8, default="en")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    quotable = models.BooleanField(
        _("facilitators may quote extracts of it"),
        default=True,
        help_text=_("In the idea branches and summaries, with your name."),
    )
    # Hidden by the facilitation team: the text gives way to a visible trace.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return reverse("forum.contribution", kwargs={"pk": self.pk})


class Like(models.Model):
    shown_on_cached_pages = False  # no cached page shows it

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="likes")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_likes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [models.UniqueConstraint(fields=["contribution", "person"], name="like_once")]

    def __str__(self) -> str:
        return f"{self.person} ♥ {self.contribution_id}"


class Note(models.Model):
    """What a speaker said in a live session, posted as it is said by its facilitators
    into the activity's space."""

    shown_on_cached_pages = False  # no cached page shows it

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="notes")
    speaker = models.CharField(_("speaker"), max_length=200)
    language = models.CharField(_("language spoken"), max_length=8)
    body = models.TextField(_("what was said"), max_length=5_000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return f"{self.speaker}: {self.body[:40]}"


class Report(models.Model):
    """Somebody asks the facilitation team to look at a contribution, with a reason;
    the team's decision closes it."""

    shown_on_cached_pages = False  # no cached page shows it

    class Decision(models.TextChoices):
        OPEN = "open", _("to look at")
        HIDDEN = "hidden", _("hidden")
        KEPT = "kept", _("kept")

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(max_length=8, choices=Decision, default=Decision.OPEN)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "reporter"],
                condition=Q(decision="open"),
                name="report_once_while_open",
            )
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class Block(models.Model):
    """A person the facilitation team stopped from writing in the Open Forum."""

    shown_on_cached_pages = False  # no cached page shows it

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_block"
    )
    reason = models.CharField(_("reason"), max_length=300)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self) -> str:
        return str(self.person)


class Branch(Translatable):
    """A branch of the tree of ideas the facilitation team builds per theme: a named idea
    that contributions (or extracts of them) are linked into."""

    shown_on_cached_pages = False  # no cached page shows it

    translatable_fields = ("title",)

    edition = models.ForeignKey(
        Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="idea_branches"
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="idea_branches"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    title = models.CharField(_("idea"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("idea branch")
        verbose_name_plural = _("idea branches")

    def __str__(self) -> str:
        return self.tr.title

    def get_absolute_url(self) -> str:
        return reverse("forum.branch", kwargs={"pk": self.pk})


class BranchLink(models.Model):
    """A contribution, or an extract of it, linked into a branch by a facilitator."""

    shown_on_cached_pages = False  # no cached page shows it

    branch = models.ForeignKey(Branch, on_delete=models.CASCADE, related_name="links")
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="branch_links"
    )
    extract = models.TextField(_("extract"), blank=True, max_length=2_000)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("link into a branch")
        verbose_name_plural = _("links into branches")

    def __str__(self) -> str:
        return f"{self.contribution_id} → {self.branch_id}"


class Summary(Translatable):
    """What the facilitation team draws from a branch, a plenary or a theme: written,
    published, corrected (every published wording kept), translated."""

    shown_on_cached_pages = False  # no cached page shows it

    translatable_fields = ("title", "body")

    branch = models.ForeignKey(
        Branch, null=True, blank=True, on_delete=models.CASCADE, related_name="summaries"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="summaries"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("summary"), max_length=20_000)
    # Every translation folded, for search (kept by Translatable.save).
    translated_text = models.TextField(blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("summary")
        verbose_name_plural = _("summaries")
        constraints = [
            models.CheckConstraint(
                condition=Q(branch__isnull=True, space__isnull=False)
                | Q(branch__isnull=False, space__isnull=True),
                name="summary_of_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.tr.title

    def get_absolute_url(self) -> str:
        return reverse("forum.summary", kwargs={"pk": self.pk})


class SummaryVersion(models.Model):
    """A published wording of a summary, in its original language."""

    shown_on_cached_pages = False  # no cached page shows it

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    language = models.CharField(max_length=8)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("summary version")
        verbose_name_plural = _("summary versions")
        constraints = [
            models.UniqueConstraint(fields=["summary", "number"], name="summary_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.summary_id} v{self.number}"


class Following(models.Model):
    """A person who gets a daily or weekly digest of what is new in a space, a branch
    or a proposal's debate, instead of an email per post."""

    shown_on_cached_pages = False  # no cached page shows it

    class Frequency(models.TextChoices):
        DAILY = "daily", _("daily")
        WEEKLY = "weekly", _("weekly")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_followings"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="followings"
    )
    branch = models.ForeignKey(
        Branch, null=True, blank=True, on_delete=models.CASCADE, related_name="followings"
    )
    proposal = models.ForeignKey(
        Contribution, null=True, blank=True, on_delete=models.CASCADE, related_name="followings"
    )
    frequency = models.CharField(
        _("digest"), max_length=10, choices=Frequency, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(default=timezone.now)
    # What is newer than this goes into the next digest.
    last_sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("following")
        verbose_name_plural = _("followings")
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=False, branch__isnull=True, proposal__isnull=True)
                | Q(space__isnull=True, branch__isnull=False, proposal__isnull=True)
                | Q(space__isnull=True, branch__isnull=True, proposal__isnull=False),
                name="following_one_thing",
            ),
            models.UniqueConstraint(
                fields=["person", "space"],
                condition=Q(space__isnull=False),
                name="follow_space_once",
            ),
            models.UniqueConstraint(
                fields=["person", "branch"],
                condition=Q(branch__isnull=False),
                name="follow_branch_once",
            ),
            models.UniqueConstraint(
                fields=["person", "proposal"],
                condition=Q(proposal__isnull=False),
                name="follow_proposal_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.followed}"

    @property
    def followed(self):
        return self.space or self.branch or self.proposal


class Outcome(Translatable):
    """What an activity leaves once it has happened: a summary, proposals for action, next
    steps and links (a recording, documents), posted by its organizers."""

    translatable_fields = ("summary", "proposals", "next_steps")

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="outcome")
    summary = models.TextField(_("summary"), max_length=10_000)
    proposals = models.TextField(_("proposals for action"), blank=True, max_length=10_000)
    next_steps = models.TextField(_("next steps"), blank=True, max_length=5_000)
    links = models.JSONField(_("links"), default=list, blank=True)
    translated_text = models.TextField(blank=True, editable=False)
    # Where its proposals are carried on.
    initiatives = models.ManyToManyField(
        Initiative, blank=True, related_name="outcomes", verbose_name=_("initiatives")
    )
    declarations = models.ManyToManyField(
        Declaration, blank=True, related_name="outcomes", verbose_name=_("declarations")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return str(self.activity)


class OutcomeSupport(models.Model):
    """A person, or an organization through one of its admins, supporting an outcome's
    proposals."""

    shown_on_cached_pages = False  # no cached page shows it

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcome_supports",
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcome_supports",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support of an outcome")
        verbose_name_plural = _("supports of outcomes")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organization__isnull=True)
                | Q(person__isnull=True, organization__isnull=False),
                name="outcome_support_person_or_organization",
            ),
            models.UniqueConstraint(
                fields=["outcome", "person"],
                condition=Q(person__isnull=False),
                name="outcome_support_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["outcome", "organization"],
                condition=Q(organization__isnull=False),
                name="outcome_support_once_per_organization",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organization} → {self.outcome_id}"


class OutcomeReminder(models.Model):
    """Written, in the same transaction as the emails, when an activity's organizers were
    reminded to post its outcome: never twice."""

    shown_on_cached_pages = False  # no cached page shows it

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, related_name="outcome_reminder"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("outcome reminder")
        verbose_name_plural = _("outcome reminders")

    def __str__(self) -> str:
        return str(self.activity_id)
