from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "vos.registration"
    label = "registration"
    verbose_name = _("Registrations")

    def ready(self) -> None:
        # Imported once apps are ready: they declare personal data and connect receivers.
        from vos.registration import personal_data, receivers  # noqa: F401, PLC0415 - see above
