"""Seats and mentor places are counted under a lock on the cohort: staff accepting or assigning
at the same moment never go beyond the cohort's capacity or a mentor's eight residents; a
Residency completed twice at once issues one badge."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.residency.errors import ResidencyConflict
from medsocial.residency.models import Application
from medsocial.residency.services import applications as services
from medsocial.residency.tests.factories import make_application, make_cohort, make_mentor
from medsocial.testing.plugin import run_concurrently

# Racing writers need committed rows: PostgreSQL's row locks, or SQLite in a file with
# IMMEDIATE transactions, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def test_twenty_parallel_accepts_into_five_seats_accept_exactly_five(make_user):
    staff = make_user(roles=[Role.INSTRUCTOR])
    cohort = make_cohort(capacity=5)
    pending = [make_application(cohort=cohort, user=make_user()) for _ in range(20)]

    results = run_concurrently(lambda a: services.accept(application=a, by=staff), pending, workers=10)

    assert None not in results  # every worker ran to the end
    accepted = [r for r in results if isinstance(r, Application)]
    refused = [r for r in results if isinstance(r, ResidencyConflict)]
    assert len(accepted) == 5 and len(refused) == 15, [
        r for r in results if not isinstance(r, (Application, ResidencyConflict))
    ]
    assert all("The cohort is full" in r.message for r in refused)
    assert Application.objects.filter(cohort=cohort, status=Application.Status.ACCEPTED).count() == 5
    assert Application.objects.filter(cohort=cohort, status=Application.Status.SUBMITTED).count() == 15


def test_twelve_parallel_assignments_to_one_mentor_give_them_exactly_eight(make_user):
    staff = make_user(roles=[Role.INSTRUCTOR])
    cohort = make_cohort(capacity=20)
    mentor = make_user()
    make_mentor(cohort, mentor)
    residents = [
        make_application(cohort=cohort, user=make_user(), status=Application.Status.ACCEPTED)
        for _ in range(12)
    ]

    results = run_concurrently(
        lambda a: services.assign_mentor(application=a, mentor=mentor, by=staff), residents, workers=12
    )

    assert None not in results
    assigned = [r for r in results if isinstance(r, Application)]
    refused = [r for r in results if isinstance(r, ResidencyConflict)]
    assert len(assigned) == 8 and len(refused) == 4, [
        r for r in results if not isinstance(r, (Application, ResidencyConflict))
    ]
    assert Application.objects.filter(cohort=cohort, mentor=mentor).count() == 8


def test_completing_from_several_requests_at_once_issues_one_badge(make_user):
    from medsocial.awards.models import Award
    from medsocial.residency.services import capstone, completion
    from medsocial.residency.tests.factories import PLAN

    cohort = make_cohort()
    resident, mentor = make_user(), make_user()
    make_mentor(cohort, mentor)
    application = make_application(
        cohort=cohort, user=resident, status=Application.Status.ACCEPTED, mentor=mentor
    )
    version = capstone.submit(application=application, plan=PLAN, by=resident)
    capstone.review(
        version=version,
        by=mentor,
        decision="accepted",
        comments="",
        scores=[capstone.Score(c.pk, 4) for c in cohort.program.criteria.all()],
    )

    results = run_concurrently(lambda _: completion.complete(application=application, by=resident), range(6))

    assert all(isinstance(r, Application) for r in results), results
    assert Award.objects.filter(recipient=resident).count() == 1
    assert len({r.award_id for r in results}) == 1
