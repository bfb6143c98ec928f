"""Pages of the consulting app, split by concept: public (assessment, request), workspace,
plan and staff."""

from medsocial.core.forms import add_domain_error  # noqa: F401  (the app's views import it from here)


def status_for(form) -> int:
    return 400 if form.is_bound and form.errors else 200
