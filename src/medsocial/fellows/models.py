"""The Fellows ladder: levels with criteria thresholds, a review rubric, portfolios people
submit for the next level, staff reviews, and the Fellows people are (and whether they are listed)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from medsocial.awards.openbadges import verification_code


class Level(models.Model):
    """A rung of the ladder. Thresholds are what a person's record must show before they may
    submit a portfolio for it; staff edit them in the admin."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60)
    rank = models.PositiveSmallIntegerField(unique=True, help_text="1 for the first level, 2 for the next…")
    description = models.TextField(blank=True)
    badge_class = models.OneToOneField(
        "awards.BadgeClass", on_delete=models.PROTECT, related_name="fellows_level"
    )
    min_courses = models.PositiveSmallIntegerField("courses completed", default=0)
    min_ce_hours = models.DecimalField(
        "CE hours", max_digits=6, decimal_places=2, default=Decimal("0"), validators=[MinValueValidator(0)]
    )
    min_events = models.PositiveSmallIntegerField("events attended", default=0)
    min_articles = models.PositiveSmallIntegerField("articles published as author", default=0)
    min_talks = models.PositiveSmallIntegerField("talks given", default=0)
    min_mentoring = models.PositiveSmallIntegerField("coaching sessions led", default=0)

    class Meta:
        ordering = ["rank"]

    def __str__(self):
        return self.name


class RubricItem(models.Model):
    """One thing reviewers score on every portfolio, from 0 to `max_score`."""

    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=120)
    guidance = models.TextField(blank=True, help_text="What a full score looks like.")
    max_score = models.PositiveSmallIntegerField(
        default=4, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


def portfolio_upload_path(portfolio, filename: str) -> str:
    return f"fellows/portfolios/{portfolio.person_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class Portfolio(models.Model):
    class Status(models.TextChoices):
        IN_REVIEW = "in_review", "In review"
        RETURNED = "returned", "Returned for changes"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    OPEN = (Status.IN_REVIEW, Status.RETURNED)

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fellows_portfolios"
    )
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="portfolios")
    statement = models.TextField()
    links = models.JSONField(default=list, blank=True)
    file = models.FileField(upload_to=portfolio_upload_path, max_length=300, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=120, blank=True)
    directory_consent = models.BooleanField("list me in the public Fellows directory", default=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_REVIEW)
    # The person's figures when they submitted: what the reviewer judged against.
    criteria_figures = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    award = models.OneToOneField(
        "awards.Award", on_delete=models.SET_NULL, null=True, blank=True, related_name="fellows_portfolio"
    )
    # The unguessable part of the public evidence page's address (statement and links only).
    evidence_code = models.CharField(max_length=20, unique=True, default=verification_code)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        permissions = [("review_portfolio", "Can review Fellows portfolios")]
        constraints = [
            # One portfolio at a time is in review or waiting for the person's changes.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=["in_review", "returned"]),
                name="fellows_one_open_portfolio_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.level} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("fellows:portfolio", args=[self.pk])


class Review(models.Model):
    class Decision(models.TextChoices):
        APPROVE = "approve", "Approve"
        RETURN = "return", "Return for changes"
        DECLINE = "decline", "Decline"

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # [{"item": id, "title": ..., "score": n, "max": m}]: the rubric as it was when scored.
    scores = models.JSONField(default=list)
    comments = models.TextField(blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.reviewer} on {self.created_at:%Y-%m-%d}"

    @property
    def total(self) -> int:
        return sum(s["score"] for s in self.scores)

    @property
    def total_max(self) -> int:
        return sum(s["max"] for s in self.scores)


class Fellow(models.Model):
    """A person's standing on the ladder: the highest level approved, and their directory consent."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fellow")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="fellows")
    since = models.DateTimeField(default=timezone.now)
    listed = models.BooleanField(
        default=False, help_text="The person agreed to appear in the public directory."
    )
    listed_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["listed", "level"])]

    def __str__(self):
        return f"{self.person} — {self.level}"
