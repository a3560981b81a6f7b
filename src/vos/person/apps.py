from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonConfig(AppConfig):
    name = "vos.person"
    label = "person"
    verbose_name = _("People")

    def ready(self) -> None:
        from vos.person import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
