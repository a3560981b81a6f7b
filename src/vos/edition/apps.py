from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionConfig(AppConfig):
    name = "vos.edition"
    label = "edition"
    verbose_name = _("Editions")

    def ready(self) -> None:
        from vos.edition import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
