"""Bad uploads and missing fields on the podcast editing pages: a message on the field, nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medsocial.accounts.roles import Role
from medsocial.publishing.audio import silent_mp3
from medsocial.publishing.models import Episode
from medsocial.publishing.tests.factories import make_episode, make_show, mp3_upload
from medsocial.publishing.tests.podcast_helpers import png_upload, podcast_snapshot


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user(roles=[Role.EDITOR]))
    return client


@pytest.fixture
def show(db):
    return make_show()


def field_errors(response, field):
    return [str(e) for e in response.context["form"].errors.get(field, [])]


def test_a_file_that_is_not_audio_is_refused_on_the_audio_field(editor_client, show):
    before = podcast_snapshot()
    response = editor_client.post(
        f"/podcasts/{show.slug}/episodes/new/",
        {"title": "Notes", "kind": "full", "audio": SimpleUploadedFile("notes.txt", b"plain text")},
    )
    assert response.status_code == 400
    assert field_errors(response, "audio") == ["Upload an MP3 or M4A file."]
    assert podcast_snapshot() == before


def test_a_text_file_named_mp3_is_refused(editor_client, show):
    response = editor_client.post(
        f"/podcasts/{show.slug}/episodes/new/",
        {"title": "Fake", "kind": "full", "audio": SimpleUploadedFile("fake.mp3", b"not audio at all" * 50)},
    )
    assert response.status_code == 400
    assert field_errors(response, "audio") == ["That file could not be read as audio."]
    assert not Episode.objects.exists()


def test_audio_over_the_size_limit_is_refused_and_the_episode_keeps_its_file(editor_client, show, settings):
    episode = make_episode(show, seconds=2)
    settings.PUBLISHING_MAX_AUDIO_BYTES = len(silent_mp3(5))
    before = podcast_snapshot()
    response = editor_client.post(
        f"/podcasts/episodes/{episode.pk}/edit/", {"title": "Longer", "kind": "full", "audio": mp3_upload(20)}
    )
    assert response.status_code == 400
    (message,) = field_errors(response, "audio")
    assert message.startswith("The audio file is larger than")
    assert podcast_snapshot() == before


def test_audio_within_the_limit_is_accepted(editor_client, show, settings):
    settings.PUBLISHING_MAX_AUDIO_BYTES = len(silent_mp3(5))
    response = editor_client.post(
        f"/podcasts/{show.slug}/episodes/new/", {"title": "Short", "kind": "full", "audio": mp3_upload(5)}
    )
    assert response.status_code == 302 and show.episodes.get().audio_bytes == len(silent_mp3(5))


def test_a_missing_title_is_refused_on_the_title_field(editor_client, show):
    episode = make_episode(show)
    before = podcast_snapshot()
    for url in (f"/podcasts/{show.slug}/episodes/new/", f"/podcasts/episodes/{episode.pk}/edit/"):
        response = editor_client.post(url, {"title": "  ", "kind": "full", "audio": mp3_upload()})
        assert response.status_code == 400, url
        assert field_errors(response, "title") == ["Give the episode a title."], url
        assert "Give the episode a title." in response.content.decode()
    assert podcast_snapshot() == before


def test_a_new_episode_needs_audio(editor_client, show):
    response = editor_client.post(f"/podcasts/{show.slug}/episodes/new/", {"title": "Silent", "kind": "full"})
    assert response.status_code == 400
    assert field_errors(response, "audio") == ["Upload the episode's audio."]
    assert not Episode.objects.exists()


@pytest.mark.parametrize(
    "upload,message",
    [
        (png_upload(1400, 1000), "Cover art must be square"),
        (png_upload(600, 600), "Cover art must be between 1400 and 3000 pixels"),
    ],
)
def test_cover_art_podcast_apps_would_reject_is_refused(editor_client, show, upload, message):
    before = podcast_snapshot()
    response = editor_client.post(
        f"/podcasts/shows/{show.pk}/edit/",
        {
            "title": "New title",
            "description": "d",
            "author": "a",
            "owner_name": "o",
            "owner_email": "o@example.org",
            "category": "Health & Fitness",
            "language": "en",
            "cover_art": upload,
        },
    )
    assert response.status_code == 400
    errors = field_errors(response, "cover_art")
    assert len(errors) == 1 and errors[0].startswith(message)
    assert podcast_snapshot() == before


def test_show_fields_are_checked_on_their_field(editor_client, show):
    before = podcast_snapshot()
    response = editor_client.post(
        f"/podcasts/shows/{show.pk}/edit/",
        {
            "title": "",
            "description": "d",
            "author": "a",
            "owner_name": "o",
            "owner_email": "not-an-email",
            "category": "Health & Fitness",
            "language": "English please",
        },
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title", "owner_email", "language"}
    assert podcast_snapshot() == before
