from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organization(models.Model):
    """A network, movement, collective or NGO named behind activities."""

    name = models.CharField(_("name"), max_length=160)
    country = models.CharField(_("country"), max_length=2, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [models.UniqueConstraint(Lower("name"), name="organization_unique_name")]

    def __str__(self) -> str:
        return self.name
