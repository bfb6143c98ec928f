"""The person who sent a submission hears once, by email, what the moderator decided."""

import pytest
from django.contrib.messages import get_messages

from medsocial.accounts.roles import Role
from medsocial.census import services
from medsocial.census.errors import CensusError
from medsocial.census.models import AccountChange, AccountSubmission, SocialAccount
from medsocial.testing.plugin import body_text

from .factories import make_account, make_hospital, network

pytestmark = pytest.mark.django_db

SUBMITTER = "fan@example.org"


@pytest.fixture
def moderator(make_user):
    return make_user(email="mod@example.org", roles=[Role.MODERATOR])


@pytest.fixture
def hospital():
    return make_hospital(name="Springfield General Hospital", city="Springfield", state="IL")


@pytest.fixture
def new_account_submission(hospital):
    return services.submit(
        hospital=hospital,
        kind="new",
        network=network("x"),
        address="@springfieldgen",
        followers=321,
        email=SUBMITTER,
    )


def test_approval_emails_the_submitter_once_with_hospital_network_and_account(
    moderator, new_account_submission, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(submission=new_account_submission, moderator=moderator)

    [email] = smtp_server.wait_for(1)
    assert len(smtp_server.messages) == 1
    assert smtp_server.to(SUBMITTER) == [email]
    assert email["Subject"] == "Your submission for Springfield General Hospital: approved"
    text = body_text(email)
    assert "Hospital: Springfield General Hospital (Springfield, IL)" in text
    assert "Network: X" in text
    assert "Account: https://x.com/springfieldgen" in text
    assert "Submission: New account" in text
    assert "Decision: Approved" in text
    assert "reason" not in text
    html = email.get_body(preferencelist=("html",)).get_content()
    assert "Springfield General Hospital" in html and "https://x.com/springfieldgen" in html


def test_a_correction_names_the_account_it_was_about(
    moderator, hospital, smtp_server, django_capture_on_commit_callbacks
):
    account = make_account(hospital, "facebook", "springfieldgeneral")
    submission = services.submit(
        hospital=hospital,
        kind="correction",
        network=network("facebook"),
        account=account,
        followers=1200,
        email=SUBMITTER,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(submission=submission, moderator=moderator)

    [email] = smtp_server.wait_for(1)
    text = body_text(email)
    assert "Network: Facebook" in text
    assert f"Account: {account.url}" in text
    assert "Submission: Correction" in text


def test_rejecting_without_a_reason_changes_nothing_and_sends_nothing(
    client, moderator, new_account_submission, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/census/moderation/{new_account_submission.pk}/reject/", {"reason": "   "})

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Say why the submission is rejected."]
    new_account_submission.refresh_from_db()
    assert (new_account_submission.status, new_account_submission.reviewed_by) == (
        AccountSubmission.Status.PENDING,
        None,
    )
    assert not AccountChange.objects.exists()
    assert callbacks == []
    assert smtp_server.messages == []


def test_the_service_refuses_a_rejection_without_a_reason(
    moderator, new_account_submission, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CensusError, match="Say why"):
        services.reject(submission=new_account_submission, moderator=moderator, reason="")
    assert AccountSubmission.objects.get().status == AccountSubmission.Status.PENDING
    assert smtp_server.messages == []


def test_rejection_emails_the_moderators_reason(
    client, moderator, new_account_submission, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/census/moderation/{new_account_submission.pk}/reject/",
            {"reason": "This account belongs to Springfield Clinic, not the hospital."},
        )
    assert response.status_code == 302

    [email] = smtp_server.wait_for(1)
    assert len(smtp_server.messages) == 1
    assert smtp_server.to(SUBMITTER) == [email]
    assert email["Subject"] == "Your submission for Springfield General Hospital: rejected"
    text = body_text(email).replace("\r\n", "\n")
    assert "Decision: Rejected" in text
    assert "Account: https://x.com/springfieldgen" in text
    assert "The moderator's reason:\nThis account belongs to Springfield Clinic, not the hospital." in text
    assert not SocialAccount.objects.exists()


def test_merging_tells_the_submitter_the_account_was_already_known(
    moderator, hospital, smtp_server, django_capture_on_commit_callbacks
):
    existing = make_account(hospital, "facebook", "springfieldgeneral")
    submission = services.submit(
        hospital=hospital,
        kind="new",
        network=network("facebook"),
        address="facebook.com/springfieldgen-old",
        followers=900,
        email=SUBMITTER,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.merge(submission=submission, moderator=moderator, into=existing)

    [email] = smtp_server.wait_for(1)
    assert f"Account: {existing.url}" in body_text(email)
    assert "already in the census" in body_text(email)


def test_a_second_decision_is_refused_and_sends_nothing_more(
    client, moderator, new_account_submission, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(submission=new_account_submission, moderator=moderator)
    smtp_server.wait_for(1)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(CensusError, match="already approved"):
            services.reject(submission=new_account_submission, moderator=moderator, reason="Changed my mind.")
        with pytest.raises(CensusError, match="already approved"):
            services.approve(submission=new_account_submission, moderator=moderator)
        client.force_login(moderator)
        response = client.post(
            f"/census/moderation/{new_account_submission.pk}/reject/", {"reason": "Again."}
        )
    assert response.status_code == 404  # only pending submissions can be reviewed
    assert callbacks == []
    assert len(smtp_server.messages) == 1
    assert AccountSubmission.objects.get().status == AccountSubmission.Status.APPROVED


def test_a_submission_without_an_address_is_decided_without_an_email(
    moderator, new_account_submission, smtp_server, django_capture_on_commit_callbacks
):
    # The model allows a submission without an address (one made in the admin, say).
    AccountSubmission.objects.filter(pk=new_account_submission.pk).update(email="")
    new_account_submission.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(submission=new_account_submission, moderator=moderator, reason="Duplicate.")
    assert AccountSubmission.objects.get().status == AccountSubmission.Status.REJECTED
    assert smtp_server.messages == []
