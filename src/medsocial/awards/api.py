"""`/api/v1/awards/`: my badges and awards, with their verification and Open Badges links."""

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from medsocial.awards import documents, openbadges, selectors

router = Router(tags=["awards"])


class EvidenceOut(Schema):
    url: str | None = None
    narrative: str | None = None


class AwardOut(Schema):
    code: str
    badge_slug: str
    badge_name: str
    issued_at: datetime.datetime
    revoked: bool
    revocation_reason: str
    evidence: list[EvidenceOut]
    verification_url: str
    assertion_url: str


def award_out(award) -> AwardOut:
    return AwardOut(
        code=award.code,
        badge_slug=award.badge_class.slug,
        badge_name=award.badge_class.name,
        issued_at=award.issued_at,
        revoked=award.is_revoked,
        revocation_reason=award.revocation_reason,
        evidence=[EvidenceOut(**item) for item in award.evidence],
        verification_url=openbadges.absolute(award.get_absolute_url()),
        assertion_url=documents.assertion_url(award),
    )


@router.get("/", response=list[AwardOut], summary="My badges and awards")
def my_awards(request: HttpRequest):
    return [award_out(award) for award in selectors.awards_of(request.auth)]
