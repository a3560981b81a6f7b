"""Logos: checked and re-encoded like every uploaded picture (vos.common.images), at most
400 pixels on their longest side."""

from django.conf import settings
from django.utils.translation import gettext as _

from vos.common.images import picture_from_upload, picture_store

SIDE = 400  # the longest side of the stored logo, in pixels


def logo_from_upload(upload) -> tuple[str, bytes]:
    """The re-encoded logo (WebP) and its file name, or a ValidationError that says what
    is wrong with the upload."""
    return picture_from_upload(
        upload,
        folder="logos",
        side=SIDE,
        limit=settings.ORGANIZATION_LOGO_MAX_BYTES,
        too_big=_("The logo is %(size)s MB; it may be %(limit)s MB at most."),
        too_many_pixels=_("This image is too large to be a logo."),
    )


logo_store = picture_store
