from django.contrib import admin

from medsocial.safety.models import AllowedIdentifier, PolicyRule


@admin.register(PolicyRule)
class PolicyRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "severity", "is_active", "updated_at"]
    list_filter = ["severity", "is_active", ("organization", admin.EmptyFieldListFilter)]
    search_fields = ["name", "organization__name"]
    autocomplete_fields = ["organization"]


@admin.register(AllowedIdentifier)
class AllowedIdentifierAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "organization", "note"]
    list_filter = ["kind"]
    search_fields = ["value", "organization__name"]
    autocomplete_fields = ["organization"]
