"""The admin shows wallets and the ledger but never lets anyone edit or delete an entry."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.programs.models import LedgerEntry
from medsocial.programs.tests.factories import fund

pytestmark = pytest.mark.django_db


def test_site_admins_read_the_ledger_and_cannot_change_it(client, make_user, nurse):
    wallet = fund(nurse, 30)
    entry = LedgerEntry.objects.get()
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    assert client.get(f"/admin/programs/wallet/{wallet.pk}/change/").status_code == 200
    assert client.get("/admin/programs/ledgerentry/").status_code == 200
    assert client.post(f"/admin/programs/ledgerentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/programs/wallet/{wallet.pk}/change/", {"balance": 999}).status_code == 403
    assert client.get("/admin/programs/ledgerentry/add/").status_code == 403
    wallet.refresh_from_db()
    assert wallet.balance == 30 and LedgerEntry.objects.count() == 1
