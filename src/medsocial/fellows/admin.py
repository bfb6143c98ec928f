"""Staff edit the levels' thresholds and the rubric here; portfolios and Fellows can be looked
up (reviews are written on the review page, through the service that awards the badge)."""

from django.contrib import admin

from medsocial.fellows import models


@admin.register(models.Level)
class LevelAdmin(admin.ModelAdmin):
    list_display = [
        "rank",
        "name",
        "min_courses",
        "min_ce_hours",
        "min_events",
        "min_articles",
        "min_talks",
        "min_mentoring",
    ]
    list_display_links = ["name"]
    list_editable = [
        "min_courses",
        "min_ce_hours",
        "min_events",
        "min_articles",
        "min_talks",
        "min_mentoring",
    ]
    list_select_related = ["badge_class"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "rank", "description", "badge_class"]}),
        (
            "Criteria (minimums to submit a portfolio)",
            {
                "fields": [
                    "min_courses",
                    "min_ce_hours",
                    "min_events",
                    "min_articles",
                    "min_talks",
                    "min_mentoring",
                ]
            },
        ),
    ]


@admin.register(models.RubricItem)
class RubricItemAdmin(admin.ModelAdmin):
    list_display = ["position", "title", "max_score", "is_active"]
    list_display_links = ["title"]
    list_editable = ["position", "max_score", "is_active"]


class ReviewInline(admin.TabularInline):
    model = models.Review
    extra = 0
    can_delete = False
    readonly_fields = ["reviewer", "decision", "scores", "comments", "reason", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ["person", "level", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "level"]
    search_fields = ["person__email", "person__full_name"]
    list_select_related = ["person", "level"]
    raw_id_fields = ["person", "award"]
    readonly_fields = [
        "person",
        "level",
        "status",
        "criteria_figures",
        "submitted_at",
        "decided_at",
        "award",
        "evidence_code",
        "file",
        "file_name",
        "file_type",
    ]
    inlines = [ReviewInline]

    def has_add_permission(self, request):
        return False  # portfolios are submitted by their authors, with the criteria checked


@admin.register(models.Fellow)
class FellowAdmin(admin.ModelAdmin):
    list_display = ["person", "level", "since", "listed"]
    list_filter = ["level", "listed"]
    search_fields = ["person__email", "person__full_name"]
    list_select_related = ["person", "level"]
    readonly_fields = ["person", "level", "since", "listed", "listed_changed_at"]

    def has_add_permission(self, request):
        return False  # a Fellow is made by an approved portfolio
