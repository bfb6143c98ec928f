"""Uploaded covers become the 1200×630 picture networks show; unusable files are refused with a
message naming the field, and nothing is saved."""

import io
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from medsocial.accounts.roles import Role
from medsocial.core.covers import social_cover
from medsocial.core.errors import DomainError
from medsocial.events.forms import EventForm
from medsocial.events.models import Event
from medsocial.events.tests.factories import form_data, make_event
from medsocial.publishing.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def picture(size, *, image_format="PNG", name="photo.png", colour=(30, 120, 200)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


@pytest.mark.parametrize("size", [(3000, 2000), (800, 800), (1200, 630), (640, 1400)])
def test_any_usable_picture_becomes_a_1200_by_630_jpeg(size):
    cover = social_cover(picture(size))
    with Image.open(cover) as image:
        assert image.format == "JPEG" and image.size == (1200, 630)
    assert cover.name == "photo.jpg"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (picture((300, 200)), "at least 600 × 315 pixels; this one is 300 × 200"),
        (SimpleUploadedFile("notes.png", b"not a picture"), "could not be read as a picture"),
        (picture((900, 600), image_format="GIF", name="a.gif"), "JPEG, PNG or WebP"),
    ],
)
def test_unusable_pictures_are_refused_naming_the_field(upload, message):
    with pytest.raises(DomainError) as refused:
        social_cover(upload, field="cover_image")
    assert message in refused.value.message and refused.value.field == "cover_image"


def test_event_manager_uploads_a_cover_that_the_page_shares(client, make_user):
    manager = make_user(roles=[Role.EVENT_MANAGER])
    event = make_event(title="Summit")
    client.force_login(manager)
    data = form_data(EventForm(instance=event), organization="", cover_image=picture((2400, 1600)))
    response = client.post(f"/events/manage/{event.slug}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    with Image.open(event.cover_image) as stored:
        assert stored.size == (1200, 630)
    client.logout()
    html = client.get(event.get_absolute_url()).content.decode()
    og_image = settings.SITE_URL + event.cover_image.url
    assert f'<meta property="og:image" content="{og_image}">' in html
    served = client.get(urlsplit(og_image).path)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_event_cover_too_small_is_refused_and_nothing_changes(client, make_user):
    manager = make_user(roles=[Role.EVENT_MANAGER])
    event = make_event(title="Summit")
    client.force_login(manager)
    data = form_data(
        EventForm(instance=event), organization="", title="Renamed", cover_image=picture((400, 300))
    )
    response = client.post(f"/events/manage/{event.slug}/edit/", data)
    assert response.status_code == 400
    assert "at least 600 × 315 pixels" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Summit"
    assert not Event.objects.get(pk=event.pk).cover_image


def test_editor_article_cover_is_resized(client, make_user):
    editor = make_user(roles=[Role.EDITOR])
    client.force_login(editor)
    response = client.post(
        "/articles/new/",
        {
            "title": "Photos on the ward",
            "body": "Text.",
            "summary": "Short.",
            "authors": [editor.pk],
            "is_health_information": "on",
            "comments_open": "on",
            "cover_image": picture((1600, 1600), image_format="JPEG", name="ward.jpg"),
            "cover_alt": "A hospital corridor",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with Image.open(Article.objects.get().cover_image) as stored:
        assert stored.size == (1200, 630)


def test_private_uploads_are_not_served_as_public_images(client):
    assert client.get("/media/consulting/documents/plan.pdf").status_code == 404
    assert client.get("/media/learning/covers/missing.png").status_code == 404
    assert client.get("/media/learning/covers/..%2F..%2Fsecret_key").status_code == 404
