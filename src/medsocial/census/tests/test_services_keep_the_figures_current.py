"""The services that change accounts and observations queue the recompute themselves, so a
page, the API and the command line all leave current figures; a moderation decision that
changes several things queues it once."""

import datetime

import pytest
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.census import services
from medsocial.census.models import CensusFigure
from medsocial.census.tasks import recompute_census_task

from .factories import make_account, make_hospital, network

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(make_user):
    return make_user(email="mod@example.org", roles=[Role.MODERATOR])


def recomputes(callbacks) -> int:
    return sum(1 for callback in callbacks if getattr(callback, "__self__", None) is recompute_census_task)


def overall_followers() -> int:
    return CensusFigure.objects.get(dimension="overall", key="", network="").followers


def test_recording_figures_through_the_service_recomputes_after_commit(
    django_capture_on_commit_callbacks, moderator
):
    account = make_account(make_hospital(), "facebook", "direct")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.record_observation(
            account=account, observed_on=timezone.localdate(), followers=42, actor=moderator
        )
    assert recomputes(callbacks) == 1
    assert overall_followers() == 42


def test_adding_and_closing_an_account_recompute(django_capture_on_commit_callbacks, moderator):
    hospital = make_hospital()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        account = services.add_account(
            hospital=hospital,
            network=network("x"),
            address="@added",
            actor=moderator,
            followers=7,
            first_seen=timezone.localdate() - datetime.timedelta(days=30),
        )
    assert recomputes(callbacks) == 1 and overall_followers() == 7
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.update_account(
            account=account, actor=moderator, closed_on=timezone.localdate() - datetime.timedelta(days=1)
        )
    assert recomputes(callbacks) == 1
    assert CensusFigure.objects.get(dimension="overall", key="", network="").accounts_closed == 1


def test_approving_a_new_account_with_followers_recomputes_once(
    django_capture_on_commit_callbacks, moderator
):
    submission = services.submit(
        hospital=make_hospital(),
        kind="new",
        network=network("x"),
        address="@proposed",
        followers=30,
        email="a@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.approve(submission=submission, moderator=moderator)
    assert recomputes(callbacks) == 1
    assert overall_followers() == 30
