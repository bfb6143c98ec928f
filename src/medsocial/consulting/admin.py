from django.contrib import admin

from medsocial.consulting import models


class CoachAssignmentInline(admin.TabularInline):
    model = models.CoachAssignment
    fk_name = "engagement"
    extra = 0
    autocomplete_fields = ["coach"]
    readonly_fields = ["assigned_by", "assigned_at"]


class StageChangeInline(admin.TabularInline):
    model = models.StageChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_stage", "to_stage", "actor", "note", "changed_at"]

    def has_add_permission(self, request, obj=None):
        return False  # moves go through the pipeline's rules, on the board


@admin.register(models.Engagement)
class EngagementAdmin(admin.ModelAdmin):
    list_display = ["organization", "service", "stage", "stage_changed_at", "created_at"]
    list_filter = ["stage", "service", "timeline", "budget"]
    search_fields = ["organization__name", "contact_name", "contact_email"]
    readonly_fields = ["stage", "stage_changed_at", "created_at"]
    list_select_related = ["organization"]
    inlines = [CoachAssignmentInline, StageChangeInline]


@admin.register(models.Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["engagement", "status", "fee", "starts_on", "ends_on", "created_at"]
    list_filter = ["status"]
    list_select_related = ["engagement__organization"]


@admin.register(models.CoachingSession)
class CoachingSessionAdmin(admin.ModelAdmin):
    list_display = ["title", "engagement", "starts_at", "duration_minutes"]
    list_select_related = ["engagement__organization"]
    date_hierarchy = "starts_at"


@admin.register(models.ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = ["title", "engagement", "owner", "due_on", "done_at"]
    list_filter = ["done_at"]
    list_select_related = ["engagement__organization", "owner"]


class DocumentVersionInline(admin.TabularInline):
    model = models.DocumentVersion
    extra = 0
    readonly_fields = [
        "number",
        "file",
        "original_name",
        "size",
        "content_type",
        "uploaded_by",
        "uploaded_at",
    ]


@admin.register(models.Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "engagement", "latest_version", "updated_at"]
    inlines = [DocumentVersionInline]


class KPIInline(admin.TabularInline):
    model = models.KPI
    extra = 0


@admin.register(models.StrategyGoal)
class StrategyGoalAdmin(admin.ModelAdmin):
    list_display = ["title", "engagement", "business_goal", "owner", "due_on"]
    inlines = [KPIInline]


@admin.register(models.Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["kpi", "measured_on", "value", "source"]
    list_filter = ["source"]


@admin.register(models.Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["created_at", "organization", "overall"]
    readonly_fields = ["key", "answers", "scores", "overall", "created_at"]
