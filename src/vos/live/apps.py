from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    """Live sessions: requests to speak in plenaries (and any activity that turns it on)."""

    name = "vos.live"
    label = "live"
    verbose_name = _("Live sessions")

    def ready(self) -> None:
        from vos.live import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
