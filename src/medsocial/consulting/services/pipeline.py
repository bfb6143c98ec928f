"""From a request for help to an active engagement: intake, stages, coaches and proposals."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import Membership, Organization, User
from medsocial.accounts.roles import Role, has_role
from medsocial.consulting import selectors, tasks
from medsocial.consulting.errors import ConsultingError
from medsocial.consulting.models import BusinessGoal, CoachAssignment, Engagement, Proposal, StageChange
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years
from medsocial.core.errors import Conflict, NotAllowed

Stage = Engagement.Stage

# The pipeline's rules: from each stage, where it may go next.
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.NEW: (Stage.QUALIFIED, Stage.DECLINED),
    Stage.QUALIFIED: (Stage.PROPOSAL, Stage.DECLINED),
    Stage.PROPOSAL: (Stage.ACTIVE, Stage.QUALIFIED, Stage.DECLINED),
    Stage.ACTIVE: (Stage.COMPLETED,),
    Stage.COMPLETED: (),
    Stage.DECLINED: (Stage.NEW,),
}


def _label(stage: str) -> str:
    return Stage(stage).label


@transaction.atomic
def submit_request(
    *,
    user: User,
    contact_name: str,
    contact_email: str,
    business_goals: list[str],
    timeline: str,
    budget: str,
    service: str,
    organization: Organization | None = None,
    new_organization_name: str = "",
    new_organization_kind: str = "",
    contact_phone: str = "",
    contact_title: str = "",
    goals_details: str = "",
    current_channels: str = "",
) -> Engagement:
    """Record a "work with us" request for an organization `user` belongs to, or for a new
    organization they create (and become the admin of)."""
    if organization is not None:
        if not Membership.objects.filter(user=user, organization=organization).exists():
            raise ConsultingError(
                "You can only ask for help for an organization you belong to.", field="organization"
            )
    else:
        if not new_organization_name.strip():
            raise ConsultingError(
                "Choose your organization or give the name of a new one.", field="new_organization_name"
            )
        if new_organization_kind not in Organization.Kind.values:
            raise ConsultingError("Choose what kind of organization it is.", field="new_organization_kind")
        from medsocial.accounts.services import create_organization

        organization = create_organization(
            creator=user, name=new_organization_name, kind=new_organization_kind
        )
    pending = Engagement.objects.filter(
        organization=organization, stage__in=[Stage.NEW, Stage.QUALIFIED, Stage.PROPOSAL]
    ).first()
    if pending is not None:
        raise Conflict(
            f"{organization.name} already has a request under review ({pending.get_stage_display().lower()}). "
            "Add to it in its workspace's messages instead.",
            field="organization",
        )
    goals = [goal for goal in dict.fromkeys(business_goals) if goal]
    unknown = [goal for goal in goals if goal not in BusinessGoal.values]
    if unknown:
        raise ConsultingError("Choose business goals from the list.", field="business_goals")
    if not goals and not goals_details.strip():
        raise ConsultingError("Tell us at least one business goal.", field="business_goals")
    for field, value, choices in (
        ("timeline", timeline, Engagement.Timeline.values),
        ("budget", budget, Engagement.Budget.values),
        ("service", service, Engagement.Service.values),
    ):
        if value not in choices:
            raise ConsultingError("Choose one of the offered options.", field=field)
    now = timezone.now()
    engagement = Engagement.objects.create(
        organization=organization,
        requested_by=user,
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip().lower(),
        contact_phone=contact_phone.strip(),
        contact_title=contact_title.strip(),
        business_goals=goals,
        goals_details=goals_details.strip(),
        current_channels=current_channels.strip(),
        timeline=timeline,
        budget=budget,
        service=service,
        stage=Stage.NEW,
        stage_changed_at=now,
        created_at=now,
    )
    StageChange.objects.create(
        engagement=engagement,
        from_stage="",
        to_stage=Stage.NEW,
        actor=user,
        changed_at=now,
        note="Request submitted",
    )
    transaction.on_commit(lambda: tasks.notify_new_request.enqueue(engagement.pk))
    return engagement


def _require_pipeline_access(actor: User, engagement: Engagement) -> None:
    if not selectors.pipeline_engagements(actor).filter(pk=engagement.pk).exists():
        raise NotAllowed("Only site admins and the engagement's coaches can do this.")


def _change_stage(engagement: Engagement, to_stage: str, actor: User | None, note: str = "") -> None:
    """Record a move; call inside the transaction that locked the engagement."""
    now = timezone.now()
    StageChange.objects.create(
        engagement=engagement,
        from_stage=engagement.stage,
        to_stage=to_stage,
        actor=actor,
        note=note[:300],
        changed_at=now,
    )
    engagement.stage = to_stage
    engagement.stage_changed_at = now
    engagement.save(update_fields=["stage", "stage_changed_at"])


@transaction.atomic
def move_stage(*, actor: User, engagement: Engagement, to_stage: str, note: str = "") -> Engagement:
    """Move an engagement along the pipeline, if the rules allow that move."""
    _require_pipeline_access(actor, engagement)
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if to_stage not in Stage.values:
        raise ConsultingError("Choose a stage of the pipeline.", field="stage")
    if to_stage == engagement.stage:
        raise ConsultingError(f"The engagement is already {_label(to_stage)}.", field="stage")
    allowed = ALLOWED_TRANSITIONS[engagement.stage]
    if to_stage not in allowed:
        choices = ", ".join(_label(stage) for stage in allowed) or "nowhere: it is closed"
        raise ConsultingError(
            f"An engagement cannot move from {_label(engagement.stage)} to {_label(to_stage)}. "
            f"From {_label(engagement.stage)} it can move to: {choices}.",
            field="stage",
        )
    if to_stage == Stage.PROPOSAL and not engagement.proposals.filter(status=Proposal.Status.SENT).exists():
        raise ConsultingError(
            "Write a proposal first: sending it moves the engagement to Proposal.", field="stage"
        )
    if to_stage == Stage.ACTIVE and not engagement.proposals.filter(status=Proposal.Status.ACCEPTED).exists():
        raise ConsultingError("The client has not accepted a proposal yet.", field="stage")
    if to_stage in (Stage.QUALIFIED, Stage.DECLINED):
        # Reworking the offer or closing the request: an open proposal no longer stands.
        engagement.proposals.filter(status=Proposal.Status.SENT).update(status=Proposal.Status.WITHDRAWN)
    _change_stage(engagement, to_stage, actor, note)
    return engagement


@transaction.atomic
def assign_coach(*, actor: User, engagement: Engagement, coach: User) -> CoachAssignment:
    """Put a coach on an engagement; only site admins staff engagements."""
    if not selectors.is_manager(actor):
        raise NotAllowed("Only site admins assign coaches.")
    if not has_role(coach, Role.COACH):
        raise ConsultingError(f"{coach.display_name} does not hold the coach role.", field="coach")
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.stage in (Stage.COMPLETED, Stage.DECLINED):
        raise ConsultingError("This engagement is closed; reopen it before assigning coaches.", field="coach")
    if CoachAssignment.objects.filter(engagement=engagement, coach=coach).exists():
        raise Conflict(f"{coach.display_name} already coaches this engagement.", field="coach")
    assignment = CoachAssignment.objects.create(engagement=engagement, coach=coach, assigned_by=actor)
    transaction.on_commit(lambda: tasks.notify_coach_assigned.enqueue(assignment.pk))
    return assignment


@transaction.atomic
def unassign_coach(*, actor: User, engagement: Engagement, coach: User) -> None:
    if not selectors.is_manager(actor):
        raise NotAllowed("Only site admins assign coaches.")
    deleted, _ = CoachAssignment.objects.filter(engagement=engagement, coach=coach).delete()
    if not deleted:
        raise ConsultingError(f"{coach.display_name} does not coach this engagement.", field="coach")


@transaction.atomic
def create_proposal(
    *,
    actor: User,
    engagement: Engagement,
    scope: str,
    deliverables: str,
    starts_on: date,
    ends_on: date,
    fee: Decimal,
) -> Proposal:
    """Send the client a proposal; it replaces one still awaiting an answer and moves a
    qualified engagement to Proposal."""
    _require_pipeline_access(actor, engagement)
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.stage not in (Stage.QUALIFIED, Stage.PROPOSAL):
        raise ConsultingError(
            f"Proposals are made for qualified engagements; this one is {_label(engagement.stage)}."
        )
    if not scope.strip():
        raise ConsultingError("Describe the scope of the work.", field="scope")
    if not deliverables.strip():
        raise ConsultingError("List at least one deliverable.", field="deliverables")
    for field, value in (("starts_on", starts_on), ("ends_on", ends_on)):
        if outside_supported_years(value):
            raise ConsultingError(DATE_RANGE_MESSAGE, field=field)
    if starts_on < timezone.localdate():
        raise ConsultingError("The start date is in the past.", field="starts_on")
    if ends_on < starts_on:
        raise ConsultingError("The end date comes before the start date.", field="ends_on")
    if fee is None or fee < 0:
        raise ConsultingError("The fee cannot be negative.", field="fee")
    engagement.proposals.filter(status=Proposal.Status.SENT).update(status=Proposal.Status.WITHDRAWN)
    proposal = Proposal.objects.create(
        engagement=engagement,
        scope=scope.strip(),
        deliverables=deliverables.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        fee=fee,
        created_by=actor,
    )
    if engagement.stage == Stage.QUALIFIED:
        _change_stage(engagement, Stage.PROPOSAL, actor, "Proposal sent")
    transaction.on_commit(lambda: tasks.notify_proposal_sent.enqueue(proposal.pk))
    return proposal


@transaction.atomic
def withdraw_proposal(*, actor: User, proposal: Proposal) -> Proposal:
    _require_pipeline_access(actor, proposal.engagement)
    updated = Proposal.objects.filter(pk=proposal.pk, status=Proposal.Status.SENT).update(
        status=Proposal.Status.WITHDRAWN
    )
    if not updated:
        raise ConsultingError("Only a proposal awaiting an answer can be withdrawn.")
    proposal.refresh_from_db()
    return proposal


@transaction.atomic
def respond_to_proposal(*, actor: User, proposal: Proposal, accept: bool, note: str = "") -> Proposal:
    """The client accepts (the engagement becomes active) or declines a proposal."""
    engagement = Engagement.objects.select_for_update().get(pk=proposal.engagement_id)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not selectors.can_answer_proposal(actor, engagement):
        raise NotAllowed(
            "Only the organization's admins or the person who asked for help can answer a proposal."
        )
    if proposal.status != Proposal.Status.SENT:
        raise ConsultingError(f"This proposal is no longer open ({proposal.get_status_display().lower()}).")
    if engagement.stage != Stage.PROPOSAL:
        raise ConsultingError(
            f"This engagement is {engagement.get_stage_display().lower()}; the proposal no longer stands."
        )
    proposal.status = Proposal.Status.ACCEPTED if accept else Proposal.Status.DECLINED
    proposal.responded_by = actor
    proposal.responded_at = timezone.now()
    proposal.response_note = note.strip()
    proposal.save(update_fields=["status", "responded_by", "responded_at", "response_note"])
    if accept and engagement.stage == Stage.PROPOSAL:
        _change_stage(engagement, Stage.ACTIVE, actor, "Proposal accepted by the client")
    transaction.on_commit(lambda: tasks.notify_proposal_answered.enqueue(proposal.pk))
    return proposal
