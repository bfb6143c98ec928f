"""The pages do what the services do: join, cover staff, send points (one or a CSV), pay a
ticket with points; refusals come back on the form next to the field, with nothing changed."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.programs.models import CoveredStaff, LedgerEntry, Membership, Plan
from medsocial.programs.selectors import points_balance
from medsocial.programs.tests.factories import fund, make_membership, make_plan

pytestmark = pytest.mark.django_db


def test_a_person_joins_from_the_membership_page(client, make_user):
    person = make_user()
    plan = make_plan(name="Clinician", yearly_dues=Decimal("95"))
    client.force_login(person)
    page = client.get(reverse("programs:home")).content.decode()
    assert "Clinician — $95.00 a year" in page
    response = client.post(reverse("programs:join"), {"plan": plan.pk})
    membership = Membership.objects.get(user=person)
    assert response.status_code == 302 and response["Location"] == membership.get_absolute_url()
    detail = client.get(membership.get_absolute_url()).content.decode()
    assert "Awaiting payment" in detail and "$95.00" in detail


def test_joining_twice_shows_the_refusal_on_the_plan_field(client, make_user):
    person = make_user()
    plan = make_plan()
    make_membership(user=person, plan=plan)
    client.force_login(person)
    response = client.post(reverse("programs:join"), {"plan": plan.pk})
    assert response.status_code == 400
    assert "You already hold a membership" in response.content.decode()
    assert Membership.objects.filter(user=person).count() == 1


def test_an_organization_admin_covers_staff_and_sees_seats_run_out(
    client, org_admin, nurse, hospital, make_user
):
    membership = make_membership(organization=hospital, plan=make_plan(kind=Plan.Kind.ORGANIZATION, seats=1))
    client.force_login(org_admin)
    assert (
        client.post(reverse("programs:add-staff", args=[membership.pk]), {"email": nurse.email}).status_code
        == 302
    )
    other = make_user(organization=hospital)
    full = client.post(reverse("programs:add-staff", args=[membership.pk]), {"email": other.email})
    assert full.status_code == 400 and "All 1 seats" in full.content.decode()
    assert list(CoveredStaff.objects.values_list("user_id", flat=True)) == [nurse.pk]


def test_an_admin_sends_points_and_bad_amounts_come_back_on_the_form(client, org_admin, nurse, hospital):
    fund(hospital, 300)
    client.force_login(org_admin)
    url = reverse("programs:transfer", args=[hospital.slug])
    refused = client.post(url, {"email": nurse.email, "points": "12.5"})
    assert refused.status_code == 400 and "no fractions" in refused.content.decode()
    too_many = client.post(url, {"email": nurse.email, "points": "301"})
    assert too_many.status_code == 400 and "300 available" in too_many.content.decode()
    assert points_balance(nurse) == 0
    sent = client.post(url, {"email": nurse.email, "points": "120"})
    assert sent.status_code == 302
    assert points_balance(nurse) == 120
    statement = client.get(reverse("programs:organization-wallet", args=[hospital.slug])).content.decode()
    assert "to Chris Alvarez" in statement and "-120" in statement


def test_a_bad_csv_lists_each_row_to_fix_and_sends_nothing(client, org_admin, nurse, hospital):
    fund(hospital, 300)
    client.force_login(org_admin)
    upload = SimpleUploadedFile(
        "points.csv", b"email,points\nchris@lakeshore.org,50\nnobody@x.org,5\n", "text/csv"
    )
    response = client.post(reverse("programs:bulk-transfer", args=[hospital.slug]), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400 and "Line 3: No member of Lakeshore Health" in page
    assert points_balance(nurse) == 0


def test_a_good_csv_sends_every_row(client, org_admin, nurse, hospital):
    fund(hospital, 300)
    client.force_login(org_admin)
    upload = SimpleUploadedFile(
        "points.csv", b"email,points,memo\nchris@lakeshore.org,50,Summit\n", "text/csv"
    )
    response = client.post(reverse("programs:bulk-transfer", args=[hospital.slug]), {"file": upload})
    assert response.status_code == 302 and points_balance(nurse) == 50


def test_a_nurse_pays_a_ticket_with_points_from_the_event_page(client, nurse):
    event = make_event(price=Decimal("40"))
    fund(nurse, 100)
    client.force_login(nurse)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Pay with my points" in page and "You have 100 points" in page
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"ticket_type": ticket_of(event).pk, "pay_with_points": "on"},
    )
    assert response.status_code == 302
    registration = Registration.objects.get(user=nurse)
    assert registration.order.payment_status == "paid" and points_balance(nurse) == 60
    ticket_page = client.get(registration.get_absolute_url()).content.decode()
    assert "Awaiting payment" not in ticket_page


def test_without_enough_points_the_event_page_says_so_and_registers_nothing(client, nurse):
    event = make_event(price=Decimal("40"))
    fund(nurse, 10)
    client.force_login(nurse)
    response = client.post(
        reverse("events:register", args=[event.slug]),
        {"ticket_type": ticket_of(event).pk, "pay_with_points": "on"},
    )
    assert response.status_code == 400 and "10 available, 40 needed" in response.content.decode()
    assert not Registration.objects.exists() and points_balance(nurse) == 10


def test_people_without_points_are_not_offered_to_pay_with_them(client, make_user):
    event = make_event(price=Decimal("40"))
    client.force_login(make_user())
    assert "Pay with my points" not in client.get(event.get_absolute_url()).content.decode()


def test_site_staff_mark_dues_paid_and_the_allowance_arrives(client, site_staff, org_admin, hospital):
    from medsocial.programs import services

    membership = services.join(
        plan=make_plan(kind=Plan.Kind.ORGANIZATION, yearly_points=2000), by=org_admin, organization=hospital
    )
    invoice = membership.invoices.get()
    client.force_login(site_staff)
    assert invoice.invoice_number in client.get(reverse("programs:dues")).content.decode()
    assert client.post(reverse("programs:mark-paid", args=[invoice.pk])).status_code == 302
    assert LedgerEntry.objects.get(kind="allowance").amount == 2000


def test_my_statement_downloads_as_csv(client, nurse):
    from medsocial.testing.plugin import download_rows

    fund(nurse, 70)
    client.force_login(nurse)
    rows = download_rows(client.get(reverse("programs:my-wallet-export")))
    assert rows[0] == ["date", "kind", "points", "balance", "with", "event", "memo", "by"]
    assert rows[1][1:5] == ["Yearly allowance", "70", "70", ""]
