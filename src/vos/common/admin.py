"""What the admin pages of translatable items share: their texts in every interface
language, a folded section per language, the raw JSON never shown."""

from django.contrib import admin
from django.forms import ModelForm
from django.utils.translation import gettext_lazy as _

from vos.common.forms import translation_field, with_translation_fields
from vos.common.locales import language_autonym
from vos.common.multilingual import interface_languages


class TranslatableAdmin(admin.ModelAdmin):
    """A ModelAdmin whose model is ``Translatable``."""

    translated_form_base = ModelForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = with_translation_fields(self.translated_form_base, self.model)
        return super().get_form(request, obj, change, **kwargs)

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or []), "translations"]

    def get_fieldsets(self, request, obj=None):
        fields = self.model.translatable_fields
        translated = {
            translation_field(language, name)
            for language in interface_languages()
            for name in (*fields, "confirmed")
        }
        fieldsets = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in translated]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        for language in interface_languages():
            fieldsets.append(
                (
                    _("Translation: %(language)s") % {"language": language_autonym(language)},
                    {
                        "classes": ["collapse"],
                        "fields": [
                            translation_field(language, name) for name in (*fields, "confirmed")
                        ],
                    },
                )
            )
        return fieldsets


class TranslatableInline:
    """An inline of translatable rows: the originals here, the translations on the row's
    own page (its change link)."""

    exclude = ["translations"]
    show_change_link = True
