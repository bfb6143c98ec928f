"""Editing the strategy plan: whoever may add goals and KPIs may correct them, under the same
rules as when they were added; everyone else gets what the workspace answers elsewhere."""

import html
from datetime import timedelta
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from medsocial.consulting import services
from medsocial.consulting.models import KPI, StrategyGoal
from medsocial.consulting.tests.factories import (
    make_coach,
    make_engagement,
    make_goal,
    make_kpi,
    make_measurement,
)
from medsocial.core.errors import NotAllowed
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def goal_form(goal, **overrides):
    return {
        "business_goal": goal.business_goal,
        "title": goal.title,
        "owner": goal.owner,
        "due_on": goal.due_on.isoformat(),
        "description": goal.description,
        **overrides,
    }


def kpi_form(kpi, **overrides):
    return {
        "metric": kpi.metric,
        "label": kpi.label,
        "channel": kpi.channel,
        "baseline_value": str(kpi.baseline_value),
        "baseline_on": kpi.baseline_on.isoformat(),
        "target_value": str(kpi.target_value),
        "target_on": kpi.target_on.isoformat(),
        **overrides,
    }


def goal_edit_url(goal):
    return reverse("consulting:goal-edit", args=[goal.engagement_id, goal.pk])


def kpi_edit_url(kpi):
    return reverse("consulting:kpi-edit", args=[kpi.goal.engagement_id, kpi.pk])


def field_group(response, name: str) -> str:
    """The text of the form's field group for `name`: its label, its error and its input."""
    page = response.content.decode()
    for group in page.split('<div class="field')[1:]:
        if f'name="{name}"' in group:
            return html.unescape(group)
    raise AssertionError(f"no field {name!r} on the page")


def stored(instance):
    return model_to_dict(type(instance).objects.get(pk=instance.pk))


@pytest.fixture
def goal(engagement):
    return make_goal(engagement, title="Grow nurse applications through LinkedIn", owner="Talent team")


@pytest.fixture
def kpi(goal):
    return make_kpi(goal, metric="followers", channel="linkedin", baseline=1000, target=1500)


# --- Grants ----------------------------------------------------------------------------------


def test_an_assigned_coach_edits_a_goal_and_the_plan_shows_it(client, coach, engagement, goal):
    client.force_login(coach)
    due = timezone.localdate() + timedelta(days=300)
    response = client.post(
        goal_edit_url(goal),
        goal_form(
            goal,
            business_goal="reputation",
            title="Answer every patient review within a day",
            owner="Patient experience",
            due_on=due.isoformat(),
            description="Starting with Google and Facebook reviews.",
        ),
    )
    assert response.status_code == 302 and response["Location"].endswith(f"/plan/#goal-{goal.pk}")
    goal.refresh_from_db()
    assert (goal.business_goal, goal.title, goal.owner, goal.due_on) == (
        "reputation",
        "Answer every patient review within a day",
        "Patient experience",
        due,
    )
    page = client.get(reverse("consulting:plan", args=[engagement.pk])).content.decode()
    assert "Answer every patient review within a day" in page and "Patient experience" in page
    assert "Grow nurse applications through LinkedIn" not in page


def test_a_client_member_edits_a_goal_as_they_may_add_one(client, client_member, goal):
    client.force_login(client_member)
    response = client.post(goal_edit_url(goal), goal_form(goal, owner="HR communications"))
    assert response.status_code == 302
    assert StrategyGoal.objects.get(pk=goal.pk).owner == "HR communications"


def test_an_assigned_coach_edits_a_kpi_and_the_plan_shows_it(client, coach, engagement, kpi):
    client.force_login(coach)
    today = timezone.localdate()
    response = client.post(
        kpi_edit_url(kpi),
        kpi_form(
            kpi,
            metric="appointment_requests",
            label="New-patient calls",
            channel="website",
            baseline_value="40",
            baseline_on=(today - timedelta(days=60)).isoformat(),
            target_value="90",
            target_on=(today + timedelta(days=90)).isoformat(),
        ),
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "consulting:kpi", args=[engagement.pk, kpi.pk]
    )
    kpi.refresh_from_db()
    assert (kpi.metric, kpi.label, kpi.channel, kpi.baseline_value, kpi.target_value) == (
        "appointment_requests",
        "New-patient calls",
        "website",
        Decimal(40),
        Decimal(90),
    )
    assert (kpi.baseline_on, kpi.target_on) == (today - timedelta(days=60), today + timedelta(days=90))
    page = client.get(reverse("consulting:plan", args=[engagement.pk])).content.decode()
    assert "New-patient calls" in page and "from 40 (" in page and "to 90 by" in page


def test_the_edit_forms_start_from_the_stored_values(client, coach, goal, kpi):
    client.force_login(coach)
    goal_page = client.get(goal_edit_url(goal))
    assert goal_page.status_code == 200
    assert 'value="Talent team"' in field_group(goal_page, "owner")
    assert f'value="{goal.due_on.isoformat()}"' in field_group(goal_page, "due_on")
    kpi_page = client.get(kpi_edit_url(kpi))
    assert kpi_page.status_code == 200
    assert 'value="linkedin" selected' in field_group(kpi_page, "channel")
    assert 'value="1500.00"' in field_group(kpi_page, "target_value")


def test_the_plan_links_every_goal_and_kpi_to_its_edit_page(client, client_member, engagement, goal, kpi):
    client.force_login(client_member)
    page = client.get(reverse("consulting:plan", args=[engagement.pk])).content.decode()
    assert goal_edit_url(goal) in page and kpi_edit_url(kpi) in page
    assert (
        kpi_edit_url(kpi)
        in client.get(reverse("consulting:kpi", args=[engagement.pk, kpi.pk])).content.decode()
    )


def test_a_kpi_past_its_deadline_can_still_be_corrected(client, coach, goal):
    today = timezone.localdate()
    old = make_kpi(goal, baseline_on=today - timedelta(days=400), target_on=today - timedelta(days=30))
    client.force_login(coach)
    response = client.post(kpi_edit_url(old), kpi_form(old, label="Followers on Facebook (main page)"))
    assert response.status_code == 302
    assert KPI.objects.get(pk=old.pk).label == "Followers on Facebook (main page)"


def test_a_goal_past_its_date_can_still_be_renamed(client, coach, engagement):
    overdue = make_goal(engagement, due_on=timezone.localdate() - timedelta(days=3))
    client.force_login(coach)
    assert client.post(goal_edit_url(overdue), goal_form(overdue, title="Renamed")).status_code == 302
    assert StrategyGoal.objects.get(pk=overdue.pk).title == "Renamed"


# --- Bad input: the message next to the field, the row unchanged ------------------------------


def test_a_goal_moved_to_a_past_date_is_refused_next_to_the_date(client, coach, goal):
    before = stored(goal)
    client.force_login(coach)
    response = client.post(
        goal_edit_url(goal),
        goal_form(
            goal, title="Something else", due_on=(timezone.localdate() - timedelta(days=1)).isoformat()
        ),
    )
    assert response.status_code == 400
    assert "The goal's date must be in the future." in field_group(response, "due_on")
    assert stored(goal) == before


def test_a_goal_without_a_title_is_refused_next_to_the_title(client, coach, goal):
    before = stored(goal)
    client.force_login(coach)
    response = client.post(goal_edit_url(goal), goal_form(goal, title="   ", owner="Someone else"))
    assert response.status_code == 400
    assert "errorlist" in field_group(response, "title")
    assert stored(goal) == before


def test_a_kpi_target_deadline_moved_into_the_past_is_refused(client, coach, kpi):
    before = stored(kpi)
    client.force_login(coach)
    response = client.post(
        kpi_edit_url(kpi),
        kpi_form(kpi, label="Renamed", target_on=(timezone.localdate() - timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 400
    assert "The target deadline is in the past" in field_group(response, "target_on")
    assert stored(kpi) == before


def test_a_kpi_deadline_before_its_baseline_date_is_refused(client, coach, kpi):
    before = stored(kpi)
    client.force_login(coach)
    response = client.post(
        kpi_edit_url(kpi),
        kpi_form(
            kpi,
            baseline_on=timezone.localdate().isoformat(),
            target_on=(timezone.localdate() - timedelta(days=5)).isoformat(),
        ),
    )
    assert response.status_code == 400
    assert "The target deadline must come after the baseline date." in field_group(response, "target_on")
    assert stored(kpi) == before


def test_a_kpi_target_equal_to_its_baseline_is_refused(client, coach, kpi):
    before = stored(kpi)
    client.force_login(coach)
    response = client.post(kpi_edit_url(kpi), kpi_form(kpi, target_value="1000"))
    assert response.status_code == 400
    assert "The target must differ from the baseline." in field_group(response, "target_value")
    assert stored(kpi) == before


def test_a_measured_kpi_keeps_its_metric_and_channel(client, coach, kpi):
    make_measurement(kpi, value=1100)
    make_measurement(kpi, days_ago=2, value=1200)
    before = stored(kpi)
    client.force_login(coach)
    response = client.post(kpi_edit_url(kpi), kpi_form(kpi, metric="posts"))
    assert response.status_code == 400
    assert "already has 2 measurements of followers on LinkedIn" in field_group(response, "metric")
    response = client.post(kpi_edit_url(kpi), kpi_form(kpi, channel="facebook"))
    assert "stay as they are" in field_group(response, "channel")
    assert stored(kpi) == before


def test_a_kpi_baseline_date_cannot_move_past_its_first_measurement(client, coach, kpi):
    make_measurement(kpi, days_ago=10)
    before = stored(kpi)
    client.force_login(coach)
    response = client.post(
        kpi_edit_url(kpi), kpi_form(kpi, baseline_on=(timezone.localdate() - timedelta(days=5)).isoformat())
    )
    assert response.status_code == 400
    assert "cannot come after the first measurement" in field_group(response, "baseline_on")
    assert stored(kpi) == before


def test_an_unmeasured_kpi_may_change_metric_and_channel(coach, kpi):
    services.update_kpi(
        actor=coach,
        kpi=kpi,
        **{
            **model_to_dict(
                kpi, fields=["label", "baseline_value", "baseline_on", "target_value", "target_on"]
            ),
            "metric": "posts",
            "channel": "x",
        },
    )
    assert (KPI.objects.get(pk=kpi.pk).metric, KPI.objects.get(pk=kpi.pk).channel) == ("posts", "x")


# --- Denials: the workspace's answers, nothing changed ----------------------------------------


def edit_requests(goal, kpi):
    return [
        ("get", goal_edit_url(goal), None),
        ("post", goal_edit_url(goal), goal_form(goal, title="Taken over")),
        ("get", kpi_edit_url(kpi), None),
        ("post", kpi_edit_url(kpi), kpi_form(kpi, label="Taken over")),
    ]


@pytest.mark.parametrize("who", ["unassigned coach", "member of another organization"])
def test_people_outside_the_workspace_get_404_and_change_nothing(
    client, make_user, make_organization, who, goal, kpi
):
    person = (
        make_coach(full_name="Unassigned Coach")
        if who == "unassigned coach"
        else make_user(email="someone@other.example", organization=make_organization(name="Other Clinic"))
    )
    before = (stored(goal), stored(kpi))
    client.force_login(person)
    for method, url, data in edit_requests(goal, kpi):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, f"{who}: {method.upper()} {url} answered {response.status_code}"
    assert (stored(goal), stored(kpi)) == before


def test_anonymous_visitors_are_sent_to_sign_in_and_change_nothing(client, goal, kpi):
    before = (stored(goal), stored(kpi))
    for method, url, data in edit_requests(goal, kpi):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
    assert (stored(goal), stored(kpi)) == before


def test_a_goal_or_kpi_of_another_engagement_is_404_even_for_an_assigned_coach(client, coach, engagement):
    foreign_goal = make_goal(make_engagement(coaches=[make_coach()]), title="Theirs")
    foreign_kpi = make_kpi(foreign_goal)
    before = (stored(foreign_goal), stored(foreign_kpi))
    client.force_login(coach)
    for url, data in (
        (
            reverse("consulting:goal-edit", args=[engagement.pk, foreign_goal.pk]),
            goal_form(foreign_goal, title="Mine"),
        ),
        (
            reverse("consulting:kpi-edit", args=[engagement.pk, foreign_kpi.pk]),
            kpi_form(foreign_kpi, label="Mine"),
        ),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, data).status_code == 404
    assert (stored(foreign_goal), stored(foreign_kpi)) == before


def test_the_services_refuse_someone_outside_the_workspace(outsider, goal, kpi):
    before = (stored(goal), stored(kpi))
    with pytest.raises(NotAllowed):
        services.update_goal(
            actor=outsider, goal=goal, **{**goal_form(goal), "due_on": goal.due_on, "title": "x"}
        )
    with pytest.raises(NotAllowed):
        services.update_kpi(
            actor=outsider, kpi=kpi, **model_to_dict(kpi, exclude=["id", "goal", "created_at"])
        )
    assert (stored(goal), stored(kpi)) == before


# --- The plan page's cost -----------------------------------------------------------------------


def test_the_plan_page_with_edit_and_remove_controls_has_a_constant_number_of_queries(
    client, coach, engagement
):
    def add(goals):
        for _ in range(goals):
            goal = make_goal(engagement)
            make_measurement(make_kpi(goal), days_ago=3)
            make_goal(engagement)  # one without KPIs, which offers its removal

    client.force_login(coach)
    url = reverse("consulting:plan", args=[engagement.pk])
    add(3)
    page_queries(client, url)  # warm the session
    few = page_queries(client, url)
    add(27)
    assert page_queries(client, url) == few
    page = client.get(url).content.decode()
    assert page.count("/edit/") == 90 and page.count("Remove the goal<") == 30
