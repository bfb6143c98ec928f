"""Reads of badge classes and awards, shared by pages, documents and the API."""

from django.db.models import QuerySet

from medsocial.awards.models import Award, BadgeClass


def awards_of(user) -> QuerySet[Award]:
    """Every award of `user`, revoked ones included (a transcript shows both), newest first."""
    return Award.objects.filter(recipient=user).select_related("badge_class").order_by("-issued_at", "-pk")


def award_by_code(code: str) -> Award | None:
    """Anyone with the code may see the award: the code is the unguessable part of the link."""
    return (
        Award.objects.select_related("badge_class", "recipient", "revoked_by")
        .filter(code=code.strip().upper())
        .first()
    )


def badge_class_by_slug(slug: str) -> BadgeClass | None:
    """Badge classes are public: a verifier fetches the one an assertion names."""
    return BadgeClass.objects.filter(slug=slug).first()


def revoked_awards() -> QuerySet[Award]:
    return Award.objects.filter(revoked_at__isnull=False).only("code", "revocation_reason").order_by("pk")
