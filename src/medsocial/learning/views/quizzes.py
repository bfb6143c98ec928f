"""Taking a quiz: questions in a per-attempt order, graded on the server, feedback per question."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from medsocial.learning import selectors, services
from medsocial.learning.errors import LearningError
from medsocial.learning.models import Question, QuizAttempt
from medsocial.learning.services.quizzes import attempts_used, post_words, question_order


def _questions_for_display(quiz, enrollment, *, number: int):
    questions = selectors.quiz_questions(quiz)
    ordered = question_order(quiz, questions, seed=f"{enrollment.pk}:{enrollment.cycle}:{number}")
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
        messages.info(request, "Enroll to take the quiz.")
        return redirect(course)
    used = attempts_used(enrollment, quiz)
    questions = _questions_for_display(quiz, enrollment, number=used + 1)
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
    choices = {c.pk: c.text for q in selectors.quiz_questions(quiz) for c in q.choices.all()}
    for result in attempt.results:
        result["chosen_text"] = [choices.get(pk, "") for pk in result.get("chosen", [])]
        result["correct_text"] = [choices.get(pk, "") for pk in result.get("correct_choices", [])]
    used = attempts_used(enrollment, quiz)
    enrollment.refresh_from_db()
    return render(
        request,
        "learning/quiz_attempt.html",
        {
            "course": course,
            "quiz": quiz,
            "attempt": attempt,
            "enrollment": enrollment,
            "can_retry": not attempt.passed and (quiz.max_attempts is None or used < quiz.max_attempts),
        },
    )
