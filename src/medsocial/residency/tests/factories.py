"""Test factories for the Residency: plain functions with sensible defaults."""

import datetime
import itertools

from django.utils import timezone

from medsocial.residency.models import (
    Application,
    Cohort,
    CohortMentor,
    Program,
    RotationItem,
    RubricCriterion,
)

_sequence = itertools.count(1)

STATEMENT = (
    "I want to bring our unit's patient education to social media, safely and with a plan my manager signs."
)
PLAN = (
    "Goal: half of our discharged patients watch one of our short videos on medication safety within six "
    "months. Channels: Instagram and YouTube Shorts, two videos a week, scripted by nurses and reviewed by "
    "pharmacy; no patient appears. Measurement: views, saves and questions at follow-up calls, monthly."
)


def make_program(*, criteria: int = 2, **fields) -> Program:
    n = next(_sequence)
    defaults = {
        "name": f"Residency {n}",
        "slug": f"residency-{n}",
        "summary": "Hands-on practice with a mentor.",
    }
    defaults.update(fields)
    program = Program.objects.create(**defaults)
    for position in range(criteria):
        RubricCriterion.objects.create(
            program=program, name=f"Criterion {position + 1}", max_score=4, position=position
        )
    return program


def make_cohort(*, program: Program | None = None, started: bool = False, **fields) -> Cohort:
    """A cohort open for applications today, starting in a month (`started`: began a week ago)."""
    n = next(_sequence)
    today = timezone.localdate()
    start = today - datetime.timedelta(days=7) if started else today + datetime.timedelta(days=30)
    defaults = {
        "program": program or make_program(),
        "name": f"Cohort {n}",
        "slug": f"cohort-{n}",
        "starts_on": start,
        "ends_on": start + datetime.timedelta(days=90),
        "applications_open_on": today - datetime.timedelta(days=10),
        "applications_close_on": today + datetime.timedelta(days=10),
        "capacity": 10,
    }
    defaults.update(fields)
    return Cohort.objects.create(**defaults)


def make_application(
    *, cohort: Cohort, user, status: str = Application.Status.SUBMITTED, mentor=None
) -> Application:
    """An application straight in the database (the services are tested on their own)."""
    return Application.objects.create(
        cohort=cohort, user=user, statement=STATEMENT, status=status, mentor=mentor
    )


def make_mentor(cohort: Cohort, user) -> CohortMentor:
    return CohortMentor.objects.create(cohort=cohort, user=user)


def add_rotation(
    cohort: Cohort, *, course=None, event=None, assignment: str = "", due_in_days: int = 14
) -> RotationItem:
    due = timezone.localdate() + datetime.timedelta(days=due_in_days)
    if course is not None:
        return RotationItem.objects.create(
            cohort=cohort, kind=RotationItem.Kind.COURSE, course=course, due_on=due
        )
    if event is not None:
        return RotationItem.objects.create(
            cohort=cohort, kind=RotationItem.Kind.EVENT, event=event, due_on=due
        )
    return RotationItem.objects.create(
        cohort=cohort, kind=RotationItem.Kind.ASSIGNMENT, title=assignment or "An assignment", due_on=due
    )
