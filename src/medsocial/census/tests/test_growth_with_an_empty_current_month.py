"""Follower growth when the current month has no observation yet: each account's latest count
up to the period's end stands for it (at most 90 days), so the table shows no false −100 %."""

import datetime

import pytest
from django.urls import reverse

from medsocial.census import selectors
from medsocial.census.models import CensusFigure, Hospital, SocialAccount
from medsocial.census.services import recompute_census, refresh_account_stats
from medsocial.testing.plugin import download_rows

from .factories import make_account, make_hospital, observe

pytestmark = pytest.mark.django_db
D = datetime.date
# The 10th of July: nobody has been observed in July yet, the last counts are from June.
AS_OF = D(2025, 7, 10)


@pytest.fixture
def census_before_this_months_counts():
    first = make_account(make_hospital(name="Hospital A"), "facebook", "hospa", first_seen=D(2020, 1, 1))
    observe(first, D(2024, 7, 20), followers=1000)
    observe(first, D(2025, 6, 20), followers=1200)
    second = make_account(make_hospital(name="Hospital B"), "facebook", "hospb", first_seen=D(2020, 1, 1))
    observe(second, D(2024, 6, 25), followers=500)  # a year earlier: June's count carried into July
    observe(second, D(2025, 6, 28), followers=800)
    stale = make_account(make_hospital(name="Hospital C"), "facebook", "hospc", first_seen=D(2020, 1, 1))
    observe(stale, D(2025, 1, 5), followers=9999)  # older than 90 days: left out of July
    refresh_account_stats(SocialAccount.objects.values_list("pk", flat=True))
    recompute_census(as_of=AS_OF)


def month_followers(network: str, period: datetime.date) -> int:
    return CensusFigure.objects.get(dimension="month", key="", network=network, period=period).followers


def test_the_current_month_carries_each_accounts_latest_count(census_before_this_months_counts):
    assert month_followers("facebook", D(2025, 7, 1)) == 1200 + 800
    assert month_followers("facebook", D(2024, 7, 1)) == 1000 + 500
    assert month_followers("", D(2025, 7, 1)) == 2000


def test_growth_table_compares_carried_counts_instead_of_showing_minus_100(census_before_this_months_counts):
    facebook = next(r for r in selectors.census_overview()["growth"] if r["slug"] == "facebook")
    assert facebook["month"] == D(2025, 7, 1)
    assert (facebook["followers"], facebook["followers_before"]) == (2000, 1500)
    assert facebook["followers_growth"] == 33.3


def test_a_count_older_than_the_window_is_not_carried(census_before_this_months_counts):
    # Hospital C's count of 5 January stands until 31 March (85 days), not 30 April (115 days).
    months = [month_followers("facebook", D(2025, month, 1)) for month in (1, 2, 3, 4, 5)]
    assert months == [9999, 9999, 9999, 0, 0]


def test_the_page_says_how_followers_are_counted_and_the_csv_agrees(client, census_before_this_months_counts):
    page = client.get(reverse("census:home")).content.decode()
    assert "carried" in page and "90 days" in page
    assert "2,000" in page and "1,500" in page and "33.3%" in page
    rows = download_rows(client.get(reverse("census:export-figures", args=["csv"])))
    header = rows[0]
    july = next(
        dict(zip(header, row, strict=True))
        for row in rows[1:]
        if row[:4] == ["month", "", "facebook", "2025-07-01"]
    )
    assert int(july["followers"]) == 2000


def test_hospital_growth_uses_the_same_carried_counts(census_before_this_months_counts):
    growth = dict(Hospital.objects.values_list("name", "follower_growth"))
    assert growth == {"Hospital A": 200, "Hospital B": 300, "Hospital C": 0}
