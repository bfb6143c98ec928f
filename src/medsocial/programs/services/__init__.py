"""Writes: memberships (`membership`)."""

from medsocial.programs.services.membership import (
    add_covered_staff,
    can_manage,
    cancel,
    join,
    mark_paid,
    remove_covered_staff,
    renew,
)

__all__ = ["add_covered_staff", "can_manage", "cancel", "join", "mark_paid", "remove_covered_staff", "renew"]
