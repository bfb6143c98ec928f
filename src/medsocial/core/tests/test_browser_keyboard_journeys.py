"""Journeys done with the keyboard only (Tab, arrows, Space, Enter; no mouse): enrolling in a
course, taking its quiz, registering for an event. Each press of Tab moves the focus; a journey
fails if a control cannot be reached, or is reached only after too many presses."""

import pytest

from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event
from medsocial.learning.models import Enrollment, QuizAttempt
from medsocial.learning.tests.factories import make_course, make_quiz
from medsocial.testing.plugin import sign_in_with_session

pytestmark = pytest.mark.browser

MOST_TABS = 60


def tab_to(page, target) -> int:
    """Press Tab until `target` has the focus; returns how many presses it took."""
    handle = target.element_handle()
    for presses in range(1, MOST_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => element === document.activeElement", handle):
            return presses
    raise AssertionError(f"{target} never received the focus in {MOST_TABS} presses of Tab")


def focused_label(page) -> str:
    return page.evaluate("() => document.activeElement.closest('label')?.innerText.trim() ?? ''")


def choose_with_arrows(page, group_first, answer: str) -> None:
    """Tab into a radio group, then move with the arrow keys to `answer` and pick it."""
    tab_to(page, group_first)
    for _ in range(10):
        if focused_label(page) == answer:
            page.keyboard.press("Space")
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no choice {answer!r} reachable with the arrow keys")


def test_enrolling_and_passing_the_quiz_with_the_keyboard_only(page, make_user):
    course = make_course(title="Privacy basics", lessons=1)
    quiz = make_quiz(course)
    learner = make_user(full_name="Kai Keys")
    sign_in_with_session(page, learner)
    page.goto(course.get_absolute_url())

    tab_to(page, page.get_by_role("button", name="Enroll"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert Enrollment.objects.filter(user=learner, course=course).exists()

    page.goto(f"/learn/{course.slug}/quizzes/{quiz.slug}/")
    for question, answer in (("Pick the right one", "Right"), ("Is it true?", "True")):
        fieldset = page.locator("fieldset", has_text=question)
        choose_with_arrows(page, fieldset.locator("input").first, answer)
        assert fieldset.get_by_label(answer).is_checked()
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    attempt = QuizAttempt.objects.get(quiz=quiz, enrollment__user=learner)
    assert attempt.passed and attempt.score == 100
    assert page.console_errors == []


def test_registering_for_an_event_with_the_keyboard_only(page, make_user):
    event = make_event(title="Captioning clinic videos")
    attendee = make_user(full_name="Kai Keys")
    sign_in_with_session(page, attendee)
    page.goto(event.get_absolute_url())
    # The skip link comes first, so a keyboard user can jump past the header menus.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    presses = tab_to(page, page.get_by_role("button", name="Register"))
    assert presses <= 15, f"{presses} presses of Tab from the content to the Register button"
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/registrations/*/")
    assert Registration.objects.get(event=event, user=attendee).status == Registration.Status.CONFIRMED
    assert page.console_errors == []


def test_the_header_menus_open_and_close_with_the_keyboard(page, make_user):
    sign_in_with_session(page, make_user(full_name="Kai Keys"))
    page.goto("/")
    summary = page.locator("summary", has_text="Kai")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    my_learning = page.get_by_role("link", name="My learning")
    assert my_learning.is_visible()
    page.keyboard.press("Escape")
    assert not my_learning.is_visible()
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
