"""Instructors put modules and lessons in a new order by drag and drop: the page sends the whole
order of one parent, the service takes it whole or refuses it whole."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from medsocial.learning import services
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import Course, Lesson, Module
from medsocial.learning.tests.factories import make_course
from medsocial.testing.plugin import run_concurrently

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(instructor):
    """Two modules of three lessons each."""
    return make_course(
        title="Privacy Online", status=Course.Status.DRAFT, instructors=[instructor], modules=2, lessons=3
    )


@pytest.fixture
def other_course(other_instructor):
    return make_course(title="Crisis Playbook", instructors=[other_instructor], modules=1, lessons=1)


def outline(course) -> list[tuple[str, list[str]]]:
    """The stored order: each module's title with its lessons' titles."""
    return [
        (module.title, [lesson.title for lesson in module.lessons.order_by("position", "id")])
        for module in course.modules.order_by("position", "id")
    ]


def ids(queryset) -> list[int]:
    return list(queryset.order_by("position", "id").values_list("pk", flat=True))


def module(course, title) -> Module:
    return course.modules.get(title=title)


def lesson(course, title) -> Lesson:
    return course.lessons.get(title=title)


STARTING_OUTLINE = [
    ("Module 1", ["Lesson 1.1", "Lesson 1.2", "Lesson 1.3"]),
    ("Module 2", ["Lesson 2.1", "Lesson 2.2", "Lesson 2.3"]),
]


# --- The service ------------------------------------------------------------------------------


def test_modules_take_the_full_new_order(instructor, course):
    services.reorder(by=instructor, course=course, module_ids=ids(course.modules.all())[::-1])
    assert [title for title, _ in outline(course)] == ["Module 2", "Module 1"]
    assert list(course.modules.order_by("position").values_list("position", flat=True)) == [0, 1]


def test_lessons_take_the_full_new_order_within_their_module(instructor, course):
    first = module(course, "Module 1")
    services.reorder(
        by=instructor,
        course=course,
        module_id=first.pk,
        lesson_ids=[lesson(course, t).pk for t in ("Lesson 1.3", "Lesson 1.1", "Lesson 1.2")],
    )
    assert outline(course) == [("Module 1", ["Lesson 1.3", "Lesson 1.1", "Lesson 1.2"]), STARTING_OUTLINE[1]]


def test_lesson_moves_into_another_module_and_the_module_it_left_closes_the_gap(instructor, course):
    second = module(course, "Module 2")
    moved = lesson(course, "Lesson 1.1")
    services.reorder(
        by=instructor,
        course=course,
        module_id=second.pk,
        lesson_ids=[lesson(course, "Lesson 2.1").pk, moved.pk, *ids(second.lessons.all())[1:]],
    )
    assert outline(course) == [
        ("Module 1", ["Lesson 1.2", "Lesson 1.3"]),
        ("Module 2", ["Lesson 2.1", "Lesson 1.1", "Lesson 2.2", "Lesson 2.3"]),
    ]
    assert list(
        module(course, "Module 1").lessons.order_by("position").values_list("position", flat=True)
    ) == [0, 1]
    moved.refresh_from_db()
    assert moved.module_id == second.pk and moved.course_id == course.pk


def test_an_unchanged_order_writes_nothing(instructor, course):
    first = module(course, "Module 1")
    with CaptureQueriesContext(connection) as queries:
        services.reorder(
            by=instructor, course=course, module_id=first.pk, lesson_ids=ids(first.lessons.all())
        )
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert outline(course) == STARTING_OUTLINE


def _bad_orders(course, other_course):
    """Each refused order, as service arguments, with the message it is refused with."""
    first, second = module(course, "Module 1"), module(course, "Module 2")
    lessons_of_first = ids(first.lessons.all())
    foreign_module = other_course.modules.get()
    foreign_lesson = other_course.lessons.get()
    return {
        "a module of another course": (
            {"module_ids": [first.pk, second.pk, foreign_module.pk]},
            "The new order lists a module that is not part of this course.",
        ),
        "a lesson of another course": (
            {"module_id": first.pk, "lesson_ids": [*lessons_of_first, foreign_lesson.pk]},
            "The new order lists a lesson that is not part of this course.",
        ),
        "a partial module list": (
            {"module_ids": [second.pk]},
            "The new order leaves out a module of this course. Reload the page and try again.",
        ),
        "a duplicated module list": (
            {"module_ids": [second.pk, first.pk, second.pk]},
            "Each module can appear only once in the new order.",
        ),
        "a partial lesson list": (
            {"module_id": first.pk, "lesson_ids": lessons_of_first[:2]},
            "The new order leaves out a lesson of this module. Reload the page and try again.",
        ),
        "a duplicated lesson list": (
            {"module_id": first.pk, "lesson_ids": [*lessons_of_first, lessons_of_first[0]]},
            "Each lesson can appear only once in the new order.",
        ),
        "a lesson moved into a module of another course": (
            {
                "module_id": foreign_module.pk,
                "lesson_ids": [*ids(foreign_module.lessons.all()), lessons_of_first[0]],
            },
            "Lessons can only move into a module of their own course.",
        ),
        "lessons without their module": (
            {"lesson_ids": lessons_of_first},
            "Choose a module of this course for the lessons.",
        ),
        "no order at all": ({}, "Send the new order of the modules, or of the lessons of one module."),
    }


BAD_ORDERS = [
    "a module of another course",
    "a lesson of another course",
    "a partial module list",
    "a duplicated module list",
    "a partial lesson list",
    "a duplicated lesson list",
    "a lesson moved into a module of another course",
    "lessons without their module",
    "no order at all",
]


@pytest.mark.parametrize("case", BAD_ORDERS)
def test_a_bad_order_is_refused_with_its_message_and_changes_nothing(instructor, course, other_course, case):
    order, message = _bad_orders(course, other_course)[case]
    with pytest.raises(LearningError) as refused:
        services.reorder(by=instructor, course=course, **order)
    assert refused.value.message == message
    assert outline(course) == STARTING_OUTLINE
    assert outline(other_course) == [("Module 1", ["Lesson 1.1"])]


@pytest.mark.django_db(transaction=True)
def test_of_two_drops_from_the_same_stale_outline_one_is_saved_and_the_other_refused(instructor, course):
    """Both pages add a different lesson to Module 2 as they last saw it; the row locks queue the
    second behind the first, which then finds its list leaves out the lesson the first moved in."""
    second = module(course, "Module 2")
    seen = ids(second.lessons.all())
    drops = [lesson(course, "Lesson 1.1").pk, lesson(course, "Lesson 1.2").pk]

    results = run_concurrently(
        lambda pk: services.reorder(
            by=instructor, course=course, module_id=second.pk, lesson_ids=[pk, *seen]
        ),
        drops,
    )

    refused = [r for r in results if isinstance(r, LearningError)]
    assert len(refused) == 1 and results.count(None) == 1
    assert "leaves out a lesson of this module" in refused[0].message
    assert list(second.lessons.order_by("position").values_list("position", flat=True)) == [0, 1, 2, 3]
    assert module(course, "Module 1").lessons.count() == 2


@pytest.mark.parametrize("who", ["other_instructor", "learner", "anonymous"])
def test_only_the_courses_instructors_may_reorder_it(request, course, who):
    person = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    with pytest.raises(LearningNotAllowed, match="Only the course's instructors can change it."):
        services.reorder(by=person, course=course, module_ids=ids(course.modules.all())[::-1])
    assert outline(course) == STARTING_OUTLINE


def test_a_site_admin_may_reorder_any_course(make_user, course):
    admin = make_user(email="admin@hub.example", is_superuser=True)
    services.reorder(by=admin, course=course, module_ids=ids(course.modules.all())[::-1])
    assert [title for title, _ in outline(course)] == ["Module 2", "Module 1"]


# --- The page ---------------------------------------------------------------------------------


def order_url(course) -> str:
    return reverse("learning:teach-outline-order", args=[course.slug])


def test_the_outline_page_loads_its_drag_and_drop_script_from_a_file(client, instructor, course):
    client.force_login(instructor)
    page = client.get(reverse("learning:teach-course", args=[course.slug])).content.decode()
    assert '<script src="/static/learning/outline.js" defer></script>' in page
    assert "<script>" not in page  # the CSP allows no inline script
    assert f'data-order-url="{order_url(course)}"' in page
    assert page.count('draggable="true"') == 2 + 6
    assert 'aria-label="Move Lesson 1.1 up"' in page  # the arrow buttons stay


def test_dropping_modules_saves_and_answers_with_the_stored_outline(client, instructor, course):
    client.force_login(instructor)
    response = client.post(
        order_url(course), {"module_ids": ids(course.modules.all())[::-1]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "New order saved." in fragment
    assert fragment.index("Module 2") < fragment.index("Module 1")
    assert [title for title, _ in outline(course)] == ["Module 2", "Module 1"]


def test_dropping_a_lesson_into_another_module_saves_it_there(client, instructor, course):
    second = module(course, "Module 2")
    client.force_login(instructor)
    response = client.post(
        order_url(course),
        {
            "module_id": second.pk,
            "lesson_ids": [lesson(course, "Lesson 1.2").pk, *ids(second.lessons.all())],
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert outline(course) == [
        ("Module 1", ["Lesson 1.1", "Lesson 1.3"]),
        ("Module 2", ["Lesson 1.2", "Lesson 2.1", "Lesson 2.2", "Lesson 2.3"]),
    ]
    fragment = response.content.decode()
    assert fragment.index("Lesson 1.2") > fragment.index("Module 2")


@pytest.mark.parametrize("case", BAD_ORDERS)
def test_a_bad_order_answers_400_with_the_message_and_the_stored_outline(
    client, instructor, course, other_course, case
):
    order, message = _bad_orders(course, other_course)[case]
    client.force_login(instructor)
    response = client.post(order_url(course), order, headers={"HX-Request": "true"})
    assert response.status_code == 400
    fragment = response.content.decode()
    assert message in fragment and 'role="alert"' in fragment
    assert fragment.index("Lesson 1.1") < fragment.index("Lesson 1.2") < fragment.index("Module 2")
    assert outline(course) == STARTING_OUTLINE


def test_an_order_that_is_not_ids_is_refused(client, instructor, course):
    client.force_login(instructor)
    response = client.post(
        order_url(course), {"module_ids": ["first", "second"]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert "The new order can only name modules and lessons by their number." in response.content.decode()
    assert outline(course) == STARTING_OUTLINE


def test_without_htmx_the_order_is_saved_and_the_page_reloads(client, instructor, course):
    client.force_login(instructor)
    response = client.post(order_url(course), {"module_ids": ids(course.modules.all())[::-1]}, follow=True)
    assert response.redirect_chain == [(reverse("learning:teach-course", args=[course.slug]), 302)]
    assert "New order saved." in response.content.decode()
    assert [title for title, _ in outline(course)] == ["Module 2", "Module 1"]


def test_without_htmx_a_refusal_is_shown_on_the_page(client, instructor, course):
    client.force_login(instructor)
    response = client.post(order_url(course), {"module_ids": ids(course.modules.all())[:1]}, follow=True)
    assert "The new order leaves out a module of this course." in response.content.decode()
    assert outline(course) == STARTING_OUTLINE


def test_another_instructor_gets_404(client, other_instructor, course):
    client.force_login(other_instructor)
    response = client.post(
        order_url(course), {"module_ids": ids(course.modules.all())[::-1]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 404
    assert outline(course) == STARTING_OUTLINE


def test_a_learner_gets_403(client, learner, course):
    client.force_login(learner)
    response = client.post(
        order_url(course), {"module_ids": ids(course.modules.all())[::-1]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 403
    assert outline(course) == STARTING_OUTLINE


def test_an_anonymous_visitor_is_sent_to_sign_in(client, course):
    response = client.post(
        order_url(course), {"module_ids": ids(course.modules.all())[::-1]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign-in"))
    assert outline(course) == STARTING_OUTLINE


def test_the_order_is_only_taken_by_post(client, instructor, course):
    client.force_login(instructor)
    assert client.get(order_url(course)).status_code == 405
