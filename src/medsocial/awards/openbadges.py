"""Open Badges 2.0 pieces every badge of the hub shares: the one issuer, the revocation list,
hashed recipients, absolute URLs, verification codes and the drawn badge image.

Course certificates (learning) and awards both build their BadgeClass and Assertion documents
from these, so the hub is one issuer to a verifier. Every document is JSON-LD with the Open
Badges v2 context; ids are the URLs that serve them, so a verifier fetches each `id` and compares."""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse

CONTEXT = "https://w3id.org/openbadges/v2"

# Apps that issue assertions register a callable giving their revoked ones as
# (assertion URL, reason) pairs; the one revocation list of the issuer lists them all.
RevokedAssertions = Callable[[], Iterable[tuple[str, str]]]
_revocation_sources: list[RevokedAssertions] = []


def register_revocation_source(source: RevokedAssertions) -> None:
    if source not in _revocation_sources:
        _revocation_sources.append(source)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def verification_code() -> str:
    """A code like ABCD-EFGH-JKLM that identifies a certificate or award on paper and in URLs."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed from paper
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def new_salt() -> str:
    return secrets.token_hex(8)


def hashed_email(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def hashed_recipient(email: str, salt: str) -> dict:
    """The Assertion's `recipient`: the email hashed with a per-assertion salt, never in the clear."""
    return {"type": "email", "hashed": True, "salt": salt, "identity": hashed_email(email, salt)}


def issuer_url() -> str:
    return absolute(reverse("awards:issuer"))


def issuer_document() -> dict:
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "email": settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip(),
        "description": "A social media training hub for health care professionals.",
        "revocationList": absolute(reverse("awards:revocations")),
    }


def revocation_list_document() -> dict:
    revoked = [
        {"id": url, "revocationReason": reason} for source in _revocation_sources for url, reason in source()
    ]
    return {
        "@context": CONTEXT,
        "type": "RevocationList",
        "id": absolute(reverse("awards:revocations")),
        "issuer": issuer_url(),
        "revokedAssertions": revoked,
    }


def _wrap(title: str, width: int = 18) -> list[str]:
    lines, line = [], ""
    for word in title.split():
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines[:4]


def badge_svg(*, title: str, colour: str, caption: str) -> str:
    """A round badge: the site name on top, `title` in the middle, `caption` below."""
    lines = _wrap(title)
    first_y = 200 - (len(lines) - 1) * 14
    text = "".join(
        f'<text x="200" y="{first_y + i * 28}" text-anchor="middle" font-family="sans-serif" font-size="24" '
        f'font-weight="700" fill="#ffffff">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" '
        f'aria-label="{escape(title)}">'
        f'<circle cx="200" cy="200" r="190" fill="{escape(colour)}"/>'
        '<circle cx="200" cy="200" r="170" fill="none" stroke="#ffffff" stroke-width="6"/>'
        f'<text x="200" y="95" text-anchor="middle" font-family="sans-serif" font-size="20" fill="#ffffff">'
        f"{escape(settings.SITE_NAME)}</text>"
        f"{text}"
        '<text x="200" y="320" text-anchor="middle" font-family="sans-serif" font-size="18" fill="#ffffff">'
        f"{escape(caption.upper())}</text></svg>"
    )


def json_ld_response(document: dict):
    """The response every Open Badges document is served with."""
    response = JsonResponse(document, content_type="application/ld+json", json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # badge verifiers fetch these from other sites
    return response
