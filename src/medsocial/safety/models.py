"""Policy rules and allow-lists of the post safety coach."""

from django.core.exceptions import ValidationError
from django.db import models

from medsocial.safety import engine
from medsocial.safety.engine.policy import CompiledRule


class PolicyRule(models.Model):
    """A social media policy rule. Without an organization it belongs to the site-wide default
    set that applies to everyone; with one it applies to that organization's members."""

    class Severity(models.TextChoices):
        BLOCK = "block", "Block: must be fixed before posting"
        WARN = "warn", "Warn: worth a second look"

    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="safety_rules"
    )
    name = models.CharField(max_length=120)
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.WARN)
    explanation = models.TextField(help_text="Shown next to each match, in plain language.")
    phrases = models.TextField(blank=True, help_text="One phrase per line; matched as whole words, any case.")
    pattern = models.CharField(max_length=500, blank=True, help_text="A regular expression (any case).")
    unless = models.TextField(
        blank=True,
        help_text="One phrase per line: the rule does not apply to a post "
        "containing any of them (e.g. a disclosure such as #employee).",
    )
    exceptions = models.TextField(
        blank=True, help_text="One value per line that is never flagged (e.g. approved hashtags)."
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="safety_rule_unique_name")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        try:
            CompiledRule(self.as_engine_rule())
        except engine.RuleError as exc:
            field = (
                "pattern"
                if self.pattern and ("pattern" in exc.message or "expression" in exc.message)
                else None
            )
            raise ValidationError({field or "__all__": exc.message}) from None

    def as_engine_rule(self) -> engine.PolicyRule:
        def lines(value):
            return tuple(line.strip() for line in value.splitlines() if line.strip())

        return engine.PolicyRule(
            name=self.name,
            severity=self.severity,
            explanation=self.explanation,
            phrases=lines(self.phrases),
            pattern=self.pattern.strip(),
            unless=lines(self.unless),
            exceptions=lines(self.exceptions),
        )


class AllowedIdentifier(models.Model):
    """One of an organization's own published contact details, never flagged in its posts."""

    class Kind(models.TextChoices):
        PHONE = "phone", "Phone or fax number"
        ADDRESS = "address", "Street address"
        URL = "url", "Website or link"
        EMAIL = "email", "Email address"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="safety_allowed"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    value = models.CharField(max_length=300)
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind", "value"], name="safety_allowed_unique")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"
