from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from medsocial.accounts.roles import has_role


def role_required(role):
    """Signed in and holding `role`, else 403 (anonymous people are sent to sign in)."""

    def decorator(view):
        @login_required
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, role):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.__name__ = view.__name__
        wrapped.__doc__ = view.__doc__
        return wrapped

    return decorator
