from django.conf import settings
from django.http import HttpRequest

from vos.common.multilingual import interface_languages
from vos.common.zone_search import zone_full_label


def site(request: HttpRequest) -> dict:
    zone = getattr(request, "time_zone", "UTC")
    return {
        "site_name": settings.VOS_SITE_NAME,
        "contact_email": settings.VOS_CONTACT_EMAIL,
        "interface_languages": interface_languages(),
        "reader_zone": zone,
        "reader_zone_label": zone_full_label(zone),
        "reader_zone_source": getattr(request, "time_zone_source", "default"),
    }
