from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """The convergence of the forum: the directory and pages of organizations, their
    members and networks, as people see and run them."""

    name = "vos.network"
    label = "network"
    verbose_name = _("Networks")
