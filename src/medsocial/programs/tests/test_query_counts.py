"""Each list page costs the same number of queries for 5 rows as for 50."""

import datetime

import pytest
from django.urls import reverse

from medsocial.programs.models import CoveredStaff, DuesInvoice, Membership, Plan
from medsocial.programs.services import transfer
from medsocial.programs.tests.factories import fund, make_membership, make_plan
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def test_statements_cost_the_same_for_5_and_50_entries(client, hospital, org_admin, make_user):
    fund(hospital, 10_000)
    staff = []
    figures = []
    for count in (5, 50):
        while len(staff) < count:
            person = make_user(organization=hospital)
            transfer(organization=hospital, email=person.email, points=1, by=org_admin)
            staff.append(person)
        client.force_login(org_admin)
        organization_page = page_queries(
            client, reverse("programs:organization-wallet", args=[hospital.slug])
        )
        export = page_queries(client, reverse("programs:organization-wallet-export", args=[hospital.slug]))
        figures.append((organization_page, export))
    assert figures[0] == figures[1]


def test_a_persons_statement_costs_the_same_for_5_and_50_entries(client, nurse, hospital, org_admin):
    fund(hospital, 10_000)
    client.force_login(nurse)
    figures = []
    for count in (5, 50):
        sent = 0 if not figures else 5
        for _ in range(count - sent):
            transfer(organization=hospital, email=nurse.email, points=1, by=org_admin)
        figures.append(
            (
                page_queries(client, reverse("programs:my-wallet")),
                page_queries(client, reverse("programs:my-wallet-export")),
            )
        )
    assert figures[0] == figures[1]


def test_covered_staff_dues_and_memberships_lists_cost_the_same_for_5_and_50(
    client, site_staff, org_admin, hospital, make_user
):
    membership = make_membership(
        organization=hospital, plan=make_plan(kind=Plan.Kind.ORGANIZATION, seats=100)
    )
    figures = []
    for count in (5, 50):
        while membership.covered.count() < count:
            CoveredStaff.objects.create(membership=membership, user=make_user(organization=hospital))
        while DuesInvoice.objects.filter(status="pending").count() < count:
            holder = Membership.objects.create(plan=make_plan(), user=make_user())
            DuesInvoice.objects.create(
                membership=holder,
                amount=10,
                period_start=datetime.date(2030, 1, 1),
                period_end=datetime.date(2030, 12, 31),
            )
        client.force_login(site_staff)
        staff_figures = (
            page_queries(client, reverse("programs:membership", args=[membership.pk])),
            page_queries(client, reverse("programs:dues")),
            page_queries(client, reverse("programs:home")),
        )
        client.force_login(org_admin)
        figures.append((*staff_figures, page_queries(client, reverse("programs:home"))))
    assert figures[0] == figures[1]
