"""Pages of the consulting app, split by concept: public (assessment, request), workspace,
plan and staff."""

from django.core.exceptions import ValidationError


def add_domain_error(form, exc) -> None:
    """Show a service's refusal next to the field it names (or above the form)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, ValidationError(exc.message))


def status_for(form) -> int:
    return 400 if form.is_bound and form.errors else 200
