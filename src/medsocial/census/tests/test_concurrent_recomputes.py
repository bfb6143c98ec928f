"""Recomputes that start at the same moment leave exactly one set of figures: each waits for
the one before it (PostgreSQL advisory lock, SQLite's IMMEDIATE transaction) and swaps the
figures in its own transaction."""

import datetime

import pytest

from medsocial.census.models import CensusFigure, CensusRun, SocialAccount
from medsocial.census.services import recompute_census, refresh_account_stats
from medsocial.testing.plugin import run_concurrently

from .factories import make_account, make_hospital, observe

# Racing writers need committed rows and real connections, one per thread.
pytestmark = pytest.mark.django_db(transaction=True)
AS_OF = datetime.date(2025, 7, 10)
RACERS = 6


def figures() -> list[tuple]:
    return list(
        CensusFigure.objects.order_by("dimension", "key", "network", "period").values_list(
            "dimension",
            "key",
            "network",
            "period",
            "hospitals",
            "hospitals_present",
            "accounts_active",
            "followers",
        )
    )


def test_parallel_recomputes_leave_exactly_one_set_of_figures():
    for number in range(8):
        hospital = make_hospital(name=f"Racing Hospital {number}", state="IL" if number % 2 else "WI")
        for slug in ("facebook", "x", "instagram"):
            account = make_account(
                hospital, slug, f"race{slug}{number}", first_seen=datetime.date(2019, 1, 1)
            )
            for month in range(1, 7):
                observe(account, datetime.date(2025, month, 12), followers=100 * number + month)
    refresh_account_stats(SocialAccount.objects.values_list("pk", flat=True))
    recompute_census(as_of=AS_OF)
    one_set = figures()
    assert len(one_set) > 100

    results = run_concurrently(lambda _: recompute_census(as_of=AS_OF), range(RACERS), timeout=180)

    assert [type(r).__name__ for r in results] == ["CensusRun"] * RACERS, results
    assert figures() == one_set
    assert CensusRun.objects.count() == 1
