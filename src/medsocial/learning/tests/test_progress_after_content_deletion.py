"""Deleting a lesson or a module an enrolled learner already finished keeps their count of
finished lessons, and so their progress bar, true."""

import pytest

from medsocial.learning import selectors, services
from medsocial.learning.models import Enrollment
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(instructor):
    return make_course(title="Privacy Online", instructors=[instructor], modules=2, lessons=2)


@pytest.fixture
def enrollment(course, learner):
    enrollment = services.enroll(user=learner, course=course)
    for title in ("Lesson 1.1", "Lesson 1.2", "Lesson 2.1"):
        services.complete_lesson(enrollment=enrollment, lesson=course.lessons.get(title=title))
    return enrollment


def test_deleting_a_finished_lesson_lowers_the_count(instructor, course, enrollment, learner):
    services.delete_lesson(by=instructor, lesson=course.lessons.get(title="Lesson 1.1"))
    enrollment.refresh_from_db()
    assert enrollment.lessons_done == 2
    assert selectors.done_lesson_ids(enrollment) == set(
        course.lessons.filter(title__in=["Lesson 1.2", "Lesson 2.1"]).values_list("pk", flat=True)
    )


def test_deleting_a_module_lowers_the_count_by_its_finished_lessons(instructor, course, enrollment):
    services.delete_module(by=instructor, module=course.modules.get(title="Module 1"))
    enrollment.refresh_from_db()
    assert enrollment.lessons_done == 1


def test_other_learners_counts_are_untouched(instructor, course, enrollment, make_user):
    other = services.enroll(user=make_user(email="other@example.org"), course=course)
    services.complete_lesson(enrollment=other, lesson=course.lessons.get(title="Lesson 2.2"))
    services.delete_lesson(by=instructor, lesson=course.lessons.get(title="Lesson 1.1"))
    assert Enrollment.objects.get(pk=other.pk).lessons_done == 1
