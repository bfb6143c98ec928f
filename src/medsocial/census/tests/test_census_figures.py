"""A hand-built census of 12 hospitals whose figures are known exactly."""

import datetime

import pytest

from medsocial.census import selectors
from medsocial.census.models import CensusFigure, Hospital, SocialAccount
from medsocial.census.services import recompute_census, refresh_account_stats

from .factories import make_account, make_hospital, observe

pytestmark = pytest.mark.django_db
AS_OF = datetime.date(2025, 6, 15)
ACUTE, CRITICAL = "Acute Care Hospitals", "Critical Access Hospitals"
PRIVATE, PUBLIC = "Voluntary non-profit - Private", "Government - Local"
D = datetime.date


@pytest.fixture
def twelve_hospitals():
    h = {}
    layout = (
        [("IL", ACUTE, PRIVATE)] * 3
        + [("IL", CRITICAL, PUBLIC)] * 2
        + [("WI", ACUTE, PRIVATE)] * 2
        + [("WI", ACUTE, PUBLIC)] * 2
        + [("NE", ACUTE, PUBLIC), ("NE", CRITICAL, PRIVATE), ("NE", CRITICAL, PUBLIC)]
    )
    for number, (state, htype, ownership) in enumerate(layout, start=1):
        h[number] = make_hospital(
            name=f"Hospital {number}", state=state, hospital_type=htype, ownership=ownership
        )
    fb1 = make_account(h[1], "facebook", "h1", first_seen=D(2020, 1, 10))
    observe(fb1, D(2024, 6, 10), followers=1000, posts=50)
    observe(fb1, D(2025, 6, 5), followers=1500, posts=80)
    make_account(h[1], "x", "h1", first_seen=D(2019, 5, 1), closed_on=D(2024, 1, 1))
    fb2 = make_account(h[2], "facebook", "h2", first_seen=D(2024, 8, 1))
    observe(fb2, D(2025, 6, 3), followers=100, posts=5)
    make_account(h[2], "instagram", "h2", first_seen=D(2021, 3, 1))  # never active since: dormant
    yt3 = make_account(h[3], "youtube", "@hosp3", first_seen=D(2023, 2, 1))
    observe(yt3, D(2025, 4, 1), posts=10)
    observe(yt3, D(2025, 5, 1), posts=12)
    fb6 = make_account(h[6], "facebook", "h6", first_seen=D(2018, 1, 1))
    observe(fb6, D(2024, 6, 20), followers=2000, posts=300)
    observe(fb6, D(2024, 6, 28), followers=2050, posts=301)  # the month's last observation counts
    observe(fb6, D(2025, 6, 1), followers=2400, posts=350)
    make_account(h[7], "x", "h7", first_seen=D(2015, 1, 1), closed_on=D(2022, 5, 1))
    make_account(h[10], "linkedin", "h10", first_seen=D(2025, 1, 15))
    refresh_account_stats(SocialAccount.objects.values_list("pk", flat=True))
    recompute_census(as_of=AS_OF)
    return h


def figure(dimension, key="", network="", period=None):
    return CensusFigure.objects.get(dimension=dimension, key=key, network=network, period=period)


def test_headline_is_five_of_twelve_with_active_dormant_and_closed_apart(twelve_hospitals):
    overall = figure("overall")
    assert (overall.hospitals_present, overall.hospitals) == (5, 12)
    assert (overall.accounts_active, overall.accounts_dormant, overall.accounts_closed) == (5, 1, 2)
    assert overall.followers == 1500 + 100 + 2400


def test_per_network(twelve_hospitals):
    present = {f.key: f.hospitals_present for f in CensusFigure.objects.filter(dimension="network")}
    assert present == {
        "facebook": 3,
        "x": 0,
        "instagram": 1,
        "youtube": 1,
        "linkedin": 1,
        "tiktok": 0,
        "threads": 0,
        "bluesky": 0,
        "mastodon": 0,
        "pinterest": 0,
        "blog": 0,
        "podcast": 0,
    }
    assert figure("network", "x", "x").accounts_closed == 2
    assert figure("network", "instagram", "instagram").accounts_dormant == 1


def test_per_state_type_and_ownership(twelve_hospitals):
    by_state = {
        f.key: (f.hospitals_present, f.hospitals)
        for f in CensusFigure.objects.filter(dimension="state", network="")
    }
    assert by_state == {"IL": (3, 5), "WI": (1, 4), "NE": (1, 3)}
    assert figure("state", "IL", "facebook").hospitals_present == 2
    by_type = {
        f.key: (f.hospitals_present, f.hospitals)
        for f in CensusFigure.objects.filter(dimension="hospital_type", network="")
    }
    assert by_type == {ACUTE: (5, 8), CRITICAL: (0, 4)}
    by_owner = {
        f.key: (f.hospitals_present, f.hospitals)
        for f in CensusFigure.objects.filter(dimension="ownership", network="")
    }
    assert by_owner == {PRIVATE: (4, 6), PUBLIC: (1, 6)}


def test_year_over_year_growth_per_network(twelve_hospitals):
    growth = {row["slug"]: row for row in selectors.census_overview()["growth"]}
    facebook = growth["facebook"]
    assert (facebook["accounts"], facebook["accounts_before"], facebook["accounts_growth"]) == (3, 2, 50.0)
    assert (facebook["followers"], facebook["followers_before"], facebook["followers_growth"]) == (
        4000,
        3050,
        31.1,
    )
    assert (growth["x"]["accounts"], growth["x"]["accounts_before"], growth["x"]["accounts_growth"]) == (
        0,
        0,
        None,
    )
    assert growth["instagram"]["accounts_growth"] == 0.0
    assert growth["linkedin"]["accounts_growth"] is None  # nothing a year earlier


def test_monthly_and_yearly_series(twelve_hospitals):
    assert figure("month", period=D(2019, 6, 1)).hospitals_present == 3  # H6 Facebook, H1 and H7 on X
    assert figure("month", period=D(2025, 6, 1)).hospitals_present == 5
    assert figure("month", network="x", period=D(2023, 12, 1)).accounts_active == 1
    assert (
        figure("month", network="x", period=D(2024, 1, 1)).accounts_active == 1
    )  # closed 1 Jan: counted to the month's end
    assert figure("month", network="x", period=D(2024, 2, 1)).accounts_active == 0
    assert figure("year", "2024", "facebook", D(2024, 1, 1)).accounts_opened == 1
    assert figure("year", "2025", "", D(2025, 1, 1)).accounts_opened == 1


def test_hospital_standing_and_top_movers(twelve_hospitals):
    h1 = Hospital.objects.get(pk=twelve_hospitals[1].pk)
    assert (h1.account_count, h1.total_followers, h1.follower_growth) == (1, 1500, 500)
    h6 = Hospital.objects.get(pk=twelve_hospitals[6].pk)
    assert (h6.total_followers, h6.follower_growth) == (2400, 350)
    assert [h.name for h in selectors.top_movers()] == ["Hospital 1", "Hospital 6", "Hospital 2"]


def test_peer_ranks(twelve_hospitals):
    h2 = Hospital.objects.get(pk=twelve_hospitals[2].pk)
    ranks = {r["code"]: (r["rank"], r["of"]) for r in selectors.peer_ranks(h2)}
    assert ranks == {"state": (2, 5), "type": (3, 8)}


def test_recompute_twice_gives_the_same_figures(twelve_hospitals):
    before = list(
        CensusFigure.objects.values_list(
            "dimension", "key", "network", "period", "hospitals_present", "accounts_active", "followers"
        ).order_by("dimension", "key", "network", "period")
    )
    recompute_census(as_of=AS_OF)
    after = list(
        CensusFigure.objects.values_list(
            "dimension", "key", "network", "period", "hospitals_present", "accounts_active", "followers"
        ).order_by("dimension", "key", "network", "period")
    )
    assert before == after
