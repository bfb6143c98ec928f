from django.contrib import admin

from .models import AccountChange, AccountSubmission, Hospital, Network, Observation, SocialAccount


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "rule", "position")
    ordering = ("position",)


@admin.register(Hospital)
class HospitalAdmin(admin.ModelAdmin):
    list_display = ("name", "facility_id", "city", "state", "hospital_type", "account_count")
    list_filter = ("state", "hospital_type")
    search_fields = ("name", "facility_id", "city")
    raw_id_fields = ("organization",)
    readonly_fields = ("account_count", "total_followers", "follower_growth")


@admin.register(SocialAccount)
class SocialAccountAdmin(admin.ModelAdmin):
    list_display = ("handle", "network", "hospital", "first_seen", "closed_on", "latest_followers")
    list_filter = ("network",)
    search_fields = ("handle", "hospital__name")
    raw_id_fields = ("hospital", "verified_by")
    readonly_fields = ("latest_followers", "latest_observed_on", "last_active_on")


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ("account", "observed_on", "followers", "posts", "source")
    raw_id_fields = ("account",)
    list_select_related = ("account__network",)


@admin.register(AccountSubmission)
class AccountSubmissionAdmin(admin.ModelAdmin):
    list_display = ("hospital", "kind", "network", "status", "created_at")
    list_filter = ("status", "kind")
    raw_id_fields = ("hospital", "account", "submitted_by", "reviewed_by")


@admin.register(AccountChange)
class AccountChangeAdmin(admin.ModelAdmin):
    list_display = ("hospital", "account", "action", "actor", "created_at")
    raw_id_fields = ("hospital", "account", "submission", "actor")
