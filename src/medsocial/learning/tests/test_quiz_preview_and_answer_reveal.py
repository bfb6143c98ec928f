"""Instructors preview their quizzes; a failed attempt does not give the answers away."""

import pytest

from medsocial.learning import services
from medsocial.learning.models import Question, Quiz, QuizAttempt
from medsocial.learning.services.authoring import parse_marked_post
from medsocial.learning.tests.factories import answers_for, make_quiz

pytestmark = pytest.mark.django_db


def test_an_instructor_previews_a_quiz_and_nothing_is_recorded(client, instructor, course):
    quiz = course.quizzes.get()
    client.force_login(instructor)
    page = client.get(quiz.get_absolute_url())
    assert page.status_code == 200 and "Preview" in page.content.decode()
    assert "Pick the right one" in page.content.decode()
    result = client.post(quiz.get_absolute_url(), answers_for(quiz))
    assert result.status_code == 200
    text = result.content.decode()
    assert "Preview: 100%" in text and "not recorded" in text
    assert not QuizAttempt.objects.exists()


def test_people_outside_the_course_staff_get_no_preview(client, make_user, other_instructor, course):
    quiz = course.quizzes.get()
    for person in [make_user(), other_instructor]:
        client.force_login(person)
        assert client.get(quiz.get_absolute_url()).status_code == 302
        client.post(quiz.get_absolute_url(), answers_for(quiz))
    assert not QuizAttempt.objects.exists()


def _failed_attempt_page(client, learner, quiz):
    client.force_login(learner)
    response = client.post(quiz.get_absolute_url(), answers_for(quiz, correct=False), follow=True)
    assert response.status_code == 200 and "Not passed" in response.content.decode()
    return response.content.decode()


def test_a_failed_attempt_hides_the_answers_while_attempts_remain(client, learner, course):
    quiz = make_quiz(course, max_attempts=2)
    services.enroll(user=learner, course=course)
    first = _failed_attempt_page(client, learner, quiz)
    assert "Correct answer" not in first and "Right" not in first
    assert "shown once you pass or have used every attempt" in first
    last = _failed_attempt_page(client, learner, quiz)
    assert "Correct answer: Right" in last


def test_a_failed_attempt_hides_the_missed_patient_details(client, learner, course):
    quiz = make_quiz(course, max_attempts=3)
    post, spans = parse_marked_post("Great save tonight: [[Maria Lopez]] in room [[412]] is home.")
    Question.objects.create(
        quiz=quiz, kind=Question.Kind.PATIENT_DETAILS, prompt="Find", post_text=post, answer_spans=spans
    )
    services.enroll(user=learner, course=course)
    page = _failed_attempt_page(client, learner, quiz)
    assert "You missed 2 details that identify the patient" in page
    assert "Maria" not in page and "Lopez" not in page


@pytest.mark.parametrize(
    ("reveal", "shown"), [(Quiz.AnswerReveal.ALWAYS, True), (Quiz.AnswerReveal.NEVER, False)]
)
def test_each_quiz_chooses_when_answers_are_shown(client, learner, course, reveal, shown):
    quiz = make_quiz(course, max_attempts=1)
    Quiz.objects.filter(pk=quiz.pk).update(reveal_answers=reveal)
    services.enroll(user=learner, course=course)
    page = _failed_attempt_page(client, learner, quiz)
    assert ("Correct answer: Right" in page) is shown
