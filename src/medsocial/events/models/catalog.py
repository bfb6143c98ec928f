"""What an event is and what registering for it offers: tickets, discount codes, questions.

Times are stored in UTC; each event names the time zone it happens in, and pages show both
that zone and the viewer's.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


def validate_time_zone(value: str) -> None:
    """An IANA zone name. Checked here rather than as model choices, so a newer tz database on
    another machine never shows up as a migration."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"“{value}” is not a known time zone.") from None


class Event(models.Model):
    class Kind(models.TextChoices):
        WEBINAR = "webinar", "Webinar"
        WORKSHOP = "workshop", "In-person workshop"
        ONSITE_WORKSHOP = "onsite_workshop", "On-site workshop"
        CONFERENCE = "conference", "Conference"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        CANCELLED = "cancelled", "Cancelled"

    class Visibility(models.TextChoices):
        PUBLIC = "public", "Everyone"
        ORGANIZATION = "organization", "Members of one organization"

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.WEBINAR)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    cover_image = models.ImageField(
        upload_to="events/covers/",
        blank=True,
        help_text="Shown on the event page and in links shared on social networks; "
        "cropped to 1200 × 630 pixels (blank: a card with the title is drawn).",
    )
    organizer = models.CharField(
        max_length=200, blank=True, help_text="Who runs the event, as shown to attendees."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    visibility = models.CharField(max_length=15, choices=Visibility.choices, default=Visibility.PUBLIC)
    organization = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text="For events restricted to one organization's members (on-site workshops).",
    )
    members_only = models.BooleanField(
        default=False,
        help_text="Only people a membership in force covers may register (everyone may see the event).",
    )
    time_zone = models.CharField(max_length=64, default="America/New_York", validators=[validate_time_zone])
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue_name = models.CharField(max_length=200, blank=True)
    venue_address = models.TextField(blank=True)
    join_url = models.URLField(blank=True, help_text="Online join link; shown only to registered people.")
    recording_url = models.URLField(
        blank=True, help_text="Shown to registered people once the event is over."
    )
    capacity = models.PositiveIntegerField(help_text="Seats; people beyond it join the waitlist.")
    registration_opens_at = models.DateTimeField(null=True, blank=True)
    registration_closes_at = models.DateTimeField(null=True, blank=True)
    cancellation_deadline = models.DateTimeField(
        null=True, blank=True, help_text="Registrants may cancel until then (default: the start)."
    )
    ce_hours = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal("0"))
    checkin_opens_minutes_before = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="How many minutes before the start check-in opens (blank: the site's default, "
        "EVENTS_CHECKIN_OPENS_MINUTES, 120 unless changed).",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message="The event must end after it starts.",
            ),
            models.CheckConstraint(
                condition=~models.Q(visibility="organization") | models.Q(organization__isnull=False),
                name="event_restricted_names_organization",
                violation_error_message="Choose the organization whose members may see this event.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_online(self) -> bool:
        return bool(self.join_url) and not self.venue_address

    def is_over(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.status != self.Status.PUBLISHED or now >= self.ends_at:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)

    def cancellation_closes_at(self):
        return self.cancellation_deadline or self.starts_at

    def checkin_opens_at(self) -> datetime.datetime:
        """The door opens this long before the start; it closes at the end."""
        minutes = self.checkin_opens_minutes_before
        if minutes is None:
            minutes = settings.EVENTS_CHECKIN_OPENS_MINUTES
        return self.starts_at - datetime.timedelta(minutes=minutes)

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def local_date(self) -> datetime.date:
        """The event's date where it happens: CE hours for attending it carry this date."""
        return timezone.localtime(self.starts_at, self.tz).date()


class TicketType(models.Model):
    """What a registration buys. Prices are in US dollars; zero means free."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="ticket_types")
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=300, blank=True)
    price = models.DecimalField(
        max_digits=8, decimal_places=2, default=Decimal("0"), help_text="Non-member price."
    )
    member_price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Price for people a membership in force covers (blank: same as the price).",
    )
    early_bird_price = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    early_bird_until = models.DateTimeField(null=True, blank=True)
    quantity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Blank: limited only by the event's seats."
    )
    is_active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.name} ({self.event})"

    def price_for(self, *, is_member: bool, now=None) -> Decimal:
        """The price before any discount code: early bird wins while it lasts, then member price."""
        now = now or timezone.now()
        candidates = [self.price]
        if is_member and self.member_price is not None:
            candidates.append(self.member_price)
        if self.early_bird_price is not None and self.early_bird_until and now < self.early_bird_until:
            candidates.append(self.early_bird_price)
        return min(candidates)

    @property
    def is_free(self) -> bool:
        return self.price == 0


class DiscountCode(models.Model):
    class Kind(models.TextChoices):
        PERCENT = "percent", "Percent off"
        AMOUNT = "amount", "Amount off"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="discount_codes")
    code = models.CharField(max_length=40)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PERCENT)
    value = models.DecimalField(max_digits=8, decimal_places=2)
    max_uses = models.PositiveIntegerField(null=True, blank=True, help_text="Blank: unlimited.")
    times_used = models.PositiveIntegerField(default=0)
    valid_until = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="discount_code_unique_per_event"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="discount_value_not_negative"),
        ]

    def __str__(self):
        return self.code

    def discount_on(self, price: Decimal) -> Decimal:
        if self.kind == self.Kind.PERCENT:
            off = (price * min(self.value, Decimal("100")) / Decimal("100")).quantize(Decimal("0.01"))
        else:
            off = self.value
        return min(off, price)


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", "Text"
        CHOICE = "choice", "Choice"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(blank=True, help_text="For choice questions: one option per line.")
    required = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label

    @property
    def options(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
