"""Dues: site staff mark an invoice paid, which puts the membership in force to the invoice's
end; renewing issues the next year's invoice; a membership past its end is lapsed at once."""

import datetime

import pytest
from django.utils import timezone

from medsocial.programs import services
from medsocial.programs.errors import MembershipConflict, MembershipError, ProgramsNotAllowed
from medsocial.programs.models import DuesInvoice, Membership
from medsocial.programs.selectors import has_member_prices
from medsocial.programs.tests.factories import make_membership, make_plan

pytestmark = pytest.mark.django_db


def test_marking_the_invoice_paid_puts_the_membership_in_force(make_user, site_staff):
    person = make_user()
    membership = services.join(plan=make_plan(), by=person)
    invoice = membership.invoices.get()
    services.mark_paid(invoice=invoice, by=site_staff)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert (membership.starts_on, membership.ends_on) == (invoice.period_start, invoice.period_end)
    assert has_member_prices(person)
    invoice.refresh_from_db()
    assert invoice.status == DuesInvoice.Status.PAID and invoice.marked_paid_by == site_staff


def test_only_site_staff_mark_dues_paid(make_user):
    person = make_user()
    membership = services.join(plan=make_plan(), by=person)
    with pytest.raises(ProgramsNotAllowed):
        services.mark_paid(invoice=membership.invoices.get(), by=person)
    assert membership.invoices.get().status == DuesInvoice.Status.PENDING
    assert not has_member_prices(person)


def test_an_invoice_is_paid_once(make_user, site_staff):
    membership = services.join(plan=make_plan(), by=make_user())
    invoice = membership.invoices.get()
    services.mark_paid(invoice=invoice, by=site_staff)
    with pytest.raises(MembershipError, match="awaiting payment"):
        services.mark_paid(invoice=invoice, by=site_staff)


def test_a_membership_past_its_end_is_lapsed_the_next_day_without_any_job(make_user):
    person = make_user()
    today = timezone.localdate()
    membership = make_membership(user=person, ends_on=today)
    assert membership.status == Membership.Status.ACTIVE and has_member_prices(person)
    Membership.objects.filter(pk=membership.pk).update(ends_on=today - datetime.timedelta(days=1))
    membership.refresh_from_db()
    assert membership.status == Membership.Status.LAPSED
    assert not has_member_prices(person)
    assert membership.status_on(today - datetime.timedelta(days=1)) == Membership.Status.ACTIVE


def test_renewing_in_time_continues_from_the_day_after_the_paid_period(make_user, site_staff):
    person = make_user()
    membership = make_membership(user=person)
    first_end = membership.ends_on
    invoice = services.renew(membership=membership, by=person)
    assert invoice.period_start == first_end + datetime.timedelta(days=1)
    services.mark_paid(invoice=invoice, by=site_staff)
    membership.refresh_from_db()
    assert membership.ends_on == invoice.period_end
    assert membership.starts_on < first_end  # one unbroken membership


def test_renewing_a_lapsed_membership_starts_a_new_year_today(make_user, site_staff):
    person = make_user()
    today = timezone.localdate()
    membership = make_membership(user=person, ends_on=today - datetime.timedelta(days=30))
    invoice = services.renew(membership=membership, by=person)
    assert invoice.period_start == today
    assert not has_member_prices(person)  # not before the renewal is paid
    services.mark_paid(invoice=invoice, by=site_staff)
    membership.refresh_from_db()
    assert membership.starts_on == today and has_member_prices(person)


def test_a_second_renewal_while_one_awaits_payment_is_refused(make_user):
    person = make_user()
    membership = make_membership(user=person)
    services.renew(membership=membership, by=person)
    with pytest.raises(MembershipConflict, match="already awaiting payment"):
        services.renew(membership=membership, by=person)
    assert membership.invoices.filter(status=DuesInvoice.Status.PENDING).count() == 1


def test_someone_else_cannot_renew_a_membership(make_user):
    membership = make_membership(user=make_user())
    with pytest.raises(ProgramsNotAllowed):
        services.renew(membership=membership, by=make_user())
    assert membership.invoices.count() == 1
