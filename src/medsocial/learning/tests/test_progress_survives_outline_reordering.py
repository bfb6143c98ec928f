"""A learner's progress and "resume" follow a lesson that an instructor moves into another
module: both are keyed by the lesson, never by its module or position."""

import pytest
from django.urls import reverse

from medsocial.learning import selectors, services
from medsocial.learning.models import Certificate, Enrollment
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(instructor):
    return make_course(title="Privacy Online", instructors=[instructor], modules=2, lessons=2)


def test_done_and_resume_follow_a_lesson_into_another_module(client, instructor, learner, course):
    enrollment = services.enroll(user=learner, course=course)
    moved = course.lessons.get(title="Lesson 1.2")
    services.complete_lesson(enrollment=enrollment, lesson=moved)
    second = course.modules.get(title="Module 2")

    services.reorder(
        by=instructor,
        course=course,
        module_id=second.pk,
        lesson_ids=[moved.pk, *second.lessons.order_by("position").values_list("pk", flat=True)],
    )

    enrollment.refresh_from_db()
    assert selectors.done_lesson_ids(enrollment) == {moved.pk}
    assert enrollment.lessons_done == 1 and enrollment.last_lesson_id == moved.pk
    client.force_login(learner)
    page = client.get(course.get_absolute_url()).content.decode()
    assert f"Resume: {moved.title}" in page
    assert client.get(reverse("learning:lesson", args=[course.slug, moved.slug])).status_code == 200


def test_the_next_lesson_follows_the_new_order_and_the_course_still_completes(
    client, instructor, learner, course
):
    enrollment = services.enroll(user=learner, course=course)
    moved = course.lessons.get(title="Lesson 1.2")
    second = course.modules.get(title="Module 2")
    services.reorder(
        by=instructor,
        course=course,
        module_id=second.pk,
        lesson_ids=[*second.lessons.order_by("position").values_list("pk", flat=True), moved.pk],
    )
    client.force_login(learner)

    reading_order = [lesson.title for lesson in selectors.ordered_lessons(course)]
    assert reading_order == ["Lesson 1.1", "Lesson 2.1", "Lesson 2.2", "Lesson 1.2"]
    response = client.post(reverse("learning:lesson-complete", args=[course.slug, "lesson-1-1"]))
    assert response.url == reverse("learning:lesson", args=[course.slug, "lesson-2-1"])
    for slug in ("lesson-2-1", "lesson-2-2", moved.slug):
        client.post(reverse("learning:lesson-complete", args=[course.slug, slug]))

    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None and enrollment.lessons_done == 4
    assert Certificate.objects.filter(user=learner, course=course).exists()
    assert Enrollment.objects.get(pk=enrollment.pk).last_lesson_id == moved.pk
