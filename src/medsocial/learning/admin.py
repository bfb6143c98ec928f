from django.contrib import admin, messages

from medsocial.learning import services
from medsocial.learning.errors import LearningError
from medsocial.learning.models import (
    Assignment,
    CECredit,
    Certificate,
    Choice,
    Course,
    Enrollment,
    Lesson,
    LessonResource,
    Module,
    Question,
    Quiz,
    QuizAttempt,
)


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "topic", "level", "ce_hours", "published_at"]
    list_filter = ["status", "topic", "level"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["instructors"]
    inlines = [ModuleInline]


class ResourceInline(admin.TabularInline):
    model = LessonResource
    extra = 0


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "module", "position", "estimated_minutes"]
    list_filter = ["course"]
    search_fields = ["title", "body"]
    list_select_related = ["course", "module"]
    inlines = [ResourceInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt", "quiz", "kind", "position"]
    list_filter = ["kind"]
    list_select_related = ["quiz"]
    inlines = [ChoiceInline]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "module", "pass_mark", "max_attempts"]
    list_select_related = ["course", "module"]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "enrolled_at", "completed_at", "cycle"]
    search_fields = ["user__email", "course__title"]
    list_select_related = ["user", "course"]
    raw_id_fields = ["user", "last_lesson"]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "quiz", "number", "score", "passed", "submitted_at"]
    list_select_related = ["enrollment__user", "enrollment__course", "quiz"]
    readonly_fields = ["answers", "results"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "recipient_name", "course_title", "issued_at", "expires_at", "revoked_at"]
    search_fields = ["code", "recipient_name", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user", "replaces"]
    actions = ["revoke_selected"]

    @admin.action(description="Revoke the selected certificates (reason: revoked by staff)")
    def revoke_selected(self, request, queryset):
        for certificate in queryset.select_related("course"):
            try:
                services.revoke_certificate(
                    by=request.user, certificate=certificate, reason="Revoked by staff."
                )
            except LearningError as exc:
                self.message_user(request, f"{certificate.code}: {exc.message}", messages.WARNING)


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "organization", "due_on", "reminder_sent_at"]
    list_select_related = ["user", "course", "organization"]
    raw_id_fields = ["user", "assigned_by"]


@admin.register(CECredit)
class CECreditAdmin(admin.ModelAdmin):
    list_display = ["user", "title", "hours", "earned_on", "source"]
    list_filter = ["source"]
    search_fields = ["user__email", "title"]
    list_select_related = ["user"]
