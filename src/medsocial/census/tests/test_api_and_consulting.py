"""The public API and the reads the consulting app relies on."""

import datetime

import pytest

from medsocial.census.selectors import (
    accounts_for_organization,
    census_url_for_organization,
    metric_series_for_organization,
)
from medsocial.census.services import recompute_census

from .factories import make_account, make_hospital, observe

pytestmark = pytest.mark.django_db


@pytest.fixture
def census(make_organization):
    organization = make_organization(name="Lakeshore Health")
    claimed = make_hospital(name="Lakeshore Main", state="IL", organization=organization)
    second = make_hospital(name="Lakeshore North", state="IL", organization=organization)
    other = make_hospital(name="Prairie Hospital", state="NE")
    a = make_account(claimed, "facebook", "lakeshoremain")
    b = make_account(second, "facebook", "lakeshorenorth")
    c = make_account(other, "facebook", "prairie")
    make_account(claimed, "x", "lakeshore")
    observe(a, datetime.date(2024, 1, 31), followers=100, posts=10)
    observe(b, datetime.date(2024, 1, 31), followers=50, posts=4)
    observe(a, datetime.date(2024, 2, 29), followers=120, posts=12)
    observe(c, datetime.date(2024, 2, 29), followers=999, posts=99)
    recompute_census()
    return organization, claimed


def test_hospitals_endpoint_filters_searches_and_paginates(client, census):
    body = client.get("/api/v1/census/hospitals", {"state": "IL"}).json()
    assert body["count"] == 2 and {h["name"] for h in body["items"]} == {"Lakeshore Main", "Lakeshore North"}
    body = client.get("/api/v1/census/hospitals", {"q": "prairie"}).json()
    assert [h["name"] for h in body["items"]] == ["Prairie Hospital"]
    assert body["items"][0]["accounts_open"] == 1
    body = client.get("/api/v1/census/hospitals", {"network": "x"}).json()
    assert [h["name"] for h in body["items"]] == ["Lakeshore Main"]


def test_hospital_detail_accounts_and_observations(client, census):
    _, claimed = census
    detail = client.get(f"/api/v1/census/hospitals/{claimed.facility_id}").json()
    assert [a["handle"] for a in detail["accounts"]] == ["lakeshore", "lakeshoremain"]
    account_id = next(a["id"] for a in detail["accounts"] if a["network"] == "facebook")
    observations = client.get(f"/api/v1/census/accounts/{account_id}/observations").json()["items"]
    assert [(o["observed_on"], o["followers"]) for o in observations] == [
        ("2024-01-31", 100),
        ("2024-02-29", 120),
    ]
    assert client.get("/api/v1/census/hospitals/NOPE00").status_code == 404
    assert client.get("/api/v1/census/accounts/999999/observations").status_code == 404
    accounts = client.get("/api/v1/census/accounts", {"state": "NE"}).json()["items"]
    assert [a["handle"] for a in accounts] == ["prairie"]


def test_figures_endpoint(client, census):
    items = client.get("/api/v1/census/figures", {"dimension": "overall", "network": ""}).json()["items"]
    assert [(f["hospitals_present"], f["hospitals"]) for f in items] == [(3, 3)]


def test_consulting_reads_the_organizations_accounts_and_series(census):
    organization, claimed = census
    assert {a.handle for a in accounts_for_organization(organization)} == {
        "lakeshoremain",
        "lakeshorenorth",
        "lakeshore",
    }
    series = metric_series_for_organization(organization=organization, network="facebook", metric="followers")
    assert series == [(datetime.date(2024, 1, 31), 150), (datetime.date(2024, 2, 29), 120)]
    assert metric_series_for_organization(organization=organization, network="facebook", metric="posts")[
        0
    ] == (datetime.date(2024, 1, 31), 14)
    assert (
        metric_series_for_organization(organization=organization, network="tiktok", metric="followers") == []
    )
    assert census_url_for_organization(organization) == claimed.get_absolute_url()
    with pytest.raises(ValueError):
        metric_series_for_organization(organization=organization, network="facebook", metric="likes")
