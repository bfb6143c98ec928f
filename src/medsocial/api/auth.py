"""Who is calling the API: a personal access token (Bearer) or the browser session (with CSRF)."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from medsocial.accounts.services import user_for_access_token


class AccessTokenAuth(HttpBearer):
    openapi_description = (
        "A personal access token created on the profile page: `Authorization: Bearer msp_…`."
    )

    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_access_token(token)
        if user is not None:
            request.user = user
        return user


# Token first: a token-bearing POST must not be refused for a missing CSRF cookie.
REQUIRED_AUTH = [AccessTokenAuth(), SessionAuth()]


def viewer(request: HttpRequest):
    """The caller of a public endpoint: a user when a token or session identifies one, else anonymous."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = user_for_access_token(header[7:].strip())
        if user is not None:
            return user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else AnonymousUser()
