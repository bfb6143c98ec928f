"""Points wallets and their ledger.

Every movement is a ledger entry that is never changed or deleted; a wallet's balance is the
sum of its entries. The wallet row also keeps that sum (`balance`), updated in the same
transaction that appends the entry while the row is locked, so a spend is checked against the
balance in one step and the database refuses a negative balance as a backstop.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Wallet(models.Model):
    """The points of one person or one organization."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="points_wallet",
    )
    organization = models.OneToOneField(
        "accounts.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="points_wallet"
    )
    balance = models.BigIntegerField(default=0, help_text="The sum of the ledger entries, in points.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(user__isnull=False, organization__isnull=True)
                    | models.Q(user__isnull=True, organization__isnull=False)
                ),
                name="wallet_owned_by_one_person_or_organization",
            ),
            models.CheckConstraint(
                condition=models.Q(balance__gte=0),
                name="wallet_balance_not_negative",
                violation_error_message="A wallet's balance cannot go below zero.",
            ),
        ]

    def __str__(self):
        return f"Points of {self.owner_name}"

    @property
    def owner_name(self) -> str:
        return str(self.organization if self.organization_id else self.user)


class LedgerEntry(models.Model):
    """One movement of points into (positive) or out of (negative) a wallet."""

    class Kind(models.TextChoices):
        ALLOWANCE = "allowance", "Yearly allowance"
        TRANSFER_IN = "transfer_in", "Transfer received"
        TRANSFER_OUT = "transfer_out", "Transfer sent"
        SPEND = "spend", "Spent"
        REFUND = "refund", "Refund"

    wallet = models.ForeignKey(Wallet, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    amount = models.BigIntegerField(help_text="Points in (positive) or out (negative).")
    balance_after = models.BigIntegerField()
    counterpart = models.ForeignKey(
        Wallet, null=True, blank=True, on_delete=models.PROTECT, related_name="+", help_text="For transfers."
    )
    order = models.ForeignKey(
        "events.Order", null=True, blank=True, on_delete=models.PROTECT, related_name="points_entries"
    )
    invoice = models.ForeignKey(
        "programs.DuesInvoice", null=True, blank=True, on_delete=models.PROTECT, related_name="points_entries"
    )
    memo = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "ledger entries"
        indexes = [models.Index(fields=["wallet", "-created_at", "-id"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(amount=0), name="ledger_entry_moves_points"),
            models.CheckConstraint(
                condition=models.Q(balance_after__gte=0), name="ledger_balance_after_not_negative"
            ),
            # An order is paid once and refunded once; an invoice credits its allowance once.
            models.UniqueConstraint(
                fields=["order", "kind"],
                condition=models.Q(order__isnull=False),
                name="one_entry_per_order_and_kind",
            ),
            models.UniqueConstraint(
                fields=["invoice"],
                condition=models.Q(invoice__isnull=False),
                name="one_allowance_per_invoice",
            ),
        ]

    def __str__(self):
        return f"{self.amount:+d} {self.get_kind_display()} ({self.wallet})"
