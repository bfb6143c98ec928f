"""Small builders for learning tests."""

import itertools
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from medsocial.learning.models import Choice, Course, Lesson, Module, Question, Quiz

_n = itertools.count(1)


def make_course(
    *,
    title=None,
    status=Course.Status.PUBLISHED,
    instructors=(),
    lessons=2,
    modules=1,
    quiz=False,
    ce_hours="1.50",
    validity_months=None,
    **fields,
) -> Course:
    """A course with `modules` modules of `lessons` lessons each, and optionally one final quiz."""
    n = next(_n)
    title = title or f"Course {n}"
    course = Course.objects.create(
        title=title,
        slug=fields.pop("slug", f"course-{n}"),
        summary=fields.pop("summary", f"About {title}."),
        status=status,
        published_at=timezone.now() if status == Course.Status.PUBLISHED else None,
        ce_hours=Decimal(ce_hours),
        validity_months=validity_months,
        **fields,
    )
    course.instructors.add(*instructors)
    for m in range(modules):
        module = Module.objects.create(course=course, title=f"Module {m + 1}", position=m)
        for i in range(lessons):
            Lesson.objects.create(
                course=course,
                module=module,
                title=f"Lesson {m + 1}.{i + 1}",
                slug=f"lesson-{m + 1}-{i + 1}",
                position=i,
                body=f"Text of lesson {i + 1}.",
            )
    if quiz:
        make_quiz(course)
    return course


def make_quiz(course, *, pass_mark=100, max_attempts=None, module=None) -> Quiz:
    """A quiz with one single-choice question (answer "Right") and one true/false (answer True)."""
    quiz = Quiz.objects.create(
        course=course,
        module=module,
        title="Check",
        slug=f"check-{next(_n)}",
        pass_mark=pass_mark,
        max_attempts=max_attempts,
        shuffle_questions=True,
    )
    q1 = Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.SINGLE,
        prompt="Pick the right one",
        position=0,
        feedback_correct="Well done",
        feedback_incorrect="Not that one",
    )
    Choice.objects.create(question=q1, text="Right", is_correct=True, position=0)
    Choice.objects.create(question=q1, text="Wrong", is_correct=False, position=1)
    q2 = Question.objects.create(quiz=quiz, kind=Question.Kind.TRUE_FALSE, prompt="Is it true?", position=1)
    Choice.objects.create(question=q2, text="True", is_correct=True, position=0)
    Choice.objects.create(question=q2, text="False", is_correct=False, position=1)
    return quiz


def answers_for(quiz, *, correct=True) -> dict[str, list[str]]:
    answers = {}
    for question in quiz.questions.prefetch_related("choices"):
        if question.kind == Question.Kind.PATIENT_DETAILS:
            continue
        choice = next(c for c in question.choices.all() if c.is_correct == correct)
        answers[f"q{question.pk}"] = [str(choice.pk)]
    return answers


@dataclass
class FakeFinding:
    start: int
    end: int
    text: str
    category: str = "name"
    severity: str = "block"
    explanation: str = "A name identifies the patient."
    suggestion: str = "Leave the name out."


@dataclass
class FakeAnalysis:
    findings: list = field(default_factory=list)


def fake_analyzer(*phrases, category="name"):
    """An analyzer that reports each phrase wherever it first occurs."""

    def analyze(text):
        findings = []
        for phrase in phrases:
            start = text.find(phrase)
            if start >= 0:
                findings.append(FakeFinding(start, start + len(phrase), phrase, category=category))
        return FakeAnalysis(findings)

    return analyze
