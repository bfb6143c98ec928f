"""Membership plans, memberships with their dues invoices and covered staff."""

from medsocial.programs.models.membership import CoveredStaff, DuesInvoice, Membership, Plan

__all__ = ["CoveredStaff", "DuesInvoice", "Membership", "Plan"]
