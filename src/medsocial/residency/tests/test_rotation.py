"""A resident's rotation is done or not from the hub's own records: the course completed, the
event attended (checked in), the assignment submitted; items past their due date and not done
are overdue. Progress costs the same queries for one resident or many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.learning.models import Enrollment
from medsocial.learning.tests.factories import make_course
from medsocial.residency.errors import ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import Application
from medsocial.residency.selectors import progress_of
from medsocial.residency.services.rotation import submit_assignment
from medsocial.residency.tests.factories import add_rotation, make_application

pytestmark = pytest.mark.django_db


def _attend(event, user, *, checked_in=True):
    return Registration.objects.create(
        event=event,
        user=user,
        ticket_type=ticket_of(event),
        status=Registration.Status.CONFIRMED,
        checked_in_at=timezone.now() if checked_in else None,
    )


@pytest.fixture
def rotation(cohort):
    course, event = make_course(), make_event()
    return {
        "course": add_rotation(cohort, course=course),
        "event": add_rotation(cohort, event=event),
        "assignment": add_rotation(cohort, assignment="Audit your accounts"),
    }


def _done(application):
    return {p.item.kind: p.done for p in progress_of([application])[application.pk].items}


def test_nothing_is_done_at_the_start(resident, rotation):
    assert _done(resident) == {"course": False, "event": False, "assignment": False}


def test_a_completed_course_counts_but_an_unfinished_enrollment_does_not(resident, rotation, applicant):
    enrollment = Enrollment.objects.create(user=applicant, course=rotation["course"].course)
    assert _done(resident)["course"] is False
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
    assert _done(resident)["course"] is True


def test_an_attended_event_counts_but_a_registration_alone_does_not(resident, rotation, applicant):
    registration = _attend(rotation["event"].event, applicant, checked_in=False)
    assert _done(resident)["event"] is False
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())
    assert _done(resident)["event"] is True


def test_someone_elses_completion_does_not_count(resident, rotation, make_user):
    other = make_user()
    Enrollment.objects.create(user=other, course=rotation["course"].course, completed_at=timezone.now())
    _attend(rotation["event"].event, other)
    assert _done(resident) == {"course": False, "event": False, "assignment": False}


def test_a_submitted_assignment_counts_and_can_be_updated(resident, rotation, applicant):
    submit_assignment(application=resident, item=rotation["assignment"], text="Four accounts.", by=applicant)
    assert _done(resident)["assignment"] is True
    again = submit_assignment(application=resident, item=rotation["assignment"], text="Five.", by=applicant)
    assert again.text == "Five."
    assert resident.assignment_submissions.count() == 1


def test_an_empty_answer_is_refused(resident, rotation, applicant):
    with pytest.raises(ResidencyError, match="Write your answer") as refused:
        submit_assignment(application=resident, item=rotation["assignment"], text="  ", by=applicant)
    assert refused.value.field == "text"
    assert _done(resident)["assignment"] is False


def test_only_the_resident_submits_their_assignment(resident, rotation, mentor):
    with pytest.raises(ResidencyNotAllowed):
        submit_assignment(application=resident, item=rotation["assignment"], text="Mine.", by=mentor)


def test_an_assignment_of_another_cohort_is_refused(resident, applicant, make_user):
    from medsocial.residency.tests.factories import make_cohort

    other_item = add_rotation(make_cohort(), assignment="Elsewhere")
    with pytest.raises(ResidencyError, match="not an assignment of your cohort"):
        submit_assignment(application=resident, item=other_item, text="Answer.", by=applicant)


def test_an_item_past_its_due_date_and_not_done_is_overdue(cohort, resident, applicant):
    late = add_rotation(cohort, assignment="Late", due_in_days=-1)
    on_time = add_rotation(cohort, assignment="On time", due_in_days=3)
    progress = {p.item.pk: p for p in progress_of([resident])[resident.pk].items}
    assert progress[late.pk].overdue is True
    assert progress[on_time.pk].overdue is False
    submit_assignment(application=resident, item=late, text="Done at last.", by=applicant)
    progress = {p.item.pk: p for p in progress_of([resident])[resident.pk].items}
    assert progress[late.pk].overdue is False


def test_the_resident_page_shows_done_and_overdue(client, cohort, resident, rotation, applicant):
    add_rotation(cohort, assignment="Overdue work", due_in_days=-2)
    Enrollment.objects.create(user=applicant, course=rotation["course"].course, completed_at=timezone.now())
    client.force_login(applicant)
    html = client.get(reverse("residency:resident", args=[resident.pk])).content.decode()
    assert "1 of 4</span> done" in html
    assert "Overdue" in html


def test_progress_costs_the_same_queries_for_one_or_twenty_residents(cohort, rotation, make_user):
    def queries(count):
        applications = [
            make_application(cohort=cohort, user=make_user(), status=Application.Status.ACCEPTED)
            for _ in range(count)
        ]
        for application in applications:
            Enrollment.objects.create(
                user=application.user, course=rotation["course"].course, completed_at=timezone.now()
            )
        with CaptureQueriesContext(connection) as captured:
            result = progress_of(applications, today=timezone.localdate() + datetime.timedelta(days=1))
        assert all(p.done_count == 1 for p in result.values())
        return len(captured.captured_queries)

    assert queries(1) == queries(20)
