from medsocial.core.errors import DomainError


class ConsultingError(DomainError):
    """A consulting action was refused; `exc.message` is safe to show to the person."""
