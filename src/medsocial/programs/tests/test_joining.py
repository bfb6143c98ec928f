"""Joining a plan issues the first year's invoice; the membership is in force once it is paid.
Joining twice, for an organization one does not run, or with the wrong kind of plan is refused
and changes nothing."""

from decimal import Decimal

import pytest

from medsocial.programs import services
from medsocial.programs.errors import MembershipConflict, MembershipError, ProgramsNotAllowed
from medsocial.programs.models import DuesInvoice, Membership, Plan
from medsocial.programs.selectors import has_member_prices
from medsocial.programs.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_joining_issues_an_invoice_and_awaits_payment(make_user):
    person = make_user()
    plan = make_plan(yearly_dues=Decimal("95"))
    membership = services.join(plan=plan, by=person)
    assert membership.user == person and membership.status == Membership.Status.AWAITING_PAYMENT
    invoice = membership.invoices.get()
    assert (invoice.amount, invoice.status) == (Decimal("95"), DuesInvoice.Status.PENDING)
    assert (invoice.period_end - invoice.period_start).days in (364, 365)
    assert not has_member_prices(person)


def test_a_free_plan_is_in_force_at_once(make_user):
    person = make_user()
    membership = services.join(plan=make_plan(yearly_dues=Decimal("0")), by=person)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert has_member_prices(person)


def test_joining_twice_is_refused_and_changes_nothing(make_user):
    person = make_user()
    services.join(plan=make_plan(), by=person)
    with pytest.raises(MembershipConflict) as refused:
        services.join(plan=make_plan(), by=person)
    assert refused.value.field == "plan" and "already hold" in refused.value.message
    assert Membership.objects.filter(user=person).count() == 1
    assert DuesInvoice.objects.filter(membership__user=person).count() == 1


def test_an_organization_admin_joins_for_the_organization(org_admin, hospital):
    plan = make_plan(kind=Plan.Kind.ORGANIZATION, seats=10)
    membership = services.join(plan=plan, by=org_admin, organization=hospital)
    assert membership.organization == hospital and membership.user is None


def test_a_staff_member_who_is_not_admin_cannot_join_for_the_organization(nurse, hospital):
    plan = make_plan(kind=Plan.Kind.ORGANIZATION)
    with pytest.raises(ProgramsNotAllowed):
        services.join(plan=plan, by=nurse, organization=hospital)
    assert not Membership.objects.exists()


def test_an_organization_joins_only_once(org_admin, hospital):
    services.join(plan=make_plan(kind=Plan.Kind.ORGANIZATION), by=org_admin, organization=hospital)
    with pytest.raises(MembershipConflict, match="organization already holds"):
        services.join(plan=make_plan(kind=Plan.Kind.ORGANIZATION), by=org_admin, organization=hospital)
    assert Membership.objects.filter(organization=hospital).count() == 1


def test_plan_kinds_must_match_the_holder(org_admin, hospital):
    with pytest.raises(MembershipError) as individual_for_org:
        services.join(plan=make_plan(), by=org_admin, organization=hospital)
    assert individual_for_org.value.field == "plan"
    with pytest.raises(MembershipError) as org_without_org:
        services.join(plan=make_plan(kind=Plan.Kind.ORGANIZATION), by=org_admin)
    assert org_without_org.value.field == "organization"
    assert not Membership.objects.exists()


def test_a_plan_no_longer_offered_cannot_be_joined(make_user):
    with pytest.raises(MembershipError, match="no longer offered"):
        services.join(plan=make_plan(is_active=False), by=make_user())
    assert not Membership.objects.exists()
