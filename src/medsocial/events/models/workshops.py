"""On-site workshops organizations ask for."""

from django.conf import settings
from django.db import models

from medsocial.events.models.catalog import Event


class WorkshopRequest(models.Model):
    """An organization asks the hub to run a workshop at its site."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        SCHEDULED = "scheduled", "Scheduled"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="workshop_requests"
    )
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topics = models.TextField()
    audience_size = models.PositiveIntegerField()
    preferred_dates = models.CharField(max_length=300)
    location = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    staff_note = models.TextField(blank=True)
    event = models.OneToOneField(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="workshop_request"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"On-site workshop for {self.organization}"
