"""Image checks: EXIF location and device details are reported; the clean copy has none."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from medsocial.safety import services

pytestmark = pytest.mark.django_db


def photo_with_metadata() -> bytes:
    image = Image.new("RGB", (40, 30), "teal")
    exif = Image.Exif()
    exif[271] = "PhoneMaker"
    exif[272] = "Pocket 12"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({1: "N", 2: (41.0, 53.0, 24.0), 3: "W", 4: (87.0, 37.0, 12.0)})
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def upload(content, name="ward.jpg"):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def test_location_and_device_are_reported():
    report = services.inspect_image(upload(photo_with_metadata()))
    assert report.location == (41.89, -87.62)
    assert ("Camera model", "Pocket 12") in report.details


def test_clean_copy_has_no_metadata_and_same_pixels_size():
    content, content_type, name = services.strip_image_metadata(upload(photo_with_metadata()))
    clean = Image.open(io.BytesIO(content))
    assert content_type == "image/jpeg" and name == "ward-clean.jpg"
    assert clean.size == (40, 30)
    assert not clean.getexif()
    assert services.inspect_image(upload(content)).has_metadata is False


def test_page_reports_then_downloads_clean_copy(client):
    page = client.post(reverse("safety:image"), {"image": upload(photo_with_metadata()), "action": "check"})
    assert "Location (GPS)" in page.content.decode()
    download = client.post(
        reverse("safety:image"), {"image": upload(photo_with_metadata()), "action": "strip"}
    )
    assert download["Content-Disposition"] == 'attachment; filename="ward-clean.jpg"'
    assert not Image.open(io.BytesIO(download.content)).getexif()


def test_not_an_image_is_refused_clearly(client):
    response = client.post(reverse("safety:image"), {"image": upload(b"not an image"), "action": "check"})
    assert response.status_code == 400
