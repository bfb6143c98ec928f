"""The strategy plan: SMART goals, their KPIs and the measurements that show progress."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import User
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import KPI, BusinessGoal, Engagement, Measurement, Network, StrategyGoal
from medsocial.consulting.services.workspace import _require_participant


@transaction.atomic
def create_goal(
    *,
    actor: User,
    engagement: Engagement,
    business_goal: str,
    title: str,
    owner: str,
    due_on: date,
    description: str = "",
) -> StrategyGoal:
    """Add a SMART goal (what, who, by when) tied to one of the business goals."""
    _require_participant(actor, engagement)
    if business_goal not in BusinessGoal.values:
        raise ConsultingError("Choose the business goal this serves.", field="business_goal")
    if not title.strip():
        raise ConsultingError("Say what will change.", field="title")
    if not owner.strip():
        raise ConsultingError("Say who is responsible.", field="owner")
    if due_on <= timezone.localdate():
        raise ConsultingError("The goal's date must be in the future.", field="due_on")
    return StrategyGoal.objects.create(
        engagement=engagement,
        business_goal=business_goal,
        title=title.strip(),
        owner=owner.strip(),
        due_on=due_on,
        description=description.strip(),
        created_by=actor,
    )


def validate_kpi_dates(*, baseline_on: date, target_on: date) -> None:
    """The target deadline must come after the baseline date and must not be in the past."""
    today = timezone.localdate()
    if target_on <= baseline_on:
        raise ConsultingError("The target deadline must come after the baseline date.", field="target_on")
    if target_on < today:
        raise ConsultingError("The target deadline is in the past; choose a date from today on.", field="target_on")
    if baseline_on > today:
        raise ConsultingError("The baseline is a value already measured: its date cannot be in the future.",
                              field="baseline_on")


@transaction.atomic
def create_kpi(
    *,
    actor: User,
    goal: StrategyGoal,
    metric: str,
    channel: str,
    baseline_value: Decimal,
    baseline_on: date,
    target_value: Decimal,
    target_on: date,
    label: str = "",
) -> KPI:
    """Add a KPI to a goal: a metric on a channel, from a dated baseline to a dated target."""
    _require_participant(actor, goal.engagement)
    if metric not in KPI.Metric.values:
        raise ConsultingError("Choose a metric.", field="metric")
    if metric == KPI.Metric.OTHER and not label.strip():
        raise ConsultingError("Name the metric.", field="label")
    if channel not in Network.values:
        raise ConsultingError("Choose a channel.", field="channel")
    validate_kpi_dates(baseline_on=baseline_on, target_on=target_on)
    if target_value == baseline_value:
        raise ConsultingError("The target must differ from the baseline.", field="target_value")
    return KPI.objects.create(
        goal=goal,
        metric=metric,
        label=label.strip(),
        channel=channel,
        baseline_value=baseline_value,
        baseline_on=baseline_on,
        target_value=target_value,
        target_on=target_on,
    )


@transaction.atomic
def record_measurement(*, actor: User, kpi: KPI, measured_on: date, value: Decimal, note: str = "") -> Measurement:
    """Record a value by hand; a second value for the same day corrects the first."""
    _require_participant(actor, kpi.goal.engagement)
    if measured_on > timezone.localdate():
        raise ConsultingError("A measurement cannot be dated in the future.", field="measured_on")
    if measured_on < kpi.baseline_on:
        raise ConsultingError("A measurement cannot come before the baseline date.", field="measured_on")
    if value is None:
        raise ConsultingError("Enter the measured value.", field="value")
    measurement, _ = Measurement.objects.update_or_create(
        kpi=kpi,
        source=Measurement.Source.MANUAL,
        measured_on=measured_on,
        defaults={"value": value, "note": note.strip()[:300], "recorded_by": actor, "recorded_at": timezone.now()},
    )
    return measurement


@transaction.atomic
def delete_measurement(*, actor: User, measurement: Measurement) -> None:
    _require_participant(actor, measurement.kpi.goal.engagement)
    measurement.delete()


@transaction.atomic
def delete_goal(*, actor: User, goal: StrategyGoal) -> None:
    """Remove a goal with its KPIs and their history; only the engagement's coaches may."""
    _require_coach(actor, goal.engagement)
    goal.delete()


@transaction.atomic
def delete_kpi(*, actor: User, kpi: KPI) -> None:
    """Remove a KPI with its measurements; only the engagement's coaches may."""
    _require_coach(actor, kpi.goal.engagement)
    kpi.delete()


def _require_coach(actor: User, engagement: Engagement) -> None:
    from medsocial.consulting.services.workspace import _is_coach
    from medsocial.core.errors import NotAllowed

    if not _is_coach(actor, engagement):
        raise NotAllowed("Only the engagement's coaches remove parts of the plan.")


def census_series(*, organization, network: str, metric: str) -> list[tuple[date, int]]:
    """The census's dated observations of an organization's own account, or ConsultingError
    when the census cannot provide them."""
    try:
        from medsocial.census.selectors import metric_series_for_organization
    except ImportError:
        raise ConsultingError("The census is not available on this site, so there is nothing to import.")
    return list(metric_series_for_organization(organization=organization, network=network, metric=metric))


@transaction.atomic
def sync_kpi_from_census(*, kpi: KPI, actor: User | None = None) -> tuple[int, int]:
    """Import the census observations of the organization's own account as measurements,
    from the baseline date on. Idempotent: returns (added, updated) and a rerun adds nothing."""
    engagement = kpi.goal.engagement
    if actor is not None:
        _require_participant(actor, engagement)
    if not kpi.syncs_from_census:
        raise ConsultingError("Only followers and posts on a social network come from the census.")
    series = census_series(organization=engagement.organization, network=kpi.channel, metric=kpi.metric)
    points = {day: Decimal(value) for day, value in series if day >= kpi.baseline_on and day <= timezone.localdate()}
    existing = {m.measured_on: m for m in kpi.measurements.filter(source=Measurement.Source.CENSUS)}
    to_create, to_update = [], []
    now = timezone.now()
    for day, value in sorted(points.items()):
        current = existing.get(day)
        if current is None:
            to_create.append(
                Measurement(kpi=kpi, measured_on=day, value=value, source=Measurement.Source.CENSUS, recorded_at=now)
            )
        elif current.value != value:
            current.value, current.recorded_at = value, now
            to_update.append(current)
    Measurement.objects.bulk_create(to_create)
    Measurement.objects.bulk_update(to_update, ["value", "recorded_at"])
    return len(to_create), len(to_update)
