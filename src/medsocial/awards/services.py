"""Writes: define a badge class, award it, revoke an award.

Other apps award their badges through `award_badge`; it is idempotent per recipient and badge
class, so a retried approval or a re-run import never gives a person the same badge twice."""

from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.awards.errors import AwardError
from medsocial.awards.models import Award, BadgeClass
from medsocial.awards.openbadges import absolute
from medsocial.core.errors import NotAllowed

MAX_EVIDENCE_ITEMS = 20
MAX_NARRATIVE = 2000


def define_badge_class(
    *,
    slug: str,
    name: str,
    description: str,
    criteria: str,
    colour: str = "#1f6f8b",
    caption: str = "AWARDED",
    criteria_url: str = "",
    tags: list[str] | None = None,
) -> BadgeClass:
    """Create the badge class `slug`, or update its wording: for data migrations and demo data."""
    badge_class, _ = BadgeClass.objects.update_or_create(
        slug=slug,
        defaults={
            "name": name,
            "description": description,
            "criteria": criteria,
            "criteria_url": criteria_url,
            "colour": colour,
            "caption": caption,
            "tags": list(tags or []),
        },
    )
    return badge_class


def clean_evidence(evidence: list[dict] | None) -> list[dict]:
    """Check evidence items ({url, narrative}, at least one of them) and make URLs absolute.

    Raises AwardError naming the item at fault."""
    items = []
    for number, item in enumerate(evidence or [], start=1):
        if not isinstance(item, dict):
            raise AwardError(f"Evidence item {number} must have a url or a narrative.", field="evidence")
        url = str(item.get("url") or "").strip()
        narrative = str(item.get("narrative") or "").strip()
        if not url and not narrative:
            raise AwardError(f"Evidence item {number} has neither a url nor a narrative.", field="evidence")
        if url:
            if url.startswith("/") and not url.startswith("//"):
                url = absolute(url)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise AwardError(
                    f"Evidence item {number}: the url must start with http:// or https://.", field="evidence"
                )
        if len(narrative) > MAX_NARRATIVE:
            raise AwardError(
                f"Evidence item {number}: the narrative is longer than {MAX_NARRATIVE} characters.",
                field="evidence",
            )
        items.append({key: value for key, value in (("url", url), ("narrative", narrative)) if value})
    if len(items) > MAX_EVIDENCE_ITEMS:
        raise AwardError(f"Give at most {MAX_EVIDENCE_ITEMS} evidence items.", field="evidence")
    return items


def award_badge(*, recipient, badge_class: BadgeClass, evidence: list[dict] | None = None, by=None) -> Award:
    """Award `badge_class` to `recipient`, or return the award they already hold (not revoked).

    `evidence` is a list of {"url": ..., "narrative": ...}; `by` is who awarded it (None for the
    hub itself). Call it inside the caller's transaction: the award is part of the same change."""
    if not recipient.email:
        raise AwardError("The recipient has no email address to receive a badge.", field="recipient")
    items = clean_evidence(evidence)
    existing = Award.objects.filter(
        recipient=recipient, badge_class=badge_class, revoked_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Award.objects.create(
                recipient=recipient,
                badge_class=badge_class,
                recipient_name=recipient.get_full_name() or recipient.email,
                issued_by=by,
                evidence=items,
            )
    except IntegrityError:
        # Another request awarded the same badge a moment ago: theirs is the award.
        return Award.objects.get(recipient=recipient, badge_class=badge_class, revoked_at__isnull=True)


def can_revoke(user, award: Award) -> bool:
    """Site admins revoke awards (a badge stands for the hub, whichever program gave it)."""
    return has_role(user, Role.SITE_ADMIN)


@transaction.atomic
def revoke_award(*, award: Award, by, reason: str) -> Award:
    """Revoke an award; the verification page, the assertion and the revocation list show it at once."""
    if not can_revoke(by, award):
        raise NotAllowed("Only a site admin can revoke an award.")
    reason = (reason or "").strip()
    if not reason:
        raise AwardError("Say why the award is revoked.", field="reason")
    if len(reason) > 300:
        raise AwardError("Keep the reason under 300 characters.", field="reason")
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.is_revoked:
        raise AwardError("This award is already revoked.")
    award.revoked_at = timezone.now()
    award.revoked_by = by
    award.revocation_reason = reason
    award.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return award
