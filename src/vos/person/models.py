from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields["is_staff"] = True
        fields["is_superuser"] = True
        return self._create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A participant. The email is the login; everything else is the profile."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    country = models.CharField(_("country"), max_length=2, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    is_public = models.BooleanField(_("public profile"), default=False)
    preferred_language = models.CharField(
        _("language of emails"), max_length=8, choices=settings.LANGUAGES, default="en"
    )

    class ReviewEmails(models.TextChoices):
        IMMEDIATE = "immediate", _("at once, for each proposal")
        DAILY = "daily", _("once a day, a digest")
        NEVER = "never", _("never")

    # For the facilitation teams: how they hear of proposals that wait for review.
    review_emails = models.CharField(
        _("emails about proposals waiting for review"),
        max_length=10,
        choices=ReviewEmails.choices,
        default=ReviewEmails.DAILY,
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class ApiToken(models.Model):
    """A personal token for the API. Only its SHA-256 is kept; the token is shown once."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
