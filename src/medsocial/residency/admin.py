"""The admin: programs with their rubric, cohorts with their rotation, and applications to look
up. Decisions, mentor assignments and capstone reviews go through the staff pages, which call
the services that hold the rules (capacity, eight residents per mentor)."""

from django.contrib import admin

from medsocial.residency import models


class RubricCriterionInline(admin.TabularInline):
    model = models.RubricCriterion
    extra = 1


@admin.register(models.Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_published"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RubricCriterionInline]


class RotationItemInline(admin.TabularInline):
    model = models.RotationItem
    extra = 1
    raw_id_fields = ["course", "event"]


class CohortMentorInline(admin.TabularInline):
    model = models.CohortMentor
    extra = 0
    raw_id_fields = ["user"]


@admin.register(models.Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "program", "starts_on", "ends_on", "capacity", "seat_points", "is_published"]
    list_filter = ["program", "is_published"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RotationItemInline, CohortMentorInline]


class CapstoneVersionInline(admin.TabularInline):
    model = models.CapstoneVersion
    extra = 0
    can_delete = False
    fields = ["number", "status", "submitted_at", "attachment"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["user", "cohort", "status", "mentor", "submitted_at", "completed_at"]
    list_filter = ["status", "cohort"]
    search_fields = ["user__email", "user__full_name", "cohort__name"]
    raw_id_fields = ["user", "mentor", "decided_by", "seat_payment", "seat_refund"]
    # The rules (capacity, mentor ratio, refunds) live in the services the staff pages call.
    readonly_fields = [
        "cohort",
        "user",
        "status",
        "submitted_at",
        "decided_at",
        "decided_by",
        "decline_reason",
        "withdrawn_at",
        "mentor",
        "seat_payment",
        "seat_refund",
        "completed_at",
    ]
    inlines = [CapstoneVersionInline]


class CriterionScoreInline(admin.TabularInline):
    model = models.CriterionScore
    extra = 0
    can_delete = False
    readonly_fields = ["criterion", "score", "comment"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.CapstoneReview)
class CapstoneReviewAdmin(admin.ModelAdmin):
    list_display = ["version", "reviewer", "decision", "reviewed_at"]
    list_filter = ["decision"]
    readonly_fields = ["version", "reviewer", "decision", "comments", "reviewed_at"]
    inlines = [CriterionScoreInline]

    def has_add_permission(self, request):
        return False
