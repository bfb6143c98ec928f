"""Seats are never sold twice, however many people press Register at once."""

from decimal import Decimal

import pytest

from medsocial.accounts.models import User
from medsocial.events import services
from medsocial.events.errors import RegistrationError
from medsocial.events.models import DiscountCode, Order, Registration
from medsocial.events.tests.factories import make_discount, make_event, ticket_of
from medsocial.testing.plugin import run_concurrently

# Racing writers need committed rows and a database where writers queue, as in production:
# PostgreSQL's row locks, or SQLite in a file (the test settings use one) with IMMEDIATE
# transactions and a busy timeout.
pytestmark = pytest.mark.django_db(transaction=True)


def _people(count: int, prefix: str) -> list[User]:
    User.objects.bulk_create(
        [User(email=f"{prefix}{i}@example.org", full_name=f"Person {i}") for i in range(count)]
    )
    return list(User.objects.filter(email__startswith=prefix).order_by("pk"))


def test_200_racing_registrations_for_50_seats_confirm_exactly_50_and_waitlist_150():
    event = make_event(capacity=50)
    ticket = ticket_of(event)
    people = _people(200, "racer")

    results = run_concurrently(
        lambda person: services.register(event=event, user=person, ticket_type=ticket), people, workers=20
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == []
    statuses = [r.status for r in results]
    assert statuses.count(Registration.Status.CONFIRMED) == 50
    assert statuses.count(Registration.Status.WAITLISTED) == 150
    rows = Registration.objects.filter(event=event)
    assert rows.count() == 200  # none lost
    assert rows.values("user").distinct().count() == 200  # none doubled
    assert rows.filter(status=Registration.Status.CONFIRMED).count() == 50
    assert Order.objects.filter(registration__event=event).count() == 200


def test_a_discount_code_limited_to_5_uses_is_used_5_times_under_a_race():
    event = make_event(capacity=100, price=Decimal("100"))
    code = make_discount(event, code="FIVE", max_uses=5)
    people = _people(20, "coder")

    results = run_concurrently(
        lambda person: services.register(
            event=event, user=person, ticket_type=ticket_of(event), discount_code="FIVE"
        ),
        people,
        workers=20,
    )

    accepted = [r for r in results if isinstance(r, Registration)]
    refused = [r for r in results if isinstance(r, RegistrationError)]
    assert len(accepted) == 5 and len(refused) == 15
    assert all("used up" in str(r) for r in refused)
    assert DiscountCode.objects.get(pk=code.pk).times_used == 5
