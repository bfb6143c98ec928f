"""Registering: prices, discounts, questions, and every refusal leaving nothing behind."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from medsocial.events import services
from medsocial.events.errors import RegistrationConflict, RegistrationError
from medsocial.events.models import DiscountCode, Order, Question, Registration, TicketType
from medsocial.events.tests.factories import make_discount, make_event, make_question, ticket_of

pytestmark = pytest.mark.django_db


def test_registration_confirms_a_seat_and_records_a_free_order(user):
    event = make_event()
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.order.total == 0
    assert registration.order.payment_status == Order.PaymentStatus.FREE


def test_a_full_event_puts_the_next_person_on_the_waitlist(make_user):
    event = make_event(capacity=1)
    services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    second = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    assert second.status == Registration.Status.WAITLISTED
    assert second.waitlisted_at is not None


def test_a_sold_out_ticket_type_waitlists_even_with_event_seats_left(make_user):
    event = make_event(capacity=10)
    vip = TicketType.objects.create(event=event, name="VIP", price=0, quantity=1)
    services.register(event=event, user=make_user(), ticket_type=vip)
    assert (
        services.register(event=event, user=make_user(), ticket_type=vip).status
        == Registration.Status.WAITLISTED
    )


@pytest.mark.parametrize(
    "change",
    [
        {"registration_closes_at": timezone.now() - datetime.timedelta(hours=1)},
        {"registration_opens_at": timezone.now() + datetime.timedelta(days=1)},
        {"status": "draft"},
        {"status": "cancelled"},
    ],
)
def test_closed_registration_is_refused_and_changes_nothing(user, change):
    event = make_event(**change)
    with pytest.raises(RegistrationError, match="closed"):
        services.register(event=event, user=user, ticket_type=ticket_of(event))
    assert not Registration.objects.exists()


def test_a_ticket_of_another_event_is_refused(user):
    event, other = make_event(), make_event()
    with pytest.raises(RegistrationError, match="another event") as exc:
        services.register(event=event, user=user, ticket_type=ticket_of(other))
    assert exc.value.field == "ticket_type"
    assert not Registration.objects.exists()


def test_registering_twice_is_a_conflict(user):
    event = make_event()
    services.register(event=event, user=user, ticket_type=ticket_of(event))
    with pytest.raises(RegistrationConflict, match="already registered"):
        services.register(event=event, user=user, ticket_type=ticket_of(event))
    assert Registration.objects.count() == 1


def test_an_unanswered_required_question_is_named_and_nothing_is_saved(user):
    event = make_event()
    question = make_question(event, label="Your job title", required=True)
    with pytest.raises(RegistrationError, match="Your job title") as exc:
        services.register(
            event=event, user=user, ticket_type=ticket_of(event), answers={str(question.pk): "  "}
        )
    assert exc.value.field == f"question_{question.pk}"
    assert not Registration.objects.exists()


def test_a_choice_answer_must_be_one_of_the_options(user):
    event = make_event()
    question = make_question(event, label="Meal", kind=Question.Kind.CHOICE, choices="Regular\nVegetarian")
    with pytest.raises(RegistrationError, match="Meal"):
        services.register(
            event=event, user=user, ticket_type=ticket_of(event), answers={str(question.pk): "Steak"}
        )
    registration = services.register(
        event=event, user=user, ticket_type=ticket_of(event), answers={str(question.pk): "Vegetarian"}
    )
    assert registration.answers == {str(question.pk): "Vegetarian"}


def test_percent_and_amount_discounts_are_recorded_on_the_order(make_user):
    event = make_event(price=Decimal("200"))
    make_discount(event, code="TWENTY", kind=DiscountCode.Kind.PERCENT, value=Decimal("20"))
    make_discount(event, code="FIFTY", kind=DiscountCode.Kind.AMOUNT, value=Decimal("50"))
    a = services.register(event=event, user=make_user(), ticket_type=ticket_of(event), discount_code="twenty")
    b = services.register(event=event, user=make_user(), ticket_type=ticket_of(event), discount_code="FIFTY")
    assert (a.order.base_price, a.order.discount_amount, a.order.total) == (
        Decimal("200"),
        Decimal("40.00"),
        Decimal("160.00"),
    )
    assert (b.order.discount_amount, b.order.total) == (Decimal("50"), Decimal("150"))
    assert a.order.payment_status == Order.PaymentStatus.PENDING
    assert a.order.payment_provider == "invoice"


def test_an_expired_discount_code_is_refused_and_not_counted(user):
    event = make_event(price=Decimal("100"))
    code = make_discount(event, code="OLD", valid_until=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(RegistrationError, match="expired") as exc:
        services.register(event=event, user=user, ticket_type=ticket_of(event), discount_code="OLD")
    assert exc.value.field == "discount_code"
    code.refresh_from_db()
    assert code.times_used == 0 and not Registration.objects.exists()


def test_a_used_up_discount_code_is_refused(make_user):
    event = make_event(price=Decimal("100"))
    make_discount(event, code="ONCE", max_uses=1)
    services.register(event=event, user=make_user(), ticket_type=ticket_of(event), discount_code="ONCE")
    with pytest.raises(RegistrationError, match="used up"):
        services.register(event=event, user=make_user(), ticket_type=ticket_of(event), discount_code="ONCE")
    assert Registration.objects.count() == 1


def test_an_unknown_discount_code_is_refused(user):
    event = make_event(price=Decimal("100"))
    with pytest.raises(RegistrationError, match="not valid"):
        services.register(event=event, user=user, ticket_type=ticket_of(event), discount_code="NOPE")


def test_members_pay_the_member_price_and_early_birds_the_early_price(make_user):
    from medsocial.programs.tests.factories import make_membership

    event = make_event(ticket=False)
    ticket = TicketType.objects.create(
        event=event, name="Full", price=Decimal("300"), member_price=Decimal("250")
    )
    member = make_user()
    make_membership(user=member)
    assert services.register(event=event, user=member, ticket_type=ticket).order.total == Decimal("250")
    assert services.register(event=event, user=make_user(), ticket_type=ticket).order.total == Decimal("300")
    ticket.early_bird_price = Decimal("199")
    ticket.early_bird_until = timezone.now() + datetime.timedelta(days=1)
    ticket.save()
    early = services.register(event=event, user=make_user(), ticket_type=ticket)
    assert (early.order.total, early.order.price_label) == (Decimal("199"), "Early bird")


def test_the_registrant_may_cancel_before_the_deadline_and_a_paid_order_is_refunded(user, manager):
    event = make_event(price=Decimal("80"))
    code = make_discount(event, code="TEN", kind=DiscountCode.Kind.AMOUNT, value=Decimal("10"))
    registration = services.register(
        event=event, user=user, ticket_type=ticket_of(event), discount_code="TEN"
    )
    services.mark_paid(order=registration.order, by=manager)
    services.cancel_registration(registration=registration, by=user)
    registration.refresh_from_db()
    order = Order.objects.get(registration=registration)
    assert registration.status == Registration.Status.CANCELLED
    assert (order.payment_status, order.refunded_amount) == (Order.PaymentStatus.REFUNDED, Decimal("70"))
    code.refresh_from_db()
    assert code.times_used == 0


def test_cancelling_after_the_deadline_is_refused(user):
    event = make_event(cancellation_deadline=timezone.now() - datetime.timedelta(hours=1))
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    with pytest.raises(RegistrationError, match="deadline"):
        services.cancel_registration(registration=registration, by=user)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_mark_paid_refuses_an_order_that_is_not_awaiting_payment(user, manager):
    event = make_event()
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    with pytest.raises(RegistrationError, match="awaiting payment"):
        services.mark_paid(order=registration.order, by=manager)
