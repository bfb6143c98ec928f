"""Completing the Residency: every rotation item done and the capstone accepted."""

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import User
from medsocial.residency.errors import ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import Application, CapstoneVersion
from medsocial.residency.selectors import is_residency_staff, progress_of


def missing_for_completion(application: Application) -> list[str]:
    """What still stands between the resident and completion, in words (empty: nothing)."""
    missing = []
    progress = progress_of([application])[application.pk]
    left = [p.item.label for p in progress.items if not p.done]
    if left:
        missing.append(
            f"{len(left)} rotation item{'s' if len(left) != 1 else ''} not done: " + ", ".join(left[:5])
        )
    if not CapstoneVersion.objects.filter(
        application=application, status=CapstoneVersion.Status.ACCEPTED
    ).exists():
        missing.append("the capstone is not accepted yet")
    return missing


def complete(*, application: Application, by: User, now=None) -> Application:
    """Mark the Residency complete once everything is done. Completing twice changes nothing
    the second time."""
    now = now or timezone.now()
    if application.user_id != by.pk and not is_residency_staff(by):
        raise ResidencyNotAllowed("Only the resident or Residency staff complete a Residency.")
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("cohort__program", "user")
            .get(pk=application.pk)
        )
        if application.completed_at:
            return application
        if application.status != Application.Status.ACCEPTED:
            raise ResidencyError("Only an accepted resident completes the Residency.")
        missing = missing_for_completion(application)
        if missing:
            raise ResidencyError("Not yet: " + "; ".join(missing) + ".")
        application.completed_at = now
        application.save(update_fields=["completed_at"])
    return application
