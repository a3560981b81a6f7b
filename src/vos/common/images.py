"""Uploaded pictures: checked, re-encoded by Pillow at a bounded size without any of the
file's metadata (a phone's GPS position, an editor's history), and stored under a name
made of their digest, so that their address can be cached for a year."""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}
# Larger than any picture we show needs; what is beyond is a decompression bomb.
MAX_PIXELS = 40_000_000


def picture_from_upload(
    upload, *, folder: str, side: int, limit: int, too_big: str, too_many_pixels: str
) -> tuple[str, bytes]:
    """The re-encoded picture (WebP, at most ``side`` pixels on its longest side) and its
    stored name, or a ValidationError that says what is wrong with the upload.
    ``too_big`` is a message with %(size)s and %(limit)s, in megabytes."""
    if upload.size > limit:
        raise ValidationError(
            too_big % {"size": f"{upload.size / 1_000_000:.1f}", "limit": f"{limit / 1_000_000:g}"},
            code="too_big",
        )
    try:
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise UnidentifiedImageError
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(too_many_pixels, code="pixels")
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
    picture.thumbnail((side, side), Image.Resampling.LANCZOS)
    clean = Image.new("RGBA", picture.size)  # pixels only: nothing of the file's metadata
    clean.paste(picture)
    out = io.BytesIO()
    clean.save(out, format="WEBP", quality=85, method=4)
    data = out.getvalue()
    return f"{folder}/{hashlib.sha256(data).hexdigest()[:20]}.webp", data


def picture_store(name: str, data: bytes) -> str:
    """Store a picture once (the name is its digest) and return the name."""
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))
    return name


def picture_response(request: HttpRequest, folder: str, name: str) -> FileResponse:
    """A stored picture. Its name is its digest, so it is cached for a year."""
    path = f"{folder}/{name}"
    if not name.endswith(".webp") or "/" in name or not default_storage.exists(path):
        raise Http404
    response = FileResponse(default_storage.open(path, "rb"), content_type="image/webp")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response
