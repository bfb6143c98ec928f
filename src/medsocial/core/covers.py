"""Uploaded cover images, made into the picture social networks show large (1200×630).

Every app that takes a cover (courses, articles, events) passes the upload through
`social_cover`, so a link to the page shows the picture uncropped by the network and the
stored file is small whatever the camera produced.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

from medsocial.core.errors import DomainError

COVER_SIZE = (1200, 630)
MIN_SIZE = (600, 315)
COVER_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; larger is more likely a decompression bomb


def social_cover(
    uploaded, *, field: str = "cover_image", error: type[DomainError] = DomainError
) -> ContentFile:
    """The upload cropped around its centre to 1200×630 and saved as a JPEG; a DomainError
    naming `field` when it is not a usable picture (unreadable, another format, too small).
    `error` is the calling app's DomainError subclass, so its views show the message."""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as probe:
            image_format, (width, height) = probe.format, probe.size
            if width * height > MAX_PIXELS:
                raise error(
                    f"The cover image is too large ({width} × {height} pixels); use at most 40 megapixels.",
                    field=field,
                )
            if image_format not in COVER_FORMATS:
                raise error("The cover image must be a JPEG, PNG or WebP picture.", field=field)
            if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
                raise error(
                    f"The cover image must be at least {MIN_SIZE[0]} × {MIN_SIZE[1]} pixels; "
                    f"this one is {width} × {height}.",
                    field=field,
                )
            probe.load()
            picture = ImageOps.exif_transpose(probe).convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise error("The cover image could not be read as a picture.", field=field) from None
    finally:
        uploaded.seek(0)
    fitted = ImageOps.fit(picture, COVER_SIZE, method=Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    fitted.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    stem = Path(getattr(uploaded, "name", "") or "cover").stem[:80] or "cover"
    return ContentFile(buffer.getvalue(), name=f"{stem}.jpg")
