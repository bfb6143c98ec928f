"""Uploaded files under /media/: access checked per file, byte ranges, proxy offload."""

import pytest
from django.core.files.base import ContentFile

from medsocial.accounts.roles import Role
from medsocial.learning import services as learning
from medsocial.learning.models import LessonResource
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db

VIDEO = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ACCEL = ""
    return settings.MEDIA_ROOT


@pytest.fixture
def instructor(make_user):
    return make_user(roles=[Role.INSTRUCTOR])


@pytest.fixture
def lesson(instructor):
    course = make_course(title="Video course", instructors=[instructor])
    lesson = course.lessons.first()
    lesson.media_file.save("talk.mp4", ContentFile(VIDEO))
    return lesson


@pytest.fixture
def learner(make_user, lesson):
    user = make_user()
    learning.enroll(user=user, course=lesson.course)
    return user


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_enrolled_learner_gets_the_whole_lesson_video(client, lesson, learner):
    client.force_login(learner)
    response = client.get(lesson.media_file.url)
    assert response.status_code == 200 and body(response) == VIDEO
    assert response["Content-Type"] == "video/mp4" and response["Content-Length"] == str(len(VIDEO))
    assert response["Accept-Ranges"] == "bytes" and response["ETag"]
    assert response["Content-Disposition"].startswith("inline;")
    assert response["Cache-Control"].startswith("private")


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=10-19", 10, 19),
        ("bytes=10240-", None, None),
        ("bytes=10000-", 10000, 10239),
        ("bytes=-5", 10235, 10239),
        ("bytes=0-999999", 0, 10239),
    ],
)
def test_a_range_answers_206_with_exactly_those_bytes(client, lesson, learner, header, start, end):
    client.force_login(learner)
    response = client.get(lesson.media_file.url, HTTP_RANGE=header)
    if start is None:
        assert response.status_code == 416 and response["Content-Range"] == "bytes */10240"
        return
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/10240"
    assert response["Content-Length"] == str(end - start + 1)
    assert body(response) == VIDEO[start : end + 1]


def test_if_range_serves_the_range_only_while_the_file_is_unchanged(client, lesson, learner):
    client.force_login(learner)
    etag = client.get(lesson.media_file.url)["ETag"]
    last_modified = client.get(lesson.media_file.url)["Last-Modified"]
    same = client.get(lesson.media_file.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    assert same.status_code == 206 and body(same) == VIDEO[:10]
    by_date = client.get(lesson.media_file.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=last_modified)
    assert by_date.status_code == 206
    changed = client.get(lesson.media_file.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"0-0"')
    assert changed.status_code == 200 and body(changed) == VIDEO
    weak = client.get(lesson.media_file.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE="W/" + etag)
    assert weak.status_code == 200


def test_a_cached_copy_is_revalidated_with_304_and_head_sends_no_body(client, lesson, learner):
    client.force_login(learner)
    etag = client.get(lesson.media_file.url)["ETag"]
    assert client.get(lesson.media_file.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = client.head(lesson.media_file.url)
    assert head.status_code == 200 and head.content == b"" and head["Content-Length"] == "10240"


def test_lesson_files_are_404_to_anyone_outside_the_course(client, lesson, make_user, instructor):
    resource = LessonResource.objects.create(lesson=lesson, title="Slides", size=3)
    resource.file.save("slides.pdf", ContentFile(b"%PDF"))
    urls = [lesson.media_file.url, resource.file.url]
    for url in urls:
        assert client.get(url).status_code == 404, url  # anonymous
    client.force_login(make_user())  # signed in, not enrolled
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(make_user(roles=[Role.INSTRUCTOR]))  # an instructor of another course
    for url in urls:
        assert client.get(url).status_code == 404, url
    client.force_login(instructor)  # the course's own instructor
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_an_unpublished_course_hides_its_files_from_its_learners(client, lesson, learner, instructor):
    learning.unpublish_course(by=instructor, course=lesson.course)
    client.force_login(learner)
    assert client.get(lesson.media_file.url).status_code == 404


def test_public_images_are_served_to_anyone_and_cacheable(client, make_user):
    from medsocial.events.models import Speaker
    from medsocial.events.tests.factories import make_event, make_session
    from medsocial.publishing.tests.factories import make_article, make_show

    show = make_show()
    show.cover_art.save("art.png", ContentFile(b"\x89PNG art"))
    speaker = Speaker.objects.create(name="Ada", slug="ada")
    speaker.photo.save("ada.jpg", ContentFile(b"\xff\xd8 photo"))
    make_session(make_event()).speakers.add(speaker)
    article = make_article()
    article.cover_image.save("cover.png", ContentFile(b"\x89PNG cover"))
    for field_file in [show.cover_art, speaker.photo, article.cover_image]:
        response = client.get(field_file.url)
        assert response.status_code == 200, field_file.name
        assert response["Cache-Control"].startswith("public")

    hidden = Speaker.objects.create(name="Not yet", slug="not-yet")
    hidden.photo.save("hidden.jpg", ContentFile(b"\xff\xd8 photo"))
    draft = make_article(published=False)
    draft.cover_image.save("draft.png", ContentFile(b"\x89PNG draft"))
    assert client.get(hidden.photo.url).status_code == 404
    assert client.get(draft.cover_image.url).status_code == 404


def test_files_no_field_holds_and_other_folders_are_404(client, media_root, make_user):
    (media_root / "learning" / "media").mkdir(parents=True)
    (media_root / "learning" / "media" / "orphan.mp4").write_bytes(b"x")
    (media_root / "consulting").mkdir()
    (media_root / "consulting" / "plan.pdf").write_bytes(b"x")
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    for url in [
        "/media/learning/media/orphan.mp4",
        "/media/consulting/plan.pdf",
        "/media/learning/media/../../consulting/plan.pdf",
        "/media/secret_key",
    ]:
        assert client.get(url).status_code == 404, url


def test_a_file_that_cannot_be_shown_safely_is_a_download(client, lesson, instructor):
    resource = LessonResource.objects.create(lesson=lesson, title="Page", size=3)
    resource.file.save("page.svg", ContentFile(b"<svg><script>alert(1)</script></svg>"))
    client.force_login(instructor)
    response = client.get(resource.file.url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("mode", "header", "expected"),
    [
        ("x-accel-redirect", "X-Accel-Redirect", "/protected-media/learning/media/talk.mp4"),
        ("x-sendfile", "X-Sendfile", None),
    ],
)
def test_a_proxy_can_send_the_bytes_after_the_check(
    client, settings, lesson, learner, mode, header, expected
):
    settings.MEDIA_ACCEL = mode
    client.force_login(learner)
    response = client.get(lesson.media_file.url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 200 and response.content == b""
    assert response[header] == (expected or lesson.media_file.path)
    assert response["Content-Type"] == "video/mp4"
    client.logout()
    denied = client.get(lesson.media_file.url)
    assert denied.status_code == 404 and header not in denied


def test_ranges_and_media_are_sent_as_stored_even_to_a_client_that_accepts_gzip(client, lesson, learner):
    client.force_login(learner)
    part = client.get(lesson.media_file.url, HTTP_RANGE="bytes=10-19", HTTP_ACCEPT_ENCODING="gzip")
    assert part.status_code == 206 and "Content-Encoding" not in part and body(part) == VIDEO[10:20]
    whole = client.get(lesson.media_file.url, HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in whole and whole["Content-Length"] == "10240" and body(whole) == VIDEO
