from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """The convergence of the forum: the directory and pages of organizations, their
    members and networks, as people see and run them."""

    name = "vos.network"
    label = "network"
    verbose_name = _("Networks")

    def ready(self) -> None:
        from vos.network import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
