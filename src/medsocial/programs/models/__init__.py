"""Membership plans, memberships with their dues invoices and covered staff, and points wallets."""

from medsocial.programs.models.membership import CoveredStaff, DuesInvoice, Membership, Plan
from medsocial.programs.models.wallet import LedgerEntry, Wallet

__all__ = ["CoveredStaff", "DuesInvoice", "LedgerEntry", "Membership", "Plan", "Wallet"]
