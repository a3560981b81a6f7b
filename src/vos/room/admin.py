from django.contrib import admin, messages
from django.utils.translation import gettext as _

from vos.common.admin import TranslatableAdmin
from vos.room.models import DialIn, Room


class DialInInline(admin.TabularInline):
    model = DialIn
    extra = 1


@admin.register(Room)
class RoomAdmin(TranslatableAdmin):
    list_display = ["name", "edition", "kind", "provider", "capacity", "visibility"]
    list_filter = ["edition", "kind", "provider", "visibility"]
    inlines = [DialInInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.kind == Room.Kind.SHARED and obj.visibility == Room.Visibility.EVERYONE:
            messages.warning(
                request,
                _(
                    "The link, meeting ID, passcode and PINs of %(room)s are now shown to "
                    "everyone, even visitors who are not signed in: anyone can enter the room "
                    "or pass its way in around."
                )
                % {"room": obj.name},
            )
