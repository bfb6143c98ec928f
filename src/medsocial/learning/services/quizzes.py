"""Grading quizzes on the server, including "find what reveals the patient"."""

import random
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from medsocial.learning.errors import LearningError
from medsocial.learning.models import Enrollment, Question, Quiz, QuizAttempt

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


def grade_patient_details(question: Question, marked: list[int], *, analyzer=None) -> dict:
    """Compare the words a learner marked with what the safety coach finds in the post.

    Correct when every finding has at least one marked word and no marked word lies outside
    all findings."""
    analysis = (analyzer or _real_analyzer)(question.post_text)
    words = post_words(question.post_text)
    findings = list(analysis.findings)
    marked_set = set(marked)

    def overlaps(word: Word, finding) -> bool:
        return word.start < finding.end and finding.start < word.end

    revealing = {w.index for w in words for f in findings if overlaps(w, f)}
    details = []
    for finding in findings:
        found = any(overlaps(words[i], finding) for i in marked_set)
        details.append(
            {
                "text": finding.text,
                "category": str(finding.category),
                "severity": finding.severity,
                "explanation": finding.explanation,
                "suggestion": finding.suggestion,
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
