"""Applying to a cohort, withdrawing, and the staff decisions: accept (within capacity),
waitlist, decline with a reason. Mentors are added to a cohort and assigned to residents, at
most eight residents per mentor in one cohort.

Seats and mentor places are counted under a row lock on the cohort, so two staff members
accepting (or assigning) at the same moment never go beyond the limit; SQLite's IMMEDIATE
transactions serialize writers the same way.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from medsocial.accounts.models import User
from medsocial.core.email import enqueue_email
from medsocial.programs.services import wallet
from medsocial.residency.errors import ResidencyConflict, ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import MAX_RESIDENTS_PER_MENTOR, Application, Cohort, CohortMentor
from medsocial.residency.selectors import is_residency_staff

STATEMENT_MIN = 80
STATEMENT_MAX = 3000
REASON_MAX = 500


def _lock_cohort(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update(of=("self",)).select_related("program").get(pk=cohort.pk)


def _lock_application(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("cohort__program", "user", "seat_payment")
        .get(pk=application.pk)
    )


def require_staff(by) -> None:
    if not is_residency_staff(by):
        raise ResidencyNotAllowed("Only Residency staff can do this.")


def clean_statement(statement: str) -> str:
    text = (statement or "").strip()
    if not text:
        raise ResidencyError(
            "Write a short statement: why you want to join and what you hope to do.", field="statement"
        )
    if len(text) < STATEMENT_MIN:
        raise ResidencyError(
            f"Your statement is {len(text)} characters long; write at least {STATEMENT_MIN}.",
            field="statement",
        )
    if len(text) > STATEMENT_MAX:
        raise ResidencyError(
            f"Your statement is {len(text):,} characters long; keep it to {STATEMENT_MAX:,}.",
            field="statement",
        )
    return text


def _email(application: Application, template: str, **context) -> None:
    from django.conf import settings

    enqueue_email(
        template_prefix=f"residency/emails/{template}",
        to=[application.user.email],
        context={
            "name": application.user.get_short_name(),
            "cohort": str(application.cohort),
            "url": settings.SITE_URL + application.get_absolute_url(),
            **context,
        },
    )


def apply(*, cohort: Cohort, user: User, statement: str, now=None) -> Application:
    """Apply to `cohort` with a statement; a cohort with a seat price takes its points from
    the applicant's wallet now (returned if they are declined or withdraw before the start).
    Applying twice to the same cohort is refused."""
    now = now or timezone.now()
    text = clean_statement(statement)
    with transaction.atomic():
        cohort = _lock_cohort(cohort)
        if not cohort.accepts_applications(timezone.localdate(now)):
            raise ResidencyError("Applications for this cohort are closed.")
        if Application.objects.filter(cohort=cohort, user=user).exists():
            raise ResidencyConflict("You have already applied to this cohort.")
        try:
            with transaction.atomic():
                application = Application.objects.create(
                    cohort=cohort, user=user, statement=text, submitted_at=now
                )
        except IntegrityError:
            raise ResidencyConflict("You have already applied to this cohort.") from None
        if cohort.seat_points:
            application.seat_payment = wallet.spend(
                user=user,
                points=cohort.seat_points,
                memo=f"Residency seat: {cohort}",
                field="seat_points",
                now=now,
            )
            application.save(update_fields=["seat_payment"])
        _email(application, "application_received", seat_points=cohort.seat_points)
    return application


def _refund_seat(application: Application, *, by, now) -> bool:
    """Return the seat's points once. Call with the application locked."""
    if application.seat_payment is None or application.seat_refund_id is not None:
        return False
    application.seat_refund = wallet.refund(entry=application.seat_payment, by=by, now=now)
    return True


def withdraw(*, application: Application, by: User, now=None) -> Application:
    """The applicant withdraws. Before the cohort starts a paid seat's points come back; from
    the start on they are kept."""
    now = now or timezone.now()
    if application.user_id != by.pk:
        raise ResidencyNotAllowed("Only the applicant can withdraw an application.")
    with transaction.atomic():
        application = _lock_application(application)
        if application.status in (Application.Status.WITHDRAWN, Application.Status.DECLINED):
            raise ResidencyError("This application is no longer open.")
        if application.completed_at:
            raise ResidencyError("You have completed the Residency; there is nothing to withdraw from.")
        application.status = Application.Status.WITHDRAWN
        application.withdrawn_at = now
        refunded = False
        if timezone.localdate(now) < application.cohort.starts_on:
            refunded = _refund_seat(application, by=by, now=now)
        application.save(update_fields=["status", "withdrawn_at", "seat_refund"])
        _email(application, "withdrawn", refunded=refunded, seat_points=application.cohort.seat_points)
    return application


def _seats_taken(cohort: Cohort) -> int:
    return Application.objects.filter(cohort=cohort, status=Application.Status.ACCEPTED).count()


def accept(*, application: Application, by: User, now=None) -> Application:
    """Accept an applicant into the cohort, refused once its capacity is reached."""
    now = now or timezone.now()
    require_staff(by)
    with transaction.atomic():
        cohort = _lock_cohort(application.cohort)  # the seat count's lock
        application = _lock_application(application)
        if application.status not in (Application.Status.SUBMITTED, Application.Status.WAITLISTED):
            raise ResidencyError(
                f"This application is {application.get_status_display().lower()}; it cannot be accepted."
            )
        taken = _seats_taken(cohort)
        if taken >= cohort.capacity:
            raise ResidencyConflict(
                f"The cohort is full: {taken} of {cohort.capacity} seats are taken. Waitlist the applicant instead."
            )
        application.status = Application.Status.ACCEPTED
        application.decided_at, application.decided_by = now, by
        application.save(update_fields=["status", "decided_at", "decided_by"])
        _email(application, "accepted", starts_on=cohort.starts_on.isoformat())
    return application


def waitlist(*, application: Application, by: User, now=None) -> Application:
    now = now or timezone.now()
    require_staff(by)
    with transaction.atomic():
        application = _lock_application(application)
        if application.status != Application.Status.SUBMITTED:
            raise ResidencyError(
                f"This application is {application.get_status_display().lower()}; only one awaiting review can be waitlisted."
            )
        application.status = Application.Status.WAITLISTED
        application.decided_at, application.decided_by = now, by
        application.save(update_fields=["status", "decided_at", "decided_by"])
        _email(application, "waitlisted")
    return application


def decline(*, application: Application, by: User, reason: str, now=None) -> Application:
    """Decline with a reason the applicant reads; a paid seat's points come back."""
    now = now or timezone.now()
    require_staff(by)
    reason = (reason or "").strip()
    if not reason:
        raise ResidencyError("Give the applicant a reason for declining.", field="reason")
    if len(reason) > REASON_MAX:
        raise ResidencyError(
            f"Keep the reason to {REASON_MAX} characters (it has {len(reason)}).", field="reason"
        )
    with transaction.atomic():
        application = _lock_application(application)
        if application.status not in (Application.Status.SUBMITTED, Application.Status.WAITLISTED):
            raise ResidencyError(
                f"This application is {application.get_status_display().lower()}; it cannot be declined."
            )
        application.status = Application.Status.DECLINED
        application.decided_at, application.decided_by = now, by
        application.decline_reason = reason
        refunded = _refund_seat(application, by=by, now=now)
        application.save(
            update_fields=["status", "decided_at", "decided_by", "decline_reason", "seat_refund"]
        )
        _email(
            application,
            "declined",
            reason=reason,
            refunded=refunded,
            seat_points=application.cohort.seat_points,
        )
    return application


def decide(*, application: Application, decision: str, by: User, reason: str = "") -> Application:
    """One entry point for the pages and the API: accept, waitlist or decline."""
    if decision == "accept":
        return accept(application=application, by=by)
    if decision == "waitlist":
        return waitlist(application=application, by=by)
    if decision == "decline":
        return decline(application=application, by=by, reason=reason)
    raise ResidencyError("Choose accept, waitlist or decline.", field="decision")


# --- Mentors ---------------------------------------------------------------------------------


def add_mentor(*, cohort: Cohort, email: str, by: User) -> CohortMentor:
    """Make the person with this email address a mentor of the cohort."""
    require_staff(by)
    address = (email or "").strip()
    if not address:
        raise ResidencyError("Enter the mentor's email address.", field="email")
    person = User.objects.filter(email__iexact=address, is_active=True).first()
    if person is None:
        raise ResidencyError(f"No one has the address {address[:100]}.", field="email")
    if Application.objects.filter(cohort=cohort, user=person, status=Application.Status.ACCEPTED).exists():
        raise ResidencyError(f"{person} is a resident of this cohort and cannot mentor in it.", field="email")
    try:
        with transaction.atomic():
            return CohortMentor.objects.create(cohort=cohort, user=person)
    except IntegrityError:
        raise ResidencyConflict(f"{person} already mentors in this cohort.", field="email") from None


def assign_mentor(*, application: Application, mentor: User, by: User) -> Application:
    """Give an accepted resident a mentor of their cohort; a mentor takes at most eight
    residents in one cohort."""
    require_staff(by)
    with transaction.atomic():
        cohort = _lock_cohort(application.cohort)  # the mentor count's lock
        application = _lock_application(application)
        if application.status != Application.Status.ACCEPTED:
            raise ResidencyError("Only an accepted resident gets a mentor.", field="mentor")
        if not CohortMentor.objects.filter(cohort=cohort, user=mentor).exists():
            raise ResidencyError(f"{mentor} is not a mentor of this cohort.", field="mentor")
        if application.mentor_id == mentor.pk:
            return application
        load = (
            Application.objects.filter(cohort=cohort, mentor=mentor, status=Application.Status.ACCEPTED)
            .exclude(pk=application.pk)
            .count()
        )
        if load >= MAX_RESIDENTS_PER_MENTOR:
            raise ResidencyConflict(
                f"{mentor} already mentors {load} residents in this cohort, the most one mentor may take.",
                field="mentor",
            )
        application.mentor = mentor
        application.save(update_fields=["mentor"])
        _email(application, "mentor_assigned", mentor=mentor.display_name)
    return application
