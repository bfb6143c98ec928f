"""Reads shared by the pages, the API and the admin.

Who sees what: cohorts that are published are public. An application is seen by the person who
made it, by the mentor assigned to it, and by Residency staff (instructors and site admins).
Anyone else gets a 404 that does not confirm it exists.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.events.models import Registration
from medsocial.learning.models import Enrollment
from medsocial.residency.models import (
    Application,
    AssignmentSubmission,
    CapstoneReview,
    CapstoneVersion,
    Cohort,
    CohortMentor,
    CriterionScore,
    Program,
    RotationItem,
)


def is_residency_staff(user) -> bool:
    """Instructors (and site admins) run cohorts: they review applications and assign mentors."""
    return has_role(user, Role.INSTRUCTOR)


def published_programs() -> QuerySet[Program]:
    return Program.objects.filter(is_published=True)


def access_program(slug: str) -> Program:
    program = published_programs().filter(slug=slug).first()
    if program is None:
        raise Http404("No such program")
    return program


def _with_seats(qs: QuerySet[Cohort]) -> QuerySet[Cohort]:
    return (
        qs.select_related("program")
        .annotate(
            seats_taken=Count("applications", filter=Q(applications__status=Application.Status.ACCEPTED))
        )
        .annotate(seats_left=ExpressionWrapper(F("capacity") - F("seats_taken"), output_field=IntegerField()))
    )


def public_cohorts(program: Program | None = None) -> QuerySet[Cohort]:
    """Published cohorts of published programs, newest first, with the seats taken."""
    qs = Cohort.objects.filter(is_published=True, program__is_published=True)
    if program is not None:
        qs = qs.filter(program=program)
    return _with_seats(qs)


def access_public_cohort(slug: str) -> Cohort:
    cohort = public_cohorts().filter(slug=slug).first()
    if cohort is None:
        raise Http404("No such cohort")
    return cohort


def managed_cohorts(user) -> QuerySet[Cohort]:
    """Every cohort, for Residency staff; none for anyone else."""
    if not is_residency_staff(user):
        return Cohort.objects.none()
    return _with_seats(Cohort.objects.all()).annotate(
        waiting=Count(
            "applications",
            filter=Q(applications__status__in=[Application.Status.SUBMITTED, Application.Status.WAITLISTED]),
        )
    )


def access_managed_cohort(user, slug: str) -> Cohort:
    cohort = managed_cohorts(user).filter(slug=slug).first()
    if cohort is None:
        raise Http404("No such cohort")
    return cohort


def visible_applications(user) -> QuerySet[Application]:
    """Applications `user` may open: their own, their mentees', all for Residency staff."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    if is_residency_staff(user):
        return Application.objects.all()
    return Application.objects.filter(Q(user=user) | Q(mentor=user, status=Application.Status.ACCEPTED))


def access_application(user, pk: int) -> Application:
    """The application if `user` may see it, else 404."""
    application = (
        visible_applications(user)
        .select_related("cohort__program", "user", "mentor", "seat_payment", "seat_refund", "award")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404("No such application")
    return application


def access_own_application(user, pk: int) -> Application:
    """The application if `user` made it, else 404: for what only the applicant does."""
    application = access_application(user, pk)
    if application.user_id != user.pk:
        raise Http404("No such application")
    return application


def applications_of(user) -> QuerySet[Application]:
    """The person's own applications, newest cohort first."""
    return (
        Application.objects.filter(user=user)
        .select_related("cohort__program", "mentor")
        .order_by("-cohort__starts_on", "-pk")
    )


def application_for(user, cohort: Cohort) -> Application | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Application.objects.filter(user=user, cohort=cohort).first()


def applications_in(cohort: Cohort, *, status: str | None = None) -> QuerySet[Application]:
    qs = Application.objects.filter(cohort=cohort).select_related("user", "mentor")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("submitted_at", "pk")


def mentors_of(cohort: Cohort) -> list[CohortMentor]:
    """The cohort's mentors with how many residents each has (one query)."""
    return list(
        CohortMentor.objects.filter(cohort=cohort)
        .select_related("user")
        .annotate(
            resident_count=Count(
                "user__residents",
                filter=Q(user__residents__cohort=cohort, user__residents__status=Application.Status.ACCEPTED),
            )
        )
        .order_by("user__full_name", "pk")
    )


def mentored_residents(user) -> QuerySet[Application]:
    """The residents `user` mentors, with whether a capstone waits for their review."""
    waiting = CapstoneVersion.objects.filter(
        application=OuterRef("pk"), status=CapstoneVersion.Status.IN_REVIEW
    )
    return (
        Application.objects.filter(mentor=user, status=Application.Status.ACCEPTED)
        .select_related("cohort__program", "user")
        .annotate(capstone_waiting=Exists(waiting))
        .order_by("-capstone_waiting", "cohort__starts_on", "user__full_name", "pk")
    )


def is_mentor(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return CohortMentor.objects.filter(user=user).exists()


def rotation_of(cohort: Cohort) -> QuerySet[RotationItem]:
    return RotationItem.objects.filter(cohort=cohort).select_related("course", "event")


# --- Progress --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemProgress:
    item: RotationItem
    done: bool
    overdue: bool


@dataclass(frozen=True)
class Progress:
    items: list[ItemProgress]

    @property
    def done_count(self) -> int:
        return sum(p.done for p in self.items)

    @property
    def overdue_count(self) -> int:
        return sum(p.overdue for p in self.items)

    @property
    def complete(self) -> bool:
        return all(p.done for p in self.items)


def progress_of(
    applications: list[Application], *, today: datetime.date | None = None
) -> dict[int, Progress]:
    """Each application's rotation, done or not from the hub's own records: the course
    completed, the event attended (checked in), the assignment submitted. Four queries for any
    number of applications."""
    today = today or timezone.localdate()
    if not applications:
        return {}
    cohort_ids = {a.cohort_id for a in applications}
    user_ids = {a.user_id for a in applications}
    items = list(RotationItem.objects.filter(cohort_id__in=cohort_ids).select_related("course", "event"))
    course_ids = {i.course_id for i in items if i.course_id}
    event_ids = {i.event_id for i in items if i.event_id}
    completed = (
        set(
            Enrollment.objects.filter(
                user_id__in=user_ids, course_id__in=course_ids, completed_at__isnull=False
            ).values_list("user_id", "course_id")
        )
        if course_ids
        else set()
    )
    attended = (
        set(
            Registration.objects.filter(
                user_id__in=user_ids, event_id__in=event_ids, checked_in_at__isnull=False
            ).values_list("user_id", "event_id")
        )
        if event_ids
        else set()
    )
    submitted = set(
        AssignmentSubmission.objects.filter(application__in=[a.pk for a in applications]).values_list(
            "application_id", "item_id"
        )
    )
    result = {}
    for application in applications:
        rows = []
        for item in items:
            if item.cohort_id != application.cohort_id:
                continue
            if item.kind == RotationItem.Kind.COURSE:
                done = (application.user_id, item.course_id) in completed
            elif item.kind == RotationItem.Kind.EVENT:
                done = (application.user_id, item.event_id) in attended
            else:
                done = (application.pk, item.pk) in submitted
            rows.append(ItemProgress(item=item, done=done, overdue=not done and item.due_on < today))
        result[application.pk] = Progress(items=rows)
    return result


def submissions_of(application: Application) -> dict[int, AssignmentSubmission]:
    return {s.item_id: s for s in AssignmentSubmission.objects.filter(application=application)}


# --- Capstone --------------------------------------------------------------------------------


def capstone_history(application: Application) -> list[CapstoneVersion]:
    """Every version, newest first, with its review and scores (three queries)."""
    scores = Prefetch("review__scores", queryset=CriterionScore.objects.select_related("criterion"))
    return list(
        CapstoneVersion.objects.filter(application=application)
        .select_related("review__reviewer")
        .prefetch_related(scores)
        .order_by("-number")
    )


def access_capstone_file(user, name: str):
    """The capstone attachment `name` if `user` may see its application, else 404."""
    version = (
        CapstoneVersion.objects.filter(attachment=name)
        .filter(application__in=visible_applications(user))
        .first()
    )
    if version is None:
        raise Http404("No such file.")
    return version.attachment


def latest_review_of(version: CapstoneVersion) -> CapstoneReview | None:
    return CapstoneReview.objects.filter(version=version).first()
