"""What the site itself keeps: the task workers that are alive and the emails tasks sent."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """One running `medsocial worker` process. It refreshes `beat_at` from a background thread;
    a task whose worker has not beaten for a lease period belongs to a dead worker."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.worker_id} on {self.host} (pid {self.pid})"


class EmailDelivery(models.Model):
    """One email a queued task sends, claimed before it goes and marked sent after.

    The key is the task's id and what the email is (template, recipients, subject, and its count
    among identical ones), so a task run again after a crash or an error skips every email an
    earlier attempt already sent, even when it skips others on the way (a newsletter batch)."""

    class Status(models.TextChoices):
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=80, unique=True)
    recipients = models.TextField()
    subject = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.SENDING)
    # The task attempt (1, 2, …) that claimed it: a claim from an earlier attempt is a dead one.
    attempt = models.PositiveIntegerField(default=1)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = "email deliveries"

    def __str__(self):
        return f"{self.key} → {self.recipients}: {self.status}"
