from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "vos.activity"
    label = "activity"
    verbose_name = _("Activities")

    def ready(self) -> None:
        from vos.activity import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
