"""Enrolling, working through lessons, and finishing a course."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from medsocial.learning.errors import LearningConflict, LearningError
from medsocial.learning.models import Course, Enrollment, Lesson, LessonProgress, Quiz, QuizAttempt


@transaction.atomic
def enroll(*, user, course: Course) -> Enrollment:
    """Enroll `user` in a published course; a second enrollment is refused."""
    if not course.is_published:
        raise LearningError("This course is not open for enrollment.")
    if Enrollment.objects.filter(user=user, course=course).exists():
        raise LearningConflict("You are already enrolled in this course.")
    try:
        with transaction.atomic():
            return Enrollment.objects.create(user=user, course=course)
    except IntegrityError:  # a concurrent request enrolled first
        raise LearningConflict("You are already enrolled in this course.") from None


@transaction.atomic
def unenroll(*, user, course: Course) -> None:
    """Leave a course. Progress is dropped; certificates already earned stay valid. A course an
    organization assigned cannot be left (the admin removes the assignment)."""
    from medsocial.learning.models import Assignment

    assigned = Assignment.objects.filter(user=user, course=course).select_related("organization").first()
    if assigned is not None:
        raise LearningError(
            f"{assigned.organization.name} assigned this course to you, so you cannot leave it."
        )
    deleted, _ = Enrollment.objects.filter(user=user, course=course).delete()
    if not deleted:
        raise LearningError("You are not enrolled in this course.")


def _check_lesson(enrollment: Enrollment, lesson: Lesson) -> None:
    if lesson.course_id != enrollment.course_id:
        raise LearningError("That lesson belongs to another course.", field="lesson")


def record_visit(*, enrollment: Enrollment, lesson: Lesson) -> None:
    """Remember the lesson a learner opened last, for "resume where I left off".

    Reopening the same lesson writes nothing and opens no transaction: on SQLite a write
    transaction takes the database's one write lock, which every page view would queue for."""
    _check_lesson(enrollment, lesson)
    if enrollment.last_lesson_id != lesson.pk:
        with transaction.atomic():
            Enrollment.objects.filter(pk=enrollment.pk).update(last_lesson=lesson)
        enrollment.last_lesson = lesson


@transaction.atomic
def complete_lesson(*, enrollment: Enrollment, lesson: Lesson) -> bool:
    """Mark a lesson done; returns True when this finished the whole course."""
    _check_lesson(enrollment, lesson)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    _, created = LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
    if created:
        Enrollment.objects.filter(pk=enrollment.pk).update(
            lessons_done=F("lessons_done") + 1, last_lesson=lesson
        )
        enrollment.refresh_from_db()
    return complete_if_finished(enrollment)


def complete_if_finished(enrollment: Enrollment) -> bool:
    """Complete the enrollment when every lesson is done and every quiz passed in this cycle.

    Call inside the transaction that locked the enrollment. Issues the certificate and the
    course's CE hours."""
    from medsocial.learning.services.certificates import issue_certificate
    from medsocial.learning.services.credits import award_ce_credit

    if enrollment.completed_at is not None:
        return False
    course = enrollment.course
    lesson_ids = set(Lesson.objects.filter(course=course).values_list("pk", flat=True))
    done = set(LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_id", flat=True))
    if not lesson_ids or not lesson_ids <= done:
        return False
    quiz_ids = set(Quiz.objects.filter(course=course).values_list("pk", flat=True))
    passed = set(
        QuizAttempt.objects.filter(enrollment=enrollment, cycle=enrollment.cycle, passed=True).values_list(
            "quiz_id", flat=True
        )
    )
    if not quiz_ids <= passed:
        return False
    enrollment.completed_at = timezone.now()
    enrollment.save(update_fields=["completed_at"])
    issue_certificate(enrollment=enrollment)
    if course.ce_hours > 0:
        award_ce_credit(
            user=enrollment.user,
            source="course",
            source_key=f"course:{course.pk}",
            title=course.title,
            hours=course.ce_hours,
            earned_on=timezone.localdate(),
        )
    return True
