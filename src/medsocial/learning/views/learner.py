"""Learner pages: catalog, course, lessons, "My learning", transcript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from medsocial.awards import selectors as awards_selectors
from medsocial.core import sharing as site_sharing
from medsocial.core.csv_export import csv_response
from medsocial.core.markdown import render_markdown
from medsocial.core.page_cache import cache_page_for_visitors
from medsocial.core.personal_cache import cache_page_per_person
from medsocial.learning import selectors, services, sharing
from medsocial.learning.content import rendered_lesson_body
from medsocial.learning.documents import transcript_pdf
from medsocial.learning.errors import LearningConflict, LearningError
from medsocial.learning.forms import CatalogFilterForm
from medsocial.learning.services.authoring import can_edit
from medsocial.learning.services.certificates import recertification_open

PAGE_SIZE = 24


@cache_page_for_visitors("learning")
def catalog(request):
    form = CatalogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    courses = selectors.catalog(
        viewer=request.user,
        query=filters.get("q", ""),
        topic=filters.get("topic", ""),
        profession=filters.get("profession", ""),
        level=filters.get("level", ""),
        ce_only=filters.get("ce", False),
    )
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page,
        "courses": page.object_list,
        "query_string": query.urlencode(),
        "share": site_sharing.PageMeta(
            title="Courses on social media for health care professionals",
            description="Self-paced courses on privacy, professionalism, platforms and strategy, "
            "many with continuing education credit.",
        ),
    }
    template = "learning/_catalog_results.html" if request.htmx else "learning/catalog.html"
    return render(request, template, context)


@cache_page_for_visitors("learning")
def course_detail(request, slug):
    course = selectors.access_course(request.user, slug)
    enrollment = selectors.enrollment_for(request.user, course)
    modules = selectors.syllabus(course)
    done = selectors.done_lesson_ids(enrollment)
    passed = selectors.passed_quiz_ids(enrollment)
    lesson_total = sum(len(m.lessons.all()) for m in modules)
    certificate = assignment = None
    if enrollment is not None:
        assignment = course.assignments.filter(user=request.user).select_related("organization").first()
        certificate = (
            course.certificates.filter(user=request.user, replaced_by__isnull=True)
            .order_by("-issued_at")
            .first()
        )
    first_lesson = next((m.lessons.all()[0] for m in modules if m.lessons.all()), None)
    instructors = list(course.instructors.all())
    return render(
        request,
        "learning/course_detail.html",
        {
            "course": course,
            "description_html": render_markdown(course.description),
            "modules": modules,
            "course_quizzes": [q for q in course.quizzes.all() if q.module_id is None],
            "instructors": instructors,
            "share": sharing.course_meta(course, instructors),
            "enrollment": enrollment,
            "done": done,
            "passed": passed,
            "lesson_total": lesson_total,
            "percent": round(100 * len(done) / lesson_total) if lesson_total else 0,
            "certificate": certificate,
            "assignment": assignment,
            "recertify": enrollment is not None
            and enrollment.completed_at
            and recertification_open(certificate),
            "first_lesson": first_lesson,
            "can_edit": request.user.is_authenticated and can_edit(request.user, course),
        },
    )


@login_required
@require_POST
def enroll(request, slug):
    course = selectors.access_course(request.user, slug)
    try:
        services.enroll(user=request.user, course=course)
    except LearningError as exc:
        messages.error(request, exc.message)
    except LearningConflict as exc:
        messages.info(request, exc.message)
    else:
        messages.success(request, f"You are enrolled in {course.title}.")
    return redirect(course)


@login_required
@require_POST
def unenroll(request, slug):
    course = selectors.access_course(request.user, slug)
    try:
        services.unenroll(user=request.user, course=course)
    except LearningError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"You left {course.title}.")
    return redirect(course)


@login_required
@require_POST
def recertify(request, slug):
    course = selectors.access_course(request.user, slug)
    enrollment = selectors.enrollment_for(request.user, course)
    if enrollment is None:
        messages.error(request, "Enroll first.")
        return redirect(course)
    try:
        services.start_recertification(enrollment=enrollment)
    except LearningError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, "Recertification started: work through the course again for a new certificate."
        )
    return redirect(course)


def _lesson_context(request, course, lesson, enrollment):
    lessons = selectors.ordered_lessons(course)
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    done = selectors.done_lesson_ids(enrollment)
    return {
        "course": course,
        "lesson": lesson,
        "body_html": rendered_lesson_body(lesson.body),
        "resources": list(lesson.resources.all()),
        "previous": lessons[index - 1] if index > 0 else None,
        "next": lessons[index + 1] if index + 1 < len(lessons) else None,
        "position": index + 1,
        "lesson_total": len(lessons),
        "enrollment": enrollment,
        "is_done": lesson.pk in done,
        "done_count": len(done),
        "module_quizzes": list(lesson.module.quizzes.all()),
        "preview": enrollment is None,
        "outline": selectors.syllabus(course),
        "done_ids": done,
        "percent": round(100 * len(done) / len(lessons)) if lessons else 0,
    }


@cache_page_per_person
def lesson_detail(request, slug, lesson_slug):
    course = selectors.access_course(request.user, slug)
    lesson = selectors.lesson_in_course(course, lesson_slug)
    enrollment = selectors.enrollment_for(request.user, course)
    if enrollment is None and not (request.user.is_authenticated and can_edit(request.user, course)):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:sign-in')}?next={request.get_full_path()}")
        messages.info(request, "Enroll to open the lessons.")
        return redirect(course)
    if enrollment is not None:
        services.record_visit(enrollment=enrollment, lesson=lesson)
    return render(request, "learning/lesson.html", _lesson_context(request, course, lesson, enrollment))


@login_required
@require_POST
def complete_lesson(request, slug, lesson_slug):
    course = selectors.access_course(request.user, slug)
    lesson = selectors.lesson_in_course(course, lesson_slug)
    enrollment = selectors.enrollment_for(request.user, course)
    if enrollment is None:
        messages.error(request, "Enroll first.")
        return redirect(course)
    finished = services.complete_lesson(enrollment=enrollment, lesson=lesson)
    if finished:
        messages.success(request, "Course complete! Your certificate is ready.")
        return redirect(course)
    lessons = selectors.ordered_lessons(course)
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
    quizzes = list(lesson.module.quizzes.all())
    is_last_of_module = index + 1 >= len(lessons) or lessons[index + 1].module_id != lesson.module_id
    passed = selectors.passed_quiz_ids(enrollment)
    pending = [q for q in quizzes if q.pk not in passed]
    if is_last_of_module and pending:
        return redirect(pending[0])
    if index + 1 < len(lessons):
        return redirect("learning:lesson", slug=course.slug, lesson_slug=lessons[index + 1].slug)
    final_quiz = course.quizzes.filter(module__isnull=True).exclude(pk__in=passed).order_by("id").first()
    return redirect(final_quiz or course)


@cache_page_per_person
@login_required
def dashboard(request):
    return render(request, "learning/dashboard.html", selectors.learner_dashboard(request.user))


@login_required
def transcript(request):
    credits = selectors.transcript(request.user)
    return render(
        request,
        "learning/transcript.html",
        {
            "credits": credits,
            "total": sum((c.hours for c in credits), start=0),
            "awards": awards_selectors.awards_of(request.user),
        },
    )


@login_required
def transcript_csv(request):
    rows = (
        [credit.earned_on, credit.title, credit.source, credit.hours]
        for credit in selectors.transcript(request.user)
    )
    return csv_response(
        request, filename="ce-transcript.csv", header=["earned_on", "title", "source", "hours"], rows=rows
    )


@login_required
def transcript_download(request):
    response = HttpResponse(
        transcript_pdf(request.user, selectors.transcript(request.user)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="ce-transcript.pdf"'
    return response
