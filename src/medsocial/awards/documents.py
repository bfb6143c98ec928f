"""The Open Badges 2.0 BadgeClass and Assertion documents of awards."""

from django.urls import reverse

from medsocial.awards import selectors
from medsocial.awards.models import Award, BadgeClass
from medsocial.awards.openbadges import CONTEXT, absolute, hashed_recipient, issuer_url


def badge_class_url(badge_class: BadgeClass) -> str:
    return absolute(reverse("awards:badge-class", args=[badge_class.slug]))


def badge_image_url(badge_class: BadgeClass) -> str:
    return absolute(reverse("awards:badge-image", args=[badge_class.slug]))


def assertion_url(award: Award) -> str:
    return absolute(reverse("awards:assertion", args=[award.code]))


def badge_class_document(badge_class: BadgeClass) -> dict:
    criteria = {"narrative": badge_class.criteria}
    if badge_class.criteria_url:
        criteria["id"] = badge_class.criteria_url
    return {
        "@context": CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(badge_class),
        "name": badge_class.name,
        "description": badge_class.description,
        "image": badge_image_url(badge_class),
        "criteria": criteria,
        "issuer": issuer_url(),
        "tags": list(badge_class.tags),
    }


def evidence_documents(award: Award) -> list[dict]:
    documents = []
    for item in award.evidence:
        document = {"type": "Evidence"}
        if item.get("url"):
            document["id"] = item["url"]
        if item.get("narrative"):
            document["narrative"] = item["narrative"]
        documents.append(document)
    return documents


def assertion_document(award: Award) -> dict:
    document = {
        "@context": CONTEXT,
        "type": "Assertion",
        "id": assertion_url(award),
        "recipient": hashed_recipient(award.recipient.email, award.recipient_salt),
        "badge": badge_class_url(award.badge_class),
        "verification": {"type": "hosted"},
        "issuedOn": award.issued_at.isoformat(),
        "image": badge_image_url(award.badge_class),
        # The public verification page is evidence too: it shows who, what and when.
        "evidence": [
            *evidence_documents(award),
            {"type": "Evidence", "id": absolute(award.get_absolute_url())},
        ],
    }
    if award.is_revoked:
        document["revoked"] = True
        document["revocationReason"] = award.revocation_reason
    return document


def revoked_assertions():
    return ((assertion_url(award), award.revocation_reason) for award in selectors.revoked_awards())
