from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomConfig(AppConfig):
    name = "vos.room"
    label = "room"
    verbose_name = _("Rooms")
