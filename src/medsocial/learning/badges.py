"""Open Badges 2.0 documents for hosted verification: Issuer, BadgeClass, Assertion, revocation list.

Every document is JSON-LD with the Open Badges v2 context; ids are the URLs that serve them,
so a verifier fetches each `id` and compares."""

import hashlib
from xml.sax.saxutils import escape

from django.conf import settings
from django.urls import reverse

from medsocial.learning.models import Certificate, Course

CONTEXT = "https://w3id.org/openbadges/v2"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def issuer_url() -> str:
    return absolute(reverse("learning:badge-issuer"))


def issuer_document() -> dict:
    return {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": issuer_url(),
        "name": settings.SITE_NAME,
        "url": absolute("/"),
        "email": settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip(),
        "description": "A social media training hub for health care professionals.",
        "revocationList": absolute(reverse("learning:badge-revocations")),
    }


def badge_class_document(course: Course) -> dict:
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": absolute(reverse("learning:badge-class", args=[course.slug])),
        "name": course.title,
        "description": course.summary,
        "image": absolute(reverse("learning:badge-image", args=[course.slug])),
        "criteria": {
            "id": absolute(course.get_absolute_url()),
            "narrative": "Complete every lesson and pass every quiz of the course.",
        },
        "issuer": issuer_url(),
        "tags": course.topics,
    }


def hashed_email(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()


def assertion_url(certificate: Certificate) -> str:
    return absolute(reverse("learning:badge-assertion", args=[certificate.code]))


def assertion_document(certificate: Certificate) -> dict:
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": certificate.recipient_salt,
            "identity": hashed_email(certificate.user.email, certificate.recipient_salt),
        },
        "badge": absolute(reverse("learning:badge-class", args=[certificate.course.slug])),
        "verification": {"type": "hosted"},
        "issuedOn": certificate.issued_at.isoformat(),
        "image": absolute(reverse("learning:badge-image", args=[certificate.course.slug])),
        "evidence": absolute(certificate.get_absolute_url()),
    }
    if certificate.expires_at:
        document["expires"] = certificate.expires_at.isoformat()
    if certificate.is_revoked:
        document["revoked"] = True
        document["revocationReason"] = certificate.revocation_reason
    return document


def revocation_list_document() -> dict:
    revoked = (
        Certificate.objects.filter(revoked_at__isnull=False).only("code", "revocation_reason").order_by("pk")
    )
    return {
        "@context": CONTEXT,
        "type": "RevocationList",
        "id": absolute(reverse("learning:badge-revocations")),
        "issuer": issuer_url(),
        "revokedAssertions": [
            {"id": assertion_url(c), "revocationReason": c.revocation_reason} for c in revoked
        ],
    }


_TOPIC_COLOURS = {
    "foundations": "#1f6f8b",
    "privacy": "#7a3e9d",
    "professionalism": "#2e7d32",
    "platforms": "#c2185b",
    "strategy": "#ef6c00",
    "measurement": "#00838f",
    "crisis": "#b71c1c",
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


def badge_svg(course: Course) -> str:
    """A round badge with the course title, coloured by topic."""
    colour = _TOPIC_COLOURS.get(course.topic, "#1f6f8b")
    lines = _wrap(course.title)
    first_y = 200 - (len(lines) - 1) * 14
    text = "".join(
        f'<text x="200" y="{first_y + i * 28}" text-anchor="middle" font-family="sans-serif" font-size="24" '
        f'font-weight="700" fill="#ffffff">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" '
        f'aria-label="{escape(course.title)}">'
        f'<circle cx="200" cy="200" r="190" fill="{colour}"/>'
        '<circle cx="200" cy="200" r="170" fill="none" stroke="#ffffff" stroke-width="6"/>'
        f'<text x="200" y="95" text-anchor="middle" font-family="sans-serif" font-size="20" fill="#ffffff">'
        f"{escape(settings.SITE_NAME)}</text>"
        f"{text}"
        '<text x="200" y="320" text-anchor="middle" font-family="sans-serif" font-size="18" fill="#ffffff">'
        "COMPLETED</text></svg>"
    )
