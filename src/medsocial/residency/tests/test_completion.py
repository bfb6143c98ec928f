"""Completion: refused until every rotation item is done and the capstone is accepted; then the
Residency is complete and its Open Badge (with the printable certificate) is issued, once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.awards.models import Award
from medsocial.learning.models import Enrollment
from medsocial.learning.tests.factories import make_course
from medsocial.residency.errors import ResidencyError
from medsocial.residency.services import capstone, completion
from medsocial.residency.services.rotation import submit_assignment
from medsocial.residency.tests.factories import PLAN, add_rotation

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(cohort):
    return {
        "course": add_rotation(cohort, course=make_course()),
        "assignment": add_rotation(cohort, assignment="Audit"),
    }


def _accept_capstone(resident, applicant, mentor):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    scores = [capstone.Score(c.pk, 4) for c in resident.cohort.program.criteria.all()]
    capstone.review(version=version, by=mentor, decision="accepted", comments="Ready.", scores=scores)


def _finish_rotation(resident, applicant, items):
    Enrollment.objects.create(user=applicant, course=items["course"].course, completed_at=timezone.now())
    submit_assignment(application=resident, item=items["assignment"], text="Done.", by=applicant)


def test_completion_is_refused_while_the_rotation_is_unfinished(resident, applicant, mentor, items):
    _accept_capstone(resident, applicant, mentor)
    with pytest.raises(ResidencyError, match="2 rotation items not done"):
        completion.complete(application=resident, by=applicant)
    resident.refresh_from_db()
    assert resident.completed_at is None


def test_completion_is_refused_until_the_capstone_is_accepted(resident, applicant, mentor, items):
    _finish_rotation(resident, applicant, items)
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    with pytest.raises(ResidencyError, match="capstone is not accepted"):
        completion.complete(application=resident, by=applicant)
    scores = [capstone.Score(c.pk, 1) for c in resident.cohort.program.criteria.all()]
    capstone.review(version=version, by=mentor, decision="returned", comments="Not yet.", scores=scores)
    with pytest.raises(ResidencyError, match="capstone is not accepted"):
        completion.complete(application=resident, by=applicant)


def test_everything_done_completes_the_residency_once(resident, applicant, mentor, items):
    _finish_rotation(resident, applicant, items)
    _accept_capstone(resident, applicant, mentor)
    done = completion.complete(application=resident, by=applicant)
    assert done.completed_at is not None
    again = completion.complete(application=resident, by=applicant)
    assert again.completed_at == done.completed_at


def test_after_completion_nothing_more_is_submitted(resident, applicant, mentor, items):
    _finish_rotation(resident, applicant, items)
    _accept_capstone(resident, applicant, mentor)
    completion.complete(application=resident, by=applicant)
    with pytest.raises(ResidencyError, match="completed"):
        submit_assignment(application=resident, item=items["assignment"], text="More.", by=applicant)


def test_the_complete_button_appears_only_when_everything_is_done(client, resident, applicant, mentor, items):
    client.force_login(applicant)
    url = reverse("residency:resident", args=[resident.pk])
    assert "Complete my residency" not in client.get(url).content.decode()
    _finish_rotation(resident, applicant, items)
    _accept_capstone(resident, applicant, mentor)
    assert "Complete my residency" in client.get(url).content.decode()
    client.post(reverse("residency:complete", args=[resident.pk]))
    page = client.get(url).content.decode()
    assert "Completed on" in page and "Complete my residency" not in page


def test_completion_issues_the_open_badge_once(resident, applicant, mentor, items, cohort):
    _finish_rotation(resident, applicant, items)
    _accept_capstone(resident, applicant, mentor)
    done = completion.complete(application=resident, by=applicant)
    completion.complete(application=resident, by=applicant)
    award = Award.objects.get(recipient=applicant)
    assert done.award == award
    assert award.badge_class.slug == f"residency-{cohort.program.slug}"
    assert award.issued_by is None  # the hub issued it
    assert str(cohort) in award.evidence[0]["narrative"]
    assert award.evidence[0]["url"].endswith(cohort.program.get_absolute_url())


def test_no_badge_is_issued_before_completion(resident, applicant, mentor, items):
    _accept_capstone(resident, applicant, mentor)
    with pytest.raises(ResidencyError):
        completion.complete(application=resident, by=applicant)
    assert not Award.objects.exists()


def test_the_certificate_and_verification_pages_open_from_the_resident_page(
    client, resident, applicant, mentor, items
):
    _finish_rotation(resident, applicant, items)
    _accept_capstone(resident, applicant, mentor)
    award = completion.complete(application=resident, by=applicant).award
    client.force_login(applicant)
    page = client.get(reverse("residency:resident", args=[resident.pk])).content.decode()
    assert reverse("awards:certificate", args=[award.code]) in page
    assert award.get_absolute_url() in page
    certificate = client.get(reverse("awards:certificate", args=[award.code]))
    assert certificate.status_code == 200 and applicant.display_name in certificate.content.decode()
