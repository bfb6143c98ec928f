"""Open Badges 2.0 documents of course certificates: a BadgeClass per course and an Assertion
per certificate. The issuer, the revocation list, hashed recipients and the badge drawing are
the hub's shared ones (medsocial.awards.openbadges)."""

from django.urls import reverse

from medsocial.awards.openbadges import CONTEXT, absolute, hashed_recipient, issuer_url
from medsocial.awards.openbadges import badge_svg as draw_badge
from medsocial.learning.models import Certificate, Course


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


def assertion_url(certificate: Certificate) -> str:
    return absolute(reverse("learning:badge-assertion", args=[certificate.code]))


def assertion_document(certificate: Certificate) -> dict:
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate),
        "recipient": hashed_recipient(certificate.user.email, certificate.recipient_salt),
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


def revoked_assertions():
    """Revoked certificates as (assertion URL, reason), for the issuer's revocation list."""
    revoked = (
        Certificate.objects.filter(revoked_at__isnull=False).only("code", "revocation_reason").order_by("pk")
    )
    return ((assertion_url(c), c.revocation_reason) for c in revoked)


_TOPIC_COLOURS = {
    "foundations": "#1f6f8b",
    "privacy": "#7a3e9d",
    "professionalism": "#2e7d32",
    "platforms": "#c2185b",
    "strategy": "#ef6c00",
    "measurement": "#00838f",
    "crisis": "#b71c1c",
}


def badge_svg(course: Course) -> str:
    """A round badge with the course title, coloured by topic."""
    return draw_badge(
        title=course.title, colour=_TOPIC_COLOURS.get(course.topic, "#1f6f8b"), caption="COMPLETED"
    )
