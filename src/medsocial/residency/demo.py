"""Demo data for the Residency: `load()` is idempotent (a second run changes nothing).

The Social Media Residency with its capstone rubric; a cohort half-way through with two mentors
and three residents whose rotations are partly done (one capstone waiting for review, one
returned and resubmitted), and a next cohort open for applications with a seat priced in points.
"""

import datetime

from django.utils import timezone

from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import User
from medsocial.events.models import Event
from medsocial.learning.demo_curriculum import CURRICULUM
from medsocial.learning.models import Course
from medsocial.residency.models import Cohort, Program, RotationItem, RubricCriterion
from medsocial.residency.services import applications, capstone, rotation

CRITERIA = [
    ("Goals and audiences", "Measurable goals and the people the plan is for."),
    ("Channels and content", "Which networks, which formats, a realistic calendar."),
    ("Privacy and policy", "No patient information; the organization's policy and escalation path."),
    ("Measurement", "What is counted, how often, and what changes when it is."),
]

STATEMENTS = {
    "nurse": "I run our unit's patient education and want to bring it to Instagram and TikTok without putting "
    "anyone's privacy at risk. I hope to leave with a plan my manager will sign.",
    "learner": "As a public health student I want to learn how hospitals plan their social media, and to practise "
    "writing posts that are accurate, kind and read by the people who need them.",
    "pharmacist": "Our hospital's pharmacy answers the same medication questions every day; I want a short-video "
    "series that answers them publicly, reviewed by a mentor who has done it before.",
}

PLAN = (
    "Goal: within six months, 20% of discharged cardiac patients watch at least one of our short videos on "
    "medication safety. Audience: patients and their families, reached on Instagram and YouTube Shorts. "
    "Content: two 60-second videos a week, scripted by nurses, reviewed by pharmacy and communications; "
    "no patient appears or is described. Measurement: views, saves and questions at follow-up calls, "
    "reviewed monthly with the unit manager."
)


def _person(local: str) -> User:
    return User.objects.get(email=demo_email(local))


def load(*, stdout=None, small: bool = False) -> None:
    if Program.objects.filter(slug="social-media-residency").exists():
        return
    program = Program.objects.create(
        name="Social Media Residency",
        slug="social-media-residency",
        summary="Twelve weeks of hands-on practice with a mentor, ending in your own social media plan.",
        description=(
            "Residents work through a rotation of courses, events and assignments, each with a due date, "
            "and write a **capstone**: a social media plan for their unit or organization. Their mentor "
            "reviews it against the rubric below and returns it with comments until it is ready.\n\n"
            "Completing the Residency earns a certificate and an Open Badge."
        ),
    )
    for position, (name, description) in enumerate(CRITERIA):
        RubricCriterion.objects.create(
            program=program, name=name, description=description, max_score=4, position=position
        )
    today = timezone.localdate()
    current = Cohort.objects.create(
        program=program,
        name="Fall cohort",
        slug="social-media-residency-fall",
        starts_on=today - datetime.timedelta(days=42),
        ends_on=today + datetime.timedelta(days=42),
        applications_open_on=today - datetime.timedelta(days=90),
        applications_close_on=today - datetime.timedelta(days=50),
        capacity=12,
    )
    Cohort.objects.create(
        program=program,
        name="Spring cohort",
        slug="social-media-residency-spring",
        starts_on=today + datetime.timedelta(days=75),
        ends_on=today + datetime.timedelta(days=159),
        applications_open_on=today - datetime.timedelta(days=5),
        applications_close_on=today + datetime.timedelta(days=45),
        capacity=16,
        seat_points=300,
    )
    courses = list(Course.objects.filter(slug__in=[c["slug"] for c in CURRICULUM[:2]]))
    courses.sort(key=lambda c: [d["slug"] for d in CURRICULUM].index(c.slug))
    for position, course in enumerate(courses):
        RotationItem.objects.create(
            cohort=current,
            kind=RotationItem.Kind.COURSE,
            course=course,
            due_on=today + datetime.timedelta(days=(-21, 14)[position]),
            position=position,
        )
    webinar = Event.objects.filter(slug="crisis-communication-webinar").first()
    if webinar is not None:
        RotationItem.objects.create(
            cohort=current,
            kind=RotationItem.Kind.EVENT,
            event=webinar,
            due_on=webinar.starts_at.date(),
            position=5,
        )
    audit = RotationItem.objects.create(
        cohort=current,
        kind=RotationItem.Kind.ASSIGNMENT,
        title="Audit your organization's accounts",
        instructions="List your organization's accounts, who runs each, how often it posts and one thing to fix.",
        due_on=today - datetime.timedelta(days=7),
        position=6,
    )

    staff = _person("admin")
    opened = timezone.now() - datetime.timedelta(days=80)
    residents = {}
    for local, statement in STATEMENTS.items():
        application = applications.apply(cohort=current, user=_person(local), statement=statement, now=opened)
        residents[local] = applications.accept(application=application, by=staff, now=opened)
    for local in ("coach", "orgadmin"):
        applications.add_mentor(cohort=current, email=demo_email(local), by=staff)
    applications.assign_mentor(application=residents["nurse"], mentor=_person("coach"), by=staff)
    applications.assign_mentor(application=residents["pharmacist"], mentor=_person("coach"), by=staff)
    applications.assign_mentor(application=residents["learner"], mentor=_person("orgadmin"), by=staff)

    nurse = _person("nurse")
    rotation.submit_assignment(
        application=residents["nurse"],
        item=audit,
        text="Facebook (communications, daily), Instagram (our unit, weekly), X (dormant since 2022: close it).",
        by=nurse,
    )
    capstone.submit(application=residents["nurse"], plan=PLAN, by=nurse)

    pharmacist = _person("pharmacist")
    first = capstone.submit(
        application=residents["pharmacist"], plan=PLAN.replace("cardiac", "pharmacy"), by=pharmacist
    )
    criteria = list(program.criteria.all())
    capstone.review(
        version=first,
        by=_person("coach"),
        decision="returned",
        comments="A strong start. Say who answers comments and how fast, and how you escalate a medical question.",
        scores=[capstone.Score(c.pk, 3 if i != 2 else 1) for i, c in enumerate(criteria)],
    )
    capstone.submit(
        application=residents["pharmacist"],
        plan=first.plan
        + " Pharmacists answer comments within one working day; a medical question goes to the "
        "patient's care team by phone, never answered in public.",
        by=pharmacist,
    )
    if stdout is not None:
        stdout.write(
            "  residency: a cohort half-way through with 3 residents and 2 mentors, and one open for applications"
        )
