"""Event managers' writes: events and what belongs to them (tickets, codes, questions, programme)."""

from django.db import transaction

from medsocial.events.models import Event, Registration
from medsocial.events.services.waitlist import offer_free_seats


@transaction.atomic
def save_event(*, form, by) -> Event:
    """Create or update an event from its validated form. More seats go to the waitlist at once;
    cancelling the event tells everyone registered."""
    from medsocial.events import tasks

    event = form.save(commit=False)
    was_cancelled = event.pk is not None and Event.objects.filter(pk=event.pk, status=Event.Status.CANCELLED).exists()
    if event.pk is None:
        event.created_by = by
    event.save()
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status == Event.Status.CANCELLED and not was_cancelled:
        for registration_id in locked.registrations.filter(status__in=Registration.ACTIVE).values_list("pk", flat=True):
            transaction.on_commit(lambda pk=registration_id: tasks.send_event_cancelled.enqueue(pk))
    else:
        offer_free_seats(locked)
    return event


@transaction.atomic
def save_event_part(*, event: Event, form):
    """Save a ticket type, discount code, question, track, room, session or speaker form for `event`."""
    part = form.save(commit=False)
    if hasattr(part, "event_id"):
        part.event = event
    part.save()
    form.save_m2m()
    return part


@transaction.atomic
def delete_event_part(*, part) -> None:
    part.delete()
