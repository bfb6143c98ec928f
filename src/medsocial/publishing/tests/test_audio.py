"""Audio is read on upload (duration, size, type) and served with byte ranges."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from mutagen.mp3 import MP3

from medsocial.accounts.roles import Role
from medsocial.core.errors import NotAllowed
from medsocial.publishing import services
from medsocial.publishing.audio import AudioError, silent_mp3
from medsocial.publishing.tests.factories import make_episode, make_show, mp3_upload


def test_generated_mp3_is_readable_by_mutagen():
    assert MP3(io.BytesIO(silent_mp3(5))).info.length == pytest.approx(5, abs=0.1)


def test_upload_reads_duration_size_and_type(db, make_user):
    editor = make_user(roles=[Role.EDITOR])
    upload = mp3_upload(seconds=7)
    episode = services.save_episode(editor=editor, show=make_show(), title="Pilot", audio=upload, number=1)
    assert episode.duration_seconds == 7
    assert episode.audio_bytes == len(silent_mp3(7)) == episode.audio.size
    assert episode.audio_mime == "audio/mpeg"


@pytest.mark.parametrize("name,content", [("notes.txt", b"hello"), ("fake.mp3", b"not audio at all" * 20)])
def test_upload_refuses_files_that_are_not_audio(db, make_user, name, content):
    editor = make_user(roles=[Role.EDITOR])
    with pytest.raises(AudioError):
        services.save_episode(
            editor=editor, show=make_show(), title="Bad", audio=SimpleUploadedFile(name, content)
        )


def test_only_editors_add_episodes(db, make_user):
    with pytest.raises(NotAllowed):
        services.save_episode(editor=make_user(roles=[]), show=make_show(), title="X", audio=mp3_upload())


@pytest.fixture
def episode(db):
    return make_episode(seconds=4)


def audio_url(episode):
    return f"/podcasts/{episode.show.slug}/{episode.slug}/audio.mp3"


def test_whole_file_advertises_ranges(client, episode):
    response = client.get(audio_url(episode))
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert b"".join(response.streaming_content) == episode.audio.open("rb").read()


def test_range_request_answers_206_with_the_slice(client, episode):
    data = episode.audio.open("rb").read()
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=100-299")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-299/{len(data)}"
    assert response["Content-Length"] == "200"
    assert b"".join(response.streaming_content) == data[100:300]


def test_open_ended_and_suffix_ranges(client, episode):
    data = episode.audio.open("rb").read()
    tail = client.get(audio_url(episode), HTTP_RANGE="bytes=-50")
    assert tail.status_code == 206 and b"".join(tail.streaming_content) == data[-50:]
    rest = client.get(audio_url(episode), HTTP_RANGE=f"bytes={len(data) - 10}-")
    assert b"".join(rest.streaming_content) == data[-10:]


def test_range_beyond_the_end_is_416(client, episode):
    response = client.get(audio_url(episode), HTTP_RANGE="bytes=999999999-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{episode.audio.size}"


def test_unpublished_episode_audio_is_404(client, db):
    draft = make_episode(published=False)
    assert client.get(audio_url(draft)).status_code == 404


def test_editor_uploads_an_episode_through_the_page(client, db, make_user):
    editor = make_user(roles=[Role.EDITOR])
    show = make_show()
    client.force_login(editor)
    response = client.post(
        f"/podcasts/{show.slug}/episodes/new/",
        {
            "title": "Uploaded",
            "audio": mp3_upload(6),
            "kind": "full",
            "number": 4,
            "season": 1,
            "chapters": '[{"startTime": 0, "title": "Hello"}]',
            "published_at": "2024-01-02T10:00",
        },
    )
    assert response.status_code == 302
    episode = show.episodes.get()
    assert episode.duration_seconds == 6 and episode.chapters == [{"startTime": 0.0, "title": "Hello"}]
    client.force_login(make_user(roles=[]))
    assert client.get(f"/podcasts/{show.slug}/episodes/new/").status_code == 403


def test_head_request_with_range(client, episode):
    response = client.head(audio_url(episode), HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206 and response["Content-Length"] == "10"
