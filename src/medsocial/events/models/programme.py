"""The conference programme and its call for proposals."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from medsocial.events.models.catalog import Event


class Track(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.name


class Room(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(max_length=100)
    capacity = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Speaker(models.Model):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=80, unique=True)
    email = models.EmailField(blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_profiles",
    )
    title = models.CharField(max_length=150, blank=True, help_text="Job title.")
    organization_name = models.CharField(max_length=200, blank=True)
    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(blank=True)
    photo = models.ImageField(upload_to="events/speakers/", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def affiliation(self) -> str:
        return self.organization.name if self.organization_id else self.organization_name


class Session(models.Model):
    class Format(models.TextChoices):
        KEYNOTE = "keynote", "Keynote"
        TALK = "talk", "Talk"
        PANEL = "panel", "Panel"
        WORKSHOP = "workshop", "Workshop"
        BREAK = "break", "Break"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=200)
    abstract = models.TextField(blank=True)
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.TALK)
    track = models.ForeignKey(
        Track, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="For workshops: seats that attendees reserve."
    )
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions")

    class Meta:
        ordering = ["starts_at", "track__position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
                violation_error_message="The session must end after it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:session", args=[self.event.slug, self.pk])


class AgendaItem(models.Model):
    """A session an attendee put on "my agenda"; for sessions with a capacity it is a seat."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda_items")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_items")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="agenda_item_once")]

    def __str__(self):
        return f"{self.user} · {self.session}"


class Proposal(models.Model):
    """A talk submitted to an event's call for proposals."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="proposals")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_proposals"
    )
    title = models.CharField(max_length=200)
    abstract = models.TextField()
    format = models.CharField(max_length=10, choices=Session.Format.choices, default=Session.Format.TALK)
    speakers = models.JSONField(default=list, help_text='[{"name", "email", "organization", "bio"}]')
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    session = models.OneToOneField(
        Session, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return self.title


class Review(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(help_text="1 (weak) to 5 (excellent).")
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="one_review_per_reviewer"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="review_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.score}/5 by {self.reviewer} on {self.proposal}"
