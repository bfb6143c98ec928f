"""Reads for consulting, shared by pages, the API and the staff reports.

Two kinds of visibility: the *workspace* of an engagement belongs to the client
organization's members and the coaches assigned to it, nobody else; the *pipeline* is for
staff — site admins see every engagement, a coach only the ones assigned to them.
Anything outside what a person may see is a 404.
"""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from medsocial.accounts.models import Membership, User
from medsocial.accounts.roles import Role, has_role
from medsocial.consulting.models import (
    KPI,
    ActionItem,
    Assessment,
    CoachAssignment,
    CoachingSession,
    Document,
    Engagement,
    Measurement,
    Message,
    StrategyGoal,
)


def is_manager(user) -> bool:
    """Site admins run the pipeline: they see every request, move stages and assign coaches."""
    return has_role(user, Role.SITE_ADMIN)


def is_consulting_staff(user) -> bool:
    return has_role(user, Role.COACH)


def coaches() -> QuerySet[User]:
    """Everyone who may be assigned to an engagement (holders of the coach role)."""
    from medsocial.accounts.roles import group_name

    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(groups__name=group_name(Role.COACH))
            | Q(groups__name=group_name(Role.SITE_ADMIN))
            | Q(is_superuser=True)
        )
        .distinct()
        .order_by("full_name", "email")
    )


# --- Visibility ------------------------------------------------------------------------------


def workspace_engagements(user) -> QuerySet[Engagement]:
    """Engagements whose workspace `user` may open: their organizations' and the ones they coach."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Engagement.objects.none()
    member_of = Membership.objects.filter(user=user, organization=OuterRef("organization_id"))
    coaching = CoachAssignment.objects.filter(coach=user, engagement=OuterRef("pk"))
    return Engagement.objects.filter(Q(Exists(member_of)) | Q(Exists(coaching)))


def pipeline_engagements(user) -> QuerySet[Engagement]:
    """Engagements on `user`'s pipeline board: all for site admins, assigned ones for coaches."""
    if is_manager(user):
        return Engagement.objects.all()
    if is_consulting_staff(user):
        return Engagement.objects.filter(
            Exists(CoachAssignment.objects.filter(coach=user, engagement=OuterRef("pk")))
        )
    return Engagement.objects.none()


def _with_viewer_flags(engagement: Engagement, user) -> Engagement:
    engagement.viewer_is_client = Membership.objects.filter(
        user=user, organization_id=engagement.organization_id
    ).exists()
    engagement.viewer_is_coach = CoachAssignment.objects.filter(coach=user, engagement=engagement).exists()
    engagement.viewer_is_manager = is_manager(user)
    return engagement


def access_engagement(user, pk) -> Engagement:
    """The engagement behind a workspace URL, or 404 when `user` is neither client nor coach."""
    engagement = (
        workspace_engagements(user).select_related("organization", "requested_by").filter(pk=pk).first()
    )
    if engagement is None:
        raise Http404("No such engagement.")
    return _with_viewer_flags(engagement, user)


def access_pipeline_engagement(user, pk) -> Engagement:
    """The engagement behind a staff URL, or 404 when it is not on `user`'s board."""
    engagement = (
        pipeline_engagements(user).select_related("organization", "requested_by").filter(pk=pk).first()
    )
    if engagement is None:
        raise Http404("No such engagement.")
    return _with_viewer_flags(engagement, user)


def can_answer_proposal(user, engagement: Engagement) -> bool:
    """The organization's admins and the person who asked for help may accept or decline."""
    if engagement.requested_by_id == user.pk:
        return Membership.objects.filter(user=user, organization_id=engagement.organization_id).exists()
    return Membership.objects.filter(
        user=user, organization_id=engagement.organization_id, role=Membership.Role.ADMIN
    ).exists()


# --- Lists -----------------------------------------------------------------------------------


def _coach_prefetch() -> Prefetch:
    return Prefetch(
        "assignments", queryset=CoachAssignment.objects.select_related("coach").order_by("assigned_at")
    )


def engagements_for_listing(qs: QuerySet[Engagement]) -> QuerySet[Engagement]:
    """What engagement lists show: organization, coaches and the counts of open work."""
    today = timezone.localdate()
    return (
        qs.select_related("organization", "requested_by")
        .prefetch_related(_coach_prefetch())
        .annotate(
            open_items=Count("action_items", filter=Q(action_items__done_at=None), distinct=True),
            overdue_items=Count(
                "action_items",
                filter=Q(action_items__done_at=None, action_items__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("-stage_changed_at", "-pk")
    )


def board(user) -> dict[str, list[Engagement]]:
    """The pipeline board: `user`'s engagements grouped by stage, in pipeline order."""
    columns: dict[str, list[Engagement]] = {stage: [] for stage in Engagement.Stage.values}
    for engagement in engagements_for_listing(pipeline_engagements(user)):
        columns[engagement.stage].append(engagement)
    return columns


def stage_history(engagement: Engagement) -> QuerySet:
    return engagement.stage_changes.select_related("actor")


def proposals_of(engagement: Engagement) -> QuerySet:
    return engagement.proposals.select_related("created_by", "responded_by")


def current_proposal(engagement: Engagement):
    return engagement.proposals.exclude(status="withdrawn").order_by("-created_at", "-pk").first()


def sessions_of(engagement: Engagement) -> QuerySet[CoachingSession]:
    return engagement.sessions.annotate(
        item_count=Count("action_items", distinct=True),
        open_item_count=Count("action_items", filter=Q(action_items__done_at=None), distinct=True),
    ).order_by("starts_at")


def action_items_of(
    engagement: Engagement, *, session: CoachingSession | None = None
) -> QuerySet[ActionItem]:
    qs = engagement.action_items.select_related("owner", "done_by", "session")
    if session is not None:
        qs = qs.filter(session=session)
    return qs.order_by("done_at", "due_on", "pk")


def workspace_people(engagement: Engagement) -> QuerySet[User]:
    """Everyone in the workspace: the client's members and the assigned coaches."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(memberships__organization_id=engagement.organization_id)
            | Q(coach_assignments__engagement=engagement)
        )
        .distinct()
        .order_by("full_name", "email")
    )


def documents_of(engagement: Engagement) -> QuerySet[Document]:
    return engagement.documents.select_related("created_by").prefetch_related(
        Prefetch("versions", queryset=_versions().order_by("-number"))
    )


def _versions():
    from medsocial.consulting.models import DocumentVersion

    return DocumentVersion.objects.select_related("uploaded_by")


def messages_of(engagement: Engagement) -> QuerySet[Message]:
    return engagement.messages.select_related("author").order_by("created_at", "pk")


def plan_of(engagement: Engagement) -> QuerySet[StrategyGoal]:
    """Goals with their KPIs and every KPI's measurements, in three queries."""
    return engagement.goals.prefetch_related(
        Prefetch(
            "kpis",
            queryset=KPI.objects.order_by("pk").prefetch_related(
                Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk"))
            ),
        )
    ).order_by("due_on", "pk")


def kpis_of(engagement: Engagement) -> QuerySet[KPI]:
    return (
        KPI.objects.filter(goal__engagement=engagement)
        .select_related("goal")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on", "pk"))
        )
        .order_by("goal__due_on", "goal_id", "pk")
    )


def access_kpi(engagement: Engagement, kpi_pk) -> KPI:
    kpi = kpis_of(engagement).filter(pk=kpi_pk).first()
    if kpi is None:
        raise Http404("No such KPI.")
    return kpi


# --- Assessments -----------------------------------------------------------------------------


def assessment_history(organization) -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(organization=organization)
        .select_related("taken_by")
        .order_by("created_at", "pk")
    )


# --- Staff reports ---------------------------------------------------------------------------


def coach_workload(user) -> QuerySet[User]:
    """Coaches with their active and total engagements, upcoming sessions and open items."""
    now = timezone.now()
    visible = pipeline_engagements(user).values("pk")
    qs = coaches() if is_manager(user) else User.objects.filter(pk=user.pk)
    return qs.annotate(
        active_engagements=Count(
            "coach_assignments",
            filter=Q(
                coach_assignments__engagement__stage=Engagement.Stage.ACTIVE,
                coach_assignments__engagement__in=visible,
            ),
            distinct=True,
        ),
        open_engagements=Count(
            "coach_assignments",
            filter=Q(
                coach_assignments__engagement__stage__in=["new", "qualified", "proposal", "active"],
                coach_assignments__engagement__in=visible,
            ),
            distinct=True,
        ),
        upcoming_sessions=Count(
            "coach_assignments__engagement__sessions",
            filter=Q(
                coach_assignments__engagement__sessions__starts_at__gte=now,
                coach_assignments__engagement__sessions__starts_at__lt=now + timedelta(days=30),
                coach_assignments__engagement__in=visible,
            ),
            distinct=True,
        ),
    ).order_by("full_name", "email")


def engagements_by_stage(user) -> list[tuple[str, str, int]]:
    counts = dict(pipeline_engagements(user).values_list("stage").annotate(n=Count("pk")).order_by())
    return [(value, label, counts.get(value, 0)) for value, label in Engagement.Stage.choices]


def upcoming_sessions(user, *, days: int = 30) -> QuerySet[CoachingSession]:
    now = timezone.now()
    return (
        CoachingSession.objects.filter(engagement__in=pipeline_engagements(user).values("pk"))
        .filter(starts_at__gte=now, starts_at__lt=now + timedelta(days=days))
        .select_related("engagement__organization")
        .order_by("starts_at")
    )


def overdue_action_items(user) -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.filter(engagement__in=pipeline_engagements(user).values("pk"))
        .filter(done_at=None, due_on__lt=timezone.localdate())
        .select_related("engagement__organization", "owner")
        .order_by("due_on", "pk")
    )


def reminders_due(*, today=None):
    """What the daily reminder run sends: open action items with an owner due tomorrow or
    overdue by a whole week (one nudge, not a daily nag), and sessions starting tomorrow."""
    today = today or timezone.localdate()
    open_work = [Engagement.Stage.ACTIVE, Engagement.Stage.PROPOSAL, Engagement.Stage.QUALIFIED]
    items = ActionItem.objects.filter(
        done_at=None,
        owner__isnull=False,
        engagement__stage__in=open_work,
        due_on__in=[today + timedelta(days=1), today - timedelta(days=7)],
    ).values_list("pk", flat=True)
    tomorrow = today + timedelta(days=1)
    sessions = CoachingSession.objects.filter(
        starts_at__date=tomorrow, engagement__stage__in=open_work
    ).values_list("pk", flat=True)
    return list(items), list(sessions)


def census_entries(organization_ids) -> dict[int, list[dict]]:
    """Organization id → its hospitals in the census, each {"name", "url", "accounts": [(network,
    handle, url)]}. Empty where the census is not installed or lists none of them."""
    from django.apps import apps
    from django.db.models import Prefetch as _Prefetch

    Hospital = apps.get_model("census", "Hospital")
    SocialAccount = apps.get_model("census", "SocialAccount")
    entries: dict[int, list[dict]] = {}
    hospitals = (
        Hospital.objects.filter(organization_id__in=list(organization_ids))
        .prefetch_related(
            _Prefetch(
                "accounts",
                queryset=SocialAccount.objects.select_related("network").filter(closed_on__isnull=True),
            )
        )
        .order_by("name")
    )
    from django.urls import NoReverseMatch

    for hospital in hospitals:
        try:
            url = hospital.get_absolute_url()
        except NoReverseMatch:  # the census pages are not mounted: name the entry without a link
            url = ""
        entries.setdefault(hospital.organization_id, []).append(
            {
                "name": str(hospital),
                "url": url,
                "accounts": [(a.network.name, a.handle, a.url) for a in hospital.accounts.all()],
            }
        )
    return entries
