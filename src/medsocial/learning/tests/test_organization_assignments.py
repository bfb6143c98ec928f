import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from medsocial.learning import services
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import Assignment, Enrollment
from medsocial.testing.plugin import download_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital(make_organization):
    return make_organization(name="Lakeview Hospital")


@pytest.fixture
def org_admin(make_user, hospital):
    return make_user(email="admin@lakeview.example", organization=hospital, org_role="admin")


@pytest.fixture
def nurse(make_user, hospital):
    return make_user(email="nurse@lakeview.example", full_name="Chris Lee", organization=hospital)


@pytest.fixture
def outsider(make_user, make_organization):
    return make_user(
        email="x@other.example", full_name="Out Sider", organization=make_organization(name="Other Clinic")
    )


def test_admin_assigns_course_with_due_date_and_member_is_enrolled(
    client, org_admin, nurse, hospital, course
):
    client.force_login(org_admin)
    due = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(
        reverse("learning:organization", args=[hospital.slug]),
        {"course": course.pk, "members": [nurse.pk], "due_on": due.isoformat()},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.user == nurse and assignment.due_on == due
    assert Enrollment.objects.filter(user=nurse, course=course).exists()
    page = client.get(reverse("learning:organization", args=[hospital.slug])).content.decode()
    assert "Chris Lee" in page and "Privacy Online" in page


def test_cannot_assign_to_someone_outside_the_organization(org_admin, outsider, hospital, course):
    with pytest.raises(LearningError, match="Only members"):
        services.assign_course(
            by=org_admin, organization=hospital, course=course, user_ids=[outsider.pk], due_on=None
        )
    assert not Assignment.objects.exists() and not Enrollment.objects.exists()


def test_member_cannot_assign_or_see_progress(client, nurse, hospital, course):
    with pytest.raises(LearningNotAllowed):
        services.assign_course(
            by=nurse, organization=hospital, course=course, user_ids=[nurse.pk], due_on=None
        )
    client.force_login(nurse)
    assert client.get(reverse("learning:organization", args=[hospital.slug])).status_code == 403
    assert client.get(reverse("learning:organization-csv", args=[hospital.slug])).status_code == 403


def test_admin_of_another_organization_gets_404(client, make_user, make_organization, hospital):
    other_admin = make_user(organization=make_organization(name="Elsewhere"), org_role="admin")
    client.force_login(other_admin)
    assert client.get(reverse("learning:organization", args=[hospital.slug])).status_code == 404
    assert client.get(reverse("learning:organization-csv", args=[hospital.slug])).status_code == 404


def test_admin_sees_only_own_members_progress_and_overdue(
    client, org_admin, nurse, outsider, hospital, course, make_organization
):
    services.assign_course(
        by=org_admin, organization=hospital, course=course, user_ids=[nurse.pk], due_on=timezone.localdate()
    )
    Assignment.objects.update(due_on=timezone.localdate() - datetime.timedelta(days=2))
    other = outsider.memberships.get().organization
    Assignment.objects.create(organization=other, user=outsider, course=course)
    client.force_login(org_admin)
    page = client.get(reverse("learning:organization", args=[hospital.slug])).content.decode()
    assert "Overdue" in page and "Out Sider" not in page
    rows = download_rows(client.get(reverse("learning:organization-csv", args=[hospital.slug])))
    assert len(rows) == 2 and "nurse@lakeview.example" in rows[1] and rows[1][-1] == "yes"


def test_past_due_date_is_refused(org_admin, nurse, hospital, course):
    with pytest.raises(LearningError, match="past"):
        services.assign_course(
            by=org_admin,
            organization=hospital,
            course=course,
            user_ids=[nurse.pk],
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )


def test_reminder_email_for_assignment_due_soon_sent_once(smtp_server, org_admin, nurse, hospital, course):
    services.assign_course(
        by=org_admin,
        organization=hospital,
        course=course,
        user_ids=[nurse.pk],
        due_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    call_command("learning-reminders")
    call_command("learning-reminders")
    message = smtp_server.wait_for(1)[0]
    assert "Privacy Online" in message["Subject"]
    assert "Lakeview Hospital" in message.get_body(("plain",)).get_content()
    assert len(smtp_server.messages) == 1


def test_no_reminder_when_already_completed_or_far_off(org_admin, nurse, hospital, course):
    services.assign_course(
        by=org_admin,
        organization=hospital,
        course=course,
        user_ids=[nurse.pk],
        due_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    assert not services.due_assignments_to_remind().exists()
    Assignment.objects.update(due_on=timezone.localdate() + datetime.timedelta(days=1))
    assert services.due_assignments_to_remind().count() == 1
    Enrollment.objects.update(completed_at=timezone.now())
    assert not services.due_assignments_to_remind().exists()


def test_dashboard_links_admins_to_their_members_learning(client, org_admin, nurse, hospital):
    client.force_login(org_admin)
    page = client.get(reverse("learning:dashboard")).content.decode()
    assert reverse("learning:organization", args=[hospital.slug]) in page
    client.force_login(nurse)
    assert (
        reverse("learning:organization", args=[hospital.slug])
        not in client.get(reverse("learning:dashboard")).content.decode()
    )


def test_assigned_course_cannot_be_left(org_admin, nurse, hospital, course):
    services.assign_course(
        by=org_admin, organization=hospital, course=course, user_ids=[nurse.pk], due_on=None
    )
    with pytest.raises(LearningError, match="assigned this course"):
        services.unenroll(user=nurse, course=course)
    assert Enrollment.objects.filter(user=nurse, course=course).exists()
