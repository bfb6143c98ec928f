"""Where to send a person after a form: the `next` they came with, when it is safe."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request) -> str:
    """`next` from the form or the address when it is a path on this site, else "".

    Only a path (starting with one "/") is returned: `redirect()` reads any other string, such
    as "other", as the name of a view and fails, and a full address could lead elsewhere."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if not candidate.startswith("/") or candidate.startswith(("//", "/\\")):
        return ""
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return candidate
