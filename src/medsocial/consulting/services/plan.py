"""The strategy plan: SMART goals, their KPIs and the measurements that show progress."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone
from django.utils.formats import date_format

from medsocial.accounts.models import User
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import KPI, BusinessGoal, Engagement, Measurement, Network, StrategyGoal
from medsocial.consulting.services.workspace import _require_participant
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years


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
    _check_goal(business_goal=business_goal, title=title, owner=owner, due_on=due_on)
    return StrategyGoal.objects.create(
        engagement=engagement,
        business_goal=business_goal,
        title=title.strip(),
        owner=owner.strip(),
        due_on=due_on,
        description=description.strip(),
        created_by=actor,
    )


@transaction.atomic
def update_goal(
    *,
    actor: User,
    goal: StrategyGoal,
    business_goal: str,
    title: str,
    owner: str,
    due_on: date,
    description: str = "",
) -> StrategyGoal:
    """Correct a goal; whoever may add goals may edit them, under the same rules."""
    _require_participant(actor, goal.engagement)
    goal = StrategyGoal.objects.select_for_update().get(pk=goal.pk)
    _check_goal(business_goal=business_goal, title=title, owner=owner, due_on=due_on, kept_due_on=goal.due_on)
    goal.business_goal = business_goal
    goal.title = title.strip()
    goal.owner = owner.strip()
    goal.due_on = due_on
    goal.description = description.strip()
    goal.save(update_fields=["business_goal", "title", "owner", "due_on", "description"])
    return goal


def _check_goal(
    *, business_goal: str, title: str, owner: str, due_on: date, kept_due_on: date | None = None
) -> None:
    """A goal's rules. A date kept unchanged on edit may have passed since; a new one must be ahead."""
    if business_goal not in BusinessGoal.values:
        raise ConsultingError("Choose the business goal this serves.", field="business_goal")
    if not title.strip():
        raise ConsultingError("Say what will change.", field="title")
    if not owner.strip():
        raise ConsultingError("Say who is responsible.", field="owner")
    if outside_supported_years(due_on):
        raise ConsultingError(DATE_RANGE_MESSAGE, field="due_on")
    if due_on != kept_due_on and due_on <= timezone.localdate():
        raise ConsultingError("The goal's date must be in the future.", field="due_on")


def validate_kpi_dates(*, baseline_on: date, target_on: date, kept_target_on: date | None = None) -> None:
    """The target deadline must come after the baseline date and must not be in the past (unless
    it is a deadline kept unchanged on edit: a KPI past its deadline can still be corrected)."""
    today = timezone.localdate()
    for field, value in (("baseline_on", baseline_on), ("target_on", target_on)):
        if outside_supported_years(value):
            raise ConsultingError(DATE_RANGE_MESSAGE, field=field)
    if target_on <= baseline_on:
        raise ConsultingError("The target deadline must come after the baseline date.", field="target_on")
    if target_on < today and target_on != kept_target_on:
        raise ConsultingError(
            "The target deadline is in the past; choose a date from today on.", field="target_on"
        )
    if baseline_on > today:
        raise ConsultingError(
            "The baseline is a value already measured: its date cannot be in the future.", field="baseline_on"
        )


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
    _check_kpi(
        metric=metric,
        label=label,
        channel=channel,
        baseline_value=baseline_value,
        baseline_on=baseline_on,
        target_value=target_value,
        target_on=target_on,
    )
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
def update_kpi(
    *,
    actor: User,
    kpi: KPI,
    metric: str,
    channel: str,
    baseline_value: Decimal,
    baseline_on: date,
    target_value: Decimal,
    target_on: date,
    label: str = "",
) -> KPI:
    """Correct a KPI under the rules of a new one. Once measured, its metric and channel are fixed
    (the measurements are of that metric there), and its baseline cannot move past a measurement."""
    _require_participant(actor, kpi.goal.engagement)
    kpi = KPI.objects.select_for_update().get(pk=kpi.pk)  # record_measurement takes the same lock
    _check_kpi(
        metric=metric,
        label=label,
        channel=channel,
        baseline_value=baseline_value,
        baseline_on=baseline_on,
        target_value=target_value,
        target_on=target_on,
        kept_target_on=kpi.target_on,
    )
    measured = kpi.measurements.aggregate(count=Count("pk"), first_on=Min("measured_on"))
    if measured["count"] and (metric, channel) != (kpi.metric, kpi.channel):
        raise ConsultingError(
            f"This KPI already has {_counted(measured['count'], 'measurement')} of "
            f"{kpi.get_metric_display().lower()} on {kpi.get_channel_display()}, so its metric and channel stay "
            "as they are. Add a new KPI to measure something else.",
            field="metric" if metric != kpi.metric else "channel",
        )
    if measured["first_on"] is not None and baseline_on > measured["first_on"]:
        first_on = date_format(measured["first_on"], "N j, Y")
        raise ConsultingError(
            f"The baseline date cannot come after the first measurement, on {first_on}.", field="baseline_on"
        )
    kpi.metric = metric
    kpi.label = label.strip()
    kpi.channel = channel
    kpi.baseline_value = baseline_value
    kpi.baseline_on = baseline_on
    kpi.target_value = target_value
    kpi.target_on = target_on
    kpi.save(
        update_fields=[
            "metric",
            "label",
            "channel",
            "baseline_value",
            "baseline_on",
            "target_value",
            "target_on",
        ]
    )
    return kpi


def _check_kpi(
    *,
    metric: str,
    label: str,
    channel: str,
    baseline_value: Decimal,
    baseline_on: date,
    target_value: Decimal,
    target_on: date,
    kept_target_on: date | None = None,
) -> None:
    if metric not in KPI.Metric.values:
        raise ConsultingError("Choose a metric.", field="metric")
    if metric == KPI.Metric.OTHER and not label.strip():
        raise ConsultingError("Name the metric.", field="label")
    if channel not in Network.values:
        raise ConsultingError("Choose a channel.", field="channel")
    validate_kpi_dates(baseline_on=baseline_on, target_on=target_on, kept_target_on=kept_target_on)
    if target_value == baseline_value:
        raise ConsultingError("The target must differ from the baseline.", field="target_value")


@transaction.atomic
def record_measurement(
    *, actor: User, kpi: KPI, measured_on: date, value: Decimal, note: str = ""
) -> Measurement:
    """Record a value by hand; a second value for the same day corrects the first."""
    _require_participant(actor, kpi.goal.engagement)
    kpi = KPI.objects.select_for_update().get(pk=kpi.pk)  # the baseline date as it is now, not as last read
    if outside_supported_years(measured_on):
        raise ConsultingError(DATE_RANGE_MESSAGE, field="measured_on")
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
        defaults={
            "value": value,
            "note": note.strip()[:300],
            "recorded_by": actor,
            "recorded_at": timezone.now(),
        },
    )
    return measurement


@transaction.atomic
def delete_measurement(*, actor: User, measurement: Measurement) -> None:
    """Remove a measurement recorded by mistake; anyone in the workspace may, as anyone may record one."""
    _require_participant(actor, measurement.kpi.goal.engagement)
    measurement.delete()


@transaction.atomic
def delete_goal(*, actor: User, goal: StrategyGoal) -> None:
    """Remove a goal that has no KPIs left; only the engagement's coaches may."""
    _require_coach(actor, goal.engagement)
    goal = StrategyGoal.objects.select_for_update().get(pk=goal.pk)  # a KPI added meanwhile is counted
    # Refused rather than cascaded: measurements entered by hand exist nowhere else, and one
    # click on a goal should not take the plan's measured history with it. Removing each KPI
    # first makes every such loss its own deliberate, confirmed step.
    kpis = goal.kpis.count()
    if kpis:
        measurements = Measurement.objects.filter(kpi__goal=goal).count()
        raise ConsultingError(
            f"This goal still has {_counted(kpis, 'KPI')} with {_counted(measurements, 'measurement')}. "
            "Remove its KPIs first; then the goal can be removed."
        )
    goal.delete()


@transaction.atomic
def delete_kpi(*, actor: User, kpi: KPI) -> None:
    """Remove a KPI with its measurements; only the engagement's coaches may."""
    _require_coach(actor, kpi.goal.engagement)
    kpi.delete()


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _require_coach(actor: User, engagement: Engagement) -> None:
    from medsocial.consulting.services.workspace import _is_coach
    from medsocial.core.errors import NotAllowed

    if not _is_coach(actor, engagement):
        raise NotAllowed("Only the engagement's coaches remove parts of the plan.")


def census_series(*, organization, network: str, metric: str) -> list[tuple[date, int]]:
    """The census's dated observations of an organization's own account, or ConsultingError
    when the census cannot provide them."""
    from medsocial.census.selectors import metric_series_for_organization

    return list(metric_series_for_organization(organization=organization, network=network, metric=metric))


@transaction.atomic
def sync_kpi_from_census(*, kpi: KPI, actor: User | None = None) -> tuple[int, int]:
    """Import the census observations of the organization's own account as measurements,
    from the baseline date on. Idempotent: returns (added, updated) and a rerun adds nothing."""
    engagement = kpi.goal.engagement
    if actor is not None:
        _require_participant(actor, engagement)
    kpi = KPI.objects.select_for_update().get(pk=kpi.pk)  # the metric, channel and baseline as they are now
    if not kpi.syncs_from_census:
        raise ConsultingError("Only followers and posts on a social network come from the census.")
    series = census_series(organization=engagement.organization, network=kpi.channel, metric=kpi.metric)
    points = {
        day: Decimal(value) for day, value in series if day >= kpi.baseline_on and day <= timezone.localdate()
    }
    existing = {m.measured_on: m for m in kpi.measurements.filter(source=Measurement.Source.CENSUS)}
    to_create, to_update = [], []
    now = timezone.now()
    for day, value in sorted(points.items()):
        current = existing.get(day)
        if current is None:
            to_create.append(
                Measurement(
                    kpi=kpi, measured_on=day, value=value, source=Measurement.Source.CENSUS, recorded_at=now
                )
            )
        elif current.value != value:
            current.value, current.recorded_at = value, now
            to_update.append(current)
    Measurement.objects.bulk_create(to_create)
    Measurement.objects.bulk_update(to_update, ["value", "recorded_at"])
    return len(to_create), len(to_update)
