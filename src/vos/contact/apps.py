from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    """The contact form to the facilitation team and the team's inbox, where messages are
    assigned and answered by email."""

    name = "vos.contact"
    label = "contact"
    verbose_name = _("Contact")

    def ready(self) -> None:
        from vos.contact import personal_data, rules  # noqa: F401, PLC0415 - declare on import
