"""Who registered, what they pay, and their private calendar feed."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from medsocial.events.models.catalog import DiscountCode, Event, TicketType


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_ticket_code() -> str:
    # Short enough to type on a phone when a camera cannot read the code.
    return secrets.token_hex(6).upper()


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        WAITLISTED = "waitlisted", "On the waitlist"
        OFFERED = "offered", "Seat offered"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Offer lapsed"

    # Statuses that hold a seat: an offered seat is kept for the person until the offer lapses.
    SEAT_HOLDING = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITLISTED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    ticket_type = models.ForeignKey(TicketType, on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(max_length=12, choices=Status.choices)
    answers = models.JSONField(default=dict, blank=True)
    ticket_code = models.CharField(max_length=20, unique=True, default=new_ticket_code)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    admitted_unpaid_at = models.DateTimeField(
        null=True, blank=True, help_text="Staff admitted this person at the door with the order still unpaid."
    )
    admitted_unpaid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_24h_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_1h_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(status__in=["confirmed", "waitlisted", "offered"]),
                name="one_active_registration_per_person",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.event} ({self.status})"

    def get_absolute_url(self):
        return reverse("events:registration", args=[self.pk])

    @property
    def holds_seat(self) -> bool:
        return self.status in self.SEAT_HOLDING

    @property
    def qr_payload(self) -> str:
        """What the ticket's QR code encodes: the absolute check-in address of this ticket, which
        a phone's camera opens (event managers land on its check-in; anyone else learns nothing)
        and a handheld scanner types into the check-in field."""
        return settings.SITE_URL + reverse("events:ticket-checkin", args=[self.ticket_code])


class Order(models.Model):
    """What a registration costs and whether it is paid; one per registration."""

    class PaymentStatus(models.TextChoices):
        FREE = "free", "Free"
        PENDING = "pending", "Awaiting payment"
        PAID = "paid", "Paid"
        REFUNDED = "refunded", "Refunded"
        VOID = "void", "Void"

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="order")
    currency = models.CharField(max_length=3, default="USD")
    base_price = models.DecimalField(max_digits=8, decimal_places=2)
    price_label = models.CharField(
        max_length=40, blank=True, help_text="Which price applied (early bird, member…)."
    )
    discount_code = models.ForeignKey(
        DiscountCode, null=True, blank=True, on_delete=models.SET_NULL, related_name="orders"
    )
    discount_amount = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    total = models.DecimalField(max_digits=8, decimal_places=2)
    payment_provider = models.CharField(max_length=30, default="invoice")
    payment_status = models.CharField(max_length=10, choices=PaymentStatus.choices)
    paid_at = models.DateTimeField(null=True, blank=True)
    marked_paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refunded_amount = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0"))
    refund_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(total__gte=0), name="order_total_not_negative"),
        ]

    def __str__(self):
        return f"Order {self.pk}: {self.total} {self.currency} ({self.payment_status})"

    @property
    def invoice_number(self) -> str:
        return f"MS-{self.created_at:%Y}-{self.pk:06d}" if self.pk and self.created_at else ""


class CalendarFeed(models.Model):
    """A person's private calendar feed; the token in its URL is the only key, so it can be replaced."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Calendar feed of {self.user}"

    def get_absolute_url(self):
        return reverse("events:calendar-feed", args=[self.token])
