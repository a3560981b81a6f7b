from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from vos.common.timezones import canonical_zone


@dataclass(frozen=True)
class Site:
    """What account emails call "the site": its name from the settings, not the host a
    request came through ("Olá de 127.0.0.1:8201!")."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = Site(name=settings.VOS_SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(template_prefix, email, {**context, "current_site": site})

    def render_mail(self, template_prefix, email, context, headers=None):
        """Every account email gets an HTML part too, like the site's other emails."""
        message = super().render_mail(template_prefix, email, context, headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(
                render_to_string(
                    "person/email/account.html",
                    {"body": message.body, "site_name": settings.VOS_SITE_NAME},
                ),
                "text/html",
            )
        return message

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
