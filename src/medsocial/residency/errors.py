"""The exceptions of the Residency; messages are safe to show to the person."""

from medsocial.core.errors import Conflict, DomainError, NotAllowed


class ResidencyError(DomainError):
    """A Residency action was refused (400): nothing changed."""


class ResidencyConflict(Conflict):
    """The action clashes with the current state: a second application, a full cohort (409)."""


class ResidencyNotAllowed(NotAllowed):
    """The actor may not do this (403)."""
