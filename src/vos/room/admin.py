from django.contrib import admin

from vos.room.models import DialIn, Room


class DialInInline(admin.TabularInline):
    model = DialIn
    extra = 1


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "kind", "provider", "capacity"]
    list_filter = ["edition", "kind", "provider"]
    inlines = [DialInInline]
