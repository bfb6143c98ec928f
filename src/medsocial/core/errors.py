"""The base of every domain error, so the API and the pages can show them the same way."""


class DomainError(Exception):
    """A rule of the domain refused an action; `str(exc)` is safe to show to the person.

    `field` names the input the message is about (None for the whole request), and
    `status_code` is what the API answers with.
    """

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    """The actor may not do this; the API answers 403."""

    status_code = 403


class Conflict(DomainError):
    """The action clashes with the current state (a duplicate, a full event); the API answers 409."""

    status_code = 409
