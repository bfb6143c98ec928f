from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils import timezone

from medsocial.accounts.models import (
    Invitation,
    Membership,
    Organization,
    PersonalAccessToken,
    User,
    parse_email_domains,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organization"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "credentials", "profession", "is_staff", "email_confirmed_at"]
    list_filter = ["is_staff", "is_superuser", "is_active", "profession", "groups"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["date_joined", "last_login"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profile",
            {"fields": ["full_name", "credentials", "profession", "time_zone", "email_confirmed_at"]},
        ),
        ("Roles", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "city", "state", "verified_at", "created_at"]
    list_filter = [("verified_at", admin.EmptyFieldListFilter), "kind", "state"]
    search_fields = ["name", "city", "verified_email_domains"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["verified_by"]
    inlines = [MembershipInline]
    actions = ["mark_verified"]

    @admin.action(description="Mark the selected organizations verified")
    def mark_verified(self, request, queryset):
        now = timezone.now()
        count = queryset.filter(verified_at__isnull=True).update(verified_at=now, verified_by=request.user)
        self.message_user(request, f"{count} organization(s) marked verified.")

    def save_model(self, request, obj, form, change):
        # Ticking a date in the admin records who verified, as the site's own page does.
        if "verified_at" in form.changed_data:
            obj.verified_by = request.user if obj.verified_at else None
        if "verified_email_domains" in form.changed_data:
            obj.verified_email_domains = "\n".join(parse_email_domains(obj.verified_email_domains))
        super().save_model(request, obj, form, change)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "joined_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organization__name"]
    list_select_related = ["user", "organization"]
    autocomplete_fields = ["user", "organization"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization"]
    readonly_fields = ["token_hash"]


@admin.register(PersonalAccessToken)
class PersonalAccessTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "hint", "created_at", "last_used_at", "revoked_at"]
    search_fields = ["name", "user__email"]
    list_select_related = ["user"]
    readonly_fields = ["token_hash", "hint"]
