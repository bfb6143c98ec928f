"""Member prices go to members of organizations site staff verified (or whose verified email
domain is the person's confirmed address); anyone can create an organization, so that alone
earns nothing. Unverified organizations work for everything else."""

from decimal import Decimal

import pytest
from django.utils import timezone

from medsocial.accounts.models import Organization
from medsocial.events import services
from medsocial.events.models import TicketType
from medsocial.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_ticket():
    event = make_event(ticket=False, title="Member pricing summit")
    return TicketType.objects.create(
        event=event, name="Full", price=Decimal("300"), member_price=Decimal("250")
    )


def _total(ticket, user) -> Decimal:
    return services.register(event=ticket.event, user=user, ticket_type=ticket).order.total


def test_creating_your_own_organization_no_longer_gets_the_member_price(client, make_user, full_ticket):
    person = make_user(email="opportunist@gmail.com")
    client.force_login(person)
    created = client.post("/accounts/organizations/new/", {"name": "My Own Health Org", "kind": "hospital"})
    assert created.status_code == 302
    assert Organization.objects.get(name="My Own Health Org").members.filter(pk=person.pk).exists()
    page = client.get(full_ticket.event.get_absolute_url()).content.decode()
    assert "$300" in page and "$250" not in page
    order = services.register(event=full_ticket.event, user=person, ticket_type=full_ticket).order
    assert (order.total, order.price_label) == (Decimal("300"), "Regular")


def test_members_of_a_verified_organization_pay_the_member_price(make_user, make_organization, full_ticket):
    verified = make_organization(name="Lakeshore Health", verified_at=timezone.now())
    member = make_user(organization=verified)
    order = services.register(event=full_ticket.event, user=member, ticket_type=full_ticket).order
    assert (order.total, order.price_label) == (Decimal("250"), "Member")


def test_a_verified_email_domain_counts_for_members_with_a_confirmed_address_there(
    make_user, make_organization, full_ticket
):
    org = make_organization(name="Riverside Clinic", verified_email_domains="riverside.org")
    assert org.verified_at is None
    staff = make_user(email="nurse@Riverside.org", organization=org)
    unconfirmed = make_user(email="new@riverside.org", organization=org, confirmed=False)
    outsider = make_user(email="someone@gmail.com", organization=org)
    not_member = make_user(email="other@riverside.org")
    assert _total(full_ticket, staff) == Decimal("250")
    assert _total(full_ticket, unconfirmed) == Decimal("300")
    assert _total(full_ticket, outsider) == Decimal("300")
    assert _total(full_ticket, not_member) == Decimal("300")


def test_unverifying_an_organization_ends_the_member_price(make_user, make_organization, full_ticket):
    org = make_organization(verified_at=timezone.now())
    member = make_user(organization=org)
    Organization.objects.filter(pk=org.pk).update(verified_at=None)
    assert _total(full_ticket, member) == Decimal("300")


def test_an_unverified_organization_still_sees_its_own_restricted_events(
    client, make_user, make_organization
):
    org = make_organization(name="Unverified Hospital")
    member = make_user(organization=org)
    event = make_event(visibility="organization", organization=org, title="Our own workshop")
    client.force_login(member)
    assert client.get(event.get_absolute_url()).status_code == 200
    client.force_login(make_user())
    assert client.get(event.get_absolute_url()).status_code == 404
