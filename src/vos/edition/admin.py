from django.contrib import admin

from vos.edition.models import (
    ActivityType,
    Edition,
    IntentionText,
    KeyDate,
    PartnerEvent,
    Slot,
    Theme,
)


class KeyDateInline(admin.TabularInline):
    model = KeyDate
    extra = 1


class PartnerEventInline(admin.TabularInline):
    model = PartnerEvent
    extra = 0


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


class ActivityTypeInline(admin.TabularInline):
    model = ActivityType
    extra = 0


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["title", "start_date", "end_date", "time_zone", "moderation", "scheduling"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["facilitators"]
    inlines = [KeyDateInline, PartnerEventInline, ThemeInline, ActivityTypeInline]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["edition", "starts_at", "ends_at", "places"]
    list_filter = ["edition"]


@admin.register(IntentionText)
class IntentionTextAdmin(admin.ModelAdmin):
    list_display = ["version", "created_at"]
