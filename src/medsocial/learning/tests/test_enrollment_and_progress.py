import pytest
from django.urls import reverse

from medsocial.learning import services
from medsocial.learning.errors import LearningConflict, LearningError
from medsocial.learning.models import CECredit, Certificate, Course, Enrollment, Lesson, LessonProgress
from medsocial.learning.tests.factories import answers_for, make_course

pytestmark = pytest.mark.django_db


def test_enroll_twice_is_refused_and_keeps_one_enrollment(learner, course):
    services.enroll(user=learner, course=course)
    with pytest.raises(LearningConflict):
        services.enroll(user=learner, course=course)
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_enroll_page_twice_shows_message_not_error(client, learner, course):
    client.force_login(learner)
    client.post(reverse("learning:enroll", args=[course.slug]))
    response = client.post(reverse("learning:enroll", args=[course.slug]), follow=True)
    assert "already enrolled" in response.content.decode()
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_draft_course_cannot_be_enrolled(learner, instructor):
    draft = make_course(status=Course.Status.DRAFT, instructors=[instructor])
    with pytest.raises(LearningError):
        services.enroll(user=learner, course=draft)


def test_lesson_of_another_course_is_refused_and_changes_nothing(learner, course):
    other = make_course()
    enrollment = services.enroll(user=learner, course=course)
    with pytest.raises(LearningError, match="another course"):
        services.complete_lesson(enrollment=enrollment, lesson=other.lessons.first())
    assert not LessonProgress.objects.exists()


def test_lesson_url_with_another_courses_lesson_is_404(client, learner, course):
    other = make_course()
    services.enroll(user=learner, course=course)
    client.force_login(learner)
    url = reverse("learning:lesson", args=[course.slug, "missing"])
    assert client.get(url).status_code == 404
    lesson = other.lessons.first()
    Lesson.objects.filter(pk=lesson.pk).update(slug="only-in-other")
    response = client.post(reverse("learning:lesson-complete", args=[course.slug, "only-in-other"]))
    assert response.status_code == 404
    assert not LessonProgress.objects.exists()


def test_resume_where_left_off(client, learner, course):
    services.enroll(user=learner, course=course)
    client.force_login(learner)
    second = course.lessons.order_by("position").last()
    client.get(reverse("learning:lesson", args=[course.slug, second.slug]))
    page = client.get(course.get_absolute_url()).content.decode()
    assert f"Resume: {second.title}" in page


def test_completing_every_lesson_and_passing_quiz_completes_course_with_certificate_and_credit(
    learner, course
):
    enrollment = services.enroll(user=learner, course=course)
    for lesson in course.lessons.all():
        assert services.complete_lesson(enrollment=enrollment, lesson=lesson) is False  # quiz still open
    quiz = course.quizzes.get()
    attempt = services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers_for(quiz))
    assert attempt.passed
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    certificate = Certificate.objects.get(user=learner, course=course)
    assert certificate.recipient_name == "Dana Cruz"
    credit = CECredit.objects.get(user=learner)
    assert credit.source_key == f"course:{course.pk}" and credit.hours == course.ce_hours


def test_lesson_flow_through_pages_moves_to_next_lesson(client, learner, course):
    services.enroll(user=learner, course=course)
    client.force_login(learner)
    first, second = course.lessons.order_by("position")
    response = client.post(reverse("learning:lesson-complete", args=[course.slug, first.slug]))
    assert response.url == reverse("learning:lesson", args=[course.slug, second.slug])
    response = client.post(reverse("learning:lesson-complete", args=[course.slug, second.slug]))
    assert response.url == course.quizzes.get().get_absolute_url()  # then the final quiz
    assert Enrollment.objects.get(user=learner).lessons_done == 2


def test_unenroll_drops_progress(client, learner, course):
    enrollment = services.enroll(user=learner, course=course)
    services.complete_lesson(enrollment=enrollment, lesson=course.lessons.first())
    client.force_login(learner)
    client.post(reverse("learning:unenroll", args=[course.slug]))
    assert not Enrollment.objects.exists() and not LessonProgress.objects.exists()


def test_dashboard_lists_progress_and_ce_hours(client, learner, course):
    enrollment = services.enroll(user=learner, course=course)
    services.complete_lesson(enrollment=enrollment, lesson=course.lessons.first())
    services.award_ce_credit(
        user=learner,
        source="event",
        source_key="event:9",
        title="Summit 2026",
        hours="3.00",
        earned_on=enrollment.enrolled_at.date(),
    )
    client.force_login(learner)
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert "Privacy Online" in page and "50%" in page
    assert "3 CE hours earned" in page


def test_catalog_filters_and_htmx_partial(client):
    make_course(
        title="TikTok Basics", topic="platforms", level="introductory", audience="nurse", ce_hours="0"
    )
    make_course(
        title="Crisis Playbook", topic="crisis", level="advanced", audience="communications", ce_hours="2"
    )
    make_course(title="For Everyone", topic="foundations", audience="", ce_hours="1")

    def titles(**params):
        response = client.get(reverse("learning:catalog"), params, HTTP_HX_REQUEST="true")
        html = response.content.decode()
        assert "<html" not in html  # htmx receives only the results fragment
        return sorted(t for t in ("TikTok Basics", "Crisis Playbook", "For Everyone") if t in html)

    assert titles(topic="crisis") == ["Crisis Playbook"]
    assert titles(level="advanced") == ["Crisis Playbook"]
    assert titles(profession="nurse") == ["For Everyone", "TikTok Basics"]
    assert titles(ce="on") == ["Crisis Playbook", "For Everyone"]
    assert titles(q="playbook crisis") == ["Crisis Playbook"]
    assert titles(q="nothing-matches-this") == []
