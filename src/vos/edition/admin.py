from django.contrib import admin

from vos.common.admin import TranslatableAdmin, TranslatableInline
from vos.edition.models import (
    ActivityType,
    Edition,
    IntentionText,
    KeyDate,
    PartnerEvent,
    Slot,
    Theme,
)
from vos.edition.services import edition_add, edition_update, intention_text_publish


class KeyDateInline(TranslatableInline, admin.TabularInline):
    model = KeyDate
    extra = 1


class PartnerEventInline(admin.TabularInline):
    model = PartnerEvent
    extra = 0


class ThemeInline(TranslatableInline, admin.TabularInline):
    model = Theme
    extra = 0


class ActivityTypeInline(TranslatableInline, admin.TabularInline):
    model = ActivityType
    extra = 0


@admin.register(Edition)
class EditionAdmin(TranslatableAdmin):
    list_display = ["title", "start_date", "end_date", "time_zone", "moderation", "scheduling"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["facilitators"]
    readonly_fields = ["created_at"]
    inlines = [KeyDateInline, PartnerEventInline, ThemeInline, ActivityTypeInline]

    def save_model(self, request, obj, form, change):
        # Through the services: a new edition gets its default activity types and a log
        # entry, whichever way it was created.
        if change:
            edition_update(edition=obj, actor=request.user, changed=list(form.changed_data))
        else:
            edition_add(edition=obj, created_by=request.user)


@admin.register(KeyDate)
class KeyDateAdmin(TranslatableAdmin):
    list_display = ["title", "edition", "starts_at"]
    list_filter = ["edition"]


@admin.register(Theme)
class ThemeAdmin(TranslatableAdmin):
    list_display = ["name", "edition", "position"]
    list_filter = ["edition"]


@admin.register(ActivityType)
class ActivityTypeAdmin(TranslatableAdmin):
    list_display = ["key", "custom_name", "edition", "position"]
    list_filter = ["edition"]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["edition", "starts_at", "ends_at", "places"]
    list_filter = ["edition"]


@admin.register(IntentionText)
class IntentionTextAdmin(admin.ModelAdmin):
    """A new version is published through the service, which numbers it under a lock;
    a published version stays as it was, since proposers accepted that very text."""

    list_display = ["version", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        return ["version", "bodies", "created_at"] if obj else []

    def get_fields(self, request, obj=None):
        return ["version", "bodies", "created_at"] if obj else ["bodies"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        published = intention_text_publish(bodies=obj.bodies, actor=request.user)
        obj.pk, obj.version, obj.created_at = published.pk, published.version, published.created_at
