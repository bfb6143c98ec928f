"""The safety API: check a draft post and get its findings with character spans."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from medsocial.accounts.selectors import access_organization
from medsocial.safety import services
from medsocial.safety.engine import MAX_CHARS

router = Router(tags=["safety"])


class CheckIn(Schema):
    text: str = Field(description=f"The draft post, up to {MAX_CHARS:,} characters.")
    organization: str | None = Field(
        None,
        description="Slug of one of your organizations: its rules and "
        "published details apply as well as the site-wide rules.",
    )


class FindingOut(Schema):
    category: str = Field(description="The Safe Harbor identifier kind (name, date, phone, mrn, …) or policy")
    start: int = Field(description="Offset of the first character in the submitted text")
    end: int = Field(description="Offset after the last character")
    text: str
    severity: str = Field(description="block or warn")
    explanation: str
    suggestion: str = Field(description="Redaction text, e.g. [patient]; empty for policy findings")
    rule: str = Field(description="The policy rule's name, for category policy")
    confidence: float = Field(description="How sure the coach is, 0 to 1; block from 0.7")


class CheckOut(Schema):
    findings: list[FindingOut]
    redacted_text: str
    has_blocking: bool
    elapsed_ms: float
    mode: str = Field(description="full (rules and the named-entity model) or fast (rules only)")


@router.post("/check", response=CheckOut, summary="Check a draft post")
def check(request: HttpRequest, payload: CheckIn):
    """Find patient identifiers and policy problems in a draft. A 400 answer explains input
    the coach cannot check (too long, binary data)."""
    organization = access_organization(request.auth, payload.organization) if payload.organization else None
    analysis = services.check_post(text=payload.text, organization=organization)
    return {
        "findings": [f.as_dict() for f in analysis.findings],
        "redacted_text": analysis.redacted_text,
        "has_blocking": analysis.has_blocking,
        "elapsed_ms": round(analysis.elapsed_seconds * 1000, 3),
        "mode": analysis.mode,
    }
