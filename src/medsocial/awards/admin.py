"""Badge classes are defined and edited here; awards are looked up (they are given by the
programs that award them, and revoked on their verification page with a reason)."""

from django.contrib import admin
from django.utils.html import format_html

from medsocial.awards import models


@admin.register(models.BadgeClass)
class BadgeClassAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "caption", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["code", "badge_class", "recipient_name", "issued_at", "revoked_at", "verification"]
    list_filter = ["badge_class", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["code", "recipient_name", "recipient__email"]
    list_select_related = ["badge_class"]
    raw_id_fields = ["recipient", "issued_by", "revoked_by"]
    readonly_fields = [
        "code",
        "recipient",
        "badge_class",
        "recipient_name",
        "recipient_salt",
        "issued_at",
        "issued_by",
        "evidence",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
    ]

    def has_add_permission(self, request):
        return False  # awards come from award_badge(), which checks evidence and duplicates

    @admin.display(description="Verification page")
    def verification(self, award):
        return format_html('<a href="{}">{}</a>', award.get_absolute_url(), award.code)
