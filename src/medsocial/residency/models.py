"""The Residency: a program run in cohorts. People apply with a short statement, staff accept
them within the cohort's capacity and give each resident a mentor; residents work through the
cohort's rotation (courses, events, assignments) and submit a capstone that their mentor
reviews against the program's rubric until it is accepted.

Rules live in `services/`; the constraints here are the database's backstop for them.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

# At most this many residents per mentor in one cohort.
MAX_RESIDENTS_PER_MENTOR = 8


class Program(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(max_length=300, help_text="One sentence shown in lists.")
    description = models.TextField(blank=True, help_text="Markdown shown on the program page.")
    is_published = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("residency:program", args=[self.slug])


class RubricCriterion(models.Model):
    """One line of the capstone rubric a mentor scores."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    max_score = models.PositiveSmallIntegerField(default=4)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "rubric criteria"
        constraints = [
            models.CheckConstraint(condition=models.Q(max_score__gte=1), name="rubric_max_score_positive")
        ]

    def __str__(self):
        return self.name


class Cohort(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    applications_open_on = models.DateField()
    applications_close_on = models.DateField()
    capacity = models.PositiveIntegerField(help_text="Residents accepted at most.")
    seat_points = models.PositiveIntegerField(
        default=0, help_text="Points a seat costs, paid from the applicant's wallet (0: free)."
    )
    is_published = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(applications_close_on__gte=models.F("applications_open_on")),
                name="cohort_applications_close_after_open",
            ),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="cohort_capacity_positive"),
        ]

    def __str__(self):
        return f"{self.program.name}: {self.name}"

    def get_absolute_url(self):
        return reverse("residency:cohort", args=[self.slug])

    def accepts_applications(self, day) -> bool:
        return self.is_published and self.applications_open_on <= day <= self.applications_close_on


class CohortMentor(models.Model):
    """A person staff made available to mentor residents of a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="mentors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="residency_mentoring"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="mentor_once_per_cohort")]

    def __str__(self):
        return f"{self.user} mentors in {self.cohort}"


class Application(models.Model):
    """One person's place in a cohort, from application to completion. An accepted application
    is a resident."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Awaiting review"
        WAITLISTED = "waitlisted", "On the waitlist"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="applications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="residency_applications"
    )
    statement = models.TextField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.CharField(max_length=500, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="residents"
    )
    # The points paid for the seat, and their return (ledger entries of the person's wallet).
    seat_payment = models.OneToOneField(
        "programs.LedgerEntry", null=True, blank=True, on_delete=models.PROTECT, related_name="residency_seat"
    )
    seat_refund = models.OneToOneField(
        "programs.LedgerEntry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="residency_refund",
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    # The Open Badge (with its certificate) that completion issued.
    award = models.ForeignKey(
        "awards.Award", null=True, blank=True, on_delete=models.PROTECT, related_name="residency_completions"
    )

    class Meta:
        ordering = ["submitted_at", "pk"]
        indexes = [models.Index(fields=["cohort", "status"]), models.Index(fields=["mentor", "status"])]
        constraints = [
            # Applying twice to the same cohort is refused, whatever became of the first.
            models.UniqueConstraint(fields=["cohort", "user"], name="one_application_per_cohort"),
        ]

    def __str__(self):
        return f"{self.user} → {self.cohort} ({self.status})"

    def get_absolute_url(self):
        return reverse("residency:resident", args=[self.pk])

    @property
    def is_resident(self) -> bool:
        return self.status == self.Status.ACCEPTED


class RotationItem(models.Model):
    """Something every resident of a cohort must do by a date: complete a course, attend an
    event, or submit an assignment."""

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        EVENT = "event", "Event"
        ASSIGNMENT = "assignment", "Assignment"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="rotation")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(
        max_length=200, blank=True, help_text="For assignments; courses and events show their own."
    )
    instructions = models.TextField(blank=True, help_text="For assignments (Markdown).")
    course = models.ForeignKey(
        "learning.Course", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="course", course__isnull=False, event__isnull=True)
                    | models.Q(kind="event", event__isnull=False, course__isnull=True)
                    | models.Q(kind="assignment", course__isnull=True, event__isnull=True)
                ),
                name="rotation_item_links_what_its_kind_needs",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if self.kind == self.Kind.COURSE and self.course_id:
            return self.course.title
        if self.kind == self.Kind.EVENT and self.event_id:
            return self.event.title
        return self.title


class AssignmentSubmission(models.Model):
    """A resident's answer to an assignment of the rotation (the latest one counts)."""

    item = models.ForeignKey(RotationItem, on_delete=models.CASCADE, related_name="submissions")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignment_submissions"
    )
    text = models.TextField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "application"], name="one_submission_per_assignment")
        ]

    def __str__(self):
        return f"{self.application.user} — {self.item}"


class CapstoneVersion(models.Model):
    """One submission of the resident's social media plan. Versions are never changed: a
    returned plan is resubmitted as the next version, so the history stays."""

    class Status(models.TextChoices):
        IN_REVIEW = "in_review", "In review"
        RETURNED = "returned", "Returned for changes"
        ACCEPTED = "accepted", "Accepted"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="capstones")
    number = models.PositiveSmallIntegerField()
    plan = models.TextField()
    attachment = models.FileField(upload_to="residency/capstones/", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.IN_REVIEW)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["application", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"], name="capstone_version_numbers_unique"),
            # At most one version waits for review, and at most one is accepted.
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(status="in_review"), name="one_capstone_in_review"
            ),
            models.UniqueConstraint(
                fields=["application"], condition=models.Q(status="accepted"), name="one_capstone_accepted"
            ),
        ]

    def __str__(self):
        return f"Capstone v{self.number} of {self.application.user}"

    @property
    def attachment_name(self) -> str:
        return self.attachment.name.rsplit("/", 1)[-1] if self.attachment else ""


class CapstoneReview(models.Model):
    """The mentor's review of one version: a score per criterion, comments and a decision."""

    class Decision(models.TextChoices):
        RETURNED = "returned", "Returned for changes"
        ACCEPTED = "accepted", "Accepted"

    version = models.OneToOneField(CapstoneVersion, on_delete=models.CASCADE, related_name="review")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    comments = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"Review of {self.version}: {self.decision}"


class CriterionScore(models.Model):
    review = models.ForeignKey(CapstoneReview, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(RubricCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField()
    comment = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["criterion__position", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"
