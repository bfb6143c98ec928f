"""The learning API: the public catalog and course outlines, the caller's enrollments, and
public certificate verification. Same selectors and services as the pages."""

from datetime import datetime
from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from medsocial.api.auth import viewer
from medsocial.api.pagination import PageNumberPagination
from medsocial.awards import openbadges
from medsocial.learning import selectors, services

router = Router(tags=["learning"])


class CourseOut(Schema):
    slug: str
    title: str
    summary: str
    topic: str
    level: str
    audience: list[str] = Field(description="Professions the course is written for; empty means everyone.")
    estimated_hours: Decimal
    ce_hours: Decimal
    validity_months: int | None = Field(
        description="Certificates expire after this many months; null: never."
    )
    url: str

    @staticmethod
    def resolve_audience(obj):
        return obj.audience_list

    @staticmethod
    def resolve_url(obj):
        return openbadges.absolute(obj.get_absolute_url())


class LessonOut(Schema):
    slug: str
    title: str
    estimated_minutes: int


class QuizOut(Schema):
    slug: str
    title: str
    pass_mark: int
    max_attempts: int | None


class ModuleOut(Schema):
    title: str
    lessons: list[LessonOut]
    quizzes: list[QuizOut]


class CourseDetailOut(CourseOut):
    description: str = Field(description="Markdown.")
    instructors: list[str]
    modules: list[ModuleOut]
    final_quizzes: list[QuizOut]

    @staticmethod
    def resolve_instructors(obj):
        return [person.display_name for person in obj.instructors.all()]

    @staticmethod
    def resolve_modules(obj):
        return [
            {"title": m.title, "lessons": list(m.lessons.all()), "quizzes": list(m.quizzes.all())}
            for m in obj.syllabus_modules
        ]

    @staticmethod
    def resolve_final_quizzes(obj):
        return list(obj.quizzes.filter(module__isnull=True))


class CatalogFilters(Schema):
    q: str = Field("", description="Words to search for in titles, summaries and lessons.")
    topic: str = ""
    profession: str = ""
    level: str = ""
    ce_only: bool = False


class EnrollmentOut(Schema):
    course: CourseOut
    enrolled_at: datetime
    completed_at: datetime | None
    lessons_done: int
    lessons_total: int
    percent: int
    quizzes_passed: list[str]
    certificate_code: str | None


class EnrollIn(Schema):
    course: str = Field(description="The course's slug.")


class VerificationOut(Schema):
    code: str
    status: str = Field(description="valid, expired or revoked")
    recipient_name: str
    course_title: str
    issued_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    revocation_reason: str
    ce_hours: Decimal


@router.get("/courses", response=list[CourseOut], auth=None, summary="The course catalog")
@paginate(PageNumberPagination, page_size=50)
def list_courses(request: HttpRequest, filters: Query[CatalogFilters]):
    return selectors.catalog(
        viewer=None,
        query=filters.q,
        topic=filters.topic,
        profession=filters.profession,
        level=filters.level,
        ce_only=filters.ce_only,
    )


@router.get("/courses/{slug}", response=CourseDetailOut, auth=None, summary="A course with its syllabus")
def course_detail(request: HttpRequest, slug: str):
    course = selectors.access_course(viewer(request), slug)
    course.syllabus_modules = selectors.syllabus(course)
    return course


def _enrollment_out(enrollment, *, lessons_total, passed, certificate_code):
    return {
        "course": enrollment.course,
        "enrolled_at": enrollment.enrolled_at,
        "completed_at": enrollment.completed_at,
        "lessons_done": enrollment.lessons_done,
        "lessons_total": lessons_total,
        "percent": round(100 * enrollment.lessons_done / lessons_total) if lessons_total else 0,
        "quizzes_passed": passed,
        "certificate_code": certificate_code,
    }


@router.get("/enrollments", response=list[EnrollmentOut], summary="My enrollments and progress")
def my_enrollments(request: HttpRequest):
    from medsocial.learning.models import Certificate, QuizAttempt

    dashboard = selectors.learner_dashboard(request.auth)
    enrollments = dashboard["in_progress"] + dashboard["completed"]
    passed: dict[int, list[str]] = {}
    for enrollment_id, cycle, slug in (
        QuizAttempt.objects.filter(enrollment__user=request.auth, passed=True)
        .values_list("enrollment_id", "cycle", "quiz__slug")
        .distinct()
    ):
        passed.setdefault((enrollment_id, cycle), []).append(slug)
    codes = dict(
        Certificate.objects.filter(
            user=request.auth, replaced_by__isnull=True, revoked_at__isnull=True
        ).values_list("course_id", "code")
    )
    return [
        _enrollment_out(
            e,
            lessons_total=e.lesson_total or 0,
            passed=sorted(set(passed.get((e.pk, e.cycle), []))),
            certificate_code=codes.get(e.course_id),
        )
        for e in enrollments
    ]


@router.post("/enrollments", response={201: EnrollmentOut}, summary="Enroll in a course")
def enroll(request: HttpRequest, payload: EnrollIn):
    course = selectors.access_course(request.auth, payload.course)
    enrollment = services.enroll(user=request.auth, course=course)
    return Status(
        201,
        _enrollment_out(enrollment, lessons_total=course.lessons.count(), passed=[], certificate_code=None),
    )


@router.get("/certificates/{code}", response=VerificationOut, auth=None, summary="Verify a certificate")
def verify_certificate(request: HttpRequest, code: str):
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404("No certificate has this ID.")
    return {
        "code": certificate.code,
        "status": certificate.status,
        "recipient_name": certificate.recipient_name,
        "course_title": certificate.course_title,
        "issued_at": certificate.issued_at,
        "expires_at": certificate.expires_at,
        "revoked_at": certificate.revoked_at,
        "revocation_reason": certificate.revocation_reason,
        "ce_hours": certificate.ce_hours,
    }
