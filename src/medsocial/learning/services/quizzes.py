"""Grading quizzes on the server, including "find what reveals the patient"."""

import random
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import Enrollment, Question, Quiz, QuizAttempt
from medsocial.learning.services.authoring import can_edit

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Word:
    index: int
    start: int
    end: int
    text: str


def post_words(text: str) -> list[Word]:
    """The post split at white space; learners mark these words."""
    return [Word(i, m.start(), m.end(), m.group()) for i, m in enumerate(_WORD.finditer(text))]


def question_order(quiz: Quiz, questions: list[Question], *, seed: str) -> list[Question]:
    """The questions in the order one attempt shows them (stable for the same seed)."""
    ordered = sorted(questions, key=lambda q: (q.position, q.pk))
    if quiz.shuffle_questions:
        random.Random(seed).shuffle(ordered)
    return ordered


def _real_analyzer(text: str):
    # Imported here: the safety coach is another app, and only this question type needs it.
    from medsocial.safety.engine import analyze

    return analyze(text)


def answer_spans(question: Question, analysis) -> list[tuple[int, int]]:
    """The details that identify the patient, as (start, end) offsets in the post: the ones the
    author marked. A question written before authors marked them falls back on the coach."""
    if question.answer_spans:
        return [(int(start), int(end)) for start, end in question.answer_spans]
    return [(f.start, f.end) for f in analysis.findings]


def grade_patient_details(question: Question, marked: list[int], *, analyzer=None) -> dict:
    """Compare the words a learner marked with the details the author marked in the post.

    Correct when every marked detail has at least one marked word and no marked word lies
    outside all of them. The safety coach only explains each detail: a detail it misses is
    still graded (with the author's word for why), so a right answer is never marked wrong."""
    analysis = (analyzer or _real_analyzer)(question.post_text)
    words = post_words(question.post_text)
    findings = list(analysis.findings)
    spans = answer_spans(question, analysis)
    marked_set = set(marked)

    def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
        return start < other_end and other_start < end

    revealing = {w.index for w in words for start, end in spans if overlaps(w.start, w.end, start, end)}
    details = []
    for start, end in spans:
        finding = next((f for f in findings if overlaps(f.start, f.end, start, end)), None)
        found = any(overlaps(words[i].start, words[i].end, start, end) for i in marked_set)
        details.append(
            {
                "text": question.post_text[start:end],
                "category": str(finding.category) if finding else "",
                "severity": finding.severity if finding else "",
                "explanation": finding.explanation
                if finding
                else "The course's author marked this as identifying the patient.",
                "suggestion": finding.suggestion if finding else "",
                "found": found,
            }
        )
    extra = sorted(marked_set - revealing)
    correct = all(d["found"] for d in details) and not extra
    return {
        "correct": correct,
        "findings": details,
        "extra_words": [words[i].text for i in extra],
        "revealing_words": sorted(revealing),
    }


def _parse_ints(values: list[str], *, allowed: set[int], question: Question) -> list[int]:
    result = []
    for value in values:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number not in allowed:
            raise LearningError("That answer is not one of the options.", field=f"q{question.pk}")
        result.append(number)
    return result


def grade_answers(
    questions: list[Question], answers: dict[str, list[str]], *, analyzer=None
) -> tuple[int, list[dict]]:
    """Grade `answers` ({"q<id>": [choice ids or word indexes]}) against `questions` (with
    their choices prefetched). Returns (percent, per-question results). Raises LearningError
    for an answer that is not an option."""
    results, earned, total = [], 0, 0
    for question in questions:
        given = answers.get(f"q{question.pk}", [])
        total += question.points
        result = {"question": question.pk, "prompt": question.prompt}
        if question.kind == Question.Kind.PATIENT_DETAILS:
            marked = _parse_ints(
                given, allowed=set(range(len(post_words(question.post_text)))), question=question
            )
            detail = grade_patient_details(question, marked, analyzer=analyzer)
            correct = detail["correct"]
            result.update(detail, marked=marked)
        else:
            choices = list(question.choices.all())
            chosen = _parse_ints(given, allowed={c.pk for c in choices}, question=question)
            if question.kind != Question.Kind.MULTIPLE and len(chosen) > 1:
                raise LearningError("Choose one answer.", field=f"q{question.pk}")
            correct_ids = {c.pk for c in choices if c.is_correct}
            correct = bool(chosen) and set(chosen) == correct_ids
            result.update(chosen=chosen, correct_choices=sorted(correct_ids))
        result["correct"] = correct
        result["feedback"] = question.feedback_correct if correct else question.feedback_incorrect
        earned += question.points if correct else 0
        results.append(result)
    percent = round(100 * earned / total) if total else 0
    return percent, results


def attempts_used(enrollment: Enrollment, quiz: Quiz) -> int:
    return QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz, cycle=enrollment.cycle).count()


@transaction.atomic
def submit_quiz(
    *, enrollment: Enrollment, quiz: Quiz, answers: dict[str, list[str]], analyzer=None
) -> QuizAttempt:
    """Grade and record one attempt; completes the course when this was the last thing left."""
    from medsocial.learning.services.enrollment import complete_if_finished

    if quiz.course_id != enrollment.course_id:
        raise LearningError("That quiz belongs to another course.")
    enrollment = Enrollment.objects.select_for_update().select_related("course", "user").get(pk=enrollment.pk)
    used = (
        QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz, cycle=enrollment.cycle).aggregate(
            n=Max("number")
        )["n"]
        or 0
    )
    if quiz.max_attempts is not None and used >= quiz.max_attempts:
        raise LearningError("You have used every attempt for this quiz.")
    questions = list(quiz.questions.prefetch_related("choices"))
    if not questions:
        raise LearningError("This quiz has no questions yet.")
    score, results = grade_answers(questions, answers, analyzer=analyzer)
    attempt = QuizAttempt.objects.create(
        enrollment=enrollment,
        quiz=quiz,
        cycle=enrollment.cycle,
        number=used + 1,
        answers={k: list(v) for k, v in answers.items()},
        results=results,
        score=score,
        passed=score >= quiz.pass_mark,
    )
    if attempt.passed:
        complete_if_finished(enrollment)
    return attempt


def answers_revealed(quiz: Quiz, *, passed: bool, attempts_used: int) -> bool:
    """Whether the learner may now see the right answers to what they got wrong.

    By default only once they passed or have no attempt left: showing them after a failed
    attempt would let anyone pass the next one by copying."""
    if quiz.reveal_answers == Quiz.AnswerReveal.ALWAYS:
        return True
    if quiz.reveal_answers == Quiz.AnswerReveal.NEVER:
        return False
    out_of_attempts = quiz.max_attempts is not None and attempts_used >= quiz.max_attempts
    return passed or out_of_attempts


def results_for_learner(results: list[dict], *, reveal: bool) -> list[dict]:
    """An attempt's per-question results as the learner may see them: without the correct
    choices or the missed details unless `reveal`."""
    shown = []
    for result in results:
        result = dict(result)
        if not reveal:
            result.pop("correct_choices", None)
            if "findings" in result:
                result["missed_count"] = sum(not f["found"] for f in result["findings"])
                result["findings"] = [f for f in result["findings"] if f["found"]]
            result.pop("revealing_words", None)
        shown.append(result)
    return shown


def preview_quiz(*, by, quiz: Quiz, answers: dict[str, list[str]], analyzer=None) -> tuple[int, list[dict]]:
    """Grade answers for the course's staff trying their own quiz; nothing is recorded."""
    if not can_edit(by, quiz.course):
        raise LearningNotAllowed("Only the course's instructors can preview its quizzes.")
    questions = list(quiz.questions.prefetch_related("choices"))
    if not questions:
        raise LearningError("This quiz has no questions yet.")
    return grade_answers(questions, answers, analyzer=analyzer)
