"""Registration, orders and cancellation.

Seats are taken under a row lock on the event (`select_for_update`; on SQLite the IMMEDIATE
transaction mode serializes writers the same way), so capacity is checked and the seat taken
in one step and a seat is never sold twice.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from medsocial.events import payments
from medsocial.events.errors import RegistrationConflict, RegistrationError
from medsocial.events.models import DiscountCode, Event, Order, Question, Registration, TicketType
from medsocial.events.selectors import is_member, may_attend_member_events
from medsocial.events.services.checkin import require_event_manager
from medsocial.programs.payments import POINTS
from medsocial.programs.services import wallet


def validate_answers(event: Event, answers: dict) -> dict:
    """Check answers to the event's questions; returns {question id (str): answer}.

    Raises RegistrationError naming the first question that is unanswered or answered with
    something that is not one of its options.
    """
    cleaned = {}
    for question in event.questions.all():
        raw = answers.get(str(question.pk), answers.get(question.pk, ""))
        value = str(raw or "").strip()
        if not value:
            if question.required:
                raise RegistrationError(f"Please answer “{question.label}”.", field=f"question_{question.pk}")
            continue
        if question.kind == Question.Kind.CHOICE and value not in question.options:
            raise RegistrationError(
                f"Choose one of the options for “{question.label}”.", field=f"question_{question.pk}"
            )
        cleaned[str(question.pk)] = value[:2000]
    return cleaned


def _locked_discount(event: Event, code: str, now) -> DiscountCode:
    """The usable discount code, locked so its usage count cannot be overrun by a race."""
    discount = DiscountCode.objects.select_for_update().filter(event=event, code__iexact=code.strip()).first()
    if discount is None or not discount.is_active:
        raise RegistrationError("That discount code is not valid for this event.", field="discount_code")
    if discount.valid_until and now >= discount.valid_until:
        raise RegistrationError("That discount code has expired.", field="discount_code")
    if discount.max_uses is not None and discount.times_used >= discount.max_uses:
        raise RegistrationError("That discount code has been used up.", field="discount_code")
    return discount


def quote(
    *,
    ticket_type: TicketType,
    user,
    discount: DiscountCode | None = None,
    now=None,
    member: bool | None = None,
) -> dict:
    """The price a person pays for a ticket: base price, which price applied, discount and total.

    `member` is whether `user` qualifies for member prices, when the caller knows it already."""
    now = now or timezone.now()
    if member is None:
        # Only a ticket with a member price needs to know (one query).
        member = ticket_type.member_price is not None and is_member(user)
    base = ticket_type.price_for(is_member=member, now=now)
    label = "Regular"
    if base != ticket_type.price:
        early = (
            ticket_type.early_bird_price is not None
            and base == ticket_type.early_bird_price
            and (ticket_type.early_bird_until and now < ticket_type.early_bird_until)
        )
        label = "Early bird" if early else "Member"
    off = discount.discount_on(base) if discount else Decimal("0")
    return {"base_price": base, "price_label": label, "discount_amount": off, "total": base - off}


def _locked_event_and_ticket(event: Event, ticket_type: TicketType) -> tuple[Event, TicketType]:
    """The ticket type read afresh with its event, locking the event row only (the seats live
    there); one query. Raises RegistrationError when the ticket is another event's."""
    try:
        ticket_type = (
            TicketType.objects.select_related("event")
            .select_for_update(of=("event",))
            .get(pk=ticket_type.pk, event_id=event.pk)
        )
    except TicketType.DoesNotExist:
        raise RegistrationError("That ticket belongs to another event.", field="ticket_type") from None
    return ticket_type.event, ticket_type


def _seat_counts(event: Event, ticket_type: TicketType, user) -> dict:
    """Call with the event locked: seats held (in all and with this ticket), people waiting,
    and whether `user` already holds an active registration, in one query."""
    return Registration.objects.filter(event=event).aggregate(
        held=Count("pk", filter=Q(status__in=Registration.SEAT_HOLDING)),
        held_of_ticket=Count("pk", filter=Q(status__in=Registration.SEAT_HOLDING, ticket_type=ticket_type)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        mine=Count("pk", filter=Q(user=user, status__in=Registration.ACTIVE)),
    )


def _seats_available(event: Event, ticket_type: TicketType, counts: dict) -> bool:
    if counts["held"] >= event.capacity:
        return False
    if ticket_type.quantity is not None and counts["held_of_ticket"] >= ticket_type.quantity:
        return False
    # Newcomers do not jump ahead of people already waiting for a seat.
    return counts["waiting"] == 0


def register(
    *,
    event: Event,
    user,
    ticket_type: TicketType,
    answers: dict | None = None,
    discount_code: str = "",
    pay_with_points: bool = False,
    now=None,
) -> Registration:
    """Register `user`: a confirmed seat while seats last, else a place on the waitlist.

    Answers are checked and membership looked up before the transaction; inside it, the event
    row is locked, the seat and the discount use taken, the registration and its order created;
    emails go out after commit. The returned registration carries `event_seats_taken` and
    `waitlisted_ahead` as counted under the lock. `pay_with_points` pays a confirmed seat from
    the person's own points wallet (locked after the event); without enough points nothing is
    registered.
    """
    from medsocial.events import tasks

    if ticket_type.event_id != event.pk:
        raise RegistrationError("That ticket belongs to another event.", field="ticket_type")
    # Neither needs the lock: questions and memberships do not decide who gets a seat.
    cleaned_answers = validate_answers(event, answers or {})
    member = ticket_type.member_price is not None and is_member(user)
    if event.members_only and not may_attend_member_events(user):
        raise RegistrationError(
            "This event is for members: join or renew a membership to register.", field="ticket_type"
        )
    with transaction.atomic():
        event, ticket_type = _locked_event_and_ticket(event, ticket_type)
        # Taken under the lock, so waitlist order is the order in which seats were decided.
        now = now or timezone.now()
        if not event.registration_is_open(now):
            raise RegistrationError("Registration for this event is closed.")
        if not ticket_type.is_active:
            raise RegistrationError("That ticket is no longer on sale.", field="ticket_type")
        counts = _seat_counts(event, ticket_type, user)
        if counts["mine"]:
            raise RegistrationConflict("You are already registered for this event.")
        discount = _locked_discount(event, discount_code, now) if discount_code.strip() else None

        confirmed = _seats_available(event, ticket_type, counts)
        registration = Registration.objects.create(
            event=event,
            user=user,
            ticket_type=ticket_type,
            answers=cleaned_answers,
            status=Registration.Status.CONFIRMED if confirmed else Registration.Status.WAITLISTED,
            created_at=now,
            confirmed_at=now if confirmed else None,
            waitlisted_at=None if confirmed else now,
        )
        price = quote(ticket_type=ticket_type, user=user, discount=discount, now=now, member=member)
        paying_points = pay_with_points and price["total"] > 0
        if paying_points and not confirmed:
            raise RegistrationError(
                "Points pay for a confirmed seat and this event is full; register without points to join the waitlist.",
                field="pay_with_points",
            )
        provider = payments.get_provider(POINTS) if paying_points else payments.default_provider()
        order = Order.objects.create(
            registration=registration,
            discount_code=discount,
            payment_provider=provider.identifier,
            payment_status=Order.PaymentStatus.FREE if price["total"] == 0 else Order.PaymentStatus.PENDING,
            **price,
        )
        if discount is not None:
            DiscountCode.objects.filter(pk=discount.pk).update(times_used=F("times_used") + 1)
        if paying_points:
            wallet.spend_for_order(order=order, user=user, now=now)
            order.payment_status = Order.PaymentStatus.PAID
            order.paid_at = now
            order.save(update_fields=["payment_status", "paid_at"])
        elif confirmed and order.total > 0:
            transaction.on_commit(lambda: provider.order_placed(order))
        transaction.on_commit(lambda: tasks.send_registration_email.enqueue(registration.pk))
    # The counts `selectors.registrations_of` annotates, as they stood under the lock.
    registration.event_seats_taken = counts["held"] + (1 if confirmed else 0)  # type: ignore[attr-defined]
    registration.waitlisted_ahead = 0 if confirmed else counts["waiting"]  # type: ignore[attr-defined]
    return registration


def _release_discount(order: Order) -> None:
    if order.discount_code_id:
        DiscountCode.objects.filter(pk=order.discount_code_id, times_used__gt=0).update(
            times_used=F("times_used") - 1
        )


def cancel_registration(
    *, registration: Registration, by, as_staff: bool = False, reason: str = "", now=None
) -> Registration:
    """Cancel a registration; its seat goes to the waitlist, a paid order is refunded in full.

    The registrant may cancel until the event's cancellation deadline; staff (`as_staff`) at any
    time before check-in.
    """
    from medsocial.events import tasks
    from medsocial.events.services.waitlist import offer_free_seats

    now = now or timezone.now()
    if as_staff:
        require_event_manager(by)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("order")
            .get(pk=registration.pk)
        )
        if registration.status not in Registration.ACTIVE:
            raise RegistrationError("This registration is already cancelled.")
        if not as_staff and registration.user_id != by.pk:
            raise RegistrationError("Only the registrant can cancel this registration.")
        if registration.checked_in_at:
            raise RegistrationError(
                "This person has already checked in; the registration can no longer be cancelled."
            )
        if not as_staff and now >= event.cancellation_closes_at():
            raise RegistrationError("The cancellation deadline has passed; please contact the event team.")
        held_seat = registration.holds_seat
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        order = registration.order
        _release_discount(order)
        if order.payment_status == Order.PaymentStatus.PAID and order.payment_provider == POINTS:
            wallet.refund_order(order=order, by=by, now=now)
        if order.payment_status == Order.PaymentStatus.PAID:
            order.payment_status = Order.PaymentStatus.REFUNDED
            order.refunded_amount = order.total
            order.refund_recorded_at = now
        elif order.payment_status == Order.PaymentStatus.PENDING:
            order.payment_status = Order.PaymentStatus.VOID
        order.save(update_fields=["payment_status", "refunded_amount", "refund_recorded_at"])
        if held_seat:
            offer_free_seats(event, now=now)
        transaction.on_commit(lambda: tasks.send_cancellation_email.enqueue(registration.pk))
    return registration


@transaction.atomic
def mark_paid(*, order: Order, by, now=None) -> Order:
    """Record that an invoice was paid: by an event manager, or (`by=None`) by a payment
    provider's own callback."""
    if by is not None:
        require_event_manager(by)
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.payment_status != Order.PaymentStatus.PENDING:
        raise RegistrationError(
            f"Only an order awaiting payment can be marked paid (this one is {order.get_payment_status_display().lower()})."
        )
    order.payment_status = Order.PaymentStatus.PAID
    order.paid_at = now or timezone.now()
    order.marked_paid_by = by
    order.save(update_fields=["payment_status", "paid_at", "marked_paid_by"])
    return order


@transaction.atomic
def record_refund(*, order: Order, amount: Decimal, by, now=None) -> Order:
    """Record money given back on a paid order (all or part of it)."""
    require_event_manager(by)
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.payment_provider == POINTS:
        raise RegistrationError(
            "This order was paid with points; cancelling the registration returns them.", field="amount"
        )
    if order.payment_status not in (Order.PaymentStatus.PAID, Order.PaymentStatus.REFUNDED):
        raise RegistrationError("Only a paid order can be refunded.", field="amount")
    if amount <= 0 or order.refunded_amount + amount > order.total:
        raise RegistrationError(
            f"A refund must be more than 0 and at most {order.total - order.refunded_amount}.", field="amount"
        )
    order.refunded_amount += amount
    order.refund_recorded_at = now or timezone.now()
    if order.refunded_amount == order.total:
        order.payment_status = Order.PaymentStatus.REFUNDED
    order.save(update_fields=["refunded_amount", "refund_recorded_at", "payment_status"])
    return order
