"""A coaching session, an action item, a proposal or a plan dated in year 9999, 0001 or past
2200 is refused with a message naming the field, instead of a server error (a time in 9999
overflows once converted to UTC) or a date nobody meant."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.consulting import services
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import ActionItem, CoachingSession
from medsocial.consulting.services.plan import validate_kpi_dates
from medsocial.consulting.tests.factories import make_engagement, make_goal, make_kpi, make_session
from medsocial.core.dates import DATE_RANGE_MESSAGE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("starts_at", ["9999-12-31T23:30", "2201-03-01T10:00", "0001-01-01T00:10"])
def test_a_session_far_outside_the_span_is_refused_on_the_page(client, coach, engagement, starts_at):
    client.force_login(coach)
    response = client.post(
        reverse("consulting:sessions", args=[engagement.pk]),
        {"title": "Policy workshop", "starts_at": starts_at, "duration_minutes": 480},
    )
    assert response.status_code == 400
    assert DATE_RANGE_MESSAGE in response.content.decode()
    assert not CoachingSession.objects.exists()


def test_moving_a_session_to_year_9999_is_refused(coach, engagement):
    session = make_session(engagement)
    with pytest.raises(ConsultingError) as refused:
        services.update_session(
            actor=coach,
            session=session,
            title=session.title,
            starts_at=timezone.make_aware(datetime.datetime(9999, 12, 31, 23, 0)),
            duration_minutes=60,
            location="",
            agenda="",
            notes="",
        )
    assert (refused.value.field, refused.value.message) == ("starts_at", DATE_RANGE_MESSAGE)


def test_an_action_item_due_in_year_9999_is_refused_on_the_page(client, coach, engagement):
    client.force_login(coach)
    response = client.post(
        reverse("consulting:action-items", args=[engagement.pk]),
        {"title": "Draft policy", "due_on": "9999-12-31"},
    )
    assert response.status_code == 400
    assert DATE_RANGE_MESSAGE in response.content.decode()
    assert not ActionItem.objects.exists()


def test_a_proposal_ending_after_2200_is_refused(site_admin, client_org):
    engagement = make_engagement(organization=client_org, stage="qualified")
    with pytest.raises(ConsultingError) as refused:
        services.create_proposal(
            actor=site_admin,
            engagement=engagement,
            scope="Audit",
            deliverables="Report",
            starts_on=timezone.localdate(),
            ends_on=datetime.date(9999, 12, 31),
            fee=Decimal("100.00"),
        )
    assert (refused.value.field, refused.value.message) == ("ends_on", DATE_RANGE_MESSAGE)


def test_a_goal_a_kpi_and_a_measurement_outside_the_span_are_refused(coach, engagement):
    goal = make_goal(engagement)
    with pytest.raises(ConsultingError) as goal_refused:
        services.update_goal(
            actor=coach,
            goal=goal,
            business_goal=goal.business_goal,
            title=goal.title,
            owner=goal.owner,
            due_on=datetime.date(9999, 1, 1),
        )
    assert goal_refused.value.field == "due_on"
    with pytest.raises(ConsultingError) as kpi_refused:
        validate_kpi_dates(baseline_on=datetime.date(1, 1, 1), target_on=timezone.localdate())
    assert (kpi_refused.value.field, kpi_refused.value.message) == ("baseline_on", DATE_RANGE_MESSAGE)
    with pytest.raises(ConsultingError) as measurement_refused:
        services.record_measurement(
            actor=coach, kpi=make_kpi(goal), measured_on=datetime.date(1, 1, 1), value=Decimal(5)
        )
    assert measurement_refused.value.field == "measured_on"
