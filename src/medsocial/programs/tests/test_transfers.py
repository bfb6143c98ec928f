"""An organization admin transfers points from the organization's wallet to a staff member.
Transfers beyond the balance, to outsiders, by anyone else, or of bad amounts are refused with
a message naming the field, and no points move."""

import pytest

from medsocial.programs import services
from medsocial.programs.errors import ProgramsNotAllowed, WalletError
from medsocial.programs.models import LedgerEntry, Wallet
from medsocial.programs.selectors import ledger_sum, points_balance
from medsocial.programs.tests.factories import fund

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_wallet(hospital):
    return fund(hospital, 1000)


def _unchanged(org_wallet, nurse):
    org_wallet.refresh_from_db()
    assert org_wallet.balance == 1000 == ledger_sum(org_wallet)
    assert points_balance(nurse) == 0
    assert not LedgerEntry.objects.filter(kind__startswith="transfer").exists()


def test_a_transfer_moves_points_with_an_entry_on_each_side(org_wallet, hospital, org_admin, nurse):
    out = services.transfer(
        organization=hospital, email="Chris@Lakeshore.org", points="250", by=org_admin, memo="Summit"
    )
    org_wallet.refresh_from_db()
    assert org_wallet.balance == 750 == ledger_sum(org_wallet)
    assert points_balance(nurse) == 250
    received = LedgerEntry.objects.get(kind=LedgerEntry.Kind.TRANSFER_IN)
    assert (out.amount, received.amount) == (-250, 250)
    assert received.counterpart == org_wallet and out.counterpart == received.wallet
    assert received.memo == "Summit" and received.created_by == org_admin


def test_a_transfer_beyond_the_balance_is_refused(org_wallet, hospital, org_admin, nurse):
    with pytest.raises(WalletError) as refused:
        services.transfer(organization=hospital, email=nurse.email, points=1001, by=org_admin)
    assert refused.value.field == "points" and "1,000 available" in refused.value.message
    _unchanged(org_wallet, nurse)


@pytest.mark.parametrize("points", ["-10", "2.5", "0", "lots"])
def test_negative_fractional_or_non_numeric_points_are_refused(
    org_wallet, hospital, org_admin, nurse, points
):
    with pytest.raises(WalletError) as refused:
        services.transfer(organization=hospital, email=nurse.email, points=points, by=org_admin)
    assert refused.value.field == "points"
    _unchanged(org_wallet, nurse)


def test_points_go_only_to_members_of_the_organization(org_wallet, hospital, org_admin, nurse, make_user):
    outsider = make_user(email="stranger@gmail.com")
    with pytest.raises(WalletError) as refused:
        services.transfer(organization=hospital, email=outsider.email, points=10, by=org_admin)
    assert refused.value.field == "email"
    assert not Wallet.objects.filter(user=outsider, balance__gt=0).exists()
    _unchanged(org_wallet, nurse)


def test_a_staff_member_cannot_move_the_organizations_points(org_wallet, hospital, nurse):
    with pytest.raises(ProgramsNotAllowed):
        services.transfer(organization=hospital, email=nurse.email, points=10, by=nurse)
    _unchanged(org_wallet, nurse)


def test_the_admin_of_another_organization_cannot_move_its_points(
    org_wallet, hospital, nurse, make_user, make_organization
):
    from medsocial.accounts.models import Membership as OrganizationRole

    other_admin = make_user(organization=make_organization(), org_role=OrganizationRole.Role.ADMIN)
    with pytest.raises(ProgramsNotAllowed):
        services.transfer(organization=hospital, email=nurse.email, points=10, by=other_admin)
    _unchanged(org_wallet, nurse)
