from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """The Open Forum: structured deliberation beside the program."""

    name = "vos.forum"
    label = "forum"
    verbose_name = _("Open Forum")

    def ready(self) -> None:
        from vos.forum import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
