import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.common.multilingual import Translatable
from vos.common.search import fold


class Organization(Translatable):
    """A network, movement, collective, NGO, union, cooperative or local group: named behind
    activities, with members who speak for it, and itself a member of networks."""

    translatable_fields = ("description",)

    class Kind(models.TextChoices):
        NETWORK = "network", _("network")
        MOVEMENT = "movement", _("movement")
        COLLECTIVE = "collective", _("collective")
        NGO = "ngo", _("NGO")
        UNION = "union", _("trade union")
        COOPERATIVE = "cooperative", _("cooperative")
        LOCAL_GROUP = "local", _("local group")
        OTHER = "other", _("other")

    class Scope(models.TextChoices):
        LOCAL = "local", _("local")
        NATIONAL = "national", _("national")
        REGIONAL = "regional", _("regional")
        GLOBAL = "global", _("global")

    name = models.CharField(_("name"), max_length=160)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope, blank=True)
    countries = models.JSONField(_("countries where it acts"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social links"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.CharField(_("logo"), max_length=200, blank=True)
    languages = models.JSONField(_("working languages"), default=list, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_verified = models.BooleanField(_("verified"), default=False)
    verified_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    # Name, acronym, description and its translations, folded: what the directory searches.
    search_text = models.TextField(default="", blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.UniqueConstraint(
                Lower("name"), condition=Q(merged_into=None), name="organization_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        texts = [self.name, self.acronym, self.description]
        texts += [
            text
            for language in (self.translations or {}).values()
            for field, text in language.items()
            if field in self.translatable_fields
        ]
        self.search_text = fold("\n".join(text for text in texts if text))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = list({*update_fields, "search_text"})
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse  # noqa: PLC0415 - models load before the URLconf

        return reverse("organization.detail", kwargs={"pk": self.pk})

    @property
    def logo_name(self) -> str:
        """The stored logo's file name, for its address."""
        return self.logo.rsplit("/", 1)[-1]

    @property
    def country(self) -> str:
        """The first country it acts in (what the program and the exports show)."""
        return self.countries[0] if self.countries else ""


class Membership(models.Model):
    """A person in an organization: asked by them, or invited by an admin, then active."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("admin")
        MEMBER = "member", _("member")

    class Status(models.TextChoices):
        ACTIVE = "active", _("member")
        REQUESTED = "requested", _("asked to join")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.MEMBER)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.ACTIVE)
    is_public = models.BooleanField(_("shown on the organization's page"), default=False)
    message = models.TextField(_("message"), blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organization", "person"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.organization}"


def _token() -> str:
    return secrets.token_urlsafe(32)


class MembershipInvitation(models.Model):
    """An email address invited by an admin; it becomes a membership once accepted."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role, default=Membership.Role.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=Q(accepted_at=None),
                name="membership_invitation_unique_email",
            )
        ]

    def __str__(self) -> str:
        return self.email


class Claim(models.Model):
    """A person asks to speak for an organization that nobody administers (one named on
    proposals); a facilitator approves, and they become its admin."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="claims")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organization_claims"
    )
    message = models.TextField(_("how you are part of it"), max_length=1000)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "person"],
                condition=Q(status="pending"),
                name="claim_one_pending_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.organization}"


class NetworkMembership(models.Model):
    """An organization in a network (itself an organization): asked by the member's admin
    and accepted by the network's, or the other way round."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("member")
        ASKED_BY_MEMBER = "asked", _("asked to join")
        INVITED = "invited", _("invited by the network")

    network = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="member_links")
    member = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="network_links")
    status = models.CharField(max_length=10, choices=Status)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "member"], name="network_member_unique"),
            models.CheckConstraint(
                condition=~Q(network=F("member")), name="network_member_not_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} ∈ {self.network}"

    @property
    def asked_by_member(self) -> bool:
        return self.status == self.Status.ASKED_BY_MEMBER

    @property
    def invited(self) -> bool:
        return self.status == self.Status.INVITED


class Follow(models.Model):
    """A person who gets a digest of an organization's new activities and initiatives."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("daily")
        WEEKLY = "weekly", _("weekly")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="follows")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    frequency = models.CharField(
        _("digest"), max_length=10, choices=Frequency, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(default=timezone.now)
    # News after this moment goes into the next digest.
    last_sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["organization", "person"], name="follow_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.organization}"
