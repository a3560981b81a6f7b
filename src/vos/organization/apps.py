from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationConfig(AppConfig):
    name = "vos.organization"
    label = "organization"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from vos.organization import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
