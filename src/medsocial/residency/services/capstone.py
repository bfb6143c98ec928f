"""The capstone: the resident submits a social media plan (text and an optional file), the
assigned mentor (or Residency staff) scores it against the program's rubric and returns it with
comments or accepts it. A returned plan is submitted again as a new version; every version and
its review are kept."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from medsocial.accounts.models import User
from medsocial.core.email import enqueue_email
from medsocial.core.uploads import check_upload
from medsocial.residency.errors import ResidencyConflict, ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import (
    Application,
    CapstoneReview,
    CapstoneVersion,
    CriterionScore,
    RubricCriterion,
)
from medsocial.residency.selectors import is_residency_staff

PLAN_MIN = 200
PLAN_MAX = 20_000
COMMENTS_MAX = 5000
SCORE_COMMENT_MAX = 500
ATTACHMENT_TYPES = ("pdf", "docx", "pptx", "odt", "txt", "png", "jpg", "jpeg")
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


def clean_plan(plan: str) -> str:
    text = (plan or "").strip()
    if not text:
        raise ResidencyError("Write your social media plan.", field="plan")
    if len(text) < PLAN_MIN:
        raise ResidencyError(
            f"The plan is {len(text)} characters long; a plan needs at least {PLAN_MIN}.", field="plan"
        )
    if len(text) > PLAN_MAX:
        raise ResidencyError(
            f"The plan is {len(text):,} characters long; keep it to {PLAN_MAX:,} and attach the rest as a file.",
            field="plan",
        )
    return text


def submit(*, application: Application, plan: str, attachment=None, by: User, now=None) -> CapstoneVersion:
    """The resident submits their plan (first time, or again after it was returned)."""
    now = now or timezone.now()
    if application.user_id != by.pk:
        raise ResidencyNotAllowed("Only the resident submits their capstone.")
    text = clean_plan(plan)
    if attachment:
        check_upload(
            attachment,
            extensions=ATTACHMENT_TYPES,
            max_bytes=ATTACHMENT_MAX_BYTES,
            field="attachment",
            error=ResidencyError,
        )
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("cohort", "mentor")
            .get(pk=application.pk)
        )
        if application.status != Application.Status.ACCEPTED:
            raise ResidencyError("Only an accepted resident submits a capstone.")
        if application.completed_at:
            raise ResidencyError("You have completed the Residency.")
        versions = CapstoneVersion.objects.filter(application=application)
        if versions.filter(status=CapstoneVersion.Status.IN_REVIEW).exists():
            raise ResidencyConflict(
                "Your plan is with your mentor; you can submit again once it is returned."
            )
        if versions.filter(status=CapstoneVersion.Status.ACCEPTED).exists():
            raise ResidencyConflict("Your capstone is already accepted.")
        number = (versions.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            with transaction.atomic():
                version = CapstoneVersion.objects.create(
                    application=application, number=number, plan=text, submitted_at=now
                )
        except IntegrityError:
            raise ResidencyConflict("Your plan is already submitted.") from None
        if attachment:
            version.attachment.save(attachment.name.rsplit("/", 1)[-1][-100:], attachment, save=True)
        if application.mentor is not None:
            enqueue_email(
                template_prefix="residency/emails/capstone_submitted",
                to=[application.mentor.email],
                context={
                    "name": application.mentor.get_short_name(),
                    "resident": by.display_name,
                    "number": number,
                    "url": settings.SITE_URL + application.get_absolute_url(),
                },
            )
    return version


@dataclass(frozen=True)
class Score:
    criterion_id: int
    score: object  # as typed: parsed and checked by `review`
    comment: str = ""


def may_review(user, application: Application) -> bool:
    return application.mentor_id == getattr(user, "pk", None) or is_residency_staff(user)


def _parse_scores(
    criteria: list[RubricCriterion], scores: list[Score]
) -> list[tuple[RubricCriterion, int, str]]:
    given = {s.criterion_id: s for s in scores}
    unknown = set(given) - {c.pk for c in criteria}
    if unknown:
        raise ResidencyError(
            "A score names a criterion that is not in this program's rubric.", field="scores"
        )
    parsed = []
    for criterion in criteria:
        field = f"score_{criterion.pk}"
        entry = given.get(criterion.pk)
        if entry is None or entry.score in (None, ""):
            raise ResidencyError(f"Score “{criterion.name}”.", field=field)
        try:
            value = int(str(entry.score).strip())
        except ValueError:
            raise ResidencyError(
                f"“{criterion.name}” takes a whole number from 0 to {criterion.max_score}.", field=field
            ) from None
        if not 0 <= value <= criterion.max_score:
            raise ResidencyError(
                f"“{criterion.name}” takes a score from 0 to {criterion.max_score}.", field=field
            )
        comment = (entry.comment or "").strip()
        if len(comment) > SCORE_COMMENT_MAX:
            raise ResidencyError(
                f"Keep the note on “{criterion.name}” to {SCORE_COMMENT_MAX} characters.", field=field
            )
        parsed.append((criterion, value, comment))
    return parsed


def review(
    *, version: CapstoneVersion, by: User, decision: str, comments: str, scores: list[Score], now=None
) -> CapstoneReview:
    """Score the version waiting for review against the rubric and return it (comments
    required) or accept it. Only the resident's mentor, or Residency staff, may review."""
    now = now or timezone.now()
    application = version.application
    if not may_review(by, application):
        raise ResidencyNotAllowed("Only the resident's mentor or Residency staff review this capstone.")
    if application.user_id == by.pk:
        raise ResidencyNotAllowed("You cannot review your own capstone.")
    if decision not in CapstoneReview.Decision.values:
        raise ResidencyError("Choose to return the plan or to accept it.", field="decision")
    comments = (comments or "").strip()
    if decision == CapstoneReview.Decision.RETURNED and not comments:
        raise ResidencyError("Tell the resident what to change before returning the plan.", field="comments")
    if len(comments) > COMMENTS_MAX:
        raise ResidencyError(f"Keep the comments to {COMMENTS_MAX:,} characters.", field="comments")
    criteria = list(RubricCriterion.objects.filter(program_id=application.cohort.program_id))
    parsed = _parse_scores(criteria, scores)
    with transaction.atomic():
        Application.objects.select_for_update(of=("self",)).filter(pk=application.pk).first()
        version = CapstoneVersion.objects.select_related("application__user").get(pk=version.pk)
        if version.status != CapstoneVersion.Status.IN_REVIEW:
            raise ResidencyConflict("This version has already been reviewed.")
        result = CapstoneReview.objects.create(
            version=version, reviewer=by, decision=decision, comments=comments, reviewed_at=now
        )
        CriterionScore.objects.bulk_create(
            CriterionScore(review=result, criterion=criterion, score=value, comment=comment)
            for criterion, value, comment in parsed
        )
        version.status = (
            CapstoneVersion.Status.ACCEPTED
            if decision == CapstoneReview.Decision.ACCEPTED
            else CapstoneVersion.Status.RETURNED
        )
        version.save(update_fields=["status"])
        resident = version.application.user
        enqueue_email(
            template_prefix="residency/emails/capstone_reviewed",
            to=[resident.email],
            context={
                "name": resident.get_short_name(),
                "accepted": decision == CapstoneReview.Decision.ACCEPTED,
                "number": version.number,
                "comments": comments,
                "url": settings.SITE_URL + version.application.get_absolute_url(),
            },
        )
    return result
