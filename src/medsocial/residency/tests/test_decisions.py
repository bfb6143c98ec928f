"""Staff decide on applications: accept within the cohort's capacity, waitlist, or decline with
a reason the applicant reads; the applicant is emailed each time."""

import pytest

from medsocial.residency.errors import ResidencyConflict, ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import Application
from medsocial.residency.services import applications as services
from medsocial.residency.tests.factories import make_application, make_cohort
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db


def test_accepting_makes_a_resident_and_emails_them(
    cohort, applicant, staff, smtp_server, django_capture_on_commit_callbacks
):
    application = make_application(cohort=cohort, user=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(application=application, by=staff)
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert application.decided_by == staff
    [email] = smtp_server.wait_for(1)
    assert email["Subject"] == f"You are accepted into {cohort}"


def test_accepting_beyond_the_capacity_is_refused(make_user, staff):
    cohort = make_cohort(capacity=2)
    for _ in range(2):
        services.accept(application=make_application(cohort=cohort, user=make_user()), by=staff)
    third = make_application(cohort=cohort, user=make_user())
    with pytest.raises(ResidencyConflict, match="The cohort is full: 2 of 2 seats are taken"):
        services.accept(application=third, by=staff)
    third.refresh_from_db()
    assert third.status == Application.Status.SUBMITTED
    assert cohort.applications.filter(status=Application.Status.ACCEPTED).count() == 2


def test_a_waitlisted_applicant_can_be_accepted_when_a_seat_frees(make_user, staff):
    cohort = make_cohort(capacity=1)
    first = services.accept(application=make_application(cohort=cohort, user=make_user()), by=staff)
    second = services.waitlist(application=make_application(cohort=cohort, user=make_user()), by=staff)
    assert second.status == Application.Status.WAITLISTED
    services.withdraw(application=first, by=first.user)
    assert services.accept(application=second, by=staff).status == Application.Status.ACCEPTED


def test_declining_needs_a_reason_and_sends_it(
    cohort, applicant, staff, smtp_server, django_capture_on_commit_callbacks
):
    application = make_application(cohort=cohort, user=applicant)
    with pytest.raises(ResidencyError, match="reason") as refused:
        services.decline(application=application, by=staff, reason="  ")
    assert refused.value.field == "reason"
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(application=application, by=staff, reason="This cohort is for nurses.")
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert application.decline_reason == "This cohort is for nurses."
    [email] = smtp_server.wait_for(1)
    assert "This cohort is for nurses." in body_text(email)


def test_a_decided_application_cannot_be_decided_again(cohort, applicant, staff):
    application = make_application(cohort=cohort, user=applicant)
    services.decline(application=application, by=staff, reason="Not this time.")
    with pytest.raises(ResidencyError, match="cannot be accepted"):
        services.accept(application=application, by=staff)


def test_an_unknown_decision_is_refused_naming_the_field(cohort, applicant, staff):
    application = make_application(cohort=cohort, user=applicant)
    with pytest.raises(ResidencyError) as refused:
        services.decide(application=application, decision="maybe", by=staff)
    assert refused.value.field == "decision"


@pytest.mark.parametrize("action", ["accept", "waitlist"])
def test_only_residency_staff_decide(cohort, applicant, make_user, action):
    application = make_application(cohort=cohort, user=applicant)
    with pytest.raises(ResidencyNotAllowed):
        services.decide(application=application, decision=action, by=make_user())
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
