from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity
from vos.common.multilingual import Translatable
from vos.edition.models import Edition, Theme
from vos.organization.models import Organization


class Space(models.Model):
    """Where a debate happens: a theme of an edition, an activity (a plenary, a
    workshop), or the standing space between editions."""

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

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return f"{self.space.get_absolute_url()}#contribution-{self.pk}"


class Like(models.Model):
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


class Outcome(Translatable):
    """What an activity leaves once it has happened: a summary, proposals for action, next
    steps and links (a recording, documents), posted by its organizers."""

    translatable_fields = ("summary", "proposals", "next_steps")

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="outcome")
    summary = models.TextField(_("summary"), max_length=10_000)
    proposals = models.TextField(_("proposals for action"), blank=True, max_length=10_000)
    next_steps = models.TextField(_("next steps"), blank=True, max_length=5_000)
    links = models.JSONField(_("links"), default=list, blank=True)
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


class OutcomeReminder(models.Model):
    """Written, in the same transaction as the emails, when an activity's organizers were
    reminded to post its outcome: never twice."""

    activity = models.OneToOneField(
        Activity, on_delete=models.CASCADE, related_name="outcome_reminder"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("outcome reminder")
        verbose_name_plural = _("outcome reminders")

    def __str__(self) -> str:
        return str(self.activity_id)
