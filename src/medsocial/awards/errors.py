from medsocial.core.errors import DomainError


class AwardError(DomainError):
    """An award was refused or could not be changed; `str(exc)` is safe to show."""
