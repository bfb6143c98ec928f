"""The admin: plans are edited here; memberships, invoices and covered staff can be looked up and
dues marked paid (through the same service as the staff page)."""

from django.contrib import admin, messages

from medsocial.core.errors import DomainError
from medsocial.programs import models, services


@admin.register(models.Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "yearly_dues",
        "seats",
        "yearly_points",
        "member_prices",
        "member_content",
        "is_active",
    ]
    list_filter = ["kind", "is_active"]
    prepopulated_fields = {"slug": ["name"]}


class CoveredStaffInline(admin.TabularInline):
    model = models.CoveredStaff
    extra = 0
    raw_id_fields = ["user", "added_by"]


class DuesInvoiceInline(admin.TabularInline):
    model = models.DuesInvoice
    extra = 0
    can_delete = False
    readonly_fields = [
        "amount",
        "period_start",
        "period_end",
        "status",
        "paid_at",
        "marked_paid_by",
        "created_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["pk", "plan", "user", "organization", "starts_on", "ends_on", "cancelled_at"]
    list_filter = ["plan", "cancelled_at"]
    search_fields = ["user__email", "user__full_name", "organization__name"]
    raw_id_fields = ["user", "organization", "joined_by"]
    readonly_fields = ["starts_on", "ends_on", "joined_at"]
    inlines = [CoveredStaffInline, DuesInvoiceInline]


@admin.register(models.DuesInvoice)
class DuesInvoiceAdmin(admin.ModelAdmin):
    list_display = [
        "invoice_number",
        "membership",
        "amount",
        "period_start",
        "period_end",
        "status",
        "paid_at",
    ]
    list_filter = ["status"]
    readonly_fields = [
        "membership",
        "amount",
        "period_start",
        "period_end",
        "status",
        "paid_at",
        "marked_paid_by",
        "created_at",
    ]
    actions = ["mark_paid"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Mark the selected invoices paid")
    def mark_paid(self, request, queryset):
        for invoice in queryset:
            try:
                services.mark_paid(invoice=invoice, by=request.user)
            except DomainError as exc:
                self.message_user(request, f"{invoice.invoice_number}: {exc.message}", messages.ERROR)


class ReadOnlyLedgerMixin:
    """Ledger entries are never changed or deleted: points move only through the services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LedgerEntryInline(ReadOnlyLedgerMixin, admin.TabularInline):
    model = models.LedgerEntry
    fk_name = "wallet"
    extra = 0
    fields = [
        "created_at",
        "kind",
        "amount",
        "balance_after",
        "counterpart",
        "order",
        "invoice",
        "memo",
        "created_by",
    ]
    readonly_fields = fields
    ordering = ["-created_at", "-pk"]
    show_change_link = True


@admin.register(models.Wallet)
class WalletAdmin(ReadOnlyLedgerMixin, admin.ModelAdmin):
    list_display = ["pk", "user", "organization", "balance"]
    search_fields = ["user__email", "user__full_name", "organization__name"]
    readonly_fields = ["user", "organization", "balance", "created_at"]
    inlines = [LedgerEntryInline]


@admin.register(models.LedgerEntry)
class LedgerEntryAdmin(ReadOnlyLedgerMixin, admin.ModelAdmin):
    list_display = ["created_at", "wallet", "kind", "amount", "balance_after", "memo"]
    list_filter = ["kind"]
    search_fields = ["wallet__user__email", "wallet__organization__name", "memo"]
    list_select_related = ["wallet__user", "wallet__organization"]
