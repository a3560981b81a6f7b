from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionConfig(AppConfig):
    name = "vos.edition"
    label = "edition"
    verbose_name = _("Editions")
