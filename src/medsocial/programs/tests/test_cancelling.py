"""Cancelling ends a membership at once: member prices stop and an unpaid invoice is void."""

import pytest

from medsocial.programs import services
from medsocial.programs.errors import MembershipError, ProgramsNotAllowed
from medsocial.programs.models import DuesInvoice, Membership
from medsocial.programs.selectors import has_member_prices
from medsocial.programs.tests.factories import make_membership, make_plan

pytestmark = pytest.mark.django_db


def test_cancelling_ends_member_prices_at_once(make_user):
    person = make_user()
    membership = make_membership(user=person)
    services.cancel(membership=membership, by=person)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.CANCELLED
    assert not has_member_prices(person)


def test_cancelling_voids_the_invoice_awaiting_payment(make_user):
    person = make_user()
    membership = services.join(plan=make_plan(), by=person)
    services.cancel(membership=membership, by=person)
    assert membership.invoices.get().status == DuesInvoice.Status.VOID


def test_a_person_may_join_again_after_cancelling(make_user):
    person = make_user()
    services.cancel(membership=make_membership(user=person), by=person)
    again = services.join(plan=make_plan(), by=person)
    assert again.status == Membership.Status.AWAITING_PAYMENT


def test_someone_else_cannot_cancel_and_a_second_cancel_is_refused(make_user):
    person = make_user()
    membership = make_membership(user=person)
    with pytest.raises(ProgramsNotAllowed):
        services.cancel(membership=membership, by=make_user())
    assert has_member_prices(person)
    services.cancel(membership=membership, by=person)
    with pytest.raises(MembershipError, match="already cancelled"):
        services.cancel(membership=membership, by=person)


def test_a_staff_member_cannot_cancel_the_organizations_membership(nurse, org_admin, hospital):
    membership = make_membership(organization=hospital, covering=[nurse])
    with pytest.raises(ProgramsNotAllowed):
        services.cancel(membership=membership, by=nurse)
    services.cancel(membership=membership, by=org_admin)
    assert not has_member_prices(nurse)
