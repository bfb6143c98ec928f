"""Member prices go to people a membership in force covers: their own, or their organization's
with them among its covered staff. Belonging to an organization, even a verified one, earns
nothing on its own, and a membership past its end loses the price at once."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from medsocial.accounts.models import Organization
from medsocial.events import services
from medsocial.events.errors import RegistrationError
from medsocial.events.models import Registration, TicketType
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.programs import services as membership_services
from medsocial.programs.models import Membership, Plan
from medsocial.programs.tests.factories import make_membership, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_ticket():
    event = make_event(ticket=False, title="Member pricing summit")
    return TicketType.objects.create(
        event=event, name="Full", price=Decimal("300"), member_price=Decimal("250")
    )


def _total(ticket, user) -> Decimal:
    return services.register(event=ticket.event, user=user, ticket_type=ticket).order.total


def test_creating_your_own_organization_gets_no_member_price(client, make_user, full_ticket):
    person = make_user(email="opportunist@gmail.com")
    client.force_login(person)
    created = client.post("/accounts/organizations/new/", {"name": "My Own Health Org", "kind": "hospital"})
    assert created.status_code == 302
    assert Organization.objects.get(name="My Own Health Org").members.filter(pk=person.pk).exists()
    page = client.get(full_ticket.event.get_absolute_url()).content.decode()
    assert "$300" in page and "$250" not in page
    order = services.register(event=full_ticket.event, user=person, ticket_type=full_ticket).order
    assert (order.total, order.price_label) == (Decimal("300"), "Regular")


def test_belonging_to_a_verified_organization_without_a_membership_gets_no_member_price(
    make_user, make_organization, full_ticket
):
    verified = make_organization(name="Lakeshore Health", verified_at=timezone.now())
    assert _total(full_ticket, make_user(organization=verified)) == Decimal("300")


def test_a_personal_membership_in_force_gets_the_member_price(client, make_user, full_ticket):
    member = make_user()
    make_membership(user=member)
    client.force_login(member)
    assert "$250" in client.get(full_ticket.event.get_absolute_url()).content.decode()
    order = services.register(event=full_ticket.event, user=member, ticket_type=full_ticket).order
    assert (order.total, order.price_label) == (Decimal("250"), "Member")


def test_staff_covered_by_their_organizations_membership_get_the_member_price(
    make_user, make_organization, full_ticket
):
    org = make_organization(name="Riverside Clinic")
    covered = make_user(organization=org)
    not_covered = make_user(organization=org)
    make_membership(organization=org, covering=[covered])
    assert _total(full_ticket, covered) == Decimal("250")
    assert _total(full_ticket, not_covered) == Decimal("300")


def test_a_lapsed_membership_loses_the_member_price_at_once(make_user, full_ticket):
    member = make_user()
    membership = make_membership(user=member, ends_on=timezone.localdate())
    Membership.objects.filter(pk=membership.pk).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    order = services.register(event=full_ticket.event, user=member, ticket_type=full_ticket).order
    assert (order.total, order.price_label) == (Decimal("300"), "Regular")


def test_a_membership_awaiting_its_first_payment_gets_no_member_price(make_user, full_ticket):
    member = make_user()
    membership_services.join(plan=make_plan(), by=member)
    assert _total(full_ticket, member) == Decimal("300")


def test_a_plan_without_member_prices_pays_the_regular_price(make_user, full_ticket):
    member = make_user()
    make_membership(user=member, plan=make_plan(member_prices=False))
    assert _total(full_ticket, member) == Decimal("300")


def test_member_only_events_take_registrations_from_members_only(make_user, make_organization):
    event = make_event(members_only=True)
    outsider = make_user()
    with pytest.raises(RegistrationError) as refused:
        services.register(event=event, user=outsider, ticket_type=ticket_of(event))
    assert refused.value.field == "ticket_type" and "for members" in refused.value.message
    assert not Registration.objects.filter(event=event).exists()
    member = make_user()
    make_membership(user=member, plan=make_plan(kind=Plan.Kind.INDIVIDUAL))
    registration = services.register(event=event, user=member, ticket_type=ticket_of(event))
    assert registration.status == Registration.Status.CONFIRMED


def test_a_lapsed_member_cannot_register_for_a_member_only_event(make_user):
    event = make_event(members_only=True)
    member = make_user()
    make_membership(user=member, ends_on=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(RegistrationError, match="for members"):
        services.register(event=event, user=member, ticket_type=ticket_of(event))


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
