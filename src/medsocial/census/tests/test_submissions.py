"""Submissions, moderation and direct edits by a claiming organization's admins, with history."""

import datetime

import pytest
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.census import services
from medsocial.census.errors import CensusError, CensusNotAllowed
from medsocial.census.models import AccountChange, AccountSubmission, SocialAccount

from .factories import make_account, make_hospital, network

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(make_user):
    return make_user(email="mod@example.org", roles=[Role.MODERATOR])


def test_anonymous_submission_needs_an_email():
    hospital = make_hospital()
    with pytest.raises(CensusError, match="email"):
        services.submit(hospital=hospital, kind="new", network=network("x"), address="@springfieldgen")
    submission = services.submit(
        hospital=hospital,
        kind="new",
        network=network("x"),
        address="@springfieldgen",
        email="fan@example.org",
    )
    assert submission.status == AccountSubmission.Status.PENDING
    assert submission.address == "https://x.com/springfieldgen"


def test_approving_a_new_account_creates_it_verified_with_history(
    moderator, django_capture_on_commit_callbacks
):
    hospital = make_hospital()
    submission = services.submit(
        hospital=hospital,
        kind="new",
        network=network("x"),
        address="@springfieldgen",
        followers=321,
        email="fan@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        account = services.approve(submission=submission, moderator=moderator)
    assert (account.handle, account.verified_by, account.latest_followers) == (
        "springfieldgen",
        moderator,
        321,
    )
    submission.refresh_from_db()
    assert (submission.status, submission.reviewed_by, submission.account) == ("approved", moderator, account)
    assert list(
        AccountChange.objects.filter(account=account).values_list("action", flat=True).order_by("pk")
    ) == ["created", "observed"]
    hospital.refresh_from_db()
    assert hospital.account_count == 1  # the census was recomputed after the approval
    with pytest.raises(CensusError, match="already approved"):
        services.approve(submission=submission, moderator=moderator)


def test_rejecting_needs_a_reason_and_keeps_it(moderator):
    submission = services.submit(
        hospital=make_hospital(), kind="new", network=network("x"), address="@abc", email="f@example.org"
    )
    with pytest.raises(CensusError, match="Say why"):
        services.reject(submission=submission, moderator=moderator, reason=" ")
    services.reject(submission=submission, moderator=moderator, reason="Not this hospital's account.")
    submission.refresh_from_db()
    assert (submission.status, submission.reason) == ("rejected", "Not this hospital's account.")
    assert not SocialAccount.objects.exists()


def test_merging_records_the_figures_on_the_existing_account(moderator):
    hospital = make_hospital()
    existing = make_account(hospital, "facebook", "springfieldgeneral")
    submission = services.submit(
        hospital=hospital,
        kind="new",
        network=network("facebook"),
        address="facebook.com/springfieldgen-old",
        followers=900,
        email="f@example.org",
    )
    services.merge(submission=submission, moderator=moderator, into=existing)
    existing.refresh_from_db()
    assert existing.latest_followers == 900
    assert AccountSubmission.objects.get().status == "merged"
    assert SocialAccount.objects.count() == 1


def test_closed_account_submission_closes_it_when_approved(moderator):
    hospital = make_hospital()
    account = make_account(hospital, "x", "springfieldgen")
    closed_on = timezone.localdate() - datetime.timedelta(days=3)
    submission = services.submit(
        hospital=hospital,
        kind="closed",
        network=network("x"),
        account=account,
        closed_on=closed_on,
        email="f@example.org",
    )
    services.approve(submission=submission, moderator=moderator)
    account.refresh_from_db()
    assert account.closed_on == closed_on
    change = AccountChange.objects.get(action="closed")
    assert (change.before["closed_on"], change.after["closed_on"]) == (None, closed_on.isoformat())


def test_only_moderators_review(make_user):
    submission = services.submit(
        hospital=make_hospital(), kind="new", network=network("x"), address="@abc", email="f@example.org"
    )
    with pytest.raises(CensusNotAllowed):
        services.approve(submission=submission, moderator=make_user(email="someone@example.org"))


def test_admin_of_the_claiming_organization_edits_directly(make_user, make_organization):
    organization = make_organization(name="Springfield Health")
    hospital = make_hospital(organization=organization)
    admin = make_user(email="admin@example.org", organization=organization, org_role="admin")
    member = make_user(email="member@example.org", organization=organization, org_role="member")
    outsider_admin = make_user(
        email="other@example.org", organization=make_organization(name="Other"), org_role="admin"
    )
    account = services.add_account(
        hospital=hospital, network=network("instagram"), address="instagram.com/springfield", actor=admin
    )
    assert account.verified_by is None
    for person in (member, outsider_admin):
        with pytest.raises(CensusNotAllowed):
            services.add_account(
                hospital=hospital, network=network("tiktok"), address="@springfield", actor=person
            )
        with pytest.raises(CensusNotAllowed):
            services.update_account(account=account, actor=person, closed_on=timezone.localdate())
    services.update_account(
        account=account, actor=admin, address="https://www.instagram.com/springfieldhealth/"
    )
    account.refresh_from_db()
    assert account.handle == "springfieldhealth"
    change = AccountChange.objects.filter(action="updated").get()
    assert (change.actor, change.before["handle"], change.after["handle"]) == (
        admin,
        "springfield",
        "springfieldhealth",
    )
