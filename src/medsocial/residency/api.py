"""`/api/v1/residency/`: cohorts, applying and withdrawing, a resident's progress and capstone
history, submitting a capstone, a mentor's residents and reviews, and the staff's decisions
and mentor assignments. The same services and selectors as the pages, so every rule and every
404 is the same."""

import datetime

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from medsocial.accounts.models import User
from medsocial.residency import selectors
from medsocial.residency.errors import ResidencyError
from medsocial.residency.models import Application, CapstoneVersion, Cohort, RotationItem
from medsocial.residency.services import applications as application_services
from medsocial.residency.services import capstone as capstone_services
from medsocial.residency.services import completion as completion_services
from medsocial.residency.services import rotation as rotation_services

router = Router(tags=["residency"])


class CohortOut(Schema):
    slug: str
    name: str
    program: str
    starts_on: datetime.date
    ends_on: datetime.date
    applications_open_on: datetime.date
    applications_close_on: datetime.date
    capacity: int
    seats_left: int
    seat_points: int

    @staticmethod
    def resolve_program(cohort: Cohort) -> str:
        return cohort.program.name

    @staticmethod
    def resolve_seats_left(cohort: Cohort) -> int:
        return max(cohort.seats_left, 0)


class ApplicationIn(Schema):
    statement: str = Field(max_length=6000, description="80 to 3,000 characters.")


class ApplicationOut(Schema):
    id: int
    cohort: str
    cohort_slug: str
    applicant: str
    status: str
    submitted_at: datetime.datetime
    decline_reason: str
    mentor: str | None
    completed_at: datetime.datetime | None

    @staticmethod
    def from_application(application: Application) -> "ApplicationOut":
        return ApplicationOut(
            id=application.pk,
            cohort=application.cohort.name,
            cohort_slug=application.cohort.slug,
            applicant=application.user.display_name,
            status=application.status,
            submitted_at=application.submitted_at,
            decline_reason=application.decline_reason,
            mentor=application.mentor.display_name if application.mentor_id else None,
            completed_at=application.completed_at,
        )


class RotationItemOut(Schema):
    id: int
    kind: str
    title: str
    due_on: datetime.date
    done: bool
    overdue: bool


class ProgressOut(Schema):
    application: ApplicationOut
    done: int
    total: int
    items: list[RotationItemOut]


class ScoreOut(Schema):
    criterion: str
    score: int
    max_score: int
    comment: str


class ReviewOut(Schema):
    decision: str
    comments: str
    reviewer: str | None
    reviewed_at: datetime.datetime
    scores: list[ScoreOut]


class CapstoneOut(Schema):
    id: int
    number: int
    status: str
    plan: str
    submitted_at: datetime.datetime
    review: ReviewOut | None


class CapstoneIn(Schema):
    plan: str = Field(max_length=40_000, description="At least 200 characters.")


class AssignmentIn(Schema):
    text: str = Field(max_length=40_000)


class ScoreIn(Schema):
    criterion_id: int
    score: int = Field(ge=0, le=100)
    comment: str = Field("", max_length=1000)


class ReviewIn(Schema):
    decision: str = Field(description="`returned` or `accepted`.")
    comments: str = Field("", max_length=10_000)
    scores: list[ScoreIn] = Field(max_length=100)


class DecisionIn(Schema):
    decision: str = Field(description="`accept`, `waitlist` or `decline`.")
    reason: str = Field("", max_length=1000, description="Required when declining; the applicant reads it.")


class MentorIn(Schema):
    mentor_email: str = Field(max_length=254, description="A mentor of the application's cohort.")


def _capstone_out(version: CapstoneVersion) -> CapstoneOut:
    review = getattr(version, "review", None)
    return CapstoneOut(
        id=version.pk,
        number=version.number,
        status=version.status,
        plan=version.plan,
        submitted_at=version.submitted_at,
        review=ReviewOut(
            decision=review.decision,
            comments=review.comments,
            reviewer=review.reviewer.display_name if review.reviewer_id else None,
            reviewed_at=review.reviewed_at,
            scores=[
                ScoreOut(
                    criterion=s.criterion.name,
                    score=s.score,
                    max_score=s.criterion.max_score,
                    comment=s.comment,
                )
                for s in review.scores.all()
            ],
        )
        if review is not None
        else None,
    )


@router.get("/cohorts", response=list[CohortOut], summary="Published cohorts, newest first")
def cohorts(request: HttpRequest):
    return list(selectors.public_cohorts()[:200])


@router.get("/cohorts/{slug}", response=CohortOut, summary="One cohort")
def cohort(request: HttpRequest, slug: str):
    return selectors.access_public_cohort(slug)


@router.post("/cohorts/{slug}/applications", response={201: ApplicationOut}, summary="Apply to a cohort")
def apply(request: HttpRequest, slug: str, payload: ApplicationIn):
    cohort = selectors.access_public_cohort(slug)
    application = application_services.apply(cohort=cohort, user=request.auth, statement=payload.statement)
    application = selectors.access_application(request.auth, application.pk)
    return Status(201, ApplicationOut.from_application(application))


@router.get("/applications", response=list[ApplicationOut], summary="My applications")
def my_applications(request: HttpRequest):
    return [ApplicationOut.from_application(a) for a in selectors.applications_of(request.auth)[:200]]


@router.get(
    "/applications/{application_id}", response=ProgressOut, summary="An application and its rotation progress"
)
def application(request: HttpRequest, application_id: int):
    application = selectors.access_application(request.auth, application_id)
    progress = selectors.progress_of([application])[application.pk]
    return ProgressOut(
        application=ApplicationOut.from_application(application),
        done=progress.done_count,
        total=len(progress.items),
        items=[
            RotationItemOut(
                id=p.item.pk,
                kind=p.item.kind,
                title=p.item.label,
                due_on=p.item.due_on,
                done=p.done,
                overdue=p.overdue,
            )
            for p in progress.items
        ],
    )


@router.post(
    "/applications/{application_id}/withdraw", response=ApplicationOut, summary="Withdraw my application"
)
def withdraw(request: HttpRequest, application_id: int):
    application = selectors.access_own_application(request.auth, application_id)
    application_services.withdraw(application=application, by=request.auth)
    return ApplicationOut.from_application(selectors.access_application(request.auth, application_id))


@router.post(
    "/applications/{application_id}/assignments/{item_id}",
    response={201: dict[str, str]},
    summary="Submit my answer to a rotation assignment",
)
def submit_assignment(request: HttpRequest, application_id: int, item_id: int, payload: AssignmentIn):
    application = selectors.access_own_application(request.auth, application_id)
    item = get_object_or_404(RotationItem, pk=item_id, cohort_id=application.cohort_id)
    submission = rotation_services.submit_assignment(
        application=application, item=item, text=payload.text, by=request.auth
    )
    return Status(201, {"submitted_at": submission.submitted_at.isoformat()})


@router.get(
    "/applications/{application_id}/capstone",
    response=list[CapstoneOut],
    summary="Capstone versions, newest first",
)
def capstone_history(request: HttpRequest, application_id: int):
    application = selectors.access_application(request.auth, application_id)
    return [_capstone_out(v) for v in selectors.capstone_history(application)]


@router.post(
    "/applications/{application_id}/capstone", response={201: CapstoneOut}, summary="Submit my capstone plan"
)
def submit_capstone(request: HttpRequest, application_id: int, payload: CapstoneIn):
    application = selectors.access_own_application(request.auth, application_id)
    version = capstone_services.submit(application=application, plan=payload.plan, by=request.auth)
    return Status(201, _capstone_out(version))


@router.post(
    "/applications/{application_id}/capstone/{version_id}/review",
    response={201: CapstoneOut},
    summary="Review a capstone version (the resident's mentor or staff)",
)
def review_capstone(request: HttpRequest, application_id: int, version_id: int, payload: ReviewIn):
    application = selectors.access_application(request.auth, application_id)
    if application.user_id == request.auth.pk or not capstone_services.may_review(request.auth, application):
        raise Http404("No such capstone")
    version = get_object_or_404(
        CapstoneVersion.objects.select_related("application__cohort"), pk=version_id, application=application
    )
    capstone_services.review(
        version=version,
        by=request.auth,
        decision=payload.decision,
        comments=payload.comments,
        scores=[capstone_services.Score(s.criterion_id, s.score, s.comment) for s in payload.scores],
    )
    version = next(v for v in selectors.capstone_history(application) if v.pk == version.pk)
    return Status(201, _capstone_out(version))


@router.post(
    "/applications/{application_id}/complete", response=ApplicationOut, summary="Complete my residency"
)
def complete(request: HttpRequest, application_id: int):
    application = selectors.access_application(request.auth, application_id)
    if application.user_id != request.auth.pk and not selectors.is_residency_staff(request.auth):
        raise Http404("No such application")
    completion_services.complete(application=application, by=request.auth)
    return ApplicationOut.from_application(selectors.access_application(request.auth, application_id))


@router.get("/mentoring", response=list[ApplicationOut], summary="The residents I mentor")
def mentoring(request: HttpRequest):
    return [ApplicationOut.from_application(a) for a in selectors.mentored_residents(request.auth)[:200]]


def _managed(request: HttpRequest, application_id: int) -> Application:
    if not selectors.is_residency_staff(request.auth):
        raise Http404("No such application")
    return selectors.access_application(request.auth, application_id)


@router.post(
    "/applications/{application_id}/decision",
    response=ApplicationOut,
    summary="Accept, waitlist or decline (staff)",
)
def decide(request: HttpRequest, application_id: int, payload: DecisionIn):
    application = _managed(request, application_id)
    application_services.decide(
        application=application, decision=payload.decision, reason=payload.reason, by=request.auth
    )
    return ApplicationOut.from_application(selectors.access_application(request.auth, application_id))


@router.post(
    "/applications/{application_id}/mentor", response=ApplicationOut, summary="Assign a mentor (staff)"
)
def assign_mentor(request: HttpRequest, application_id: int, payload: MentorIn):
    application = _managed(request, application_id)
    mentor = User.objects.filter(email__iexact=payload.mentor_email.strip()).first()
    if mentor is None:
        raise ResidencyError("No one has that address.", field="mentor_email")
    application_services.assign_mentor(application=application, mentor=mentor, by=request.auth)
    return ApplicationOut.from_application(selectors.access_application(request.auth, application_id))
