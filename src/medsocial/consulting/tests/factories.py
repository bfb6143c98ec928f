"""Test helpers that build consulting data directly, so tests stay short."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.accounts.tests.factories import make_organization, make_user
from medsocial.consulting.models import (
    KPI,
    ActionItem,
    CoachAssignment,
    CoachingSession,
    Engagement,
    Measurement,
    StageChange,
    StrategyGoal,
)


def make_coach(**kwargs):
    return make_user(roles=[Role.COACH], **kwargs)


def make_site_admin(**kwargs):
    return make_user(roles=[Role.SITE_ADMIN], **kwargs)


def make_engagement(
    *, organization=None, requested_by=None, stage=Engagement.Stage.NEW, coaches=(), **fields
):
    organization = organization or make_organization()
    if requested_by is None:
        requested_by = make_user(organization=organization, org_role="admin")
    now = timezone.now()
    engagement = Engagement.objects.create(
        organization=organization,
        requested_by=requested_by,
        contact_name=requested_by.full_name,
        contact_email=requested_by.email,
        business_goals=fields.pop("business_goals", ["reputation", "recruitment"]),
        timeline=fields.pop("timeline", Engagement.Timeline.QUARTER),
        budget=fields.pop("budget", Engagement.Budget.FROM_5K),
        service=fields.pop("service", Engagement.Service.COACHING),
        stage=stage,
        stage_changed_at=now,
        **fields,
    )
    StageChange.objects.create(engagement=engagement, from_stage="", to_stage=stage, actor=requested_by)
    for coach in coaches:
        CoachAssignment.objects.create(engagement=engagement, coach=coach)
    return engagement


def make_session(engagement, *, days_ahead=7, title="Kick-off", **fields):
    return CoachingSession.objects.create(
        engagement=engagement, title=title, starts_at=timezone.now() + timedelta(days=days_ahead), **fields
    )


def make_action_item(
    engagement, *, title="Draft the social media policy", due_in_days=14, owner=None, **fields
):
    return ActionItem.objects.create(
        engagement=engagement,
        title=title,
        due_on=timezone.localdate() + timedelta(days=due_in_days),
        owner=owner,
        **fields,
    )


def make_goal(engagement, **fields):
    return StrategyGoal.objects.create(
        engagement=engagement,
        business_goal=fields.pop("business_goal", "recruitment"),
        title=fields.pop("title", "Grow nurse applications through LinkedIn"),
        owner=fields.pop("owner", "Talent acquisition team"),
        due_on=fields.pop("due_on", timezone.localdate() + timedelta(days=180)),
        **fields,
    )


def make_kpi(goal, *, metric=KPI.Metric.FOLLOWERS, channel="facebook", baseline=1000, target=1500, **fields):
    today = timezone.localdate()
    return KPI.objects.create(
        goal=goal,
        metric=metric,
        channel=channel,
        baseline_value=Decimal(baseline),
        baseline_on=fields.pop("baseline_on", today - timedelta(days=30)),
        target_value=Decimal(target),
        target_on=fields.pop("target_on", today + timedelta(days=150)),
        **fields,
    )


def make_measurement(kpi, *, days_ago=7, value=1100, source=Measurement.Source.MANUAL):
    return Measurement.objects.create(
        kpi=kpi,
        measured_on=timezone.localdate() - timedelta(days=days_ago),
        value=Decimal(value),
        source=source,
    )
