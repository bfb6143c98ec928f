"""Pages run the same number of queries whatever the number of items they list."""

import pytest
from django.urls import reverse

from medsocial.learning import services
from medsocial.learning.models import Lesson, LessonResource, Module
from medsocial.learning.tests.factories import make_course, make_quiz
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def _course_with_lessons(n, instructor):
    course = make_course(instructors=[instructor], lessons=0, modules=0)
    modules = [Module.objects.create(course=course, title=f"M{i}", position=i) for i in range(max(1, n // 5))]
    for i in range(n):
        lesson = Lesson.objects.create(
            course=course,
            module=modules[i % len(modules)],
            title=f"L{i}",
            slug=f"l{i}",
            position=i,
            body="Text",
        )
        LessonResource.objects.create(
            lesson=lesson, title="Handout", file="learning/resources/h.pdf", size=10
        )
    make_quiz(course, module=modules[0])
    return course


@pytest.mark.parametrize("signed_in", [False, True])
def test_catalog_constant(client, learner, signed_in, django_assert_num_queries):
    if signed_in:
        client.force_login(learner)
    courses = [make_course(lessons=1) for _ in range(5)]
    services.enroll(user=learner, course=courses[0])
    expected = page_queries(client, reverse("learning:catalog"))
    for _ in range(45):
        make_course(lessons=2)
    with django_assert_num_queries(expected):
        client.get(reverse("learning:catalog"))


def test_course_page_constant(client, learner, instructor, django_assert_num_queries):
    client.force_login(learner)
    small = _course_with_lessons(5, instructor)
    services.enroll(user=learner, course=small)
    expected = page_queries(client, small.get_absolute_url())
    large = _course_with_lessons(50, instructor)
    services.enroll(user=learner, course=large)
    with django_assert_num_queries(expected):
        assert client.get(large.get_absolute_url()).status_code == 200


def test_lesson_page_constant(client, learner, instructor, django_assert_num_queries):
    client.force_login(learner)
    small = _course_with_lessons(5, instructor)
    large = _course_with_lessons(50, instructor)
    for course in (small, large):
        enrollment = services.enroll(user=learner, course=course)
        for lesson in course.lessons.all()[:3]:
            services.complete_lesson(enrollment=enrollment, lesson=lesson)
    url = reverse("learning:lesson", args=[small.slug, "l2"])
    client.get(url)  # the first visit records the position; compare steady-state visits
    expected = page_queries(client, url)
    url = reverse("learning:lesson", args=[large.slug, "l2"])
    client.get(url)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_dashboard_constant(client, learner, django_assert_num_queries):
    from medsocial.learning.tests.test_certificates_and_badges import complete

    client.force_login(learner)

    def add(n):
        for _ in range(n):
            course = make_course(lessons=1)
            complete(learner, course)
            services.enroll(user=learner, course=make_course(lessons=2))

    add(5)
    expected = page_queries(client, reverse("learning:dashboard"))
    add(45)
    with django_assert_num_queries(expected):
        client.get(reverse("learning:dashboard"))


def test_transcript_and_org_progress_constant(client, learner, django_assert_num_queries):
    import datetime

    client.force_login(learner)

    def add(start, n):
        for i in range(start, start + n):
            services.award_ce_credit(
                user=learner,
                source="event",
                source_key=f"event:{i}",
                title=f"Event {i}",
                hours="1.00",
                earned_on=datetime.date(2026, 1, 1),
            )

    add(0, 5)
    expected = page_queries(client, reverse("learning:transcript"))
    add(5, 45)
    with django_assert_num_queries(expected):
        client.get(reverse("learning:transcript"))
