"""Form helpers every app's pages share."""

from django.core.exceptions import ValidationError

from medsocial.core.errors import DomainError


def add_domain_error(form, exc: DomainError) -> None:
    """Show a service's refusal next to the field it names (or above the form)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, ValidationError(exc.message))
