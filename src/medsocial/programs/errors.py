"""The exceptions of memberships and points; messages are safe to show to the person."""

from medsocial.core.errors import Conflict, DomainError, NotAllowed


class MembershipError(DomainError):
    """A membership action was refused (400)."""


class MembershipConflict(Conflict):
    """The action clashes with a membership that already exists (409)."""


class WalletError(DomainError):
    """A points movement was refused (400): nothing was moved."""


class ProgramsNotAllowed(NotAllowed):
    """The actor may not do this (403)."""
