"""Consulting and coaching: readiness assessments, engagements from request to completion,
the shared workspace (sessions, action items, documents, messages) and the strategy plan."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from medsocial.accounts.models import Organization


class BusinessGoal(models.TextChoices):
    PATIENT_ACQUISITION = "patient_acquisition", "Patient acquisition"
    REPUTATION = "reputation", "Reputation"
    RECRUITMENT = "recruitment", "Recruitment"
    PATIENT_EDUCATION = "patient_education", "Patient education"
    FUNDRAISING = "fundraising", "Fundraising"
    ADVOCACY = "advocacy", "Advocacy"
    EMPLOYEE_ENGAGEMENT = "employee_engagement", "Employee engagement"
    OTHER = "other", "Other"


class Network(models.TextChoices):
    """Channels a KPI can be measured on; slugs match the census's network slugs."""

    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    X = "x", "X (Twitter)"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    THREADS = "threads", "Threads"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    PINTEREST = "pinterest", "Pinterest"
    WEBSITE = "website", "Website"
    ALL = "all", "All channels"


# --- Readiness assessment ---------------------------------------------------------------------


class Assessment(models.Model):
    """One completed readiness questionnaire; saved to an organization to follow change over time."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="readiness_assessments"
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answers = models.JSONField(default=dict, help_text="Question key → chosen option (0–4).")
    scores = models.JSONField(default=dict, help_text="Dimension key → score out of 100.")
    overall = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "created_at"])]

    def __str__(self):
        return f"Readiness {self.overall}/100 ({self.created_at:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("consulting:assessment-results", kwargs={"key": self.key})


# --- Engagements -----------------------------------------------------------------------------


class Engagement(models.Model):
    """An organization's request for help and everything that follows from it."""

    # Set by selectors from the viewer's relation to the engagement, not stored.
    viewer_is_client: bool
    viewer_is_coach: bool
    viewer_is_manager: bool

    class Stage(models.TextChoices):
        NEW = "new", "New"
        QUALIFIED = "qualified", "Qualified"
        PROPOSAL = "proposal", "Proposal"
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"
        DECLINED = "declined", "Declined"

    class Service(models.TextChoices):
        CONSULTING = "consulting", "Consulting"
        COACHING = "coaching", "Coaching"
        WORKSHOP = "workshop", "On-site workshop"

    class Timeline(models.TextChoices):
        ASAP = "asap", "As soon as possible"
        QUARTER = "quarter", "Within three months"
        HALF_YEAR = "half_year", "Within six months"
        EXPLORING = "exploring", "Just exploring"

    class Budget(models.TextChoices):
        UNDER_5K = "under_5k", "Under $5,000"
        FROM_5K = "5k_15k", "$5,000 – $15,000"
        FROM_15K = "15k_50k", "$15,000 – $50,000"
        OVER_50K = "over_50k", "Over $50,000"
        UNKNOWN = "unknown", "Not decided yet"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="engagements")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="requested_engagements"
    )
    contact_name = models.CharField(max_length=150)
    contact_email = models.EmailField()
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_title = models.CharField("contact's job title", max_length=150, blank=True)
    business_goals = models.JSONField(default=list, help_text="Keys of BusinessGoal.")
    goals_details = models.TextField(blank=True)
    current_channels = models.TextField(blank=True)
    timeline = models.CharField(max_length=20, choices=Timeline.choices)
    budget = models.CharField(max_length=20, choices=Budget.choices)
    service = models.CharField("preferred service", max_length=20, choices=Service.choices)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.NEW, db_index=True)
    stage_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="CoachAssignment",
        through_fields=("engagement", "coach"),
        related_name="coached_engagements",
        blank=True,
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organization} · {self.get_service_display()}"

    def get_absolute_url(self):
        return reverse("consulting:workspace", kwargs={"pk": self.pk})

    @property
    def business_goal_labels(self) -> list[str]:
        labels = dict(BusinessGoal.choices)
        return [labels.get(key, key) for key in self.business_goals]


class CoachAssignment(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="assignments")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["engagement", "coach"], name="consulting_coach_once")]

    def __str__(self):
        return f"{self.coach} on {self.engagement}"


class StageChange(models.Model):
    """The pipeline's audit trail: every move, with who made it and when."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Engagement.Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Engagement.Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.from_stage or '—'} → {self.to_stage}"


class Proposal(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", "Awaiting the client's answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="proposals")
    scope = models.TextField()
    deliverables = models.TextField(help_text="One deliverable per line.")
    starts_on = models.DateField()
    ends_on = models.DateField()
    fee = models.DecimalField(max_digits=10, decimal_places=2, help_text="US dollars.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SENT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    response_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Proposal for {self.engagement} ({self.get_status_display()})"

    @property
    def deliverable_list(self) -> list[str]:
        return [line.strip("-• ").strip() for line in self.deliverables.splitlines() if line.strip()]


# --- Workspace -------------------------------------------------------------------------------


class CoachingSession(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="sessions")
    uid = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="Calendar event identity."
    )
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=60)
    location = models.CharField(
        max_length=300, blank=True, help_text="A room, an address or a video call link."
    )
    agenda = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    sequence = models.PositiveIntegerField(default=0, help_text="Calendar revision, raised on each change.")

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("consulting:session", kwargs={"pk": self.engagement_id, "session_pk": self.pk})

    @property
    def ends_at(self):
        from datetime import timedelta

        return self.starts_at + timedelta(minutes=self.duration_minutes)


class ActionItem(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="action_items")
    session = models.ForeignKey(
        CoachingSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_items"
    )
    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consulting_action_items",
    )
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done_at", "due_on"])]

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()


def document_upload_path(instance: "DocumentVersion", filename: str) -> str:
    # An unguessable folder per version: files are only ever served by the checked download view.
    return f"consulting/{instance.document.engagement_id}/{uuid.uuid4().hex}/{filename}"


class Document(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    latest_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-updated_at", "pk"]

    def __str__(self):
        return self.title


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=document_upload_path, max_length=300)
    original_name = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=120)
    comment = models.CharField(max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="consulting_document_version_once")
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"


class Message(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Message by {self.author} on {self.created_at:%Y-%m-%d}"


# --- Strategy plan ---------------------------------------------------------------------------


class StrategyGoal(models.Model):
    """A SMART goal: what will change, who is responsible and by when, tied to a business goal."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="goals")
    business_goal = models.CharField(max_length=30, choices=BusinessGoal.choices)
    title = models.CharField("what", max_length=300)
    owner = models.CharField("who", max_length=150, help_text="The person or team responsible.")
    due_on = models.DateField("by when")
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title


class KPI(models.Model):
    class Metric(models.TextChoices):
        FOLLOWERS = "followers", "Followers"
        POSTS = "posts", "Posts"
        ENGAGEMENT_RATE = "engagement_rate", "Engagement rate (%)"
        REACH = "reach", "Reach"
        LINK_CLICKS = "link_clicks", "Link clicks"
        APPOINTMENT_REQUESTS = "appointment_requests", "Appointment requests"
        APPLICATIONS = "applications", "Job applications"
        DONATIONS = "donations", "Donations ($)"
        RESPONSE_HOURS = "response_hours", "Response time (hours)"
        OTHER = "other", "Other"

    # Metrics the census observes for an organization's own accounts.
    CENSUS_METRICS = {Metric.FOLLOWERS, Metric.POSTS}

    goal = models.ForeignKey(StrategyGoal, on_delete=models.CASCADE, related_name="kpis")
    metric = models.CharField(max_length=30, choices=Metric.choices)
    label = models.CharField(
        max_length=150, blank=True, help_text="Optional name, for example “New-patient calls”."
    )
    channel = models.CharField(max_length=20, choices=Network.choices)
    baseline_value = models.DecimalField(max_digits=14, decimal_places=2)
    baseline_on = models.DateField("baseline date")
    target_value = models.DecimalField(max_digits=14, decimal_places=2)
    target_on = models.DateField("target deadline")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["goal", "pk"]
        verbose_name = "KPI"

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.label or f"{self.get_metric_display()} on {self.get_channel_display()}"

    @property
    def syncs_from_census(self) -> bool:
        return self.metric in self.CENSUS_METRICS and self.channel not in (Network.WEBSITE, Network.ALL)

    def progress_percent(self, latest: Decimal | None) -> int:
        """How far the latest value has moved from the baseline toward the target, 0–100."""
        if latest is None or self.target_value == self.baseline_value:
            return 0
        share = (latest - self.baseline_value) / (self.target_value - self.baseline_value)
        return int(max(0, min(1, share)) * 100)


class Measurement(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", "Entered by hand"
        CENSUS = "census", "Census"

    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.MANUAL)
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kpi", "source", "measured_on"], name="consulting_measurement_once_per_day"
            )
        ]

    def __str__(self):
        return f"{self.kpi}: {self.value} on {self.measured_on}"
