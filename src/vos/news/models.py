from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vos.common.multilingual import Translatable
from vos.edition.models import Edition


class Subject(Translatable):
    """What articles are about ("Climate justice"); an article has one or more."""

    translatable_fields = ("name",)

    slug = models.SlugField(_("short name in addresses"), unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news.subject", args=[self.slug])


class Article(models.Model):
    """An article in one language. Its versions in other languages point at the original
    (``original``), and share its subjects, edition and picture."""

    slug = models.SlugField(_("short name in addresses"), max_length=120, unique=True)
    language = models.CharField(_("language"), max_length=8)
    original = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("original"),
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    body = models.TextField(_("text"), max_length=60_000)
    picture = models.CharField(_("picture"), max_length=200, blank=True)
    picture_alt = models.CharField(_("description of the picture"), max_length=300, blank=True)
    subjects = models.ManyToManyField(Subject, blank=True, related_name="articles")
    edition = models.ForeignKey(
        Edition,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        verbose_name=_("edition"),
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="articles", verbose_name=_("authors")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["published_at"], name="article_published")]
        constraints = [
            models.UniqueConstraint(
                fields=["original", "language"], name="article_one_version_per_language"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news.article", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def group_id(self) -> int:
        """The original's id: the same for every language version."""
        return self.original_id or self.pk

    @property
    def picture_name(self) -> str:
        return self.picture.rsplit("/", 1)[-1]


class Page(Translatable):
    """A page of the site the team writes and keeps up to date: about the forum, how to
    take part. Its screenshots are uploaded as ``PagePicture``."""

    translatable_fields = ("title", "body")

    class Kind(models.TextChoices):
        ABOUT = "about", _("About the forum")
        GUIDE = "guide", _("How to take part")

    kind = models.CharField(max_length=10, choices=Kind, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=100_000)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news.page", args=[self.kind])


class PagePicture(models.Model):
    """A screenshot or picture uploaded for the pages, re-encoded, shown by its address."""

    shown_on_cached_pages = False  # pages show it by its address, once pasted in

    name = models.CharField(max_length=200, unique=True)
    alt = models.CharField(_("description of the picture"), max_length=300)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("picture of a page")
        verbose_name_plural = _("pictures of pages")

    def __str__(self) -> str:
        return self.alt

    def get_absolute_url(self) -> str:
        return reverse("news.picture", args=[self.name.rsplit("/", 1)[-1]])

    def markdown(self) -> str:
        return f"![{self.alt}]({self.get_absolute_url()})"
