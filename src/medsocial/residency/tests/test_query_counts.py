"""Each list page costs the same number of queries for 5 rows as for 50."""

import pytest
from django.urls import reverse

from medsocial.residency.models import Application, CapstoneVersion
from medsocial.residency.services import capstone
from medsocial.residency.tests.factories import PLAN, add_rotation, make_application, make_cohort, make_mentor
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def test_the_public_cohort_lists_cost_the_same_for_5_and_50_cohorts(client, cohort, staff):
    program = cohort.program
    figures = []
    for count in (5, 50):
        while program.cohorts.count() < count:
            make_cohort(program=program)
        client.logout()
        anonymous = (
            page_queries(client, reverse("residency:index")),
            page_queries(client, reverse("residency:program", args=[program.slug])),
        )
        client.force_login(staff)
        figures.append((anonymous, page_queries(client, reverse("residency:manage"))))
    assert figures[0] == figures[1]


def test_a_cohorts_applications_cost_the_same_for_5_and_50(client, cohort, staff, make_user):
    cohort.capacity = 100
    cohort.save()
    add_rotation(cohort, assignment="Audit")
    mentor = make_user()
    make_mentor(cohort, mentor)
    client.force_login(staff)
    figures = []
    for count in (5, 50):
        while cohort.applications.count() < count:
            n = cohort.applications.count()
            status = Application.Status.ACCEPTED if n % 2 else Application.Status.SUBMITTED
            make_application(
                cohort=cohort, user=make_user(), status=status, mentor=mentor if n % 4 == 1 else None
            )
        figures.append(page_queries(client, reverse("residency:manage-cohort", args=[cohort.slug])))
    assert figures[0] == figures[1]


def test_a_mentors_residents_cost_the_same_for_5_and_50(client, make_user):
    mentor = make_user()
    cohorts = []
    figures = []
    client.force_login(mentor)
    for count in (5, 50):
        while sum(c.applications.count() for c in cohorts) < count:
            # Eight residents per mentor per cohort: spread them over cohorts.
            if not cohorts or cohorts[-1].applications.count() == 8:
                cohorts.append(make_cohort())
                make_mentor(cohorts[-1], mentor)
                add_rotation(cohorts[-1], assignment="Audit")
            application = make_application(
                cohort=cohorts[-1], user=make_user(), status=Application.Status.ACCEPTED, mentor=mentor
            )
            if len(cohorts) % 2:
                capstone.submit(application=application, plan=PLAN, by=application.user)
        figures.append(page_queries(client, reverse("residency:mentoring")))
    assert figures[0] == figures[1]


def test_my_applications_cost_the_same_for_5_and_50(client, applicant):
    client.force_login(applicant)
    figures = []
    for count in (5, 50):
        while applicant.residency_applications.count() < count:
            make_application(cohort=make_cohort(), user=applicant)
        figures.append(page_queries(client, reverse("residency:mine")))
    assert figures[0] == figures[1]


def test_a_residents_page_costs_the_same_for_5_and_50_capstone_versions(
    client, resident, applicant, mentor, cohort
):
    client.force_login(applicant)
    figures = []
    criteria = list(cohort.program.criteria.all())
    for count in (5, 50):
        while CapstoneVersion.objects.filter(application=resident).count() < count:
            version = capstone.submit(application=resident, plan=PLAN, by=applicant)
            capstone.review(
                version=version,
                by=mentor,
                decision="returned",
                comments="Again.",
                scores=[capstone.Score(c.pk, 1) for c in criteria],
            )
            add_rotation(cohort, assignment="Another")
        figures.append(
            (
                page_queries(client, reverse("residency:resident", args=[resident.pk])),
                page_queries(client, f"/api/v1/residency/applications/{resident.pk}/capstone"),
            )
        )
    assert figures[0] == figures[1]
