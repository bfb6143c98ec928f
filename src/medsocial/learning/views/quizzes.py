"""Taking a quiz: questions in a per-attempt order, graded on the server, feedback per question."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from medsocial.learning import selectors, services
from medsocial.learning.errors import LearningError
from medsocial.learning.models import Question, QuizAttempt
from medsocial.learning.services.authoring import can_edit
from medsocial.learning.services.quizzes import (
    answers_revealed,
    attempts_used,
    post_words,
    question_order,
    results_for_learner,
)


def _questions_for_display(quiz, *, seed: str):
    questions = selectors.quiz_questions(quiz)
    ordered = question_order(quiz, questions, seed=seed)
    for question in ordered:
        if question.kind == Question.Kind.PATIENT_DETAILS:
            question.words = post_words(question.post_text)
    return ordered


@login_required
def quiz_take(request, slug, quiz_slug):
    course = selectors.access_course(request.user, slug)
    quiz = selectors.quiz_in_course(course, quiz_slug)
    enrollment = selectors.enrollment_for(request.user, course)
    if enrollment is None:
        if can_edit(request.user, course):
            return _quiz_preview(request, course, quiz)
        messages.info(request, "Enroll to take the quiz.")
        return redirect(course)
    used = attempts_used(enrollment, quiz)
    questions = _questions_for_display(quiz, seed=f"{enrollment.pk}:{enrollment.cycle}:{used + 1}")
    error, error_field, status = None, None, 200
    if request.method == "POST":
        answers = {f"q{q.pk}": request.POST.getlist(f"q{q.pk}") for q in questions}
        try:
            attempt = services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers)
        except LearningError as exc:
            error, error_field, status = exc.message, exc.field, 400
            for question in questions:
                question.has_error = error_field == f"q{question.pk}"
        else:
            return redirect(
                "learning:quiz-attempt", slug=course.slug, quiz_slug=quiz.slug, number=attempt.number
            )
    last = (
        QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz, cycle=enrollment.cycle)
        .order_by("-number")
        .first()
    )
    return render(
        request,
        "learning/quiz.html",
        {
            "course": course,
            "quiz": quiz,
            "questions": questions,
            "enrollment": enrollment,
            "attempts_used": used,
            "attempts_left": None if quiz.max_attempts is None else max(quiz.max_attempts - used, 0),
            "last_attempt": last,
            "error": error,
            "error_field": error_field,
        },
        status=status,
    )


@login_required
def quiz_attempt(request, slug, quiz_slug, number):
    course = selectors.access_course(request.user, slug)
    quiz = selectors.quiz_in_course(course, quiz_slug)
    enrollment = selectors.enrollment_for(request.user, course)
    if enrollment is None:
        raise Http404("No such attempt.")
    attempt = QuizAttempt.objects.filter(
        enrollment=enrollment, quiz=quiz, cycle=enrollment.cycle, number=number
    ).first()
    if attempt is None:
        raise Http404("No such attempt.")
    used = attempts_used(enrollment, quiz)
    reveal = answers_revealed(quiz, passed=attempt.passed, attempts_used=used)
    enrollment.refresh_from_db()
    return render(
        request,
        "learning/quiz_attempt.html",
        {
            "course": course,
            "quiz": quiz,
            "attempt": attempt,
            "results": _with_choice_texts(quiz, results_for_learner(attempt.results, reveal=reveal)),
            "reveal": reveal,
            "enrollment": enrollment,
            "can_retry": not attempt.passed and (quiz.max_attempts is None or used < quiz.max_attempts),
        },
    )


def _with_choice_texts(quiz, results: list[dict]) -> list[dict]:
    choices = {c.pk: c.text for q in selectors.quiz_questions(quiz) for c in q.choices.all()}
    for result in results:
        result["chosen_text"] = [choices.get(pk, "") for pk in result.get("chosen", [])]
        result["correct_text"] = [choices.get(pk, "") for pk in result.get("correct_choices", [])]
    return results


def _quiz_preview(request, course, quiz):
    """The course's staff try their own quiz as a learner sees it; nothing is recorded."""
    questions = _questions_for_display(quiz, seed=f"preview:{request.user.pk}")
    if request.method == "POST":
        answers = {f"q{q.pk}": request.POST.getlist(f"q{q.pk}") for q in questions}
        try:
            score, results = services.preview_quiz(by=request.user, quiz=quiz, answers=answers)
        except LearningError as exc:
            messages.error(request, exc.message)
        else:
            return render(
                request,
                "learning/quiz_attempt.html",
                {
                    "course": course,
                    "quiz": quiz,
                    "attempt": {"number": "preview", "score": score, "passed": score >= quiz.pass_mark},
                    "results": _with_choice_texts(quiz, results),
                    "reveal": True,
                    "preview": True,
                    "can_retry": True,
                },
            )
    return render(
        request,
        "learning/quiz.html",
        {"course": course, "quiz": quiz, "questions": questions, "preview": True, "attempts_left": None},
    )
