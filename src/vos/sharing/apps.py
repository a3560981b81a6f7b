from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    """Invitations made to be shared: share links, Open Graph cards, QR codes."""

    name = "vos.sharing"
    label = "sharing"
    verbose_name = _("Sharing")
