import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from medsocial.core.markdown import render_markdown
from medsocial.learning import services
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import Course, Lesson, LessonResource, Module, Question
from medsocial.learning.services import authoring
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db


def test_learner_cannot_see_draft_course(client, learner, instructor):
    draft = make_course(status=Course.Status.DRAFT, instructors=[instructor], title="Secret draft")
    client.force_login(learner)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Secret draft" not in client.get(reverse("learning:catalog")).content.decode()
    assert client.get(reverse("learning:lesson", args=[draft.slug, "lesson-1-1"])).status_code == 404


def test_instructor_previews_own_draft_including_lessons(client, instructor):
    draft = make_course(status=Course.Status.DRAFT, instructors=[instructor])
    client.force_login(instructor)
    assert client.get(draft.get_absolute_url()).status_code == 200
    page = client.get(reverse("learning:lesson", args=[draft.slug, "lesson-1-1"]))
    assert page.status_code == 200 and "Preview as a learner" in page.content.decode()


def test_learner_cannot_open_authoring_pages(client, learner, course):
    client.force_login(learner)
    assert client.get(reverse("learning:teach")).status_code == 403
    assert client.get(reverse("learning:teach-course", args=[course.slug])).status_code == 403
    response = client.post(reverse("learning:teach-publish", args=[course.slug]), {"action": "unpublish"})
    assert response.status_code == 403
    course.refresh_from_db()
    assert course.is_published


def test_instructor_edits_only_courses_they_teach(client, other_instructor, course):
    client.force_login(other_instructor)
    assert client.get(reverse("learning:teach-course", args=[course.slug])).status_code == 404
    assert (
        client.post(reverse("learning:teach-course", args=[course.slug]), {"title": "Hijacked"}).status_code
        == 404
    )
    assert client.get(reverse("learning:teach-report", args=[course.slug])).status_code == 404
    with pytest.raises(LearningNotAllowed):
        services.update_course(by=other_instructor, course=course, title="Hijacked")
    course.refresh_from_db()
    assert course.title == "Privacy Online"


def test_instructor_authors_a_course_from_scratch_and_publishes(client, instructor):
    client.force_login(instructor)
    response = client.post(
        reverse("learning:teach-new"),
        {
            "title": "Podcasting for Pharmacists",
            "summary": "Start a show.",
            "description": "",
            "topic": "platforms",
            "level": "introductory",
            "audience": ["pharmacist"],
            "estimated_hours": "1",
            "ce_hours": "1",
        },
    )
    course = Course.objects.get(title="Podcasting for Pharmacists")
    assert response.url == reverse("learning:teach-course", args=[course.slug])
    assert course.status == Course.Status.DRAFT and course.audience == "pharmacist"
    client.post(reverse("learning:teach-publish", args=[course.slug]))
    course.refresh_from_db()
    assert course.status == Course.Status.DRAFT  # no lesson yet: refused
    client.post(reverse("learning:teach-module-add", args=[course.slug]), {"title": "Getting started"})
    module = course.modules.get()
    client.post(
        reverse("learning:teach-lesson-new", args=[course.slug]),
        {
            "module": module.pk,
            "title": "Choosing a format",
            "body": "## Formats\nInterview or solo.",
            "estimated_minutes": 8,
        },
    )
    lesson = course.lessons.get()
    assert lesson.slug == "choosing-a-format"
    client.post(reverse("learning:teach-quiz-new", args=[course.slug]), {"title": "Check", "pass_mark": 80})
    quiz = course.quizzes.get()
    response = client.post(
        reverse("learning:teach-question-new", args=[course.slug, quiz.pk]),
        {
            "kind": "single",
            "prompt": "Best first step?",
            "choices": "*Pick an audience\nBuy a microphone",
            "points": 1,
            "feedback_correct": "Yes",
            "feedback_incorrect": "Audience first",
        },
    )
    assert response.status_code == 302
    question = quiz.questions.get()
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("Pick an audience", True),
        ("Buy a microphone", False),
    ]
    client.post(reverse("learning:teach-publish", args=[course.slug]))
    course.refresh_from_db()
    assert course.is_published
    assert course in services_search("format")


def services_search(word):
    from medsocial.learning.selectors import search_courses

    return list(search_courses(word))


def test_question_validation_reports_a_clear_error(instructor, course):
    quiz = course.quizzes.get()
    with pytest.raises(LearningError, match="exactly one correct"):
        services.add_question(
            by=instructor, quiz=quiz, kind="single", prompt="?", choices=[("a", True), ("b", True)]
        )
    with pytest.raises(LearningError, match="post"):
        services.add_question(by=instructor, quiz=quiz, kind="patient_details", prompt="?", post_text=" ")
    assert quiz.questions.count() == 2


def test_editing_a_question_gets_the_same_checks_as_adding_one(instructor, course):
    question = course.quizzes.get().questions.first()
    before = (question.prompt, list(question.choices.values_list("text", "is_correct")))
    with pytest.raises(LearningError, match="Write the question"):
        services.update_question(
            by=instructor, question=question, kind="single", prompt="  ", choices=[("a", True)]
        )
    with pytest.raises(LearningError, match="exactly one correct"):
        services.update_question(
            by=instructor, question=question, kind="single", prompt="New?", choices=[("a", True), ("b", True)]
        )
    question.refresh_from_db()
    assert (question.prompt, list(question.choices.values_list("text", "is_correct"))) == before


def test_reorder_modules_with_htmx_returns_outline(client, instructor, course):
    second = Module.objects.create(course=course, title="Second module", position=1)
    client.force_login(instructor)
    response = client.post(
        reverse("learning:teach-move", args=[course.slug, "module", second.pk]),
        {"direction": "up"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and 'class="outline"' in response.content.decode()
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Second module",
        "Module 1",
    ]


def test_reorder_lessons_without_js_redirects(client, instructor, course):
    first, second = course.lessons.order_by("position")
    client.force_login(instructor)
    response = client.post(
        reverse("learning:teach-move", args=[course.slug, "lesson", first.pk]), {"direction": "down"}
    )
    assert response.status_code == 302
    assert list(Lesson.objects.filter(course=course).order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]


def test_moving_another_courses_lesson_is_404(client, instructor, course):
    other = make_course()
    client.force_login(instructor)
    lesson = other.lessons.first()
    response = client.post(
        reverse("learning:teach-move", args=[course.slug, "lesson", lesson.pk]), {"direction": "up"}
    )
    assert response.status_code == 404


def test_oversized_upload_is_refused_and_stores_nothing(
    client, instructor, course, monkeypatch, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(authoring, "MAX_RESOURCE_BYTES", 1024)
    lesson = course.lessons.first()
    client.force_login(instructor)
    upload = SimpleUploadedFile("handout.pdf", b"%PDF-1.4" + b"x" * 2048, content_type="application/pdf")
    response = client.post(
        reverse("learning:teach-resource-add", args=[course.slug, lesson.pk]),
        {"title": "Handout", "file": upload},
    )
    assert response.status_code == 400 and "too large" in response.content.decode()
    assert not LessonResource.objects.exists()
    small = SimpleUploadedFile("handout.pdf", b"%PDF-1.4 small", content_type="application/pdf")
    client.post(
        reverse("learning:teach-resource-add", args=[course.slug, lesson.pk]),
        {"title": "Handout", "file": small},
    )
    assert LessonResource.objects.get().size == len(b"%PDF-1.4 small")


def test_upload_of_wrong_type_is_refused(instructor, course):
    upload = SimpleUploadedFile("script.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(LearningError, match="file types"):
        services.add_resource(by=instructor, lesson=course.lessons.first(), title="x", file=upload)


def test_markdown_is_rendered_without_scripts():
    html = render_markdown(
        "# Title\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) **bold** "
        "[ok](https://example.org) <img src=x onerror=alert(1)>"
    )
    assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
    assert "&lt;script&gt;" in html  # shown as text, not run
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in html
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html


def test_course_report_shows_completion_and_dropoff(client, instructor, learner, course):
    enrollment = services.enroll(user=learner, course=course)
    services.complete_lesson(enrollment=enrollment, lesson=course.lessons.order_by("position").first())
    client.force_login(instructor)
    page = client.get(reverse("learning:teach-report", args=[course.slug])).content.decode()
    assert "1</h2><p>enrollments" in page.replace("\n", "").replace("  ", "")
    assert "Lesson 1.1" in page and "(100%)" in page and "(0%)" in page


def test_question_kinds_listed():
    assert set(Question.Kind.values) == {"single", "multiple", "true_false", "patient_details"}
