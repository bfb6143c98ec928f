import pytest

from medsocial.learning import services
from medsocial.learning.errors import LearningError
from medsocial.learning.models import Question, QuizAttempt
from medsocial.learning.services.quizzes import grade_patient_details, post_words, question_order
from medsocial.learning.tests.factories import answers_for, fake_analyzer, make_course, make_quiz

pytestmark = pytest.mark.django_db

POST = "Long night in the ER. John Smith, 52, came in at 3am and we got his rhythm back."


@pytest.fixture
def enrollment(learner, course):
    return services.enroll(user=learner, course=course)


def test_wrong_answers_fail_with_per_question_feedback(enrollment, course):
    quiz = course.quizzes.get()
    attempt = services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers_for(quiz, correct=False))
    assert attempt.score == 0 and not attempt.passed
    feedback = {r["prompt"]: r["feedback"] for r in attempt.results}
    assert feedback["Pick the right one"] == "Not that one"


def test_answer_that_is_not_an_option_is_refused_and_records_nothing(enrollment, course):
    quiz = course.quizzes.get()
    other_choice = make_quiz(make_course()).questions.first().choices.first()
    answers = answers_for(quiz)
    first = quiz.questions.order_by("position").first()
    answers[f"q{first.pk}"] = [str(other_choice.pk)]
    with pytest.raises(LearningError, match="not one of the options"):
        services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers)
    answers[f"q{first.pk}"] = ["not-a-number"]
    with pytest.raises(LearningError):
        services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers)
    assert not QuizAttempt.objects.exists()


def test_quiz_page_with_bogus_answer_answers_400(client, learner, enrollment, course):
    quiz = course.quizzes.get()
    client.force_login(learner)
    data = {k: v for k, v in answers_for(quiz).items()}
    first = quiz.questions.order_by("position").first()
    data[f"q{first.pk}"] = ["999999"]
    response = client.post(quiz.get_absolute_url(), data)
    assert response.status_code == 400
    assert "not one of the options" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_single_choice_with_two_answers_is_refused(enrollment, course):
    quiz = course.quizzes.get()
    single = quiz.questions.get(kind=Question.Kind.SINGLE)
    answers = answers_for(quiz)
    answers[f"q{single.pk}"] = [str(c.pk) for c in single.choices.all()]
    with pytest.raises(LearningError, match="Choose one"):
        services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers)


def test_attempt_limit_is_enforced(learner):
    course = make_course()
    quiz = make_quiz(course, max_attempts=1)
    enrollment = services.enroll(user=learner, course=course)
    services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers_for(quiz, correct=False))
    with pytest.raises(LearningError, match="every attempt"):
        services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers_for(quiz))


def test_quiz_of_another_course_is_refused(enrollment):
    other_quiz = make_quiz(make_course())
    with pytest.raises(LearningError, match="another course"):
        services.submit_quiz(enrollment=enrollment, quiz=other_quiz, answers=answers_for(other_quiz))


def test_fail_then_pass_through_pages(client, learner, enrollment, course):
    quiz = course.quizzes.get()
    client.force_login(learner)
    response = client.post(quiz.get_absolute_url(), answers_for(quiz, correct=False), follow=True)
    assert "Not passed" in response.content.decode() and "Try again" in response.content.decode()
    response = client.post(quiz.get_absolute_url(), answers_for(quiz), follow=True)
    assert "Passed" in response.content.decode()
    assert list(QuizAttempt.objects.order_by("number").values_list("passed", flat=True)) == [False, True]


def test_shuffled_order_is_stable_per_attempt_and_varies_between_attempts(course):
    quiz = make_quiz(course)
    questions = list(quiz.questions.all())
    for i in range(3, 10):
        Question.objects.create(quiz=quiz, kind="single", prompt=f"Extra {i}", position=i)
    questions = list(quiz.questions.all())
    first = [q.pk for q in question_order(quiz, questions, seed="1:1:1")]
    assert first == [q.pk for q in question_order(quiz, questions, seed="1:1:1")]
    orders = {tuple(q.pk for q in question_order(quiz, questions, seed=f"1:1:{n}")) for n in range(1, 6)}
    assert len(orders) > 1
    quiz.shuffle_questions = False
    assert [q.pk for q in question_order(quiz, questions, seed="x")] == sorted(q.pk for q in questions)


def _patient_question(course):
    quiz = make_quiz(course)
    return quiz, Question.objects.create(
        quiz=quiz, kind=Question.Kind.PATIENT_DETAILS, prompt="Find the patient", post_text=POST, position=5
    )


def _indexes(*words):
    return [w.index for w in post_words(POST) if w.text.strip(",.") in words]


def test_patient_details_correct_when_every_finding_marked_and_nothing_else(course):
    _, question = _patient_question(course)
    analyzer = fake_analyzer("John Smith", "52")
    result = grade_patient_details(question, _indexes("John", "52"), analyzer=analyzer)
    assert result["correct"] and all(f["found"] for f in result["findings"])


def test_patient_details_missed_finding_is_incorrect_and_named(course):
    _, question = _patient_question(course)
    result = grade_patient_details(
        question, _indexes("John", "Smith"), analyzer=fake_analyzer("John Smith", "52")
    )
    assert not result["correct"]
    assert [f["text"] for f in result["findings"] if not f["found"]] == ["52"]


def test_patient_details_marking_harmless_words_is_incorrect(course):
    _, question = _patient_question(course)
    marks = _indexes("John", "52", "rhythm")
    result = grade_patient_details(question, marks, analyzer=fake_analyzer("John Smith", "52"))
    assert not result["correct"] and result["extra_words"] == ["rhythm"]


def test_patient_details_word_index_out_of_range_is_refused(learner, course):
    quiz, question = _patient_question(course)
    enrollment = services.enroll(user=learner, course=course)
    answers = answers_for(quiz)
    answers[f"q{question.pk}"] = ["500"]
    with pytest.raises(LearningError):
        services.submit_quiz(
            enrollment=enrollment, quiz=quiz, answers=answers, analyzer=fake_analyzer("John")
        )


def test_patient_details_question_renders_words_as_checkboxes(client, learner, course):
    quiz, question = _patient_question(course)
    services.enroll(user=learner, course=course)
    client.force_login(learner)
    page = client.get(quiz.get_absolute_url()).content.decode()
    assert f'name="q{question.pk}" value="{len(post_words(POST)) - 1}"' in page


def test_patient_details_graded_by_real_safety_engine(course):
    """Uses the post safety coach itself: a full name and an age in a post must be found."""
    from medsocial.safety.engine import analyze

    _, question = _patient_question(course)
    findings = analyze(POST).findings
    assert findings, "the engine finds nothing identifying in a post with a name and an age"
    words = post_words(POST)
    revealing = [w.index for w in words if any(w.start < f.end and f.start < w.end for f in findings)]
    assert grade_patient_details(question, revealing)["correct"]
    assert not grade_patient_details(question, [])["correct"]


def test_demo_patient_question_is_answerable_with_the_real_engine():
    """The demo's "find what reveals the patient" post: the name, room and date are what the coach finds."""
    from medsocial.learning import demo

    demo.load(small=True)
    question = Question.objects.get(kind=Question.Kind.PATIENT_DETAILS)
    words = post_words(question.post_text)
    marks = [w.index for w in words if w.text.strip(".,!") in {"Maria", "Lopez", "412", "03/14/2026"}]
    result = grade_patient_details(question, marks)
    assert result["correct"], result
    assert {f["text"] for f in result["findings"]} >= {"Maria Lopez", "03/14/2026"}
