"""The census's domain errors: messages a person can read."""

from medsocial.core.errors import Conflict, DomainError, NotAllowed


class CensusError(DomainError):
    """A census rule refused the input (a malformed handle, a future date)."""


class DuplicateAccount(Conflict):
    """The account is already in the census; `existing` is that account."""

    def __init__(self, message: str, *, existing, field: str | None = "address"):
        super().__init__(message, field=field)
        self.existing = existing


class CensusNotAllowed(NotAllowed):
    """The person may not change this hospital's accounts."""
