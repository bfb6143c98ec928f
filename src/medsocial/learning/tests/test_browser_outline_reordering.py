"""An instructor reorders the course outline by dragging in Chromium; the order is stored."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.learning.models import Course, Lesson
from medsocial.learning.tests.factories import make_course
from medsocial.testing.plugin import save_screenshot, sign_in_through_page

pytestmark = pytest.mark.browser


@pytest.fixture
def course(make_user):
    teacher = make_user(email="rae@hub.example", full_name="Rae Okafor", roles=[Role.INSTRUCTOR])
    return make_course(
        title="Privacy Online", status=Course.Status.DRAFT, instructors=[teacher], modules=2, lessons=3
    )


def lesson_titles(page) -> list[list[str]]:
    """The lessons of each module, as the outline on the page shows them."""
    return [
        module.locator("[data-outline-lesson] > a").all_inner_texts()
        for module in page.locator("[data-outline-module]").all()
    ]


def open_outline(page, course):
    sign_in_through_page(page, "rae@hub.example", DEFAULT_PASSWORD)
    page.goto(f"/learn/teach/{course.slug}/")
    page.wait_for_load_state("networkidle")


def lesson_row(page, title):
    return page.locator("[data-outline-lesson]", has=page.get_by_role("link", name=title, exact=True))


def test_instructor_drags_a_lesson_above_another(page, course):
    open_outline(page, course)
    with page.expect_response(lambda response: "/outline/order/" in response.url) as saved:
        # Dropped on the top edge of the target row: "above", not "below".
        lesson_row(page, "Lesson 1.3").drag_to(
            lesson_row(page, "Lesson 1.1"), target_position={"x": 40, "y": 3}
        )
    assert saved.value.status == 200
    page.get_by_text("New order saved.").wait_for()
    save_screenshot(page, "learning-outline")

    page.reload()
    assert lesson_titles(page) == [
        ["Lesson 1.3", "Lesson 1.1", "Lesson 1.2"],
        ["Lesson 2.1", "Lesson 2.2", "Lesson 2.3"],
    ]
    assert [lesson.title for lesson in course.modules.get(title="Module 1").lessons.order_by("position")] == [
        "Lesson 1.3",
        "Lesson 1.1",
        "Lesson 1.2",
    ]
    assert page.console_errors == []


def test_instructor_drags_a_lesson_into_another_module_then_uses_the_arrows(page, course):
    open_outline(page, course)
    with page.expect_response(lambda response: "/outline/order/" in response.url):
        lesson_row(page, "Lesson 2.1").drag_to(
            lesson_row(page, "Lesson 1.1"), target_position={"x": 40, "y": 3}
        )
    page.get_by_text("New order saved.").wait_for()
    assert lesson_titles(page) == [
        ["Lesson 2.1", "Lesson 1.1", "Lesson 1.2", "Lesson 1.3"],
        ["Lesson 2.2", "Lesson 2.3"],
    ]

    # The swapped-in outline keeps its arrow buttons working.
    with page.expect_response(lambda response: "/move/lesson/" in response.url):
        page.get_by_role("button", name="Move Lesson 2.1 down").click()
    page.wait_for_load_state("networkidle")
    page.reload()
    assert lesson_titles(page) == [
        ["Lesson 1.1", "Lesson 2.1", "Lesson 1.2", "Lesson 1.3"],
        ["Lesson 2.2", "Lesson 2.3"],
    ]
    assert page.console_errors == []


def test_a_refused_order_shows_the_servers_message_and_order(page, course):
    open_outline(page, course)
    # Meanwhile a co-instructor adds a lesson, so the order this page sends leaves it out.
    Lesson.objects.create(
        course=course,
        module=course.modules.get(title="Module 1"),
        title="Lesson 1.4",
        slug="lesson-1-4",
        position=3,
    )
    with page.expect_response(lambda response: "/outline/order/" in response.url) as refused:
        lesson_row(page, "Lesson 1.3").drag_to(
            lesson_row(page, "Lesson 1.1"), target_position={"x": 40, "y": 3}
        )
    assert refused.value.status == 400
    page.get_by_role("alert").get_by_text("The new order leaves out a lesson of this module.").wait_for()
    assert lesson_titles(page) == [
        ["Lesson 1.1", "Lesson 1.2", "Lesson 1.3", "Lesson 1.4"],
        ["Lesson 2.1", "Lesson 2.2", "Lesson 2.3"],
    ]
    assert page.console_errors == []


def test_after_the_session_ended_a_drop_is_undone_and_explained(page, course):
    open_outline(page, course)
    page.context.clear_cookies(name="sessionid")  # signed out; the page keeps its CSRF token
    with page.expect_response(lambda response: "/accounts/sign-in/" in response.url):
        lesson_row(page, "Lesson 1.3").drag_to(
            lesson_row(page, "Lesson 1.1"), target_position={"x": 40, "y": 3}
        )
    page.get_by_role("alert").get_by_text("The new order could not be saved.").wait_for()
    assert lesson_titles(page)[0] == ["Lesson 1.1", "Lesson 1.2", "Lesson 1.3"]
    assert [lesson.title for lesson in course.modules.get(title="Module 1").lessons.order_by("position")] == [
        "Lesson 1.1",
        "Lesson 1.2",
        "Lesson 1.3",
    ]
    assert page.console_errors == []
