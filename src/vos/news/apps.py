from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News and pages: articles by subject in several languages with their feeds, and the
    site's editable pages (about, the participant guide)."""

    name = "vos.news"
    label = "news"
    verbose_name = _("News and pages")

    def ready(self) -> None:
        from vos.news import personal_data, rules  # noqa: F401, PLC0415 - declare on import
