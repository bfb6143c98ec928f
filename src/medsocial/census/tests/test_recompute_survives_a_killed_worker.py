"""A worker killed in the middle of a census recompute: readers keep the previous figures whole,
and a new worker runs the recompute again to the same figures a clean recompute gives, with no
step by an operator."""

import datetime
import signal

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.census.models import CensusFigure, CensusRun, Hospital, SocialAccount
from medsocial.census.services import recompute_census, refresh_account_stats
from medsocial.census.services.recompute import FIGURE_COLUMNS
from medsocial.census.tasks import recompute_census_task
from medsocial.testing.plugin import wait_until

from .factories import make_account, make_hospital, observe

pytestmark = pytest.mark.slow


def census_state() -> tuple[list[tuple], list[tuple], list[datetime.date]]:
    """Every stored figure, every hospital's standing and the recorded runs' dates."""
    figures = list(
        CensusFigure.objects.order_by("dimension", "key", "network", "period").values_list(*FIGURE_COLUMNS)
    )
    standing = list(
        Hospital.objects.order_by("pk").values_list(
            "pk", "account_count", "total_followers", "follower_growth"
        )
    )
    return figures, standing, list(CensusRun.objects.values_list("as_of", flat=True))


def _months_ago(today: datetime.date, months: int) -> datetime.date:
    index = today.year * 12 + today.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 10)


def _hospitals_with_a_year_of_counts(today: datetime.date) -> list[SocialAccount]:
    accounts = []
    for number in range(6):
        hospital = make_hospital(name=f"Lakeside Clinic {number}", state="MN" if number % 2 else "WI")
        for slug in ("facebook", "instagram"):
            account = make_account(
                hospital, slug, f"lakeside{slug}{number}", first_seen=_months_ago(today, 30)
            )
            for months in range(14, 0, -1):
                observe(account, _months_ago(today, months), followers=1000 * number + 50 * (14 - months))
            accounts.append(account)
    refresh_account_stats([a.pk for a in accounts])
    return accounts


def test_a_recompute_killed_half_written_is_rolled_back_and_completed_by_the_next_worker(start_worker):
    today = timezone.localdate()
    accounts = _hospitals_with_a_year_of_counts(today)
    recompute_census()
    # New counts arrive (an import): the recompute they start gives different figures.
    for account in accounts[::2]:
        observe(account, today, followers=99_000)
    newcomer = make_account(make_hospital(name="Hôpital Saint-Éloi", state="MN"), "x", "eloi")
    observe(newcomer, today, followers=321)
    refresh_account_stats([*(a.pk for a in accounts[::2]), newcomer.pk])
    before = census_state()
    result = recompute_census_task.enqueue()

    first = start_worker(lease=1, pause_at="census-figures-replaced")
    wait_until(first.pause_file.exists, message="the recompute to reach its half-written point")
    assert census_state() == before  # readers see the old figures while the new ones are half written
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING
    assert census_state() == before  # the dead transaction left nothing behind

    second = start_worker(lease=1)
    wait_until(
        lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL,
        timeout=60,
        message="the recompute to succeed on the second worker",
    )
    second.terminate()
    recovered = census_state()
    assert len(DBTaskResult.objects.get(pk=result.id).worker_ids) == 2
    assert recovered != before

    recompute_census()  # a clean recompute of the same rows
    assert census_state() == recovered
    assert len(recovered[2]) == 1  # one recorded run, no leftover from the killed one
    assert Hospital.objects.get(pk=newcomer.hospital_id).total_followers == 321
