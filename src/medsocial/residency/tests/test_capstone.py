"""The capstone: the resident submits a plan; the assigned mentor (or staff) scores it against
the rubric and returns it with comments or accepts it; a returned plan is resubmitted as a new
version and the history of versions and reviews stays."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from medsocial.residency.errors import ResidencyConflict, ResidencyError, ResidencyNotAllowed
from medsocial.residency.models import CapstoneReview, CapstoneVersion
from medsocial.residency.services import capstone
from medsocial.residency.tests.factories import PLAN
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db


def _scores(application, value=3):
    return [capstone.Score(c.pk, value) for c in application.cohort.program.criteria.all()]


def _return(version, mentor, comments="Say who answers comments, and how fast."):
    return capstone.review(
        version=version,
        by=mentor,
        decision="returned",
        comments=comments,
        scores=_scores(version.application, 2),
    )


def test_return_resubmit_accept_keeps_every_version_and_review(resident, applicant, mentor):
    first = capstone.submit(application=resident, plan=PLAN, by=applicant)
    _return(first, mentor)
    second = capstone.submit(application=resident, plan=PLAN + " Replies within a day.", by=applicant)
    capstone.review(
        version=second, by=mentor, decision="accepted", comments="Ready.", scores=_scores(resident, 4)
    )

    versions = list(CapstoneVersion.objects.filter(application=resident).order_by("number"))
    assert [(v.number, v.status) for v in versions] == [(1, "returned"), (2, "accepted")]
    assert versions[0].plan == PLAN
    assert versions[0].review.comments == "Say who answers comments, and how fast."
    assert [s.score for s in versions[1].review.scores.all()] == [4, 4]


def test_the_mentor_is_emailed_a_submission_and_the_resident_a_review(
    resident, applicant, mentor, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    [to_mentor] = smtp_server.wait_for(1)
    assert smtp_server.to(mentor.email) == [to_mentor]
    with django_capture_on_commit_callbacks(execute=True):
        _return(version, mentor, comments="Add an escalation path.")
    to_resident = smtp_server.wait_for(2)[1]
    assert smtp_server.to(applicant.email) == [to_resident]
    assert "Add an escalation path." in body_text(to_resident)


def test_a_second_submission_while_one_is_in_review_is_refused(resident, applicant):
    capstone.submit(application=resident, plan=PLAN, by=applicant)
    with pytest.raises(ResidencyConflict, match="with your mentor"):
        capstone.submit(application=resident, plan=PLAN, by=applicant)
    assert CapstoneVersion.objects.count() == 1


def test_nothing_is_submitted_after_acceptance(resident, applicant, mentor):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    capstone.review(version=version, by=mentor, decision="accepted", comments="", scores=_scores(resident))
    with pytest.raises(ResidencyConflict, match="already accepted"):
        capstone.submit(application=resident, plan=PLAN, by=applicant)


def test_a_version_is_reviewed_once(resident, applicant, mentor):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    _return(version, mentor)
    with pytest.raises(ResidencyConflict, match="already been reviewed"):
        capstone.review(
            version=version, by=mentor, decision="accepted", comments="", scores=_scores(resident)
        )
    assert CapstoneReview.objects.count() == 1


def test_returning_needs_comments(resident, applicant, mentor):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    with pytest.raises(ResidencyError, match="what to change") as refused:
        capstone.review(
            version=version, by=mentor, decision="returned", comments=" ", scores=_scores(resident)
        )
    assert refused.value.field == "comments"
    version.refresh_from_db()
    assert version.status == CapstoneVersion.Status.IN_REVIEW


@pytest.mark.parametrize(
    "score, message", [(5, "from 0 to 4"), (-1, "from 0 to 4"), ("two", "whole number"), ("", "Score")]
)
def test_every_criterion_needs_a_score_within_its_range(resident, applicant, mentor, score, message):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    criteria = list(resident.cohort.program.criteria.all())
    scores = [capstone.Score(criteria[0].pk, 3), capstone.Score(criteria[1].pk, score)]
    with pytest.raises(ResidencyError, match=message) as refused:
        capstone.review(version=version, by=mentor, decision="accepted", comments="", scores=scores)
    assert refused.value.field == f"score_{criteria[1].pk}"
    assert not CapstoneReview.objects.exists()


def test_only_the_assigned_mentor_or_staff_review(resident, applicant, cohort, make_user, staff):
    from medsocial.residency.tests.factories import make_mentor

    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    other_mentor = make_user()
    make_mentor(cohort, other_mentor)
    for person in (other_mentor, applicant):
        with pytest.raises(ResidencyNotAllowed):
            capstone.review(
                version=version, by=person, decision="accepted", comments="", scores=_scores(resident)
            )
    capstone.review(
        version=version, by=staff, decision="accepted", comments="Fine.", scores=_scores(resident)
    )
    version.refresh_from_db()
    assert version.status == CapstoneVersion.Status.ACCEPTED


@pytest.mark.parametrize(
    "plan, message", [("", "Write your social media plan"), ("Short plan.", "at least 200")]
)
def test_a_plan_too_short_is_refused(resident, applicant, plan, message):
    with pytest.raises(ResidencyError, match=message) as refused:
        capstone.submit(application=resident, plan=plan, by=applicant)
    assert refused.value.field == "plan"
    assert not CapstoneVersion.objects.exists()


def test_only_the_resident_submits(resident, mentor):
    with pytest.raises(ResidencyNotAllowed):
        capstone.submit(application=resident, plan=PLAN, by=mentor)


def test_a_file_that_is_not_what_it_says_is_refused(resident, applicant):
    fake = SimpleUploadedFile(
        "plan.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    with pytest.raises(ResidencyError, match="not a real .pdf") as refused:
        capstone.submit(application=resident, plan=PLAN, attachment=fake, by=applicant)
    assert refused.value.field == "attachment"
    assert not CapstoneVersion.objects.exists()


def test_an_attachment_is_kept_and_served_to_the_mentor_but_not_to_others(
    client, resident, applicant, mentor, make_user
):
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%plan\n", content_type="application/pdf")
    version = capstone.submit(application=resident, plan=PLAN, attachment=pdf, by=applicant)
    assert version.attachment.name.startswith("residency/capstones/")
    client.force_login(mentor)
    response = client.get(version.attachment.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(make_user())
    assert client.get(version.attachment.url).status_code == 404


def test_the_resident_sees_the_comments_and_scores_on_their_page(client, resident, applicant, mentor):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    _return(version, mentor, comments="Add an escalation path for medical questions.")
    client.force_login(applicant)
    html = client.get(reverse("residency:resident", args=[resident.pk])).content.decode()
    assert "Add an escalation path for medical questions." in html
    assert "2 / 4" in html
    assert "Submit a revised plan" in html


def test_the_review_form_shows_a_bad_score_next_to_its_field(client, resident, applicant, mentor):
    version = capstone.submit(application=resident, plan=PLAN, by=applicant)
    criteria = list(resident.cohort.program.criteria.all())
    client.force_login(mentor)
    response = client.post(
        reverse("residency:review-capstone", args=[resident.pk, version.pk]),
        {f"score_{criteria[0].pk}": "9", f"score_{criteria[1].pk}": "2", "decision": "accepted"},
    )
    assert response.status_code == 400
    assert "takes a score from 0 to 4" in response.content.decode()
    version.refresh_from_db()
    assert version.status == CapstoneVersion.Status.IN_REVIEW


def test_the_capstone_page_accepts_an_upload(client, resident, applicant):
    client.force_login(applicant)
    response = client.post(
        reverse("residency:submit-capstone", args=[resident.pk]),
        {"plan": PLAN, "attachment": SimpleUploadedFile("notes.txt", b"Calendar: two posts a week.")},
    )
    assert response.status_code == 302
    version = CapstoneVersion.objects.get()
    assert version.attachment_name == "notes.txt"
    assert BytesIO(version.attachment.read()).read() == b"Calendar: two posts a week."
