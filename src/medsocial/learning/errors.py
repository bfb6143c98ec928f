"""The one exception family of the learning domain."""

from medsocial.core.errors import Conflict, DomainError, NotAllowed


class LearningError(DomainError):
    """A learning rule refused an action; `exc.message` is safe to show to the person."""


class LearningConflict(Conflict):
    """The action clashes with what already exists (a second enrollment, a used attempt)."""


class LearningNotAllowed(NotAllowed):
    """The person may not do this with this course."""
