from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The forum's newsletter: subscribers (double opt-in), letters the team sends through
    the outbox at a capped rate, a public archive."""

    name = "vos.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from vos.newsletter import personal_data  # noqa: F401, PLC0415 - declares on import, once apps are ready
