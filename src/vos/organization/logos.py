"""Logos: an upload is checked, re-encoded by Pillow at a bounded size without any of the
file's metadata (a phone's GPS position, an editor's history), and stored under a name
made of its digest, so that its address can be cached for a year."""

import hashlib
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
# Larger than any logo needs; what is beyond is a decompression bomb or a photograph.
MAX_PIXELS = 40_000_000
SIDE = 400  # the longest side of the stored logo, in pixels


def logo_from_upload(upload) -> tuple[str, bytes]:
    """The re-encoded logo (WebP) and its file name, or a ValidationError that says what
    is wrong with the upload."""
    limit = settings.ORGANIZATION_LOGO_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The logo is %(size)s MB; it may be %(limit)s MB at most.")
            % {"size": f"{upload.size / 1_000_000:.1f}", "limit": f"{limit / 1_000_000:g}"},
            code="too_big",
        )
    try:
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise UnidentifiedImageError
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("This image is too large to be a logo."), code="pixels")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = ImageOps.exif_transpose(image)
            picture = picture.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read: send a PNG, JPEG, WebP or GIF."),
            code="not_an_image",
        ) from None
    picture.thumbnail((SIDE, SIDE), Image.Resampling.LANCZOS)
    clean = Image.new("RGBA", picture.size)  # pixels only: nothing of the file's metadata
    clean.paste(picture)
    out = io.BytesIO()
    clean.save(out, format="WEBP", quality=85, method=4)
    data = out.getvalue()
    return f"logos/{hashlib.sha256(data).hexdigest()[:20]}.webp", data


def logo_store(name: str, data: bytes) -> str:
    """Store a logo once (the name is its digest) and return the name."""
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))
    return name
