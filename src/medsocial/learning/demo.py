"""Demo data for learning: the starter curriculum, one learner part-way through and one certified.

`load()` is idempotent (a course that exists is left alone, so a second run changes nothing)."""

import textwrap
from decimal import Decimal

from django.utils import timezone

from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import User
from medsocial.learning.demo_curriculum import CURRICULUM
from medsocial.learning.models import (
    Certificate,
    Choice,
    Course,
    Enrollment,
    Lesson,
    LessonProgress,
    Module,
    Question,
    Quiz,
)
from medsocial.learning.services.authoring import parse_marked_post, refresh_search_text
from medsocial.learning.services.enrollment import complete_lesson, enroll
from medsocial.learning.services.quizzes import post_words, submit_quiz


def _create_course(data: dict, instructor: User | None) -> Course:
    course = Course.objects.create(
        slug=data["slug"],
        title=data["title"],
        summary=data["summary"],
        description=data["description"],
        topic=data["topic"],
        level=data["level"],
        audience=data["audience"],
        estimated_hours=Decimal(data["estimated_hours"]),
        ce_hours=Decimal(data["ce_hours"]),
        validity_months=data["validity_months"],
        status=Course.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    if instructor is not None:
        course.instructors.add(instructor)
    from django.utils.text import slugify

    for m_index, (module_title, lessons) in enumerate(data["modules"]):
        module = Module.objects.create(course=course, title=module_title, position=m_index)
        Lesson.objects.bulk_create(
            [
                Lesson(
                    course=course,
                    module=module,
                    title=title,
                    slug=slugify(title)[:80],
                    position=l_index,
                    estimated_minutes=minutes,
                    body=textwrap.dedent(body).strip(),
                )
                for l_index, (title, minutes, body) in enumerate(lessons)
            ]
        )
    for quiz_data in data["quizzes"]:
        quiz = Quiz.objects.create(
            course=course,
            slug=quiz_data["slug"],
            title=quiz_data["title"],
            intro=quiz_data["intro"],
            pass_mark=quiz_data["pass_mark"],
            max_attempts=quiz_data["max_attempts"],
        )
        for q_index, q in enumerate(quiz_data["questions"]):
            post_text, spans = parse_marked_post(q.get("post", ""))
            question = Question.objects.create(
                quiz=quiz,
                kind=q["kind"],
                prompt=q["prompt"],
                post_text=post_text,
                answer_spans=spans,
                position=q_index,
                feedback_correct=q["right"],
                feedback_incorrect=q["wrong"],
            )
            Choice.objects.bulk_create(
                [
                    Choice(question=question, text=text, is_correct=ok, position=i)
                    for i, (text, ok) in enumerate(q.get("choices", []))
                ]
            )
    refresh_search_text(course)
    return course


def load(*, stdout=None, small: bool = False) -> None:
    # The curriculum is small; the small and full loads are the same.
    instructor = User.objects.filter(email=demo_email("instructor")).first()
    created = []
    for data in CURRICULUM:
        if not Course.objects.filter(slug=data["slug"]).exists():
            created.append(_create_course(data, instructor))
    learner = User.objects.filter(email=demo_email("learner")).first()
    if learner is not None and created:
        course = Course.objects.get(slug=CURRICULUM[0]["slug"])
        enrollment, _ = Enrollment.objects.get_or_create(user=learner, course=course)
        first_lessons = list(
            Lesson.objects.filter(course=course).order_by("module__position", "position")[:3]
        )
        for lesson in first_lessons:
            LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
        Enrollment.objects.filter(pk=enrollment.pk).update(
            lessons_done=len(first_lessons), last_lesson=first_lessons[-1]
        )
    nurse = User.objects.filter(email=demo_email("nurse")).first()
    if nurse is not None and not Certificate.objects.filter(user=nurse).exists():
        _complete_course(nurse, Course.objects.get(slug=CURRICULUM[0]["slug"]))
    if stdout is not None:
        stdout.write(f"learning: {len(created)} course(s) added")


def _right_answers(quiz: Quiz) -> dict[str, list[str]]:
    answers = {}
    for question in quiz.questions.prefetch_related("choices"):
        if question.kind == Question.Kind.PATIENT_DETAILS:
            answers[f"q{question.pk}"] = [
                str(word.index)
                for word in post_words(question.post_text)
                if any(word.start < end and start < word.end for start, end in question.answer_spans)
            ]
        else:
            answers[f"q{question.pk}"] = [str(c.pk) for c in question.choices.all() if c.is_correct]
    return answers


def _complete_course(user, course: Course) -> None:
    """A learner who finished a course, through the same services a learner's clicks call: the
    demo then shows a certificate, its verification page, a badge and CE hours."""
    enrollment = Enrollment.objects.filter(user=user, course=course).first() or enroll(
        user=user, course=course
    )
    for lesson in Lesson.objects.filter(course=course).order_by("module__position", "position"):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    for quiz in course.quizzes.order_by("pk"):
        submit_quiz(enrollment=enrollment, quiz=quiz, answers=_right_answers(quiz))
