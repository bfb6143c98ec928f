"""Badges the hub awards for anything other than a course: a badge class, and awards of it to people."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from medsocial.awards.openbadges import new_salt, verification_code

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Give a colour as #RRGGBB, for example #1f6f8b.")


class BadgeClass(models.Model):
    """What a badge stands for and how it is earned (an Open Badges 2.0 BadgeClass)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField()
    criteria = models.TextField(help_text="How the badge is earned, in words a verifier can read.")
    criteria_url = models.URLField(
        blank=True, help_text="A page that explains the criteria, if there is one."
    )
    colour = models.CharField(max_length=7, default="#1f6f8b", validators=[HEX_COLOUR])
    caption = models.CharField(
        max_length=20, default="AWARDED", help_text="The word under the name on the badge image."
    )
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "badge classes"

    def __str__(self):
        return self.name


class Award(models.Model):
    """A badge class awarded to one person, with the evidence for it."""

    code = models.CharField(max_length=20, unique=True, default=verification_code)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="awards")
    badge_class = models.ForeignKey(BadgeClass, on_delete=models.PROTECT, related_name="awards")
    # Copied at issue time: what the certificate says must not change when a profile does.
    recipient_name = models.CharField(max_length=200)
    recipient_salt = models.CharField(max_length=32, default=new_salt)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evidence = models.JSONField(default=list, blank=True, help_text="A list of {url, narrative}.")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            # Awarding twice returns the first award; after a revocation the badge can be awarded again.
            models.UniqueConstraint(
                fields=["recipient", "badge_class"],
                condition=Q(revoked_at__isnull=True),
                name="award_one_active_per_recipient_and_class",
            )
        ]

    def __str__(self):
        return f"{self.badge_class} — {self.recipient_name} ({self.code})"

    def get_absolute_url(self):
        return reverse("awards:verify", args=[self.code])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def status(self) -> str:
        return "revoked" if self.is_revoked else "valid"
