"""Writes: memberships (`membership`) and points (`wallet`)."""

from medsocial.programs.services.membership import (
    add_covered_staff,
    can_manage,
    cancel,
    join,
    mark_paid,
    remove_covered_staff,
    renew,
)
from medsocial.programs.services.wallet import (
    BulkTransferRefused,
    bulk_transfer,
    parse_points,
    refund_order,
    spend_for_order,
    transfer,
)

__all__ = [
    "BulkTransferRefused",
    "add_covered_staff",
    "bulk_transfer",
    "can_manage",
    "cancel",
    "join",
    "mark_paid",
    "parse_points",
    "refund_order",
    "remove_covered_staff",
    "renew",
    "spend_for_order",
    "transfer",
]
