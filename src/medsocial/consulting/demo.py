"""Demo data for consulting and coaching: `load()` is idempotent (a second run changes nothing).

Three organizations at different stages: Lakeshore Health is an active coaching engagement
with a full strategy plan and months of KPI history, Prairie Community Hospital has a
proposal waiting for its answer, and the Heart Rhythm Patients Alliance has just asked for
help. Data is written directly (not through the services) so that its history can lie in
the past and loading it sends no email.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import Organization, User
from medsocial.consulting import assessment
from medsocial.consulting.models import (
    KPI,
    ActionItem,
    Assessment,
    CoachAssignment,
    CoachingSession,
    Document,
    DocumentVersion,
    Engagement,
    Measurement,
    Message,
    Proposal,
    StageChange,
    StrategyGoal,
)

DEMO_CONTACTS = {
    "lakeshore-health": "communications@lakeshore.example",
    "prairie-community-hospital": "pharmacy@prairie.example",
    "heart-rhythm-patients": "hello@heartrhythm.example",
}


def _at(days: int, hour: int = 10) -> datetime:
    """An aware datetime `days` from today (negative: in the past) at `hour` local time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _user(local: str) -> User | None:
    return User.objects.filter(email=demo_email(local)).first()


def _engagement(organization, *, requested_by, contact_name, stage, days_ago, **fields) -> Engagement:
    return Engagement.objects.create(
        organization=organization,
        requested_by=requested_by,
        contact_name=contact_name,
        contact_email=DEMO_CONTACTS[organization.slug],
        stage=stage,
        created_at=_at(-days_ago),
        stage_changed_at=_at(-days_ago),
        **fields,
    )


def _history(engagement, moves, coach, admin):
    """moves: [(stage, days ago, actor key, note)]"""
    actors = {"client": engagement.requested_by, "coach": coach, "admin": admin}
    previous = ""
    for stage, days_ago, actor, note in moves:
        StageChange.objects.create(
            engagement=engagement,
            from_stage=previous,
            to_stage=stage,
            actor=actors[actor],
            note=note,
            changed_at=_at(-days_ago),
        )
        previous = stage
    engagement.stage_changed_at = _at(-moves[-1][1])
    engagement.save(update_fields=["stage_changed_at"])


def _answers(level_by_dimension: dict[str, int]) -> dict[str, int]:
    return {q.key: level_by_dimension[d.key] for d in assessment.DIMENSIONS for q in d.questions}


def _assessment(organization, taken_by, days_ago, levels):
    answers = _answers(levels)
    scores, overall = assessment.score(answers)
    Assessment.objects.create(
        organization=organization,
        taken_by=taken_by,
        answers=answers,
        scores=scores,
        overall=overall,
        created_at=_at(-days_ago),
    )


def _lakeshore(organization, coach, admin):
    client = _user("orgadmin")
    nurse = _user("nurse")
    engagement = _engagement(
        organization,
        requested_by=client,
        contact_name="Dana Brooks",
        stage=Engagement.Stage.ACTIVE,
        days_ago=150,
        contact_title="Director of communications",
        business_goals=["recruitment", "patient_education", "reputation"],
        goals_details="Nursing vacancies are our biggest problem; we also want fewer unanswered patient messages.",
        current_channels="Facebook: facebook.com/lakeshorehealth\nInstagram: @lakeshorehealth\nLinkedIn: Lakeshore Health",
        timeline=Engagement.Timeline.ASAP,
        budget=Engagement.Budget.FROM_15K,
        service=Engagement.Service.COACHING,
    )
    _history(
        engagement,
        [
            ("new", 150, "client", "Request submitted"),
            ("qualified", 146, "admin", "Strong fit for coaching"),
            ("proposal", 140, "coach", "Proposal sent"),
            ("active", 136, "client", "Proposal accepted by the client"),
        ],
        coach,
        admin,
    )
    CoachAssignment.objects.create(
        engagement=engagement, coach=coach, assigned_by=admin, assigned_at=_at(-146)
    )
    Proposal.objects.create(
        engagement=engagement,
        status=Proposal.Status.ACCEPTED,
        created_by=coach,
        created_at=_at(-140),
        scope="Nine months of coaching for the communications team and twelve nurse ambassadors, "
        "with a measured recruitment and patient-education strategy.",
        deliverables="Refreshed social media policy\nAmbassador training for 12 nurses\nEditorial calendar\n"
        "Quarterly KPI reports to leadership",
        starts_on=(timezone.localdate() - timedelta(days=130)),
        ends_on=(timezone.localdate() + timedelta(days=140)),
        fee=Decimal("28500.00"),
        responded_by=client,
        responded_at=_at(-136),
        response_note="Approved by the CEO.",
    )
    kickoff = CoachingSession.objects.create(
        engagement=engagement,
        title="Kick-off and audit review",
        starts_at=_at(-128, 14),
        duration_minutes=90,
        location="Lakeshore Health, board room 3",
        created_by=coach,
        agenda="Audit of the current accounts\nAgree on goals and KPIs\nAmbassador programme outline",
        notes="Agreed on three goals. LinkedIn is the recruitment channel; Facebook for patient education.",
    )
    review = CoachingSession.objects.create(
        engagement=engagement,
        title="Monthly coaching: content calendar",
        starts_at=_at(-30, 15),
        duration_minutes=60,
        location="https://video.example/lakeshore",
        created_by=coach,
        agenda="Review last month's posts\nPlan nurse week",
        notes="Nurse week series approved.",
    )
    upcoming = CoachingSession.objects.create(
        engagement=engagement,
        title="Quarterly KPI review",
        starts_at=_at(6, 14),
        duration_minutes=60,
        location="https://video.example/lakeshore",
        created_by=coach,
        agenda="Results against targets\nAdjust the plan for next quarter",
    )
    today = timezone.localdate()
    for title, session, owner, due, done in [
        ("Send the current policy and the list of account passwords' holders", kickoff, client, -120, True),
        ("Choose twelve nurse ambassadors", kickoff, nurse, -100, True),
        ("Draft the nurse week post series", review, nurse, -10, True),
        ("Set up a shared inbox for patient messages", review, client, -4, False),
        ("Prepare the leadership KPI summary", upcoming, coach, 5, False),
    ]:
        ActionItem.objects.create(
            engagement=engagement,
            session=session,
            title=title,
            owner=owner,
            due_on=today + timedelta(days=due),
            done_at=_at(due - 1) if done else None,
            done_by=owner if done else None,
            created_by=coach,
        )
    document = Document.objects.create(
        engagement=engagement,
        title="Social media policy (draft)",
        created_by=client,
        created_at=_at(-120),
        updated_at=_at(-90),
        latest_version=2,
    )
    for number, days_ago, who, text in [
        (1, 120, client, "Current policy, 2019 version."),
        (2, 90, coach, "Revised with examples of what not to post."),
    ]:
        version = DocumentVersion(
            document=document,
            number=number,
            original_name=f"policy-v{number}.txt",
            size=len(text),
            content_type="text/plain",
            uploaded_by=who,
            uploaded_at=_at(-days_ago),
            comment="" if number == 1 else "Coach's revision",
        )
        version.file.save(f"policy-v{number}.txt", ContentFile(text.encode()), save=True)
    for who, days_ago, body in [
        (coach, 129, "Welcome! I'm looking forward to our kick-off on Tuesday."),
        (client, 31, "Could we add nurse week to the next session's agenda?"),
        (coach, 30, "Done — see the agenda. Bring the photos you have permission to use."),
    ]:
        Message.objects.create(engagement=engagement, author=who, body=body, created_at=_at(-days_ago))
    # The strategy plan, with monthly measurements since the baseline.
    plan = [
        (
            "recruitment",
            "Grow the LinkedIn audience that sees nursing jobs",
            "Talent acquisition with communications",
            200,
            [("followers", "linkedin", "", 4200, 6000, [4350, 4610, 4800, 5020, 5230])],
        ),
        (
            "patient_education",
            "Publish a steady patient-education series on Facebook",
            "Communications team",
            180,
            [("posts", "facebook", "Education posts per month", 6, 16, [8, 10, 11, 13, 14])],
        ),
        (
            "reputation",
            "Answer patient messages within four business hours",
            "Patient experience office",
            150,
            [("response_hours", "all", "", 30, 4, [26, 20, 15, 11, 8])],
        ),
    ]
    for business_goal, title, owner, due_days, kpis in plan:
        goal = StrategyGoal.objects.create(
            engagement=engagement,
            business_goal=business_goal,
            title=title,
            owner=owner,
            due_on=today + timedelta(days=due_days),
            created_by=coach,
            created_at=_at(-128),
        )
        for metric, channel, label, baseline, target, values in kpis:
            kpi = KPI.objects.create(
                goal=goal,
                metric=metric,
                channel=channel,
                label=label,
                baseline_value=Decimal(baseline),
                baseline_on=today - timedelta(days=150),
                target_value=Decimal(target),
                target_on=today + timedelta(days=due_days),
                created_at=_at(-128),
            )
            Measurement.objects.bulk_create(
                Measurement(
                    kpi=kpi,
                    measured_on=today - timedelta(days=150 - 30 * (i + 1)),
                    value=Decimal(value),
                    recorded_by=coach,
                    recorded_at=_at(-150 + 30 * (i + 1)),
                )
                for i, value in enumerate(values)
            )
    _assessment(
        organization,
        client,
        152,
        {
            "policy": 1,
            "training": 1,
            "governance": 2,
            "channels": 2,
            "content": 1,
            "engagement": 1,
            "measurement": 0,
            "crisis": 1,
        },
    )
    _assessment(
        organization,
        client,
        20,
        {
            "policy": 3,
            "training": 3,
            "governance": 3,
            "channels": 3,
            "content": 3,
            "engagement": 2,
            "measurement": 3,
            "crisis": 2,
        },
    )


def _prairie(organization, coach, admin):
    client = _user("pharmacist")
    engagement = _engagement(
        organization,
        requested_by=client,
        contact_name="Taylor Nguyen",
        stage=Engagement.Stage.PROPOSAL,
        days_ago=12,
        contact_title="Pharmacy director and community liaison",
        business_goals=["patient_education", "employee_engagement"],
        goals_details="Vaccination campaigns for a rural county; staff are unsure what they may post.",
        current_channels="Facebook page only",
        timeline=Engagement.Timeline.QUARTER,
        budget=Engagement.Budget.FROM_5K,
        service=Engagement.Service.WORKSHOP,
    )
    _history(
        engagement,
        [
            ("new", 12, "client", "Request submitted"),
            ("qualified", 9, "admin", "Call held"),
            ("proposal", 3, "coach", "Proposal sent"),
        ],
        coach,
        admin,
    )
    CoachAssignment.objects.create(engagement=engagement, coach=coach, assigned_by=admin, assigned_at=_at(-9))
    Proposal.objects.create(
        engagement=engagement,
        created_by=coach,
        created_at=_at(-3),
        scope="A one-day on-site workshop for clinical and front-desk staff, followed by two coaching calls.",
        deliverables="Workshop: what staff may and may not post\nVaccination campaign content kit\nTwo follow-up calls",
        starts_on=timezone.localdate() + timedelta(days=21),
        ends_on=timezone.localdate() + timedelta(days=80),
        fee=Decimal("7800.00"),
    )
    _assessment(
        organization,
        client,
        14,
        {
            "policy": 0,
            "training": 1,
            "governance": 1,
            "channels": 2,
            "content": 2,
            "engagement": 2,
            "measurement": 1,
            "crisis": 0,
        },
    )


def _heart_rhythm(organization, coach, admin):
    engagement = _engagement(
        organization,
        requested_by=None,
        contact_name="Robin Alvarez",
        stage=Engagement.Stage.NEW,
        days_ago=1,
        contact_title="Volunteer coordinator",
        business_goals=["advocacy", "fundraising"],
        goals_details="We want to reach newly diagnosed patients and grow our walk-a-thon donations.",
        current_channels="Facebook group (2,300 members)\nInstagram @heartrhythmpatients",
        timeline=Engagement.Timeline.HALF_YEAR,
        budget=Engagement.Budget.UNDER_5K,
        service=Engagement.Service.CONSULTING,
    )
    _history(engagement, [("new", 1, "client", "Request submitted")], coach, admin)


def load(*, stdout=None, small: bool = False) -> None:
    coach, admin = _user("coach"), _user("admin")
    if coach is None or admin is None:
        return  # the accounts loader creates the demo people first
    builders = {
        "lakeshore-health": _lakeshore,
        "prairie-community-hospital": _prairie,
        "heart-rhythm-patients": _heart_rhythm,
    }
    created = []
    for slug, build in builders.items():
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None:
            continue
        if Engagement.objects.filter(organization=organization, contact_email=DEMO_CONTACTS[slug]).exists():
            continue
        build(organization, coach, admin)
        created.append(organization.name)
    if stdout is not None and created:
        stdout.write("  consulting: engagements for " + ", ".join(created))
