"""The consulting API: a client's (or coach's) engagements, sessions, action items and KPIs.

It follows the workspace's visibility: members of the client organization and the assigned
coaches; anything else is a 404."""

from datetime import date, datetime

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from medsocial.api.pagination import PageNumberPagination
from medsocial.consulting import selectors, services
from medsocial.consulting.models import ActionItem

router = Router(tags=["consulting"])


class OrganizationRef(Schema):
    slug: str
    name: str


class PersonRef(Schema):
    id: int
    name: str


class EngagementOut(Schema):
    id: int
    organization: OrganizationRef
    stage: str = Field(description="new, qualified, proposal, active, completed or declined")
    service: str
    business_goals: list[str]
    timeline: str
    budget: str
    coaches: list[PersonRef]
    created_at: datetime
    stage_changed_at: datetime
    url: str


class SessionOut(Schema):
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    duration_minutes: int
    location: str
    agenda: str
    notes: str
    calendar_url: str = Field(description="The session as an .ics file (same authentication).")


class ActionItemOut(Schema):
    id: int
    title: str
    owner: PersonRef | None
    due_on: date
    done: bool
    done_at: datetime | None
    session_id: int | None


class ActionItemStatusIn(Schema):
    done: bool


class MeasurementOut(Schema):
    measured_on: date
    value: float
    source: str = Field(description="manual or census")


class KPIOut(Schema):
    id: int
    goal_id: int
    goal: str
    name: str
    metric: str
    channel: str
    baseline_value: float
    baseline_on: date
    target_value: float
    target_on: date
    progress_percent: int
    measurements: list[MeasurementOut]


def _person(user) -> PersonRef | None:
    return PersonRef(id=user.pk, name=user.display_name) if user is not None else None


def _engagement_out(e) -> EngagementOut:
    return EngagementOut(
        id=e.pk,
        organization=OrganizationRef(slug=e.organization.slug, name=e.organization.name),
        stage=e.stage,
        service=e.service,
        business_goals=e.business_goals,
        timeline=e.timeline,
        budget=e.budget,
        coaches=[_person(a.coach) for a in e.assignments.all()],
        created_at=e.created_at,
        stage_changed_at=e.stage_changed_at,
        url=settings.SITE_URL + e.get_absolute_url(),
    )


def _item_out(item) -> ActionItemOut:
    return ActionItemOut(
        id=item.pk,
        title=item.title,
        owner=_person(item.owner),
        due_on=item.due_on,
        done=item.is_done,
        done_at=item.done_at,
        session_id=item.session_id,
    )


@router.get("/engagements", response=list[EngagementOut], summary="My engagements")
@paginate(PageNumberPagination)
def list_engagements(request: HttpRequest):
    engagements = selectors.engagements_for_listing(selectors.workspace_engagements(request.auth))
    return [_engagement_out(e) for e in engagements]


@router.get("/engagements/{engagement_id}", response=EngagementOut, summary="One engagement")
def get_engagement(request: HttpRequest, engagement_id: int):
    selectors.access_engagement(request.auth, engagement_id)
    engagement = selectors.engagements_for_listing(selectors.workspace_engagements(request.auth)).get(
        pk=engagement_id
    )
    return _engagement_out(engagement)


@router.get(
    "/engagements/{engagement_id}/sessions", response=list[SessionOut], summary="An engagement's sessions"
)
@paginate(PageNumberPagination)
def list_sessions(request: HttpRequest, engagement_id: int):
    engagement = selectors.access_engagement(request.auth, engagement_id)
    from django.urls import reverse

    return [
        SessionOut(
            id=s.pk,
            title=s.title,
            starts_at=s.starts_at,
            ends_at=s.ends_at,
            duration_minutes=s.duration_minutes,
            location=s.location,
            agenda=s.agenda,
            notes=s.notes,
            calendar_url=settings.SITE_URL
            + reverse("consulting:session-calendar", kwargs={"pk": engagement.pk, "session_pk": s.pk}),
        )
        for s in selectors.sessions_of(engagement)
    ]


@router.get(
    "/engagements/{engagement_id}/action-items",
    response=list[ActionItemOut],
    summary="An engagement's action items",
)
@paginate(PageNumberPagination)
def list_action_items(request: HttpRequest, engagement_id: int, done: bool | None = None):
    engagement = selectors.access_engagement(request.auth, engagement_id)
    items = selectors.action_items_of(engagement)
    if done is not None:
        items = items.filter(done_at__isnull=not done)
    return [_item_out(item) for item in items]


@router.patch(
    "/engagements/{engagement_id}/action-items/{item_id}",
    response=ActionItemOut,
    summary="Mark an action item done or not done",
)
def update_action_item(request: HttpRequest, engagement_id: int, item_id: int, payload: ActionItemStatusIn):
    engagement = selectors.access_engagement(request.auth, engagement_id)
    item = get_object_or_404(ActionItem.objects.filter(engagement=engagement), pk=item_id)
    services.set_action_item_done(actor=request.auth, item=item, done=payload.done)
    return _item_out(selectors.action_items_of(engagement).get(pk=item.pk))


@router.get("/engagements/{engagement_id}/kpis", response=list[KPIOut], summary="The strategy plan's KPIs")
@paginate(PageNumberPagination)
def list_kpis(request: HttpRequest, engagement_id: int):
    engagement = selectors.access_engagement(request.auth, engagement_id)
    result = []
    for kpi in selectors.kpis_of(engagement):
        measurements = list(kpi.measurements.all())
        latest = measurements[-1].value if measurements else None
        result.append(
            KPIOut(
                id=kpi.pk,
                goal_id=kpi.goal_id,
                goal=kpi.goal.title,
                name=kpi.name,
                metric=kpi.metric,
                channel=kpi.channel,
                baseline_value=float(kpi.baseline_value),
                baseline_on=kpi.baseline_on,
                target_value=float(kpi.target_value),
                target_on=kpi.target_on,
                progress_percent=kpi.progress_percent(latest),
                measurements=[
                    MeasurementOut(measured_on=m.measured_on, value=float(m.value), source=m.source)
                    for m in measurements
                ],
            )
        )
    return result
