from urllib.parse import unquote

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from vos.common.timezones import canonical_zone


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """New accounts start with the language they signed up in and the browser's zone."""
        user = super().save_user(request, user, form, commit=False)
        user.display_name = (
            form.cleaned_data.get("display_name", "").strip() or user.email.split("@")[0]
        )
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        cookie = request.COOKIES.get(settings.TIME_ZONE_COOKIE) if request else None
        user.time_zone = canonical_zone(unquote(cookie)) if cookie else ""
        if commit:
            user.save()
        return user
