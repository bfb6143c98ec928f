"""Generated demo data never passes as measured: every observation says where it came from,
and while any generated row exists the census pages, exports and API say so."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.census import demo, services
from medsocial.census.models import Observation, SocialAccount
from medsocial.census.services import recompute_census
from medsocial.testing.plugin import download_rows

from .factories import make_account, make_hospital, observe

pytestmark = pytest.mark.django_db
NOTICE = "Demo data"


def census_pages(hospital) -> list[str]:
    return [
        reverse("census:home"),
        reverse("census:list"),
        reverse("census:hospital", args=[hospital.facility_id]),
        reverse("census:exports"),
    ]


@pytest.fixture
def measured_hospital():
    hospital = make_hospital(name="Measured Hospital")
    observe(make_account(hospital, "facebook", "measured"), datetime.date(2025, 5, 1), followers=10)
    return hospital


def test_the_demo_marks_what_it_generated():
    demo.load(small=True)
    assert not SocialAccount.objects.filter(is_generated=False).exists()
    assert set(Observation.objects.values_list("source", flat=True)) == {"generated"}


def test_observations_say_whether_they_were_imported_or_submitted(tmp_path, make_user):
    moderator = make_user(email="mod@example.org", roles=[Role.MODERATOR])
    account = make_account(make_hospital(), "facebook", "sourced")
    typed = services.record_observation(
        account=account, observed_on=timezone.localdate(), followers=5, actor=moderator
    )
    path = tmp_path / "obs.csv"
    path.write_text("network,account,date,followers\nfacebook,sourced,2024-01-31,4\n")
    services.import_observations(path)
    sources = dict(Observation.objects.values_list("observed_on", "source"))
    assert sources == {typed.observed_on: "submitted", datetime.date(2024, 1, 31): "imported"}


def test_measured_data_shows_no_notice(client, measured_hospital):
    recompute_census()
    for url in census_pages(measured_hospital):
        assert NOTICE not in client.get(url).content.decode(), url
    assert "X-Data-Notice" not in client.get("/api/v1/census/figures")
    assert client.get("/api/v1/census/notice").json()["demo_data"] is False


def test_one_generated_row_puts_the_notice_on_pages_exports_and_api(client, measured_hospital):
    generated = make_account(make_hospital(name="Real Name Hospital"), "x", "invented", is_generated=True)
    observe(generated, datetime.date(2025, 5, 1), followers=99, source=Observation.Source.GENERATED)
    recompute_census()

    for url in census_pages(measured_hospital):
        assert NOTICE in client.get(url).content.decode(), url
    hospital_page = client.get(reverse("census:hospital", args=[generated.hospital.facility_id])).content
    assert b"generated demo account" in hospital_page

    for name in ("export-hospitals", "export-figures"):
        response = client.get(reverse(f"census:{name}", args=["csv"]))
        assert response["X-Data-Notice"].startswith(NOTICE)
        rows = download_rows(response)
        assert rows[0][-1] == "data_note" and all(row[-1].startswith(NOTICE) for row in rows[1:])
        assert client.get(reverse(f"census:{name}", args=["json"])).json()["notice"].startswith(NOTICE)

    for url in ("/api/v1/census/figures", "/api/v1/census/hospitals", "/api/v1/census/accounts"):
        assert client.get(url)["X-Data-Notice"].startswith(NOTICE), url
    accounts = client.get("/api/v1/census/accounts").json()["items"]
    assert {a["handle"]: a["generated"] for a in accounts} == {"measured": False, "invented": True}
    observations = client.get(f"/api/v1/census/accounts/{generated.pk}/observations").json()["items"]
    assert [o["source"] for o in observations] == ["generated"]
    assert client.get("/api/v1/census/notice").json()["demo_data"] is True


def test_an_unknown_source_is_refused_by_the_database():
    from django.db import IntegrityError, transaction

    account = make_account(make_hospital(), "facebook", "nosource")
    with pytest.raises(IntegrityError), transaction.atomic():
        observe(account, datetime.date(2025, 1, 1), followers=1, source="")


def test_the_notice_goes_at_once_when_an_import_replaces_the_last_generated_row(
    client, measured_hospital, tmp_path
):
    from medsocial.census import selectors

    account = make_account(make_hospital(name="Lakeview Hospital"), "facebook", "lakeview")
    observe(account, datetime.date(2025, 6, 30), followers=40, source=Observation.Source.GENERATED)
    assert selectors.demo_notice().startswith(NOTICE)
    assert NOTICE in client.get(reverse("census:list")).content.decode()

    # The import writes in bulk (no signals); the notice must not wait for its minute to pass.
    path = tmp_path / "obs.csv"
    path.write_text("network,account,date,followers\nfacebook,lakeview,2025-06-30,41\n")
    services.import_observations(path)

    assert not Observation.objects.filter(source=Observation.Source.GENERATED).exists()
    assert selectors.demo_notice() == ""
    assert NOTICE not in client.get(reverse("census:list")).content.decode()
    assert client.get("/api/v1/census/hospitals").get("X-Data-Notice") is None
