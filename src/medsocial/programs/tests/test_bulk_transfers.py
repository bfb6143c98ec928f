"""A CSV of transfers (email, points, memo) moves all its points or none: any bad row, or a
total beyond the organization's balance, refuses the file and lists every problem by line."""

import pytest

from medsocial.core.csv_import import CsvFileError
from medsocial.programs import services
from medsocial.programs.models import LedgerEntry
from medsocial.programs.selectors import ledger_sum, points_balance
from medsocial.programs.tests.factories import fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user, hospital):
    return [make_user(email=f"staff{i}@lakeshore.org", organization=hospital) for i in range(3)]


def test_a_good_file_transfers_every_row(hospital, org_admin, staff):
    wallet = fund(hospital, 500)
    data = "email,points,memo\nstaff0@lakeshore.org,100,Summit\nSTAFF1@lakeshore.org,50,\nstaff2@lakeshore.org,25,Webinar\n"
    entries = services.bulk_transfer(organization=hospital, source=data.encode(), by=org_admin)
    assert len(entries) == 3
    assert [points_balance(p) for p in staff] == [100, 50, 25]
    wallet.refresh_from_db()
    assert wallet.balance == 325 == ledger_sum(wallet)


def test_one_bad_row_refuses_the_whole_file_listing_each_problem(hospital, org_admin, staff, make_user):
    wallet = fund(hospital, 500)
    make_user(email="outsider@gmail.com")
    data = (
        "email,points\n"
        "staff0@lakeshore.org,100\n"
        "outsider@gmail.com,10\n"
        "staff1@lakeshore.org,-5\n"
        "staff2@lakeshore.org,1.5\n"
    )
    with pytest.raises(services.BulkTransferRefused) as refused:
        services.bulk_transfer(organization=hospital, source=data.encode(), by=org_admin)
    assert [line for line, _ in refused.value.problems] == [3, 4, 5]
    assert refused.value.field == "file" and "Nothing was transferred" in refused.value.message
    assert [points_balance(p) for p in staff] == [0, 0, 0]
    wallet.refresh_from_db()
    assert wallet.balance == 500
    assert not LedgerEntry.objects.filter(kind__startswith="transfer").exists()


def test_a_file_beyond_the_balance_moves_nothing(hospital, org_admin, staff):
    fund(hospital, 100)
    data = "email,points\nstaff0@lakeshore.org,60\nstaff1@lakeshore.org,60\n"
    with pytest.raises(
        services.BulkTransferRefused, match="transfers 120 points but the organization has 100"
    ):
        services.bulk_transfer(organization=hospital, source=data.encode(), by=org_admin)
    assert [points_balance(p) for p in staff] == [0, 0, 0]


def test_a_file_without_the_columns_is_refused_naming_them(hospital, org_admin):
    fund(hospital, 100)
    with pytest.raises(CsvFileError, match="missing columns points"):
        services.bulk_transfer(organization=hospital, source=b"email\nstaff0@lakeshore.org\n", by=org_admin)


def test_only_an_admin_of_the_organization_can_send_a_file(hospital, staff):
    from medsocial.programs.errors import ProgramsNotAllowed

    fund(hospital, 100)
    with pytest.raises(ProgramsNotAllowed):
        services.bulk_transfer(
            organization=hospital, source=b"email,points\nstaff0@lakeshore.org,5\n", by=staff[1]
        )
    assert points_balance(staff[0]) == 0
