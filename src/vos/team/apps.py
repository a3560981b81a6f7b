from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamConfig(AppConfig):
    """The facilitation team's volunteers: what they offer, the roles they are given, and
    volunteer interpreters matched to activities."""

    name = "vos.team"
    label = "team"
    verbose_name = _("Facilitation team")

    def ready(self) -> None:
        from vos.team import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
