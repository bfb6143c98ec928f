"""Who is calling the API: a personal access token (Bearer) or the browser session (with CSRF)."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from medsocial.accounts.models import PersonalAccessToken
from medsocial.accounts.services import access_token_for
from medsocial.core.errors import NotAllowed

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def token_user(request: HttpRequest, raw: str):
    """The user of a valid token; a read-only token is refused (403) on a request that writes."""
    token = access_token_for(raw)
    if token is None:
        return None
    if request.method not in SAFE_METHODS and token.scope != PersonalAccessToken.Scope.WRITE:
        raise NotAllowed(
            "This token may only read. Create a token with the read and write scope to make changes."
        )
    return token.user


class AccessTokenAuth(HttpBearer):
    openapi_description = (
        "A personal access token created on the profile page: `Authorization: Bearer msp_…`. "
        "A read-only token is refused (403) on requests that change data; revoked or expired tokens get 401."
    )

    def authenticate(self, request: HttpRequest, token: str):
        user = token_user(request, token)
        if user is not None:
            request.user = user
        return user


class SessionAuth(NinjaSessionAuth):
    """The browser session, with Django's CSRF check only when the session identifies someone.

    A caller with no credentials at all is then told 401 (with `WWW-Authenticate`), not a
    CSRF 403 that suggests the request was forged; a signed-in browser still needs the token."""

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super().__call__(request)


# Token first: a token-bearing POST must not be refused for a missing CSRF cookie.
REQUIRED_AUTH = [AccessTokenAuth(), SessionAuth()]

# RFC 6750: a 401 names the scheme to use; a token that was sent and refused is "invalid_token".
WWW_AUTHENTICATE = 'Bearer realm="MedSocial API"'


def www_authenticate(request: HttpRequest) -> str:
    if request.headers.get("Authorization", "").lower().startswith("bearer "):
        return WWW_AUTHENTICATE + ', error="invalid_token"'
    return WWW_AUTHENTICATE


def viewer(request: HttpRequest):
    """The caller of a public endpoint: a user when a token or session identifies one, else anonymous."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = token_user(request, header[7:].strip())
        if user is not None:
            return user
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else AnonymousUser()
