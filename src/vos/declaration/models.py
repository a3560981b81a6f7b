import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.activity.models import Activity
from vos.edition.models import Edition
from vos.network.models import Initiative
from vos.organization.models import Organization


class Declaration(models.Model):
    """A joint text (an open letter, a manifesto, a proposal for action, an assembly's
    final declaration) drafted in versions by a team, then co-signed."""

    class Kind(models.TextChoices):
        OPEN_LETTER = "letter", _("open letter")
        MANIFESTO = "manifesto", _("manifesto")
        PROPOSAL = "proposal", _("proposal for action")
        FINAL = "final", _("final declaration of an assembly")

    class State(models.TextChoices):
        DRAFTING = "drafting", _("drafting")
        OPEN = "open", _("open for signature")
        CLOSED = "closed", _("closed")
        DELIVERED = "delivered", _("delivered")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OPEN_LETTER)
    language = models.CharField(_("authoritative language"), max_length=8, default="en")
    addressee = models.CharField(_("addressee"), max_length=200, blank=True)
    edition = models.ForeignKey(
        Edition,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="declarations",
        verbose_name=_("edition"),
    )
    activities = models.ManyToManyField(Activity, blank=True, related_name="declarations")
    initiatives = models.ManyToManyField(Initiative, blank=True, related_name="declarations")
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.DRAFTING)
    open_version = models.ForeignKey(
        "Version",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("version open for signature"),
    )
    delivered_at = models.DateField(_("delivered on"), null=True, blank=True)
    delivery_note = models.TextField(_("how it was delivered"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("declaration.detail", kwargs={"pk": self.pk})


class TeamMember(models.Model):
    """A person of the drafting team, optionally on behalf of an organization."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafting_teams"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("on behalf of"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("drafting team member")
        verbose_name_plural = _("drafting team")
        constraints = [
            models.UniqueConstraint(fields=["declaration", "person"], name="team_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.declaration}"


class Version(models.Model):
    """One saved state of the authoritative text: numbered, never changed afterwards."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["declaration", "number"], name="version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.declaration} v{self.number}"


class Reviewer(models.Model):
    """Invited by the team to comment: a person, or an organization whose admins review."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="reviewers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="declarations_reviewed",
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, organization__isnull=True)
                | models.Q(person__isnull=True, organization__isnull=False),
                name="reviewer_person_or_organization",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.organization)


class Comment(models.Model):
    """A remark on one paragraph, or a reply to one; it may propose a replacement text.
    It follows its paragraph across versions while a paragraph with the same text exists,
    and is "outdated" once none does."""

    class Proposal(models.TextChoices):
        NONE = "", _("no proposal")
        PENDING = "pending", _("proposed")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="comments")
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.TextField(_("paragraph"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=5000)
    proposal = models.TextField(_("proposed text"), blank=True, max_length=20_000)
    proposal_status = models.CharField(max_length=10, choices=Proposal, blank=True, default="")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class Translator(models.Model):
    """A person the team names to translate the text into one language."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="translators"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="declarations_translated"
    )
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("translator")
        verbose_name_plural = _("translators")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "person", "language"], name="translator_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.language}"


class Translation(models.Model):
    """The text in another language, made from one version of the authoritative text:
    out of date as soon as a newer version exists, until a translator updates it."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    based_on = models.ForeignKey(
        Version, on_delete=models.PROTECT, related_name="+", verbose_name=_("translated from")
    )
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "language"], name="declaration_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.declaration} ({self.language})"


def _signature_token() -> str:
    return secrets.token_urlsafe(32)


class Signature(models.Model):
    """A person's or an organization's signature of one version of a declaration.

    A person signs with a name, a country and an email they confirm by a link; an
    organization signs through one of its admins. Only confirmed signatures that were
    neither withdrawn nor voided count."""

    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        ORGANIZATION = "organization", _("organization")

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="signatures"
    )
    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="signatures")
    kind = models.CharField(max_length=12, choices=Kind)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="signatures"
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    organization_text = models.CharField(
        _("organization (as you write it)"), max_length=160, blank=True
    )
    show_name = models.BooleanField(_("show my name"), default=True)
    is_public = models.BooleanField(_("shown on the declaration"), default=True)
    token = models.CharField(max_length=64, unique=True, default=_signature_token)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    void_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["confirmed_at", "pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "email"],
                condition=models.Q(kind="person"),
                name="signature_once_per_email",
            ),
            models.UniqueConstraint(
                fields=["declaration", "organization"],
                condition=models.Q(kind="organization"),
                name="signature_once_per_organization",
            ),
        ]

    def __str__(self) -> str:
        return self.name or str(self.organization)

    @property
    def counts(self) -> bool:
        return bool(self.confirmed_at) and not self.withdrawn_at and not self.voided_at
