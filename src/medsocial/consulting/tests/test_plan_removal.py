"""Removing parts of the strategy plan: the assigned coaches remove KPIs (with their
measurements) and goals that have no KPIs left; anyone in the workspace removes a measurement
recorded by mistake. Everyone else gets what the workspace answers elsewhere."""

import pytest
from django.urls import reverse

from medsocial.consulting import services
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import KPI, Measurement, StrategyGoal
from medsocial.consulting.tests.factories import (
    make_coach,
    make_engagement,
    make_goal,
    make_kpi,
    make_measurement,
)
from medsocial.core.errors import NotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def goal(engagement):
    return make_goal(engagement, title="Grow nurse applications through LinkedIn")


@pytest.fixture
def kpi(goal):
    kpi = make_kpi(goal, label="Nurse followers")
    make_measurement(kpi, days_ago=9, value=1050)
    make_measurement(kpi, days_ago=2, value=1100)
    return kpi


def plan_url(engagement):
    return reverse("consulting:plan", args=[engagement.pk])


def goal_delete_url(goal):
    return reverse("consulting:goal-delete", args=[goal.engagement_id, goal.pk])


def kpi_delete_url(kpi):
    return reverse("consulting:kpi-delete", args=[kpi.goal.engagement_id, kpi.pk])


def measurement_delete_url(measurement):
    kpi = measurement.kpi
    return reverse("consulting:measurement-delete", args=[kpi.goal.engagement_id, kpi.pk, measurement.pk])


def plan_rows():
    return (StrategyGoal.objects.count(), KPI.objects.count(), Measurement.objects.count())


# --- Grants ----------------------------------------------------------------------------------


def test_an_assigned_coach_removes_a_kpi_with_its_measurements(client, coach, engagement, kpi):
    client.force_login(coach)
    response = client.post(kpi_delete_url(kpi), follow=True)
    assert response.redirect_chain[-1][0] == plan_url(engagement)
    assert "The KPI “Nurse followers” was removed." in response.content.decode()
    assert plan_rows() == (1, 0, 0)
    assert "Nurse followers" not in client.get(plan_url(engagement)).content.decode()


def test_an_assigned_coach_removes_a_goal_without_kpis(client, coach, engagement, goal):
    client.force_login(coach)
    response = client.post(goal_delete_url(goal), follow=True)
    assert "was removed from the plan" in response.content.decode()
    assert plan_rows() == (0, 0, 0)
    assert "Grow nurse applications through LinkedIn" not in client.get(plan_url(engagement)).content.decode()


def test_a_goal_with_kpis_is_kept_and_the_coach_is_told_what_to_remove_first(client, coach, goal, kpi):
    make_kpi(goal)
    client.force_login(coach)
    response = client.post(goal_delete_url(goal), follow=True)
    assert (
        "This goal still has 2 KPIs with 2 measurements. Remove its KPIs first" in response.content.decode()
    )
    assert plan_rows() == (1, 2, 2)


def test_the_service_refuses_a_goal_with_kpis(coach, goal, kpi):
    with pytest.raises(ConsultingError, match="still has 1 KPI with 2 measurements"):
        services.delete_goal(actor=coach, goal=goal)
    assert plan_rows() == (1, 1, 2)


def test_the_plan_offers_goal_removal_only_once_its_kpis_are_gone(client, coach, engagement, goal, kpi):
    empty = make_goal(engagement, title="Raise money for the new wing")
    client.force_login(coach)
    page = client.get(plan_url(engagement)).content.decode()
    assert goal_delete_url(empty) in page and goal_delete_url(goal) not in page
    assert "To remove this goal, remove its KPIs first." in page


def test_the_kpi_removal_asks_for_confirmation_naming_its_measurements(client, coach, engagement, kpi):
    client.force_login(coach)
    page = client.get(reverse("consulting:kpi", args=[engagement.pk, kpi.pk])).content.decode()
    assert (
        'data-confirm="Remove the KPI “Nurse followers” and its 2 measurements? This cannot be undone."'
        in page
    )


def test_a_participant_removes_a_measurement_recorded_by_mistake(client, client_member, engagement, kpi):
    wrong = kpi.measurements.get(value=1100)
    client.force_login(client_member)
    response = client.post(measurement_delete_url(wrong), follow=True)
    assert "The measurement was removed." in response.content.decode()
    assert list(kpi.measurements.values_list("value", flat=True)) == [1050]
    page = client.get(reverse("consulting:kpi", args=[engagement.pk, kpi.pk])).content.decode()
    assert page.count('class="kpi-point"') == 1


def test_removal_only_answers_post(client, coach, goal, kpi):
    client.force_login(coach)
    for url in (goal_delete_url(goal), kpi_delete_url(kpi), measurement_delete_url(kpi.measurements.first())):
        assert client.get(url).status_code == 405
    assert plan_rows() == (1, 1, 2)


# --- Denials ---------------------------------------------------------------------------------


def test_a_client_member_may_not_remove_goals_or_kpis(client, client_member, engagement, goal, kpi):
    empty = make_goal(engagement, title="Raise money for the new wing")
    client.force_login(client_member)
    page = client.get(plan_url(engagement)).content.decode()
    assert goal_delete_url(empty) not in page and kpi_delete_url(kpi) not in page
    for url in (kpi_delete_url(kpi), goal_delete_url(empty)):
        response = client.post(url, follow=True)
        assert "Only the engagement's coaches remove parts of the plan." in response.content.decode().replace(
            "&#x27;", "'"
        )
    assert plan_rows() == (2, 1, 2)


def test_the_services_refuse_a_client_member(client_member, goal, kpi):
    with pytest.raises(NotAllowed):
        services.delete_kpi(actor=client_member, kpi=kpi)
    with pytest.raises(NotAllowed):
        services.delete_goal(actor=client_member, goal=goal)
    assert plan_rows() == (1, 1, 2)


def removal_urls(goal, kpi):
    return [goal_delete_url(goal), kpi_delete_url(kpi), measurement_delete_url(kpi.measurements.first())]


@pytest.mark.parametrize("who", ["unassigned coach", "member of another organization"])
def test_people_outside_the_workspace_get_404_and_remove_nothing(
    client, make_user, make_organization, who, goal, kpi
):
    person = (
        make_coach(full_name="Unassigned Coach")
        if who == "unassigned coach"
        else make_user(email="someone@other.example", organization=make_organization(name="Other Clinic"))
    )
    client.force_login(person)
    for url in removal_urls(goal, kpi):
        assert client.post(url).status_code == 404, f"{who}: POST {url}"
    assert plan_rows() == (1, 1, 2)


def test_anonymous_visitors_are_sent_to_sign_in_and_remove_nothing(client, goal, kpi):
    for url in removal_urls(goal, kpi):
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
    assert plan_rows() == (1, 1, 2)


def test_parts_of_another_engagements_plan_are_404_even_for_an_assigned_coach(client, coach, engagement):
    foreign_kpi = make_kpi(make_goal(make_engagement(coaches=[make_coach()])))
    foreign_measurement = make_measurement(foreign_kpi)
    empty_foreign_goal = make_goal(foreign_kpi.goal.engagement)
    own_kpi = make_kpi(make_goal(engagement))
    client.force_login(coach)
    for url in (
        reverse("consulting:goal-delete", args=[engagement.pk, empty_foreign_goal.pk]),
        reverse("consulting:kpi-delete", args=[engagement.pk, foreign_kpi.pk]),
        reverse("consulting:measurement-delete", args=[engagement.pk, own_kpi.pk, foreign_measurement.pk]),
    ):
        assert client.post(url).status_code == 404, url
    assert plan_rows() == (3, 2, 1)
