"""Instructor pages: author courses, modules, lessons and quizzes; reorder; publish; report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from medsocial.accounts.roles import Role, has_role
from medsocial.core.forms import add_domain_error
from medsocial.learning import selectors, services
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.forms import CourseForm, LessonForm, ModuleForm, QuestionForm, QuizForm, ResourceForm
from medsocial.learning.models import Lesson, Module, Question, Quiz
from medsocial.learning.services.authoring import marked_post, parse_choices


@login_required
def teach_home(request):
    if not has_role(request.user, Role.INSTRUCTOR):
        raise PermissionDenied("Only instructors can author courses.")
    return render(request, "learning/teach/home.html", {"courses": selectors.courses_taught(request.user)})


@login_required
def course_create(request):
    if not has_role(request.user, Role.INSTRUCTOR):
        raise PermissionDenied("Only instructors can author courses.")
    form = CourseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            course = services.create_course(
                by=request.user, title=data.pop("title"), summary=data.pop("summary"), **data
            )
        except LearningError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Course created as a draft. Add modules and lessons.")
            return redirect("learning:teach-course", slug=course.slug)
    return render(
        request,
        "learning/teach/course_form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _outline_context(course, **extra):
    return {
        "course": course,
        "modules": selectors.syllabus(course),
        "module_form": ModuleForm(),
        "course_quizzes": list(course.quizzes.filter(module__isnull=True)),
        **extra,
    }


@login_required
def course_edit(request, slug):
    course = selectors.access_course_for_editing(request.user, slug)
    form = CourseForm(request.POST or None, request.FILES or None, instance=course)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not (k == "cover_image" and v is None)}
        try:
            services.update_course(by=request.user, course=course, **data)
        except LearningError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Course saved.")
            return redirect("learning:teach-course", slug=course.slug)
    course.refresh_from_db()
    return render(
        request,
        "learning/teach/course_edit.html",
        {"form": form, **_outline_context(course)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def course_publish(request, slug):
    course = selectors.access_course_for_editing(request.user, slug)
    try:
        if request.POST.get("action") == "unpublish":
            services.unpublish_course(by=request.user, course=course)
            messages.success(request, "The course is a draft again.")
        else:
            services.publish_course(by=request.user, course=course)
            messages.success(request, "The course is published in the catalog.")
    except LearningError as exc:
        messages.error(request, exc.message)
    return redirect("learning:teach-course", slug=course.slug)


@login_required
@require_POST
def module_add(request, slug):
    course = selectors.access_course_for_editing(request.user, slug)
    try:
        services.add_module(by=request.user, course=course, title=request.POST.get("title", ""))
    except LearningError as exc:
        messages.error(request, exc.message)
    return redirect("learning:teach-course", slug=course.slug)


@login_required
@require_POST
def module_delete(request, slug, module_id):
    course = selectors.access_course_for_editing(request.user, slug)
    services.delete_module(by=request.user, module=get_object_or_404(Module, course=course, pk=module_id))
    messages.success(request, "Module deleted.")
    return redirect("learning:teach-course", slug=course.slug)


@login_required
@require_POST
def reorder(request, slug, kind, item_id):
    """Move a module, lesson or question up or down; htmx swaps the outline, plain forms redirect."""
    course = selectors.access_course_for_editing(request.user, slug)
    if kind == "module":
        item = get_object_or_404(Module, course=course, pk=item_id)
    elif kind == "lesson":
        item = get_object_or_404(Lesson, course=course, pk=item_id)
    else:
        item = get_object_or_404(
            Question.objects.select_related("quiz__course"), quiz__course=course, pk=item_id
        )
    try:
        services.move(by=request.user, item=item, direction=request.POST.get("direction", ""))
    except LearningError as exc:
        messages.error(request, exc.message)
    if kind == "question":
        return redirect("learning:teach-quiz", slug=course.slug, quiz_id=item.quiz_id)
    if request.htmx:
        return render(request, "learning/teach/_outline.html", _outline_context(course))
    return redirect("learning:teach-course", slug=course.slug)


def _posted_order(data) -> dict:
    """The order a drag and drop sent: `module_ids`, or `module_id` with its `lesson_ids`."""
    try:
        order = {
            name: [int(pk) for pk in data.getlist(name)]
            for name in ("module_ids", "lesson_ids")
            if name in data
        }
        if data.get("module_id"):
            order["module_id"] = int(data["module_id"])
    except ValueError:
        raise LearningError("The new order can only name modules and lessons by their number.") from None
    return order


@login_required
@require_POST
def outline_order(request, slug):
    """Save the whole order a drag and drop produced; htmx swaps in the outline as stored."""
    course = selectors.access_course_for_editing(request.user, slug)
    try:
        services.reorder(by=request.user, course=course, **_posted_order(request.POST))
    except (LearningError, LearningNotAllowed) as exc:
        if request.htmx:
            return render(
                request,
                "learning/teach/_outline.html",
                _outline_context(course, outline_error=exc.message),
                status=exc.status_code,
            )
        messages.error(request, exc.message)
    else:
        if request.htmx:
            return render(
                request, "learning/teach/_outline.html", _outline_context(course, outline_saved=True)
            )
        messages.success(request, "New order saved.")
    return redirect("learning:teach-course", slug=course.slug)


@login_required
def lesson_edit(request, slug, lesson_id=None):
    course = selectors.access_course_for_editing(request.user, slug)
    lesson = get_object_or_404(Lesson, course=course, pk=lesson_id) if lesson_id else None
    initial = {"module": request.GET.get("module")} if lesson is None else None
    form = LessonForm(
        request.POST or None, request.FILES or None, instance=lesson, course=course, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not (k == "media_file" and v is None)}
        try:
            if lesson is None:
                lesson = services.add_lesson(
                    by=request.user,
                    course=course,
                    title=data.pop("title"),
                    **{k: v for k, v in data.items() if k != "module"},
                    module=data["module"],
                )
            else:
                services.update_lesson(by=request.user, lesson=lesson, **data)
        except LearningError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Lesson saved.")
            return redirect("learning:teach-lesson", slug=course.slug, lesson_id=lesson.pk)
    return _lesson_page(
        request, course, lesson, form, ResourceForm(), status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
def lesson_delete(request, slug, lesson_id):
    course = selectors.access_course_for_editing(request.user, slug)
    services.delete_lesson(by=request.user, lesson=get_object_or_404(Lesson, course=course, pk=lesson_id))
    messages.success(request, "Lesson deleted.")
    return redirect("learning:teach-course", slug=course.slug)


@login_required
@require_POST
def resource_add(request, slug, lesson_id):
    course = selectors.access_course_for_editing(request.user, slug)
    lesson = get_object_or_404(Lesson, course=course, pk=lesson_id)
    form = ResourceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_resource(
                by=request.user,
                lesson=lesson,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            )
        except LearningError as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, "File attached.")
            return redirect("learning:teach-lesson", slug=course.slug, lesson_id=lesson.pk)
    return _lesson_page(request, course, lesson, LessonForm(instance=lesson, course=course), form, status=400)


def _lesson_page(request, course, lesson, lesson_form, resource_form, *, status):
    """The lesson editor: the lesson's own form beside its attached files."""
    return render(
        request,
        "learning/teach/lesson_form.html",
        {
            "course": course,
            "lesson": lesson,
            "form": lesson_form,
            "resource_form": resource_form,
            "resources": list(lesson.resources.all()) if lesson else [],
        },
        status=status,
    )


@login_required
def quiz_edit(request, slug, quiz_id=None):
    course = selectors.access_course_for_editing(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id) if quiz_id else None
    form = QuizForm(request.POST or None, instance=quiz, course=course)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if quiz is None:
                quiz = services.add_quiz(by=request.user, course=course, title=data.pop("title"), **data)
            else:
                services.update_quiz(by=request.user, quiz=quiz, **data)
        except LearningError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Quiz saved.")
            return redirect("learning:teach-quiz", slug=course.slug, quiz_id=quiz.pk)
    return render(
        request,
        "learning/teach/quiz_form.html",
        {
            "course": course,
            "quiz": quiz,
            "form": form,
            "question_form": QuestionForm(),
            "questions": list(quiz.questions.prefetch_related("choices")) if quiz else [],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def question_edit(request, slug, quiz_id, question_id=None):
    course = selectors.access_course_for_editing(request.user, slug)
    quiz = get_object_or_404(Quiz, course=course, pk=quiz_id)
    question = get_object_or_404(Question, quiz=quiz, pk=question_id) if question_id else None
    initial = None
    if question is not None:
        initial = {
            "kind": question.kind,
            "prompt": question.prompt,
            "post_text": marked_post(question.post_text, question.answer_spans),
            "feedback_correct": question.feedback_correct,
            "feedback_incorrect": question.feedback_incorrect,
            "points": question.points,
            "choices": "\n".join(("*" if c.is_correct else "") + c.text for c in question.choices.all()),
        }
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["choices"] = parse_choices(data["choices"])
        try:
            if question is None:
                services.add_question(by=request.user, quiz=quiz, **data)
            else:
                services.update_question(by=request.user, question=question, **data)
        except LearningError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Question saved.")
            return redirect("learning:teach-quiz", slug=course.slug, quiz_id=quiz.pk)
    return render(
        request,
        "learning/teach/question_form.html",
        {"course": course, "quiz": quiz, "question": question, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def question_delete(request, slug, quiz_id, question_id):
    course = selectors.access_course_for_editing(request.user, slug)
    question = get_object_or_404(
        Question.objects.select_related("quiz__course"), quiz__course=course, quiz_id=quiz_id, pk=question_id
    )
    services.delete_question(by=request.user, question=question)
    messages.success(request, "Question deleted.")
    return redirect("learning:teach-quiz", slug=course.slug, quiz_id=quiz_id)


@login_required
def course_report(request, slug):
    course = selectors.access_course_for_editing(request.user, slug)
    return render(
        request, "learning/teach/report.html", {"course": course, **selectors.course_report(course)}
    )
