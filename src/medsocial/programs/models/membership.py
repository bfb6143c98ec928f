"""Plans, the memberships people and organizations hold, their dues invoices and covered staff.

A membership is in force on the days a paid invoice covers (`starts_on` … `ends_on`) unless it
was cancelled. Nothing runs to lapse it: the day after `ends_on` it is lapsed, because every
check compares the dates with today.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Plan(models.Model):
    """What a membership costs per year and what it gives."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        ORGANIZATION = "organization", "Organization"

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    description = models.TextField(blank=True)
    yearly_dues = models.DecimalField(max_digits=9, decimal_places=2, help_text="US dollars per year.")
    seats = models.PositiveIntegerField(
        null=True, blank=True, help_text="Organization plans: how many staff the membership covers."
    )
    member_prices = models.BooleanField(default=True, help_text="Members pay events' member prices.")
    member_content = models.BooleanField(
        default=True, help_text="Members may register for member-only events."
    )
    yearly_points = models.PositiveIntegerField(
        default=0, help_text="Points credited to the holder's wallet when each year's dues are paid."
    )
    is_active = models.BooleanField(default=True, help_text="Offered to new members.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "yearly_dues", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(yearly_dues__gte=0),
                name="plan_dues_not_negative",
                violation_error_message="Dues cannot be negative.",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="organization", seats__gte=1) | models.Q(kind="individual", seats=None)
                ),
                name="plan_seats_for_organizations_only",
                violation_error_message="An organization plan has at least one seat; an individual plan has none.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_for_organizations(self) -> bool:
        return self.kind == self.Kind.ORGANIZATION


class Membership(models.Model):
    """A plan held by one person or one organization (never both)."""

    class Status(models.TextChoices):
        AWAITING_PAYMENT = "awaiting_payment", "Awaiting payment"
        ACTIVE = "active", "Active"
        LAPSED = "lapsed", "Lapsed"
        CANCELLED = "cancelled", "Cancelled"

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="program_memberships",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="program_memberships",
    )
    joined_at = models.DateTimeField(default=timezone.now)
    joined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    starts_on = models.DateField(null=True, blank=True, help_text="First day paid for (blank: never paid).")
    ends_on = models.DateField(null=True, blank=True, help_text="Last day paid for.")
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-joined_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(user__isnull=False, organization__isnull=True)
                    | models.Q(user__isnull=True, organization__isnull=False)
                ),
                name="membership_held_by_one_person_or_organization",
            ),
            # Backstops for the service's "already a member" refusal under a race.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(cancelled_at__isnull=True, user__isnull=False),
                name="one_open_membership_per_person",
                violation_error_message="You already hold a membership.",
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(cancelled_at__isnull=True, organization__isnull=False),
                name="one_open_membership_per_organization",
                violation_error_message="This organization already holds a membership.",
            ),
        ]
        indexes = [models.Index(fields=["ends_on"])]

    def __str__(self):
        return f"{self.plan} for {self.holder_name}"

    def get_absolute_url(self):
        return reverse("programs:membership", args=[self.pk])

    @property
    def holder_name(self) -> str:
        return str(self.organization if self.organization_id else self.user)

    def status_on(self, day: datetime.date) -> str:
        """The status on `day`, from the dates alone."""
        if self.cancelled_at is not None:
            return self.Status.CANCELLED
        if self.ends_on is None or self.starts_on is None:
            return self.Status.AWAITING_PAYMENT
        if day > self.ends_on:
            return self.Status.LAPSED
        if day < self.starts_on:
            return self.Status.AWAITING_PAYMENT
        return self.Status.ACTIVE

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class CoveredStaff(models.Model):
    """A staff member an organization's membership covers (one seat)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="covered")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="covered_by")
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["user__full_name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "user"],
                name="covered_once_per_membership",
                violation_error_message="This person is already covered.",
            )
        ]
        verbose_name_plural = "covered staff"

    def __str__(self):
        return f"{self.user} covered by {self.membership}"


class DuesInvoice(models.Model):
    """One year's dues; paying it extends the membership to `period_end`."""

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting payment"
        PAID = "paid", "Paid"
        VOID = "void", "Void"

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="invoices")
    amount = models.DecimalField(max_digits=9, decimal_places=2, default=Decimal("0"))
    currency = models.CharField(max_length=3, default="USD")
    period_start = models.DateField()
    period_end = models.DateField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    payment_provider = models.CharField(max_length=30, default="invoice")
    created_at = models.DateTimeField(default=timezone.now)
    paid_at = models.DateTimeField(null=True, blank=True)
    marked_paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="dues_invoice_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start")),
                name="dues_invoice_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["membership"],
                condition=models.Q(status="pending"),
                name="one_pending_dues_invoice_per_membership",
                violation_error_message="An invoice is already awaiting payment.",
            ),
        ]

    def __str__(self):
        return f"{self.invoice_number}: {self.amount} {self.currency} ({self.status})"

    @property
    def invoice_number(self) -> str:
        return f"MSD-{self.created_at:%Y}-{self.pk:06d}" if self.pk and self.created_at else ""

    @property
    def total(self) -> Decimal:
        # The payment providers' instructions read `total`, as on event orders.
        return self.amount
