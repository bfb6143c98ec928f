from medsocial.core.errors import Conflict, DomainError, NotAllowed


class FellowsError(DomainError):
    """A Fellows portfolio or review was refused; `str(exc)` is safe to show."""


class CriteriaNotMet(FellowsError):
    """The person does not yet meet the level's criteria; `unmet` lists what is missing."""

    def __init__(self, message: str, *, unmet: list[str]):
        super().__init__(message)
        self.unmet = unmet


class PortfolioInReview(Conflict):
    """A portfolio is already waiting for review."""


class ReviewNotAllowed(NotAllowed):
    """The reviewer may not review this portfolio."""
