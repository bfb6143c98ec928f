"""“Find what reveals the patient” is graded against the details the author marked; the safety
coach only explains them, so a detail it misses never turns a right answer wrong."""

import pytest

from medsocial.learning import services
from medsocial.learning.errors import LearningError
from medsocial.learning.models import Question
from medsocial.learning.services.authoring import marked_post, parse_marked_post
from medsocial.learning.services.quizzes import grade_patient_details, post_words
from medsocial.learning.tests.factories import fake_analyzer, make_quiz

pytestmark = pytest.mark.django_db

MARKED = "Long night in the ER. [[John Smith]], [[52]], came in at 3am and we got his rhythm back."
POST, SPANS = parse_marked_post(MARKED)


def _question(course):
    return Question.objects.create(
        quiz=make_quiz(course),
        kind=Question.Kind.PATIENT_DETAILS,
        prompt="Find the patient",
        post_text=POST,
        answer_spans=SPANS,
        position=5,
    )


def _indexes(*words):
    return [w.index for w in post_words(POST) if w.text.strip(",.") in words]


def test_marks_are_read_from_double_brackets_and_written_back():
    assert POST == "Long night in the ER. John Smith, 52, came in at 3am and we got his rhythm back."
    assert [POST[a:b] for a, b in SPANS] == ["John Smith", "52"]
    assert marked_post(POST, SPANS) == MARKED


def test_a_right_answer_stays_right_when_the_engine_misses_a_detail(course):
    question = _question(course)
    engine_missing_the_age = fake_analyzer("John Smith")
    result = grade_patient_details(question, _indexes("John", "52"), analyzer=engine_missing_the_age)
    assert result["correct"], result
    age = next(f for f in result["findings"] if f["text"] == "52")
    assert age["found"] and "author" in age["explanation"]


def test_a_detail_only_the_engine_flags_is_not_required(course):
    question = _question(course)
    engine_flagging_more = fake_analyzer("John Smith", "52", "rhythm")
    assert grade_patient_details(question, _indexes("John", "52"), analyzer=engine_flagging_more)["correct"]
    marked_too_much = grade_patient_details(
        question, _indexes("John", "52", "rhythm"), analyzer=engine_flagging_more
    )
    assert not marked_too_much["correct"] and marked_too_much["extra_words"] == ["rhythm"]


def test_missing_an_author_marked_detail_is_wrong(course):
    question = _question(course)
    result = grade_patient_details(
        question, _indexes("John", "Smith"), analyzer=fake_analyzer("John Smith", "52")
    )
    assert not result["correct"]
    assert [f["text"] for f in result["findings"] if not f["found"]] == ["52"]


def test_authors_mark_the_details_and_unmarked_posts_get_the_coach_suggestion(instructor, course):
    quiz = make_quiz(course)
    question = services.add_question(
        by=instructor, quiz=quiz, kind="patient_details", prompt="Find the patient", post_text=MARKED
    )
    assert (question.post_text, question.answer_spans) == (POST, SPANS)

    with pytest.raises(LearningError) as refused:
        services.add_question(
            by=instructor, quiz=quiz, kind="patient_details", prompt="?", post_text="Maria Lopez in room 412."
        )
    assert refused.value.field == "post_text"
    assert "[[Maria Lopez]]" in refused.value.message  # the coach's suggestion, for the author to check
    with pytest.raises(LearningError, match="matching"):
        services.add_question(
            by=instructor, quiz=quiz, kind="patient_details", prompt="?", post_text="[[Maria"
        )


def test_the_question_form_shows_the_marks_for_editing(client, instructor, course):
    quiz = make_quiz(course)
    question = services.add_question(
        by=instructor, quiz=quiz, kind="patient_details", prompt="Find the patient", post_text=MARKED
    )
    client.force_login(instructor)
    page = client.get(f"/learn/teach/{course.slug}/quizzes/{quiz.pk}/questions/{question.pk}/")
    assert page.status_code == 200
    assert "[[John Smith]], [[52]]" in page.content.decode()
