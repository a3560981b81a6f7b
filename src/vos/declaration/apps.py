from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationConfig(AppConfig):
    """Joint texts drafted in versions by a team, reviewed, translated and co-signed."""

    name = "vos.declaration"
    label = "declaration"
    verbose_name = _("Declarations")

    def ready(self) -> None:
        from vos.declaration import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
