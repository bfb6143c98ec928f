"""Completing the Residency: every rotation item done and the capstone accepted. Completion
issues the program's Open Badge, whose verification page is also the printable certificate."""

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import User
from medsocial.awards.models import BadgeClass
from medsocial.awards.services import award_badge, define_badge_class
from medsocial.residency.errors import ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import Application, CapstoneVersion, Program
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


def badge_class_of(program: Program) -> BadgeClass:
    """The program's badge class, defined the first time someone completes it (staff may then
    edit its wording in the admin; it is not overwritten)."""
    slug = f"residency-{program.slug}"[:80]
    existing = BadgeClass.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    return define_badge_class(
        slug=slug,
        name=f"{program.name}"[:120],
        description=program.summary or f"Completed the {program.name}.",
        criteria=(
            "Accepted into a cohort; completed every course, event and assignment of the rotation; "
            "wrote a social media plan that the resident's mentor reviewed against the program's "
            "rubric and accepted."
        ),
        caption="RESIDENCY",
        tags=["residency", "social media"],
    )


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
        reviews = CapstoneVersion.objects.filter(application=application).count()
        application.award = award_badge(
            recipient=application.user,
            badge_class=badge_class_of(application.cohort.program),
            evidence=[
                {
                    "url": application.cohort.program.get_absolute_url(),
                    "narrative": (
                        f"Completed {application.cohort} ({application.cohort.starts_on:%B %-d, %Y} to "
                        f"{application.cohort.ends_on:%B %-d, %Y}): every rotation item done and a capstone "
                        f"social media plan accepted after {reviews} version{'s' if reviews != 1 else ''}."
                    ),
                }
            ],
            by=None if by.pk == application.user_id else by,
        )
        application.save(update_fields=["completed_at", "award"])
    return application
