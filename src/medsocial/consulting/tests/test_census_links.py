"""Where the census lists an organization's hospital, the request form and the engagement
pages link to it and show its accounts."""

import datetime

import pytest
from django.urls import reverse

from medsocial.consulting.tests.factories import make_engagement

pytestmark = pytest.mark.django_db

from medsocial.census import models as census  # noqa: E402


@pytest.fixture
def census_entry(client_org):
    hospital = census.Hospital.objects.create(
        facility_id="140999",
        name="Lakeview Hospital",
        name_key="lakeviewhospital",
        city="Evanston",
        state="IL",
        organization=client_org,
    )
    census.SocialAccount.objects.create(
        hospital=hospital,
        network=census.Network.objects.get(slug="facebook"),
        handle="lakeviewhospital",
        url="https://www.facebook.com/lakeviewhospital",
        first_seen=datetime.date(2015, 3, 1),
    )
    return hospital


def test_the_request_form_shows_the_organizations_census_accounts(client, client_admin, census_entry):
    client.force_login(client_admin)
    page = client.get(reverse("consulting:request")).content.decode()
    assert f'<a href="{census_entry.get_absolute_url()}">Lakeview Hospital (Evanston, IL)</a>' in page
    assert "https://www.facebook.com/lakeviewhospital" in page


def test_staff_and_the_workspace_link_the_request_to_the_census_entry(
    client, client_org, client_admin, site_admin, census_entry
):
    engagement = make_engagement(organization=client_org, requested_by=client_admin)
    for person, url in (
        (site_admin, reverse("consulting:staff-engagement", args=[engagement.pk])),
        (client_admin, engagement.get_absolute_url()),
    ):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert f'In the census: <a href="{census_entry.get_absolute_url()}">' in page


def test_no_census_entry_no_link(client, client_admin):
    client.force_login(client_admin)
    assert "In the census" not in client.get(reverse("consulting:request")).content.decode()


def test_a_kpi_imports_the_census_observations_of_the_organizations_account(
    client_member, engagement, census_entry
):
    """The real census selector behind "Import from the census", end to end."""
    from datetime import timedelta

    from django.utils import timezone

    from medsocial.census.services.accounts import record_observation
    from medsocial.consulting import services
    from medsocial.consulting.tests.factories import make_goal, make_kpi

    account = census_entry.accounts.get()
    today = timezone.localdate()
    for days_ago, followers in ((90, 8000), (40, 8300), (10, 8650)):
        record_observation(
            account=account,
            observed_on=today - timedelta(days=days_ago),
            followers=followers,
            check_permission=False,
        )
    kpi = make_kpi(
        make_goal(engagement),
        channel="facebook",
        baseline=8100,
        target=10000,
        baseline_on=today - timedelta(days=60),
    )
    assert services.sync_kpi_from_census(kpi=kpi, actor=client_member) == (2, 0)
    assert services.sync_kpi_from_census(kpi=kpi, actor=client_member) == (0, 0)
    assert [int(v) for v in kpi.measurements.values_list("value", flat=True)] == [8300, 8650]
    posts = make_kpi(make_goal(engagement), metric="posts", channel="instagram", baseline=10, target=20)
    assert services.sync_kpi_from_census(kpi=posts) == (0, 0)  # no Instagram account in the census


def test_the_daily_census_import_fills_the_kpis_of_active_engagements(engagement, census_entry):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from medsocial.census.services.accounts import record_observation
    from medsocial.consulting.tests.factories import make_goal, make_kpi

    today = timezone.localdate()
    record_observation(
        account=census_entry.accounts.get(),
        observed_on=today - timedelta(days=3),
        followers=9100,
        check_permission=False,
    )
    kpi = make_kpi(make_goal(engagement), channel="facebook", baseline_on=today - timedelta(days=30))
    call_command("consulting-sync-census", stdout=open("/dev/null", "w"))
    assert [int(v) for v in kpi.measurements.values_list("value", flat=True)] == [9100]
