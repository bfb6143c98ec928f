"""The strategy plan: SMART goals, KPIs with valid dates, measurements, charts, census import."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.consulting import services
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import KPI, Measurement, StrategyGoal
from medsocial.consulting.tests.factories import make_goal, make_kpi, make_measurement

pytestmark = pytest.mark.django_db


def kpi_form(**overrides):
    today = timezone.localdate()
    return {
        "metric": "followers",
        "label": "",
        "channel": "linkedin",
        "baseline_value": "1200",
        "baseline_on": (today - timedelta(days=10)).isoformat(),
        "target_value": "2000",
        "target_on": (today + timedelta(days=120)).isoformat(),
        **overrides,
    }


def test_a_smart_goal_is_added_to_the_plan(client, client_member, engagement):
    client.force_login(client_member)
    due = timezone.localdate() + timedelta(days=200)
    response = client.post(
        reverse("consulting:plan", args=[engagement.pk]),
        {
            "business_goal": "recruitment",
            "title": "Double nurse applications from LinkedIn",
            "owner": "HR communications",
            "due_on": due.isoformat(),
        },
    )
    assert response.status_code == 302
    goal = StrategyGoal.objects.get()
    assert (goal.business_goal, goal.owner, goal.due_on) == ("recruitment", "HR communications", due)


def test_a_kpi_target_deadline_in_the_past_is_refused_and_nothing_is_created(
    client, client_member, engagement
):
    goal = make_goal(engagement)
    client.force_login(client_member)
    today = timezone.localdate()
    response = client.post(
        reverse("consulting:kpi-create", args=[engagement.pk, goal.pk]),
        kpi_form(
            baseline_on=(today - timedelta(days=90)).isoformat(),
            target_on=(today - timedelta(days=1)).isoformat(),
        ),
    )
    assert response.status_code == 400
    assert "The target deadline is in the past" in response.content.decode()
    assert not KPI.objects.exists()


def test_a_kpi_deadline_before_its_baseline_date_is_refused_and_nothing_is_created(
    client, client_member, engagement
):
    goal = make_goal(engagement)
    client.force_login(client_member)
    today = timezone.localdate()
    response = client.post(
        reverse("consulting:kpi-create", args=[engagement.pk, goal.pk]),
        kpi_form(baseline_on=today.isoformat(), target_on=(today - timedelta(days=5)).isoformat()),
    )
    assert response.status_code == 400
    assert "The target deadline must come after the baseline date." in response.content.decode()
    assert not KPI.objects.exists()


def test_the_api_refuses_the_same_dates_in_the_service(client_member, engagement):
    goal = make_goal(engagement)
    today = timezone.localdate()
    with pytest.raises(ConsultingError) as refused:
        services.create_kpi(
            actor=client_member,
            goal=goal,
            metric="posts",
            channel="facebook",
            baseline_value=Decimal(10),
            baseline_on=today + timedelta(days=30),
            target_value=Decimal(20),
            target_on=today + timedelta(days=20),
        )
    assert refused.value.field == "target_on"


def test_a_measurement_shows_on_the_chart_and_in_the_table(client, client_member, engagement):
    kpi = make_kpi(make_goal(engagement), baseline=1000, target=2000)
    client.force_login(client_member)
    measured = timezone.localdate() - timedelta(days=2)
    client.post(
        reverse("consulting:kpi", args=[engagement.pk, kpi.pk]),
        {"measured_on": measured.isoformat(), "value": "1500"},
    )
    page = client.get(reverse("consulting:kpi", args=[engagement.pk, kpi.pk])).content.decode()
    assert page.count('class="kpi-point"') == 1
    assert 'class="kpi-progress"' in page and 'class="kpi-baseline"' in page and 'class="kpi-target"' in page
    assert "latest 1,500" in page  # the chart's description
    assert "Progress toward the target: 50%" in page
    assert "style=" not in page.split('<svg class="kpi-chart"')[1].split("</svg>")[0]


def test_a_measurement_in_the_future_is_refused(client_member, engagement):
    kpi = make_kpi(make_goal(engagement))
    with pytest.raises(ConsultingError, match="future"):
        services.record_measurement(
            actor=client_member,
            kpi=kpi,
            measured_on=timezone.localdate() + timedelta(days=1),
            value=Decimal(5),
        )
    assert not Measurement.objects.exists()


def test_progress_works_toward_a_lower_target():
    kpi = KPI(baseline_value=Decimal(48), target_value=Decimal(12))
    assert kpi.progress_percent(Decimal(30)) == 50
    assert kpi.progress_percent(Decimal(60)) == 0


@pytest.fixture
def census_with_points(monkeypatch):
    """A census selector returning fixed observations, as the census app provides them."""
    today = timezone.localdate()
    calls = []
    points = [
        (today - timedelta(days=60), 900),
        (today - timedelta(days=20), 1100),
        (today - timedelta(days=5), 1250),
    ]

    def census_series(*, organization, network, metric):
        calls.append((organization.pk, network, metric))
        return list(points)

    from medsocial.consulting.services import plan

    monkeypatch.setattr(plan, "census_series", census_series)
    return points, calls


def test_census_observations_since_the_baseline_become_measurements_once(
    client_member, engagement, census_with_points
):
    points, calls = census_with_points
    kpi = make_kpi(
        make_goal(engagement), channel="facebook", baseline_on=timezone.localdate() - timedelta(days=30)
    )
    assert services.sync_kpi_from_census(kpi=kpi, actor=client_member) == (2, 0)
    assert services.sync_kpi_from_census(kpi=kpi, actor=client_member) == (0, 0)
    values = list(kpi.measurements.values_list("value", "source"))
    assert values == [(Decimal(1100), "census"), (Decimal(1250), "census")]
    assert calls[0] == (engagement.organization_id, "facebook", "followers")
    points.append((timezone.localdate() - timedelta(days=1), 1300))
    assert services.sync_kpi_from_census(kpi=kpi) == (1, 0)


def test_a_corrected_census_value_updates_the_measurement(engagement, census_with_points):
    points, _ = census_with_points
    kpi = make_kpi(make_goal(engagement), baseline_on=timezone.localdate() - timedelta(days=30))
    services.sync_kpi_from_census(kpi=kpi)
    points[-1] = (points[-1][0], 1260)
    assert services.sync_kpi_from_census(kpi=kpi) == (0, 1)
    assert kpi.measurements.order_by("measured_on").last().value == Decimal(1260)


def test_only_followers_and_posts_on_a_network_come_from_the_census(engagement, census_with_points):
    kpi = make_kpi(make_goal(engagement), metric="link_clicks")
    with pytest.raises(ConsultingError, match="Only followers and posts"):
        services.sync_kpi_from_census(kpi=kpi)


def test_the_sync_button_reports_what_it_imported(client, client_member, engagement, census_with_points):
    kpi = make_kpi(make_goal(engagement), baseline_on=timezone.localdate() - timedelta(days=30))
    client.force_login(client_member)
    response = client.post(reverse("consulting:kpi-sync", args=[engagement.pk, kpi.pk]), follow=True)
    assert "2 new and 0 corrected" in response.content.decode()


def test_the_plan_page_has_a_constant_number_of_queries(client, client_member, engagement):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(n):
        for _ in range(n):
            kpi = make_kpi(make_goal(engagement))
            make_measurement(kpi, days_ago=3)

    client.force_login(client_member)
    add(5)
    url = reverse("consulting:plan", args=[engagement.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add(45)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count('<svg class="kpi-chart"') == 50
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_printable_plan_lists_goals_kpis_and_measurements(client, client_member, engagement):
    kpi = make_kpi(make_goal(engagement, title="Grow LinkedIn followers"), baseline=100, target=300)
    make_measurement(kpi, value=150)
    client.force_login(client_member)
    page = client.get(reverse("consulting:plan-print", args=[engagement.pk])).content.decode()
    assert "Grow LinkedIn followers" in page and "consulting/print.css" in page
    assert "25% of the way" in page


def test_only_coaches_remove_kpis_and_goals(client, client_member, coach, engagement):
    goal = make_goal(engagement)
    kpi = make_kpi(goal)
    make_measurement(kpi)
    client.force_login(client_member)
    client.post(reverse("consulting:kpi-delete", args=[engagement.pk, kpi.pk]))
    client.post(reverse("consulting:goal-delete", args=[engagement.pk, goal.pk]))
    assert KPI.objects.exists() and StrategyGoal.objects.exists()
    client.force_login(coach)
    client.post(reverse("consulting:kpi-delete", args=[engagement.pk, kpi.pk]))
    assert not KPI.objects.exists() and not Measurement.objects.exists()
    client.post(reverse("consulting:goal-delete", args=[engagement.pk, goal.pk]))
    assert not StrategyGoal.objects.exists()
