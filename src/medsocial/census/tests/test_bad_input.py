"""Bad input is refused with a clear message, and nothing changes."""

import datetime

import pytest
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.census import services
from medsocial.census.errors import CensusError, DuplicateAccount
from medsocial.census.models import AccountChange, AccountSubmission, Observation, SocialAccount

from .factories import make_account, make_hospital, network

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(make_user):
    return make_user(email="mod@example.org", roles=[Role.MODERATOR])


def snapshot():
    return (
        SocialAccount.objects.count(),
        Observation.objects.count(),
        AccountChange.objects.count(),
        AccountSubmission.objects.count(),
    )


def test_handle_for_the_wrong_network_is_refused(moderator):
    hospital = make_hospital()
    before = snapshot()
    with pytest.raises(CensusError, match="not a Facebook address"):
        services.add_account(
            hospital=hospital,
            network=network("facebook"),
            address="https://twitter.com/mayoclinic",
            actor=moderator,
        )
    assert snapshot() == before


def test_url_that_is_not_a_profile_is_refused(moderator):
    hospital = make_hospital()
    before = snapshot()
    with pytest.raises(CensusError, match="not a profile"):
        services.add_account(
            hospital=hospital,
            network=network("youtube"),
            address="https://www.youtube.com/watch?v=xyz",
            actor=moderator,
        )
    assert snapshot() == before


def test_future_observation_date_is_refused(moderator):
    account = make_account(make_hospital())
    before = snapshot()
    with pytest.raises(CensusError, match="future"):
        services.record_observation(
            account=account,
            observed_on=timezone.localdate() + datetime.timedelta(days=1),
            followers=10,
            actor=moderator,
        )
    assert snapshot() == before


def test_negative_followers_are_refused(moderator):
    account = make_account(make_hospital())
    before = snapshot()
    with pytest.raises(CensusError, match="cannot be negative") as caught:
        services.record_observation(
            account=account, observed_on=timezone.localdate(), followers=-5, actor=moderator
        )
    assert caught.value.field == "followers"
    assert snapshot() == before


def test_duplicate_account_is_refused_pointing_at_the_existing_one(moderator):
    first = make_hospital(name="Mayo Clinic Hospital")
    existing = make_account(first, "facebook", "https://www.facebook.com/MayoClinic/")
    before = snapshot()
    for address in ("facebook.com/mayoclinic", "@mayoclinic"):
        with pytest.raises(
            DuplicateAccount, match="already in the census, for Mayo Clinic Hospital"
        ) as caught:
            services.add_account(
                hospital=make_hospital(), network=network("facebook"), address=address, actor=moderator
            )
        assert caught.value.existing == existing
        assert caught.value.status_code == 409
    with pytest.raises(DuplicateAccount):
        services.submit(
            hospital=first,
            kind="new",
            network=network("facebook"),
            address="@MayoClinic",
            email="a@example.org",
        )
    assert snapshot()[:2] == before[:2]
    assert AccountSubmission.objects.count() == before[3]


def test_observation_import_rejects_bad_rows_and_keeps_good_ones(tmp_path):
    account = make_account(make_hospital(), "facebook", "mayoclinic")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    path = tmp_path / "obs.csv"
    path.write_text(
        "network,account,date,followers,following,posts\n"
        "facebook,https://www.facebook.com/MayoClinic/,2024-01-31,1000,,20\n"
        f"facebook,@mayoclinic,{tomorrow.isoformat()},1100,,21\n"
        "facebook,mayoclinic,2024-02-29,-3,,22\n"
        "x,mayoclinic,2024-02-29,10,,1\n"
        "facebook,https://www.facebook.com/groups/1,2024-02-29,10,,1\n"
        "facebook,mayoclinic,2024-02-30,10,,1\n"
        "myspace,mayoclinic,2024-02-29,10,,1\n"
        "facebook,mayoclinic,2024-03-31,1200,,25\n"
    )
    report = services.import_observations(path)
    assert [line for line, _ in report.errors] == [3, 4, 5, 6, 7, 8]
    reasons = dict(report.errors)
    assert "future" in reasons[3] and "negative" in reasons[4] and "not in the census" in reasons[5]
    assert "not a profile" in reasons[6] and "not a date" in reasons[7] and "network" in reasons[8]
    assert report.created == 2
    account.refresh_from_db()
    assert (account.latest_followers, account.latest_observed_on) == (1200, datetime.date(2024, 3, 31))
    again = services.import_observations(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    strict = services.import_observations(path, strict=True)
    assert not strict.committed


def test_a_search_longer_than_any_hospital_name_finds_nothing_instead_of_failing(client):
    make_hospital(name="Lakeview Hospital")
    # SQLite refuses a LIKE pattern over 50,000 bytes; no name is that long, so nothing matches.
    response = client.get("/census/hospitals/", {"q": "Lakeview " * 12_000})
    assert response.status_code == 200
    assert b"Lakeview Hospital" not in response.content
    assert b"Lakeview Hospital" in client.get("/census/hospitals/", {"q": "Lakeview"}).content
