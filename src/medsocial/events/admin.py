"""The admin covers what the event pages do not: bulk edits, corrections, lookups."""

from django.contrib import admin

from medsocial.events import models


class TicketTypeInline(admin.TabularInline):
    model = models.TicketType
    extra = 0


class QuestionInline(admin.TabularInline):
    model = models.Question
    extra = 0


class DiscountCodeInline(admin.TabularInline):
    model = models.DiscountCode
    extra = 0
    readonly_fields = ["times_used"]


@admin.register(models.Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "starts_at", "time_zone", "capacity", "visibility"]
    list_filter = ["kind", "status", "visibility"]
    search_fields = ["title", "slug", "organizer"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["organization", "created_by"]
    inlines = [TicketTypeInline, DiscountCodeInline, QuestionInline]


class OrderInline(admin.StackedInline):
    model = models.Order
    extra = 0
    can_delete = False
    readonly_fields = ["base_price", "discount_amount", "total", "discount_code", "created_at"]


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["user", "event", "status", "ticket_type", "created_at", "checked_in_at"]
    list_filter = ["status", "event"]
    search_fields = ["user__email", "user__full_name", "ticket_code", "event__title"]
    raw_id_fields = ["user", "event", "ticket_type", "checked_in_by"]
    readonly_fields = ["ticket_code", "created_at", "admitted_unpaid_at", "admitted_unpaid_by"]
    inlines = [OrderInline]


@admin.register(models.Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["pk", "registration", "total", "payment_status", "payment_provider", "paid_at"]
    list_filter = ["payment_status", "payment_provider"]
    raw_id_fields = ["registration", "discount_code", "marked_paid_by"]


@admin.register(models.Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "format", "track", "room", "starts_at", "capacity"]
    list_filter = ["event", "format"]
    search_fields = ["title"]
    filter_horizontal = ["speakers"]


@admin.register(models.Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "organization_name", "email"]
    search_fields = ["name", "email", "organization_name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user", "organization"]


class ReviewInline(admin.TabularInline):
    model = models.Review
    extra = 0
    raw_id_fields = ["reviewer"]


@admin.register(models.Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "format", "status", "created_at"]
    list_filter = ["status", "event"]
    raw_id_fields = ["submitted_by", "decided_by", "session"]
    inlines = [ReviewInline]


@admin.register(models.WorkshopRequest)
class WorkshopRequestAdmin(admin.ModelAdmin):
    list_display = ["organization", "audience_size", "preferred_dates", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["organization", "requested_by", "event"]


admin.site.register(
    [models.Track, models.Room, models.DiscountCode, models.Question, models.TicketType, models.AgendaItem]
)
admin.site.register(models.CalendarFeed, list_display=["user", "created_at"], raw_id_fields=["user"])
