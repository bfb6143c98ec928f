"""Lesson resources and lesson media are checked by their bytes, not only their names."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medsocial.learning import services
from medsocial.learning.errors import LearningError
from medsocial.learning.models import Lesson, LessonResource
from medsocial.publishing.audio import silent_mp3

pytestmark = pytest.mark.django_db

PAGE = b"<!DOCTYPE html><html><body><script>document.location='https://evil.example'</script></body></html>"


def test_an_html_page_renamed_pdf_is_refused_as_a_lesson_resource(instructor, course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("handout.pdf", PAGE, content_type="application/pdf")
    with pytest.raises(LearningError, match=r"not a real \.pdf file") as refused:
        services.add_resource(by=instructor, lesson=course.lessons.first(), title="Handout", file=upload)
    assert refused.value.field == "file"
    assert not LessonResource.objects.exists()


def test_an_html_page_renamed_mp3_is_refused_as_lesson_media(instructor, course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lesson = course.lessons.first()
    upload = SimpleUploadedFile("talk.mp3", PAGE, content_type="audio/mpeg")
    with pytest.raises(LearningError, match=r"not a real \.mp3 file") as refused:
        services.update_lesson(by=instructor, lesson=lesson, media_file=upload)
    assert refused.value.field == "media_file"
    assert not Lesson.objects.get(pk=lesson.pk).media_file


def test_real_audio_and_a_real_pdf_are_accepted(instructor, course, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    lesson = course.lessons.first()
    services.update_lesson(
        by=instructor, lesson=lesson, media_file=SimpleUploadedFile("talk.mp3", silent_mp3(1))
    )
    services.add_resource(
        by=instructor, lesson=lesson, title="Handout", file=SimpleUploadedFile("h.pdf", b"%PDF-1.7\n%%EOF\n")
    )
    assert Lesson.objects.get(pk=lesson.pk).media_file.name.endswith(".mp3")
    assert LessonResource.objects.count() == 1
