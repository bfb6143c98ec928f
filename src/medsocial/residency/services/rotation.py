"""Rotation assignments: a resident submits their answer (again, to improve it, until the
Residency is complete). Courses and events need no submission here: their completion and
attendance are read from the learning and events records."""

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import User
from medsocial.residency.errors import ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import Application, AssignmentSubmission, RotationItem

ANSWER_MAX = 20_000


def submit_assignment(
    *, application: Application, item: RotationItem, text: str, by: User, now=None
) -> AssignmentSubmission:
    """Store the resident's answer to an assignment of their cohort's rotation."""
    now = now or timezone.now()
    if application.user_id != by.pk:
        raise ResidencyNotAllowed("Only the resident submits their assignments.")
    if item.cohort_id != application.cohort_id or item.kind != RotationItem.Kind.ASSIGNMENT:
        raise ResidencyError("That is not an assignment of your cohort.", field="item")
    answer = (text or "").strip()
    if not answer:
        raise ResidencyError("Write your answer before submitting.", field="text")
    if len(answer) > ANSWER_MAX:
        raise ResidencyError(
            f"Keep the answer to {ANSWER_MAX:,} characters (it has {len(answer):,}).", field="text"
        )
    with transaction.atomic():
        application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
        if application.status != Application.Status.ACCEPTED:
            raise ResidencyError("Only an accepted resident submits assignments.")
        if application.completed_at:
            raise ResidencyError("You have completed the Residency.")
        submission, _ = AssignmentSubmission.objects.update_or_create(
            item=item, application=application, defaults={"text": answer, "submitted_at": now}
        )
    return submission
