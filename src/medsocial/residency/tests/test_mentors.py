"""Mentors: staff add them to a cohort and assign each accepted resident one of them; a mentor
takes at most eight residents in one cohort."""

import pytest

from medsocial.residency.errors import ResidencyConflict, ResidencyError
from medsocial.residency.models import Application, CohortMentor
from medsocial.residency.services import applications as services
from medsocial.residency.tests.factories import make_application, make_cohort, make_mentor

pytestmark = pytest.mark.django_db


def _residents(cohort, make_user, count):
    return [
        make_application(cohort=cohort, user=make_user(), status=Application.Status.ACCEPTED)
        for _ in range(count)
    ]


def test_a_mentor_takes_eight_residents_and_not_a_ninth(make_user, staff):
    cohort = make_cohort(capacity=20)
    mentor = make_user(full_name="Jordan Reyes")
    make_mentor(cohort, mentor)
    residents = _residents(cohort, make_user, 9)
    for application in residents[:8]:
        services.assign_mentor(application=application, mentor=mentor, by=staff)
    with pytest.raises(ResidencyConflict, match="already mentors 8 residents") as refused:
        services.assign_mentor(application=residents[8], mentor=mentor, by=staff)
    assert refused.value.field == "mentor"
    residents[8].refresh_from_db()
    assert residents[8].mentor is None


def test_the_limit_counts_one_cohort_at_a_time(make_user, staff):
    mentor = make_user()
    first, second = make_cohort(capacity=20), make_cohort(capacity=20)
    for cohort in (first, second):
        make_mentor(cohort, mentor)
        for application in _residents(cohort, make_user, 8):
            services.assign_mentor(application=application, mentor=mentor, by=staff)
    assert Application.objects.filter(mentor=mentor).count() == 16


def test_a_withdrawn_resident_frees_the_mentors_place(make_user, staff):
    cohort = make_cohort(capacity=20)
    mentor = make_user()
    make_mentor(cohort, mentor)
    residents = _residents(cohort, make_user, 9)
    for application in residents[:8]:
        services.assign_mentor(application=application, mentor=mentor, by=staff)
    services.withdraw(application=residents[0], by=residents[0].user)
    assert services.assign_mentor(application=residents[8], mentor=mentor, by=staff).mentor == mentor


def test_a_mentor_must_be_one_of_the_cohorts_mentors(cohort, resident, make_user, staff):
    stranger = make_user()
    with pytest.raises(ResidencyError, match="is not a mentor of this cohort"):
        services.assign_mentor(application=resident, mentor=stranger, by=staff)


def test_only_accepted_residents_get_a_mentor(cohort, applicant, mentor, staff):
    application = make_application(cohort=cohort, user=applicant)
    with pytest.raises(ResidencyError, match="Only an accepted resident"):
        services.assign_mentor(application=application, mentor=mentor, by=staff)


def test_adding_a_mentor_by_email(cohort, make_user, staff):
    person = make_user(email="dana@example.org")
    services.add_mentor(cohort=cohort, email="DANA@example.org", by=staff)
    assert CohortMentor.objects.filter(cohort=cohort, user=person).exists()
    with pytest.raises(ResidencyConflict, match="already mentors"):
        services.add_mentor(cohort=cohort, email="dana@example.org", by=staff)
    with pytest.raises(ResidencyError, match="No one has the address") as refused:
        services.add_mentor(cohort=cohort, email="nobody@example.org", by=staff)
    assert refused.value.field == "email"


def test_a_resident_cannot_mentor_in_their_own_cohort(cohort, resident, applicant, staff):
    with pytest.raises(ResidencyError, match="is a resident of this cohort"):
        services.add_mentor(cohort=cohort, email=applicant.email, by=staff)


def test_the_resident_is_emailed_their_mentor(
    cohort, applicant, mentor, staff, smtp_server, django_capture_on_commit_callbacks
):
    application = make_application(cohort=cohort, user=applicant, status=Application.Status.ACCEPTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_mentor(application=application, mentor=mentor, by=staff)
    [email] = smtp_server.wait_for(1)
    assert email["Subject"] == f"Your mentor in {cohort}"
