from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vos.activity.models import Activity
from vos.common.multilingual import Translatable
from vos.organization.models import Organization

# The forum's lasting themes, for initiatives (an edition's own themes come and go).
THEMES = {
    "care": _("Care, health and mutual support"),
    "economy": _("Solidarity economy and the commons"),
    "democracy": _("Democracy, rights and global governance"),
    "climate": _("Climate, land and food sovereignty"),
    "peace": _("Peace and disarmament"),
    "migration": _("Migration and hospitality"),
    "feminisms": _("Feminisms and gender justice"),
    "work": _("Work and social protection"),
    "culture": _("Culture, education and communication"),
    "digital": _("Digital rights and free technology"),
}


class Initiative(Translatable):
    """A lasting line of action of one or several organizations: a campaign, a
    mobilization, a project, a network being built; with up to three public action
    dates on the common calendar."""

    translatable_fields = ("title", "description", "how_to_join")

    class Kind(models.TextChoices):
        CAMPAIGN = "campaign", pgettext_lazy("initiative", "campaign")
        MOBILIZATION = "mobilization", pgettext_lazy("initiative", "mobilization")
        PROJECT = "project", pgettext_lazy("initiative", "project")
        NETWORK_BUILDING = "network", pgettext_lazy("initiative", "network building")
        OTHER = "other", pgettext_lazy("initiative", "other")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    how_to_join = models.TextField(_("how to join"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CAMPAIGN)
    scope = models.CharField(_("scope"), max_length=20, choices=Organization.Scope, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    countries = models.JSONField(_("countries"), default=list, blank=True)
    organizations = models.ManyToManyField(
        Organization, related_name="initiatives", verbose_name=_("organizations")
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="initiatives", verbose_name=_("presented at")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiative.detail", kwargs={"pk": self.pk})


class ActionDate(Translatable):
    """A public moment of an initiative (a day of action, a march, an online meeting): a
    time typed in a named zone, and a place or an online link."""

    translatable_fields = ("title",)

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="dates")
    title = models.CharField(_("what happens"), max_length=200)
    starts_at = models.DateTimeField(_("start"), db_index=True)
    ends_at = models.DateTimeField(_("end"), null=True, blank=True)
    typed_time_zone = models.CharField(_("time zone the time was typed in"), max_length=64)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    countries = models.JSONField(_("countries"), default=list, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("action date")
        verbose_name_plural = _("action dates")

    def __str__(self) -> str:
        return self.title


class Support(models.Model):
    """A person, or an organization through one of its admins, supporting an initiative."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="supports")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="initiative_supports",
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="initiative_supports",
    )
    # The person's country when they supported: the page counts people by country.
    country = models.CharField(max_length=2, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organization__isnull=True)
                | Q(person__isnull=True, organization__isnull=False),
                name="support_person_or_organization",
            ),
            models.UniqueConstraint(
                fields=["initiative", "person"],
                condition=Q(person__isnull=False),
                name="support_once_per_person",
            ),
            models.UniqueConstraint(
                fields=["initiative", "organization"],
                condition=Q(organization__isnull=False),
                name="support_once_per_organization",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.organization} → {self.initiative}"
