"""Instructors write courses in the site: courses, modules, lessons, resources, quizzes."""

import re
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from medsocial.accounts.roles import Role, has_role
from medsocial.core import page_cache
from medsocial.core.covers import social_cover
from medsocial.core.markdown import plain_text
from medsocial.core.uploads import check_upload
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import (
    Choice,
    Course,
    Enrollment,
    Lesson,
    LessonProgress,
    LessonResource,
    Module,
    Question,
    Quiz,
)

MAX_MEDIA_BYTES = 200 * 1024 * 1024
MAX_RESOURCE_BYTES = 20 * 1024 * 1024
MAX_COVER_BYTES = 5 * 1024 * 1024
MEDIA_EXTENSIONS = (".mp3", ".m4a", ".ogg", ".oga", ".wav", ".mp4", ".webm", ".m4v")
RESOURCE_EXTENSIONS = (
    ".pdf",
    ".docx",
    ".pptx",
    ".xlsx",
    ".csv",
    ".txt",
    ".png",
    ".jpg",
    ".jpeg",
    ".zip",
    ".odt",
)
COURSE_FIELDS = {
    "title",
    "summary",
    "description",
    "topic",
    "level",
    "audience",
    "estimated_hours",
    "ce_hours",
    "validity_months",
    "cover_image",
}
LESSON_FIELDS = {"title", "body", "media_file", "embed_url", "estimated_minutes", "module"}


def can_edit(user, course: Course) -> bool:
    """Site admins edit every course; instructors only the courses they teach."""
    if has_role(user, Role.SITE_ADMIN):
        return True
    return has_role(user, Role.INSTRUCTOR) and course.instructors.filter(pk=user.pk).exists()


def _require_editor(user, course: Course) -> None:
    if not can_edit(user, course):
        raise LearningNotAllowed("Only the course's instructors can change it.")


def _check_upload(upload, *, limit: int, extensions: tuple[str, ...], field: str) -> None:
    if not upload:
        return
    check_upload(upload, extensions=extensions, max_bytes=limit, field=field, error=LearningError)


# Course slugs share the /learn/ namespace with these pages.
RESERVED_SLUGS = {"my", "verify", "badges", "teach", "organizations"}


def _unique_slug(model, base: str, **scope) -> str:
    base = slugify(base)[:70] or "item"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug, **scope).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def refresh_search_text(course: Course) -> None:
    """Rebuild the words catalog search looks through (title, summary, description, modules, lessons)."""
    page_cache.bump("learning")  # bulk writes send no signals
    parts = [course.title, course.summary, plain_text(course.description), course.get_topic_display()]
    parts += list(Module.objects.filter(course=course).values_list("title", flat=True))
    for title, body in Lesson.objects.filter(course=course).values_list("title", "body"):
        parts += [title, plain_text(body)]
    Course.objects.filter(pk=course.pk).update(search_text="\n".join(parts))


def _check_course_fields(fields: dict) -> None:
    """Refuse unknown fields and a bad cover; a good cover is cropped to the sharing size in place."""
    unknown = set(fields) - COURSE_FIELDS
    if unknown:
        raise LearningError(f"Unknown course fields: {', '.join(sorted(unknown))}.")
    _check_upload(
        fields.get("cover_image"),
        limit=MAX_COVER_BYTES,
        extensions=(".png", ".jpg", ".jpeg", ".webp"),
        field="cover_image",
    )
    if isinstance(fields.get("cover_image"), UploadedFile):
        fields["cover_image"] = social_cover(fields["cover_image"], error=LearningError)


@transaction.atomic
def create_course(*, by, title: str, summary: str, **fields) -> Course:
    """A new draft course taught by `by`."""
    if not has_role(by, Role.INSTRUCTOR):
        raise LearningNotAllowed("Only instructors can create courses.")
    _check_course_fields(fields)
    course = Course.objects.create(title=title, summary=summary, slug=_unique_slug(Course, title), **fields)
    course.instructors.add(by)
    refresh_search_text(course)
    return course


@transaction.atomic
def update_course(*, by, course: Course, **fields) -> Course:
    _require_editor(by, course)
    _check_course_fields(fields)
    for name, value in fields.items():
        setattr(course, name, value)
    course.save()
    refresh_search_text(course)
    return course


@transaction.atomic
def publish_course(*, by, course: Course) -> Course:
    """Open the course in the catalog; it needs at least one lesson, and every quiz a question."""
    _require_editor(by, course)
    if not Lesson.objects.filter(course=course).exists():
        raise LearningError("Add at least one lesson before publishing.")
    if Quiz.objects.filter(course=course, questions__isnull=True).exists():
        raise LearningError("Every quiz needs at least one question before publishing.")
    course.status = Course.Status.PUBLISHED
    course.published_at = course.published_at or timezone.now()
    course.save(update_fields=["status", "published_at", "updated_at"])
    return course


@transaction.atomic
def unpublish_course(*, by, course: Course) -> Course:
    """Hide the course from the catalog; enrolled learners keep their records."""
    _require_editor(by, course)
    course.status = Course.Status.DRAFT
    course.save(update_fields=["status", "updated_at"])
    return course


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return 0 if last is None else last + 1


@transaction.atomic
def _check_module_title(title: str) -> None:
    limit: int = Module._meta.get_field("title").max_length or 200
    if len(title.strip()) > limit:
        raise LearningError(f"A module title can have at most {limit} characters.", field="title")


def add_module(*, by, course: Course, title: str) -> Module:
    _require_editor(by, course)
    if not title.strip():
        raise LearningError("A module needs a title.", field="title")
    _check_module_title(title)
    module = Module.objects.create(
        course=course, title=title.strip(), position=_next_position(course.modules.all())
    )
    refresh_search_text(course)
    return module


@transaction.atomic
def update_module(*, by, module: Module, title: str) -> Module:
    _require_editor(by, module.course)
    _check_module_title(title)
    module.title = title.strip() or module.title
    module.save(update_fields=["title"])
    refresh_search_text(module.course)
    return module


@transaction.atomic
def delete_module(*, by, module: Module) -> None:
    _require_editor(by, module.course)
    course = module.course
    affected = _enrollments_with_progress_in(Lesson.objects.filter(module=module))
    module.delete()
    _recount_lessons_done(affected)
    refresh_search_text(course)


def _enrollments_with_progress_in(lessons) -> list[int]:
    return list(
        LessonProgress.objects.filter(lesson__in=lessons).values_list("enrollment_id", flat=True).distinct()
    )


def _recount_lessons_done(enrollment_ids: list[int]) -> None:
    """Progress rows of a deleted lesson go with it; the learners' counts follow."""
    if enrollment_ids:
        done = (
            LessonProgress.objects.filter(enrollment=OuterRef("pk"))
            .values("enrollment")
            .annotate(n=Count("pk"))
            .values("n")
        )
        Enrollment.objects.filter(pk__in=enrollment_ids).update(lessons_done=Coalesce(Subquery(done), 0))


def _check_module(course: Course, module: Module) -> None:
    if module.course_id != course.pk:
        raise LearningError("That module belongs to another course.", field="module")


@transaction.atomic
def add_lesson(*, by, course: Course, module: Module, title: str, **fields) -> Lesson:
    _require_editor(by, course)
    _check_module(course, module)
    unknown = set(fields) - LESSON_FIELDS
    if unknown:
        raise LearningError(f"Unknown lesson fields: {', '.join(sorted(unknown))}.")
    _check_upload(
        fields.get("media_file"), limit=MAX_MEDIA_BYTES, extensions=MEDIA_EXTENSIONS, field="media_file"
    )
    lesson = Lesson.objects.create(
        course=course,
        module=module,
        title=title,
        slug=_unique_slug(Lesson, title, course=course),
        position=_next_position(module.lessons.all()),
        **fields,
    )
    refresh_search_text(course)
    return lesson


@transaction.atomic
def update_lesson(*, by, lesson: Lesson, **fields) -> Lesson:
    _require_editor(by, lesson.course)
    unknown = set(fields) - LESSON_FIELDS
    if unknown:
        raise LearningError(f"Unknown lesson fields: {', '.join(sorted(unknown))}.")
    if "module" in fields:
        _check_module(lesson.course, fields["module"])
    _check_upload(
        fields.get("media_file"), limit=MAX_MEDIA_BYTES, extensions=MEDIA_EXTENSIONS, field="media_file"
    )
    for name, value in fields.items():
        setattr(lesson, name, value)
    lesson.save()
    refresh_search_text(lesson.course)
    return lesson


@transaction.atomic
def delete_lesson(*, by, lesson: Lesson) -> None:
    _require_editor(by, lesson.course)
    course = lesson.course
    affected = _enrollments_with_progress_in([lesson])
    lesson.delete()
    _recount_lessons_done(affected)
    refresh_search_text(course)


@transaction.atomic
def add_resource(*, by, lesson: Lesson, title: str, file) -> LessonResource:
    """Attach a downloadable file to a lesson (size and type are checked)."""
    _require_editor(by, lesson.course)
    if not file:
        raise LearningError("Choose a file.", field="file")
    _check_upload(file, limit=MAX_RESOURCE_BYTES, extensions=RESOURCE_EXTENSIONS, field="file")
    return LessonResource.objects.create(
        lesson=lesson, title=title.strip() or file.name, file=file, size=file.size
    )


@transaction.atomic
def move(*, by, item, direction: str) -> None:
    """Move a module, lesson or question one place up or down among its siblings."""
    page_cache.bump("learning")  # bulk writes send no signals
    if direction not in ("up", "down"):
        raise LearningError("Move up or down.")
    siblings: QuerySet[Module] | QuerySet[Lesson] | QuerySet[Question]
    if isinstance(item, Module):
        course, siblings = item.course, Module.objects.filter(course_id=item.course_id)
    elif isinstance(item, Lesson):
        course, siblings = item.course, Lesson.objects.filter(module_id=item.module_id)
    elif isinstance(item, Question):
        course, siblings = item.quiz.course, Question.objects.filter(quiz_id=item.quiz_id)
    else:
        raise LearningError("That cannot be reordered.")
    _require_editor(by, course)
    ordered: list[Module | Lesson | Question] = list(siblings.select_for_update().order_by("position", "id"))
    index = next(i for i, sibling in enumerate(ordered) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, sibling in enumerate(ordered):
        if sibling.position != position:
            siblings.filter(pk=sibling.pk).update(position=position)


@transaction.atomic
def reorder(
    *,
    by,
    course: Course,
    module_ids: Sequence[int] | None = None,
    module_id: int | None = None,
    lesson_ids: Sequence[int] | None = None,
) -> None:
    """Put the course's modules, or the lessons of one of its modules, in the order given.

    Either `module_ids` lists every module of the course, or `lesson_ids` lists every lesson of
    module `module_id`, where a lesson of another module of the same course moves into it. The
    list is taken whole or refused whole: a stale or tampered list changes nothing.
    """
    _require_editor(by, course)
    if module_ids is not None and lesson_ids is None and module_id is None:
        _reorder_modules(course, list(module_ids))
    elif lesson_ids is not None and module_ids is None:
        _reorder_lessons(course, module_id, list(lesson_ids))
    else:
        raise LearningError("Send the new order of the modules, or of the lessons of one module.")


def _check_order(ids: list[int], current: set[int], *, noun: str, parent: str) -> None:
    if len(set(ids)) != len(ids):
        raise LearningError(f"Each {noun} can appear only once in the new order.")
    if not current <= set(ids):
        raise LearningError(f"The new order leaves out a {noun} of {parent}. Reload the page and try again.")


def _reorder_modules(course: Course, ids: list[int]) -> None:
    page_cache.bump("learning")  # bulk writes send no signals
    # Locked in id order so two reorders of one course queue up instead of deadlocking.
    modules = {m.pk: m for m in Module.objects.select_for_update().filter(course=course).order_by("pk")}
    if set(ids) - set(modules):
        raise LearningError("The new order lists a module that is not part of this course.")
    _check_order(ids, set(modules), noun="module", parent="this course")
    changed = []
    for position, pk in enumerate(ids):
        if modules[pk].position != position:
            modules[pk].position = position
            changed.append(modules[pk])
    Module.objects.bulk_update(changed, ["position"])


def _reorder_lessons(course: Course, module_id: int | None, ids: list[int]) -> None:
    page_cache.bump("learning")  # bulk writes send no signals
    module = (
        Module.objects.select_for_update().filter(pk=module_id).first() if module_id is not None else None
    )
    if module is None:
        raise LearningError("Choose a module of this course for the lessons.")
    if module.course_id != course.pk:
        raise LearningError("Lessons can only move into a module of their own course.")
    # Every lesson of the course is locked: moved lessons leave a gap in the module they came from.
    lessons = {
        lesson.pk: lesson
        for lesson in Lesson.objects.select_for_update()
        .filter(course=course)
        .order_by("pk")
        .only("module", "position")
    }
    if set(ids) - set(lessons):
        raise LearningError("The new order lists a lesson that is not part of this course.")
    _check_order(
        ids,
        {pk for pk, lesson in lessons.items() if lesson.module_id == module.pk},
        noun="lesson",
        parent="this module",
    )
    left = {lessons[pk].module_id for pk in ids} - {module.pk}
    changed = []
    for position, pk in enumerate(ids):
        lesson = lessons[pk]
        if lesson.module_id != module.pk or lesson.position != position:
            lesson.module_id, lesson.position = module.pk, position
            changed.append(lesson)
    for source_id in left:
        remaining = sorted(
            (lesson for lesson in lessons.values() if lesson.module_id == source_id),
            key=lambda lesson: (lesson.position, lesson.pk),
        )
        for position, lesson in enumerate(remaining):
            if lesson.position != position:
                lesson.position = position
                changed.append(lesson)
    Lesson.objects.bulk_update(changed, ["module", "position"])


@transaction.atomic
def add_quiz(*, by, course: Course, title: str, module: Module | None = None, **fields) -> Quiz:
    _require_editor(by, course)
    if module is not None:
        _check_module(course, module)
    if not title.strip():
        raise LearningError("A quiz needs a title.", field="title")
    return Quiz.objects.create(
        course=course,
        module=module,
        title=title.strip(),
        slug=_unique_slug(Quiz, title, course=course),
        **fields,
    )


@transaction.atomic
def update_quiz(*, by, quiz: Quiz, **fields) -> Quiz:
    _require_editor(by, quiz.course)
    if fields.get("module") is not None:
        _check_module(quiz.course, fields["module"])
    for name, value in fields.items():
        setattr(quiz, name, value)
    quiz.save()
    return quiz


def parse_choices(text: str) -> list[tuple[str, bool]]:
    """Choices written one per line; a line starting with "*" is a correct answer."""
    choices = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        correct = line.startswith("*")
        choices.append((line.lstrip("*").strip(), correct))
    return choices


_MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


def parse_marked_post(text: str) -> tuple[str, list[list[int]]]:
    """A post written with [[double brackets]] around each detail that identifies the patient:
    the plain post and the [start, end] offsets of the marked details in it."""
    plain, spans, position = [], [], 0
    length = 0
    for match in _MARK.finditer(text):
        before, detail = text[position : match.start()], match.group(1)
        plain += [before, detail]
        spans.append([length + len(before), length + len(before) + len(detail)])
        length += len(before) + len(detail)
        position = match.end()
    plain.append(text[position:])
    result = "".join(plain)
    if "[[" in result or "]]" in result:
        raise LearningError("Every [[ needs a matching ]] around one detail.", field="post_text")
    return result, spans


def marked_post(text: str, spans) -> str:
    """The post with [[ ]] around each span: what the author edits."""
    merged: list[list[int]] = []
    for start, end in sorted((int(a), int(b)) for a, b in spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + "[[" + text[start:end] + "]]" + text[end:]
    return text


def suggested_marks(text: str) -> str:
    """The post with what the post safety coach finds already marked: a start for the author,
    who decides (the coach can miss a detail or flag a harmless one)."""
    from medsocial.safety.engine import analyze

    return marked_post(text, [(f.start, f.end) for f in analyze(text).findings])


def _patient_post(post_text: str) -> tuple[str, list[list[int]]]:
    if not post_text.strip():
        raise LearningError("Write the post the learner examines.", field="post_text")
    plain, spans = parse_marked_post(post_text)
    if not spans:
        raise LearningError(
            "Mark each detail that identifies the patient with [[double brackets]]. The safety "
            f"coach suggests: {suggested_marks(plain)}",
            field="post_text",
        )
    return plain, spans


def _validate_question(kind: str, choices: list[tuple[str, bool]], post_text: str) -> list[tuple[str, bool]]:
    if kind == Question.Kind.PATIENT_DETAILS:
        return []
    if kind == Question.Kind.TRUE_FALSE:
        correct = [text.lower() for text, ok in choices if ok]
        if correct not in (["true"], ["false"]):
            raise LearningError('Mark either "True" or "False" as the correct answer.', field="choices")
        return [("True", correct == ["true"]), ("False", correct == ["false"])]
    if len(choices) < 2:
        raise LearningError("Give at least two choices.", field="choices")
    right = sum(ok for _, ok in choices)
    if right == 0:
        raise LearningError("Mark the correct choice with * at the start of its line.", field="choices")
    if kind == Question.Kind.SINGLE and right != 1:
        raise LearningError("A single-choice question has exactly one correct choice.", field="choices")
    return choices


@transaction.atomic
def add_question(
    *,
    by,
    quiz: Quiz,
    kind: str,
    prompt: str,
    choices: Sequence[tuple[str, bool]] = (),
    post_text: str = "",
    feedback_correct: str = "",
    feedback_incorrect: str = "",
    points: int = 1,
) -> Question:
    """Add a question; `choices` are (text, is_correct) pairs. A patient-details question's
    `post_text` marks each identifying detail with [[double brackets]]."""
    _require_editor(by, quiz.course)
    question = Question(quiz=quiz, position=_next_position(quiz.questions.all()))
    return _save_question(
        question,
        kind=kind,
        prompt=prompt,
        choices=choices,
        post_text=post_text,
        feedback=(feedback_correct, feedback_incorrect),
        points=points,
    )


@transaction.atomic
def update_question(
    *,
    by,
    question: Question,
    kind: str,
    prompt: str,
    choices: Sequence[tuple[str, bool]] = (),
    post_text: str = "",
    feedback_correct: str = "",
    feedback_incorrect: str = "",
    points: int = 1,
) -> Question:
    """Replace a question's content and choices, with the same checks as adding one."""
    _require_editor(by, question.quiz.course)
    return _save_question(
        question,
        kind=kind,
        prompt=prompt,
        choices=choices,
        post_text=post_text,
        feedback=(feedback_correct, feedback_incorrect),
        points=points,
    )


def _save_question(
    question: Question,
    *,
    kind: str,
    prompt: str,
    choices: Sequence[tuple[str, bool]],
    post_text: str,
    feedback: tuple[str, str],
    points: int,
) -> Question:
    if kind not in Question.Kind.values:
        raise LearningError("Choose a question type.", field="kind")
    if not prompt.strip():
        raise LearningError("Write the question.", field="prompt")
    checked_choices = _validate_question(kind, list(choices), post_text)
    spans: list[list[int]] = []
    if kind == Question.Kind.PATIENT_DETAILS:
        post_text, spans = _patient_post(post_text)
    is_new = question._state.adding
    question.kind, question.prompt, question.post_text, question.answer_spans = (
        kind,
        prompt.strip(),
        post_text,
        spans,
    )
    question.feedback_correct, question.feedback_incorrect = feedback
    question.points = points
    question.save()
    if not is_new:
        question.choices.all().delete()
    Choice.objects.bulk_create(
        [
            Choice(question=question, text=text, is_correct=ok, position=i)
            for i, (text, ok) in enumerate(checked_choices)
        ]
    )
    return question


@transaction.atomic
def delete_question(*, by, question: Question) -> None:
    _require_editor(by, question.quiz.course)
    question.delete()
