from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "vos.common"
    label = "common"
    verbose_name = _("Common")

    def ready(self) -> None:
        from vos.common import page_cache, search  # noqa: PLC0415 - once apps are ready

        search.connect()
        page_cache.connect()
