"""Consulting's emails, sent from the task queue after the change that caused them commits.

Tasks take ids; each one loads what it needs and sends one message per recipient, so nobody
sees another recipient's address.
"""

from django.conf import settings
from django_tasks import task

from medsocial.core.email import email_send

NOTICE = "consulting/emails/notice"


def _send(
    recipients, *, subject: str, heading: str, lines: list[str], link: str, link_label: str, attachments=()
):
    seen = set()
    for person in recipients:
        if not person.email or person.email.lower() in seen:
            continue
        seen.add(person.email.lower())
        email_send(
            template_prefix=NOTICE,
            to=[person.email],
            context={
                "subject": subject,
                "name": person.get_short_name(),
                "heading": heading,
                "lines": lines,
                "link": settings.SITE_URL + link,
                "link_label": link_label,
            },
            attachments=attachments,
        )


def _managers():
    from django.db.models import Q

    from medsocial.accounts.models import User
    from medsocial.accounts.roles import Role, group_name

    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=group_name(Role.SITE_ADMIN)))
        .distinct()
    )


@task()
def notify_new_request(engagement_id: int) -> None:
    from django.urls import reverse

    from medsocial.consulting.models import Engagement

    engagement = (
        Engagement.objects.select_related("organization", "requested_by").filter(pk=engagement_id).first()
    )
    if engagement is None:
        return
    lines = [
        f"{engagement.contact_name} asked for {engagement.get_service_display().lower()}.",
        "Goals: " + (", ".join(engagement.business_goal_labels) or engagement.goals_details[:200]),
        f"Timeline: {engagement.get_timeline_display()}. Budget: {engagement.get_budget_display()}.",
    ]
    _send(
        _managers(),
        subject=f"New consulting request from {engagement.organization.name}",
        heading=f"{engagement.organization.name} would like to work with us",
        lines=lines,
        link=reverse("consulting:staff-engagement", kwargs={"pk": engagement.pk}),
        link_label="Open the request",
    )
    if engagement.requested_by is not None:
        _send(
            [engagement.requested_by],
            subject="We received your request",
            heading=f"Thank you for your request for {engagement.organization.name}",
            lines=["A member of our team will review it and get back to you within two business days."],
            link=engagement.get_absolute_url(),
            link_label="Follow your request",
        )


@task()
def notify_coach_assigned(assignment_id: int) -> None:
    from django.urls import reverse

    from medsocial.consulting.models import CoachAssignment

    assignment = (
        CoachAssignment.objects.select_related("engagement__organization", "coach")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        return
    _send(
        [assignment.coach],
        subject=f"You are coaching {assignment.engagement.organization.name}",
        heading=f"You were assigned to {assignment.engagement}",
        lines=[f"Stage: {assignment.engagement.get_stage_display()}."],
        link=reverse("consulting:staff-engagement", kwargs={"pk": assignment.engagement_id}),
        link_label="Open the engagement",
    )


def _client_deciders(engagement):
    from medsocial.accounts.models import Membership, User

    admins = User.objects.filter(
        memberships__organization_id=engagement.organization_id,
        memberships__role=Membership.Role.ADMIN,
        is_active=True,
    )
    people = list(admins)
    if engagement.requested_by is not None:
        people.append(engagement.requested_by)
    return people


@task()
def notify_proposal_sent(proposal_id: int) -> None:
    from medsocial.consulting.models import Proposal

    proposal = (
        Proposal.objects.select_related("engagement__organization", "engagement__requested_by")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        return
    engagement = proposal.engagement
    _send(
        _client_deciders(engagement),
        subject=f"Our proposal for {engagement.organization.name}",
        heading="A proposal is waiting for your answer",
        lines=[
            proposal.scope[:400],
            f"From {proposal.starts_on:%B %-d, %Y} to {proposal.ends_on:%B %-d, %Y}; fee ${proposal.fee:,.2f}.",
        ],
        link=engagement.get_absolute_url(),
        link_label="Read and answer the proposal",
    )


@task()
def notify_proposal_answered(proposal_id: int) -> None:
    from medsocial.consulting.models import Proposal

    proposal = (
        Proposal.objects.select_related("engagement__organization", "responded_by")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        return
    engagement = proposal.engagement
    verb = "accepted" if proposal.status == Proposal.Status.ACCEPTED else "declined"
    lines = [
        f"{proposal.responded_by.display_name if proposal.responded_by else 'The client'} {verb} the proposal."
    ]
    if proposal.response_note:
        lines.append(f"Their note: {proposal.response_note}")
    from django.urls import reverse

    _send(
        list(engagement.coaches.all()) + list(_managers()),
        subject=f"{engagement.organization.name} {verb} the proposal",
        heading=f"Proposal {verb}",
        lines=lines,
        link=reverse("consulting:staff-engagement", kwargs={"pk": engagement.pk}),
        link_label="Open the engagement",
    )


@task()
def notify_session_scheduled(session_id: int) -> None:
    from django.utils import timezone

    from medsocial.consulting.calendar import session_ics
    from medsocial.consulting.models import CoachingSession
    from medsocial.consulting.selectors import workspace_people

    session = CoachingSession.objects.select_related("engagement__organization").filter(pk=session_id).first()
    if session is None:
        return
    people = list(workspace_people(session.engagement))
    when = timezone.localtime(session.starts_at)
    _send(
        people,
        subject=f"Coaching session: {session.title}",
        heading=f"A coaching session was scheduled for {session.engagement.organization.name}",
        lines=[
            f"{when:%A, %B %-d, %Y at %-I:%M %p} ({timezone.get_current_timezone_name()}), {session.duration_minutes} minutes.",
            *([f"Where: {session.location}"] if session.location else []),
            *([f"Agenda: {session.agenda}"] if session.agenda else []),
            "The attached calendar file adds it to your calendar.",
        ],
        link=session.get_absolute_url(),
        link_label="Open the session",
        attachments=[("session.ics", session_ics(session, attendees=people), "text/calendar")],
    )


@task()
def notify_new_message(message_id: int) -> None:
    from django.urls import reverse

    from medsocial.consulting.models import Message
    from medsocial.consulting.selectors import workspace_people

    message = (
        Message.objects.select_related("engagement__organization", "author").filter(pk=message_id).first()
    )
    if message is None:
        return
    author = message.author.display_name if message.author else "Someone"
    _send(
        workspace_people(message.engagement).exclude(pk=message.author_id),
        subject=f"New message in the {message.engagement.organization.name} workspace",
        heading=f"{author} wrote",
        lines=[message.body[:2000]],
        link=reverse("consulting:messages", kwargs={"pk": message.engagement_id}),
        link_label="Reply in the workspace",
    )


@task()
def sync_census_measurements() -> int:
    """Import census observations for every KPI that follows an organization's own accounts."""
    from medsocial.consulting.models import KPI, Engagement
    from medsocial.consulting.services import ConsultingError, sync_kpi_from_census

    added = 0
    kpis = KPI.objects.filter(
        metric__in=KPI.CENSUS_METRICS, goal__engagement__stage=Engagement.Stage.ACTIVE
    ).select_related("goal__engagement__organization")
    for kpi in kpis:
        if not kpi.syncs_from_census:
            continue
        try:
            created, _ = sync_kpi_from_census(kpi=kpi)
        except ConsultingError:
            return added  # the census is not there: nothing more to do this run
        added += created
    return added


@task()
def remind_action_item_owner(item_id: int) -> None:
    """Tell an action item's owner it is due tomorrow, or overdue."""
    from django.utils import timezone

    from medsocial.consulting.models import ActionItem

    item = ActionItem.objects.select_related("engagement__organization", "owner").filter(pk=item_id).first()
    if item is None or item.owner is None or item.done_at is not None:
        return
    from django.urls import reverse

    overdue = item.due_on < timezone.localdate()
    _send(
        [item.owner],
        subject=("Overdue: " if overdue else "Due tomorrow: ") + item.title,
        heading=f"An action item for {item.engagement.organization.name} is {'overdue' if overdue else 'due tomorrow'}",
        lines=[f"{item.title} — due {item.due_on:%B %-d, %Y}."],
        link=reverse("consulting:action-items", kwargs={"pk": item.engagement_id}),
        link_label="Mark it done or reply in the workspace",
    )


@task()
def remind_session_participants(session_id: int) -> None:
    """The day before a session, remind everyone in the workspace, with the calendar file."""
    from django.utils import timezone

    from medsocial.consulting.calendar import session_ics
    from medsocial.consulting.models import CoachingSession
    from medsocial.consulting.selectors import workspace_people

    session = CoachingSession.objects.select_related("engagement__organization").filter(pk=session_id).first()
    if session is None or session.starts_at <= timezone.now():
        return
    people = list(workspace_people(session.engagement))
    when = timezone.localtime(session.starts_at)
    _send(
        people,
        subject=f"Tomorrow: {session.title}",
        heading=f"Coaching session with {session.engagement.organization.name} tomorrow",
        lines=[
            f"{when:%A, %B %-d at %-I:%M %p} ({timezone.get_current_timezone_name()}).",
            *([f"Agenda: {session.agenda}"] if session.agenda else []),
        ],
        link=session.get_absolute_url(),
        link_label="Open the session",
        attachments=[("session.ics", session_ics(session, attendees=people), "text/calendar")],
    )
