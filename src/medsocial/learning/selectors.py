"""Reads shared by pages, the API and other apps (site search, consulting recommendations)."""

import datetime
from collections.abc import Sequence

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.learning.models import (
    Assignment,
    CECredit,
    Certificate,
    Course,
    Enrollment,
    Lesson,
    LessonProgress,
    LessonResource,
    Module,
    Question,
    Quiz,
    QuizAttempt,
)


def published_courses() -> QuerySet[Course]:
    """Every course open in the catalog."""
    return Course.objects.filter(status=Course.Status.PUBLISHED)


def courses_with_badges() -> QuerySet[Course]:
    """Courses whose Open Badges documents must resolve: published ones, and any course that
    has issued a certificate (an unpublished course's badges still have to verify)."""
    return Course.objects.filter(
        Q(status=Course.Status.PUBLISHED) | Q(pk__in=Certificate.objects.values("course_id"))
    )


def visible_courses(user) -> QuerySet[Course]:
    """Published courses, plus drafts `user` teaches (site admins see every draft)."""
    if has_role(user, Role.SITE_ADMIN):
        return Course.objects.all()
    if getattr(user, "is_authenticated", False) and has_role(user, Role.INSTRUCTOR):
        return Course.objects.filter(Q(status=Course.Status.PUBLISHED) | Q(instructors=user)).distinct()
    return published_courses()


def search_courses(query: str, queryset: QuerySet[Course] | None = None) -> QuerySet[Course]:
    """Published courses (or `queryset`) matching every word of `query` in title, summary or lessons.

    PostgreSQL uses its full-text search (stemmed, ranked); SQLite matches each word."""
    queryset = published_courses() if queryset is None else queryset
    query = (query or "").strip()
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("search_text", weight="C", config="english")
        )
        search = SearchQuery(query, search_type="websearch", config="english")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by("-rank", "title")
        )
    for word in query.split():
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(search_text__icontains=word)
        )
    return queryset


def catalog(
    *, viewer, query: str = "", topic: str = "", profession: str = "", level: str = "", ce_only: bool = False
) -> QuerySet[Course]:
    """The catalog with its filters; each course carries `lesson_count` and `enrolled` (for the viewer)."""
    queryset = search_courses(query, published_courses())
    if topic:
        queryset = queryset.filter(topic=topic)
    if level:
        queryset = queryset.filter(level=level)
    if profession:
        queryset = queryset.filter(Q(audience="") | Q(audience__icontains=profession))
    if ce_only:
        queryset = queryset.filter(ce_hours__gt=0)
    lesson_count = (
        Lesson.objects.filter(course=OuterRef("pk")).values("course").annotate(n=Count("pk")).values("n")
    )
    from django.db.models import Subquery

    queryset = queryset.annotate(lesson_count=Subquery(lesson_count))
    if getattr(viewer, "is_authenticated", False):
        queryset = queryset.annotate(
            enrolled=Exists(Enrollment.objects.filter(course=OuterRef("pk"), user=viewer))
        )
    return queryset


def access_course(user, slug: str) -> Course:
    """The course if `user` may see it (drafts only to their instructors), else 404."""
    return get_object_or_404(visible_courses(user), slug=slug)


def access_course_for_editing(user, slug: str) -> Course:
    """The course when `user` may edit it; 403 without the instructor role, 404 for others' courses."""
    from django.core.exceptions import PermissionDenied

    if not has_role(user, Role.INSTRUCTOR):
        raise PermissionDenied("Only instructors can edit courses.")
    queryset = (
        Course.objects.all() if has_role(user, Role.SITE_ADMIN) else Course.objects.filter(instructors=user)
    )
    return get_object_or_404(queryset, slug=slug)


def courses_taught(user, *, with_enrollment_count: bool = True) -> QuerySet[Course]:
    """The courses `user` teaches (every course for a site admin), by title; counting each
    course's enrollments joins every enrollment, so callers that show no count leave it out."""
    queryset = (
        Course.objects.all() if has_role(user, Role.SITE_ADMIN) else Course.objects.filter(instructors=user)
    )
    if with_enrollment_count:
        queryset = queryset.annotate(enrollment_count=Count("enrollments", distinct=True))
    return queryset.order_by("title")


def syllabus(course: Course) -> list[Module]:
    """Modules in order, each with `lessons` and `quizzes` prefetched (3 queries)."""
    return list(
        course.modules.prefetch_related(
            Prefetch(
                "lessons",
                queryset=Lesson.objects.order_by("position", "id").only(
                    "id", "title", "slug", "module_id", "course_id", "position", "estimated_minutes"
                ),
            ),
            Prefetch("quizzes", queryset=Quiz.objects.order_by("id")),
        ).order_by("position", "id")
    )


def enrollment_for(user, course: Course) -> Enrollment | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrollment.objects.filter(user=user, course=course).select_related("last_lesson").first()


def done_lesson_ids(enrollment: Enrollment | None) -> set[int]:
    if enrollment is None:
        return set()
    return set(LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_id", flat=True))


def passed_quiz_ids(enrollment: Enrollment | None) -> set[int]:
    if enrollment is None:
        return set()
    return set(
        QuizAttempt.objects.filter(enrollment=enrollment, cycle=enrollment.cycle, passed=True).values_list(
            "quiz_id", flat=True
        )
    )


def ordered_lessons(course: Course) -> list[Lesson]:
    """Every lesson of the course in reading order (module, then lesson position)."""
    return list(
        Lesson.objects.filter(course=course)
        .order_by("module__position", "module_id", "position", "id")
        .only("id", "title", "slug", "course_id", "module_id", "position")
    )


def lesson_in_course(course: Course, lesson_slug: str) -> Lesson:
    """A lesson of this course (404 for another course's lesson)."""
    return get_object_or_404(
        Lesson.objects.select_related("module").prefetch_related("resources"), course=course, slug=lesson_slug
    )


def quiz_in_course(course: Course, quiz_slug: str) -> Quiz:
    return get_object_or_404(Quiz.objects.select_related("module"), course=course, slug=quiz_slug)


def quiz_questions(quiz: Quiz) -> list[Question]:
    return list(quiz.questions.prefetch_related("choices").order_by("position", "id"))


def learner_dashboard(user) -> dict:
    """What "My learning" shows: enrollments in progress and completed, certificates, CE hours."""
    lesson_count = (
        Lesson.objects.filter(course=OuterRef("course_id"))
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    from django.db.models import Subquery

    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("course", "last_lesson")
        .annotate(lesson_total=Subquery(lesson_count))
        .order_by("-enrolled_at")
    )
    assignments = {
        a.course_id: a for a in Assignment.objects.filter(user=user).select_related("organization")
    }
    for enrollment in enrollments:
        enrollment.assignment = assignments.get(enrollment.course_id)
        total = enrollment.lesson_total or 0
        enrollment.percent = round(100 * enrollment.lessons_done / total) if total else 0
    certificates = list(Certificate.objects.filter(user=user).select_related("course").order_by("-issued_at"))
    year = timezone.localdate().year
    hours_this_year = sum(
        (c.hours for c in CECredit.objects.filter(user=user, earned_on__year=year)), start=0
    )
    from medsocial.accounts.models import Organization

    administered = list(
        Organization.objects.filter(memberships__user=user, memberships__role="admin")
        .order_by("name")
        .only("name", "slug")
    )
    return {
        "administered": administered,
        "in_progress": [e for e in enrollments if e.completed_at is None],
        "completed": [e for e in enrollments if e.completed_at is not None],
        "certificates": certificates,
        "ce_hours_this_year": hours_this_year,
        "year": year,
    }


def transcript(user) -> list[CECredit]:
    """Every CE credit of `user` (courses and events), newest first."""
    return list(CECredit.objects.filter(user=user).order_by("-earned_on", "title"))


def certificate_by_code(code: str) -> Certificate | None:
    code = (code or "").strip().upper()
    return Certificate.objects.select_related("course", "replaced_by").filter(code=code).first()


def own_certificate(user, code: str) -> Certificate:
    certificate = (
        Certificate.objects.select_related("course", "user").filter(code=code.upper(), user=user).first()
    )
    if certificate is None:
        raise Http404("No such certificate.")
    return certificate


def course_report(course: Course) -> dict:
    """Enrollments, completion rate, quiz score distribution and drop-off per lesson."""
    enrollments = Enrollment.objects.filter(course=course)
    total = enrollments.count()
    completed = enrollments.filter(completed_at__isnull=False).count()
    lessons = list(
        Lesson.objects.filter(course=course)
        .order_by("module__position", "module_id", "position", "id")
        .annotate(done=Count("progress", distinct=True))
    )
    quizzes = []
    for quiz in Quiz.objects.filter(course=course).order_by("id"):
        scores = list(QuizAttempt.objects.filter(quiz=quiz).values_list("score", flat=True))
        buckets = [0] * 5  # 0-19, 20-39, 40-59, 60-79, 80-100
        for score in scores:
            buckets[min(score // 20, 4)] += 1
        top = max(buckets) or 1
        quizzes.append(
            {
                "quiz": quiz,
                "attempts": len(scores),
                "pass_rate": round(100 * sum(s >= quiz.pass_mark for s in scores) / len(scores))
                if scores
                else 0,
                "buckets": [
                    {
                        "label": label,
                        "count": n,
                        "width": round(300 * n / top),
                        "y": 4 + 24 * i,
                        "text_y": 16 + 24 * i,
                        "count_x": 66 + round(300 * n / top),
                    }
                    for i, (label, n) in enumerate(
                        zip(["0–19", "20–39", "40–59", "60–79", "80–100"], buckets, strict=True)
                    )
                ],
            }
        )
    for lesson in lessons:
        lesson.percent = round(100 * lesson.done / total) if total else 0
    return {
        "enrollments": total,
        "completed": completed,
        "completion_rate": round(100 * completed / total) if total else 0,
        "lessons": lessons,
        "quizzes": quizzes,
    }


def organization_progress(organization, *, today: datetime.date | None = None) -> Sequence[Assignment]:
    """The organization's assignments with each member's progress; `overdue` marks late ones."""
    today = today or timezone.localdate()
    lesson_count = (
        Lesson.objects.filter(course=OuterRef("course_id"))
        .values("course")
        .annotate(n=Count("pk"))
        .values("n")
    )
    from django.db.models import Subquery

    enrollment = Enrollment.objects.filter(user=OuterRef("user_id"), course=OuterRef("course_id"))
    assignments = list(
        Assignment.objects.filter(organization=organization)
        .select_related("user", "course")
        .annotate(
            lessons_done=Subquery(enrollment.values("lessons_done")[:1]),
            completed_at=Subquery(enrollment.values("completed_at")[:1]),
            lesson_total=Subquery(lesson_count),
        )
        .order_by("due_on", "user__full_name", "course__title")
    )
    for assignment in assignments:
        total = assignment.lesson_total or 0
        assignment.percent = (
            100
            if assignment.completed_at
            else (round(100 * (assignment.lessons_done or 0) / total) if total else 0)
        )
        assignment.overdue = bool(
            assignment.due_on and assignment.due_on < today and not assignment.completed_at
        )
    return assignments


# --- Uploaded files (served by core.media, which asks these who may open them) --------------


def may_open_lessons(user, course: Course) -> bool:
    """Enrolled learners and the course's staff (its instructors, site admins) open its lessons."""
    if not getattr(user, "is_authenticated", False):
        return False
    if has_role(user, Role.SITE_ADMIN):
        return True
    if has_role(user, Role.INSTRUCTOR) and course.instructors.filter(pk=user.pk).exists():
        return True
    return Enrollment.objects.filter(user=user, course=course).exists()


def _require_lesson_access(user, lesson: Lesson) -> None:
    if not visible_courses(user).filter(pk=lesson.course_id).exists() or not may_open_lessons(
        user, lesson.course
    ):
        raise Http404("No such file.")


def lesson_media_file(user, name: str):
    """A lesson's audio or video, for those who may open the lesson; else 404."""
    lesson = Lesson.objects.select_related("course").filter(media_file=name).first()
    if lesson is None:
        raise Http404("No such file.")
    _require_lesson_access(user, lesson)
    return lesson.media_file


def lesson_resource_file(user, name: str):
    """A lesson's downloadable resource, for those who may open the lesson; else 404."""
    resource = LessonResource.objects.select_related("lesson__course").filter(file=name).first()
    if resource is None:
        raise Http404("No such file.")
    _require_lesson_access(user, resource.lesson)
    return resource.file


def course_cover_file(user, name: str):
    """A course's cover image, wherever the course itself is visible."""
    course = visible_courses(user).filter(cover_image=name).first()
    if course is None:
        raise Http404("No such file.")
    return course.cover_image
