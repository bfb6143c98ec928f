"""The pipeline: allowed moves only, each recorded with who and when; coaches; proposals."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.consulting import services
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import Engagement, Proposal, StageChange
from medsocial.consulting.tests.factories import make_coach, make_engagement
from medsocial.core.errors import Conflict, NotAllowed
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def proposal_fields(**overrides):
    today = timezone.localdate()
    return {
        "scope": "Six months of coaching for the communications team.",
        "deliverables": "Social media policy\nEditorial calendar\nQuarterly KPI report",
        "starts_on": today + timedelta(days=7),
        "ends_on": today + timedelta(days=190),
        "fee": Decimal("12000.00"),
        **overrides,
    }


def test_a_move_is_recorded_with_who_and_when(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin)
    services.move_stage(actor=site_admin, engagement=engagement, to_stage="qualified", note="Good fit")
    engagement.refresh_from_db()
    change = engagement.stage_changes.last()
    assert engagement.stage == "qualified"
    assert (change.from_stage, change.to_stage, change.actor, change.note) == (
        "new",
        "qualified",
        site_admin,
        "Good fit",
    )
    assert timezone.now() - change.changed_at < timedelta(seconds=5)


def test_new_to_completed_is_refused_with_a_clear_message_and_changes_nothing(
    site_admin, client_org, client_admin
):
    engagement = make_engagement(organization=client_org, requested_by=client_admin)
    with pytest.raises(ConsultingError) as refused:
        services.move_stage(actor=site_admin, engagement=engagement, to_stage="completed")
    assert "cannot move from New to Completed" in refused.value.message
    assert "Qualified, Declined" in refused.value.message
    engagement.refresh_from_db()
    assert engagement.stage == "new"
    assert engagement.stage_changes.count() == 1


def test_the_board_shows_a_refused_jump_next_to_the_form(client, site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin)
    client.force_login(site_admin)
    response = client.post(reverse("consulting:stage-move", args=[engagement.pk]), {"stage": "completed"})
    assert response.status_code == 400
    assert "cannot move from New to Completed" in response.content.decode()
    assert Engagement.objects.get(pk=engagement.pk).stage == "new"


def test_moving_to_proposal_needs_a_proposal_and_to_active_an_accepted_one(
    site_admin, client_org, client_admin
):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    with pytest.raises(ConsultingError, match="Write a proposal first"):
        services.move_stage(actor=site_admin, engagement=engagement, to_stage="proposal")
    services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    engagement.refresh_from_db()
    assert engagement.stage == "proposal"
    with pytest.raises(ConsultingError, match="not accepted a proposal"):
        services.move_stage(actor=site_admin, engagement=engagement, to_stage="active")


def test_accepting_a_proposal_makes_the_engagement_active(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    proposal = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    services.respond_to_proposal(actor=client_admin, proposal=proposal, accept=True, note="Let's go")
    engagement.refresh_from_db()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.responded_by == client_admin
    assert engagement.stage == "active"
    assert list(engagement.stage_changes.values_list("to_stage", "actor"))[-1] == ("active", client_admin.pk)


def test_declining_keeps_the_engagement_at_proposal(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    proposal = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    services.respond_to_proposal(actor=client_admin, proposal=proposal, accept=False)
    engagement.refresh_from_db()
    assert engagement.stage == "proposal"
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.DECLINED


def test_a_plain_member_cannot_answer_a_proposal(site_admin, client_org, client_admin, client_member):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    proposal = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    with pytest.raises(NotAllowed):
        services.respond_to_proposal(actor=client_member, proposal=proposal, accept=True)
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.SENT


def test_a_proposal_can_only_be_answered_once(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    proposal = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    services.respond_to_proposal(actor=client_admin, proposal=proposal, accept=False)
    with pytest.raises(ConsultingError, match="no longer open"):
        services.respond_to_proposal(actor=client_admin, proposal=proposal, accept=True)


def test_a_new_proposal_replaces_the_one_awaiting_an_answer(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    first = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields(fee=Decimal("9000")))
    assert Proposal.objects.get(pk=first.pk).status == Proposal.Status.WITHDRAWN


def test_proposal_dates_are_checked(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    today = timezone.localdate()
    with pytest.raises(ConsultingError) as refused:
        services.create_proposal(
            actor=site_admin,
            engagement=engagement,
            **proposal_fields(starts_on=today + timedelta(days=9), ends_on=today + timedelta(days=2)),
        )
    assert refused.value.field == "ends_on"
    assert not engagement.proposals.exists()


def test_only_site_admins_assign_coaches_and_only_to_coaches(
    site_admin, coach, client_org, client_admin, make_user
):
    engagement = make_engagement(organization=client_org, requested_by=client_admin)
    with pytest.raises(NotAllowed):
        services.assign_coach(actor=coach, engagement=engagement, coach=coach)
    with pytest.raises(ConsultingError, match="coach role"):
        services.assign_coach(actor=site_admin, engagement=engagement, coach=make_user())
    services.assign_coach(actor=site_admin, engagement=engagement, coach=coach)
    second = make_coach(full_name="Sam Lee")
    services.assign_coach(actor=site_admin, engagement=engagement, coach=second)
    assert set(engagement.coaches.all()) == {coach, second}
    with pytest.raises(Conflict):
        services.assign_coach(actor=site_admin, engagement=engagement, coach=coach)


def test_a_coach_moves_only_engagements_assigned_to_them(coach, client_org, client_admin):
    other = make_engagement(organization=client_org, requested_by=client_admin)
    with pytest.raises(NotAllowed):
        services.move_stage(actor=coach, engagement=other, to_stage="qualified")
    assert StageChange.objects.filter(engagement=other).count() == 1


def test_the_board_groups_by_stage_with_a_constant_number_of_queries(
    client, site_admin, coach, django_assert_num_queries
):
    stages = ["new", "qualified", "proposal", "active", "completed"]

    def fill(n):
        for i in range(n):
            make_engagement(stage=stages[i % 5], coaches=[coach])

    client.force_login(site_admin)
    fill(5)
    page_queries(client, reverse("consulting:board"))  # warm the session
    small = page_queries(client, reverse("consulting:board"))
    fill(45)
    with django_assert_num_queries(small):
        response = client.get(reverse("consulting:board"))
    assert response.content.decode().count('class="board-card"') == 50


def test_the_client_is_emailed_a_proposal_and_the_coach_hears_the_answer(
    site_admin, coach, client_org, client_admin, smtp_server, django_capture_on_commit_callbacks
):
    from medsocial.testing.plugin import body_text

    engagement = make_engagement(
        organization=client_org, requested_by=client_admin, stage="qualified", coaches=[coach]
    )
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    [offer] = smtp_server.wait_for(1)
    assert offer["To"] == client_admin.email and "$12,000.00" in body_text(offer)
    with django_capture_on_commit_callbacks(execute=True):
        services.respond_to_proposal(actor=client_admin, proposal=proposal, accept=True)
    smtp_server.wait_for(3)
    [to_coach] = smtp_server.to(coach.email)
    assert "accepted the proposal" in to_coach["Subject"]


def test_declining_the_request_withdraws_the_open_proposal(site_admin, client_org, client_admin):
    engagement = make_engagement(organization=client_org, requested_by=client_admin, stage="qualified")
    proposal = services.create_proposal(actor=site_admin, engagement=engagement, **proposal_fields())
    services.move_stage(actor=site_admin, engagement=engagement, to_stage="declined", note="Budget too small")
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.WITHDRAWN
    with pytest.raises(ConsultingError, match="no longer open"):
        services.respond_to_proposal(actor=client_admin, proposal=proposal, accept=True)
    assert Engagement.objects.get(pk=engagement.pk).stage == "declined"
