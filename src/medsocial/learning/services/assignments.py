"""Organization admins assign courses to their members, with due dates and reminders."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from medsocial.accounts.models import Membership
from medsocial.accounts.selectors import is_organization_admin
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import Assignment, Course, Enrollment

REMIND_DAYS_BEFORE_DUE = 3


@transaction.atomic
def assign_course(
    *, by, organization, course: Course, user_ids: list[int], due_on: datetime.date | None
) -> list[Assignment]:
    """Assign a published course to members of `organization` and enroll them.

    Assigning again updates the due date. Every id must be a member of the organization."""
    if not is_organization_admin(by, organization):
        raise LearningNotAllowed("Only the organization's admins can assign courses.")
    if not course.is_published:
        raise LearningError("Only published courses can be assigned.", field="course")
    if outside_supported_years(due_on):
        raise LearningError(DATE_RANGE_MESSAGE, field="due_on")
    if due_on is not None and due_on < timezone.localdate():
        raise LearningError("The due date is in the past.", field="due_on")
    user_ids = sorted(set(user_ids))
    if not user_ids:
        raise LearningError("Choose at least one member.", field="members")
    members = set(
        Membership.objects.filter(organization=organization, user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    if members != set(user_ids):
        raise LearningError("Only members of this organization can be assigned.", field="members")
    assignments = []
    for user_id in user_ids:
        assignment, created = Assignment.objects.get_or_create(
            organization=organization,
            user_id=user_id,
            course=course,
            defaults={"due_on": due_on, "assigned_by": by},
        )
        if not created and assignment.due_on != due_on:
            assignment.due_on = due_on
            assignment.reminder_sent_at = None
            assignment.save(update_fields=["due_on", "reminder_sent_at"])
        Enrollment.objects.get_or_create(user_id=user_id, course=course)
        assignments.append(assignment)
    return assignments


def due_assignments_to_remind(*, today: datetime.date | None = None):
    """Unfinished assignments due within the reminder window that were not reminded yet."""
    today = today or timezone.localdate()
    return Assignment.objects.filter(
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE_DUE),
        reminder_sent_at__isnull=True,
    ).exclude(
        Exists(
            Enrollment.objects.filter(
                user_id=OuterRef("user_id"), course_id=OuterRef("course_id"), completed_at__isnull=False
            )
        )
    )


def send_assignment_reminder(assignment_id: int) -> bool:
    """Email the member that an assigned course is due soon; sends once per due date."""
    from django.conf import settings
    from django.urls import reverse

    from medsocial.core.email import email_send

    with transaction.atomic():
        claimed = Assignment.objects.filter(pk=assignment_id, reminder_sent_at__isnull=True).update(
            reminder_sent_at=timezone.now()
        )
    if not claimed:
        return False
    assignment = Assignment.objects.select_related("user", "course", "organization").get(pk=assignment_id)
    if Enrollment.objects.filter(
        user=assignment.user, course=assignment.course, completed_at__isnull=False
    ).exists():
        return False
    try:
        email_send(
            template_prefix="learning/emails/assignment_due",
            to=[assignment.user.email],
            context={
                "assignment": assignment,
                "name": assignment.user.display_name,
                "course_url": settings.SITE_URL.rstrip("/")
                + reverse("learning:course", args=[assignment.course.slug]),
            },
        )
    except Exception:
        # Release the claim so the next daily run tries again.
        Assignment.objects.filter(pk=assignment_id).update(reminder_sent_at=None)
        raise
    return True
