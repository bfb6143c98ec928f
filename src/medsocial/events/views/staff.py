"""Pages for event managers: events and their parts, check-in, reports, proposals, workshop requests."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from medsocial.core.csv_export import csv_response
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.personal_cache import cache_page_per_person
from medsocial.events import forms, selectors, services
from medsocial.events.errors import UnpaidOrder
from medsocial.events.models import Event, Order, Proposal, Registration, WorkshopRequest
from medsocial.events.services.checkin import door_closed_reason, ticket_code_from

# Each row links four pages and converts its time: a page of them, not every event at once.
MANAGE_PAGE_SIZE = 25


def _require_manager(request):
    if not selectors.is_event_manager(request.user):
        raise Http404("Not found")


@cache_page_per_person
@login_required
def manage_home(request):
    _require_manager(request)
    events = selectors.with_seat_counts(Event.objects.select_related("organization")).order_by(
        "-starts_at", "-pk"
    )
    page_obj = Paginator(events, MANAGE_PAGE_SIZE).get_page(request.GET.get("page"))
    requests = WorkshopRequest.objects.select_related("organization", "requested_by", "event").order_by(
        "status", "-created_at"
    )[:100]
    return render(
        request,
        "events/manage/home.html",
        {"events": page_obj.object_list, "page_obj": page_obj, "requests": requests},
    )


@login_required
def check_in_now(request):
    """The door's shortcut: the check-in page of the event running now or starting next."""
    _require_manager(request)
    event = selectors.event_to_check_in()
    if event is None:
        messages.info(request, "No event is running or coming up, so there is nobody to check in.")
        return redirect("events:manage")
    return redirect("events:checkin", slug=event.slug)


@login_required
def event_form(request, slug=None):
    _require_manager(request)
    event = selectors.manage_event(request.user, slug) if slug else None
    form = forms.EventForm(request.POST or None, request.FILES or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.save_event(event=form.save(commit=False), by=request.user)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Event saved.")
            return redirect("events:manage-event", slug=event.slug)
    return render(
        request,
        "events/manage/event_form.html",
        {"form": form, "event": event},
        status=400 if form.errors else 200,
    )


@login_required
def manage_event(request, slug):
    event = selectors.manage_event(request.user, slug)
    part_forms = {key: cls(event=event, prefix=key) for key, (cls, _) in forms.PART_FORMS.items()}
    return render(request, "events/manage/event.html", _manage_context(event, part_forms))


def _manage_context(event, part_forms):
    return {
        "event": event,
        "stats": selectors.checkin_stats(event),
        "ticket_types": list(event.ticket_types.all()),
        "discount_codes": list(event.discount_codes.all()),
        "questions": list(event.questions.all()),
        "tracks": list(event.tracks.all()),
        "rooms": list(event.rooms.all()),
        "sessions": selectors.programme(event),
        "part_forms": [(key, label, part_forms[key]) for key, (_, label) in forms.PART_FORMS.items()],
    }


@login_required
@require_POST
def add_part(request, slug, part):
    event = selectors.manage_event(request.user, slug)
    if part not in forms.PART_FORMS:
        raise Http404("Unknown part")
    form_class, label = forms.PART_FORMS[part]
    form = form_class(request.POST, request.FILES, event=event, prefix=part)
    if form.is_valid():
        try:
            services.save_event_part(
                event=event, part=form.save(commit=False), m2m=forms.many_to_many_of(form), by=request.user
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"The {label} is added.")
            return redirect("events:manage-event", slug=slug)
    part_forms = {key: cls(event=event, prefix=key) for key, (cls, _) in forms.PART_FORMS.items()}
    part_forms[part] = form
    return render(request, "events/manage/event.html", _manage_context(event, part_forms), status=400)


@login_required
def check_in(request, slug):
    """The door page: a scanner types the ticket's QR payload into the field (or staff type the
    code), staff search a name and check the person in from the results, or a phone that opened
    a ticket's QR address lands here with that ticket shown (`?ticket=`). Unpaid orders are
    flagged; staff may admit the person anyway, which is recorded."""
    event = selectors.manage_event(request.user, slug)
    result, status, door_ticket = None, 200, None
    if request.method == "POST":
        registration = None
        chosen = request.POST.get("registration", "")
        if chosen:
            registration = get_object_or_404(Registration, pk=int(chosen) if chosen.isdigit() else 0)
        payload = request.POST.get("payload", "")[:200]
        try:
            if request.POST.get("action") == "undo" and registration is not None:
                if registration.event_id != event.pk:
                    raise Http404("No such registration")
                undone = services.undo_check_in(registration=registration, by=request.user)
                result = {
                    "ok": True,
                    "message": f"Check-in undone for {undone.user.display_name}; the CE hours are withdrawn.",
                }
            else:
                done = services.check_in(
                    event=event,
                    payload=payload,
                    registration=registration,
                    by=request.user,
                    admit_unpaid=request.POST.get("admit_unpaid") == "1",
                )
                unpaid_note = " Admitted with the order unpaid (recorded)." if done.admitted_unpaid_at else ""
                result = {
                    "ok": True,
                    "message": f"Checked in: {done.user.display_name} ({done.ticket_type.name}).{unpaid_note}",
                }
        except UnpaidOrder as exc:
            result, status = {"ok": False, "message": exc.message}, 409
            door_ticket = (
                selectors.ticket_at_door(event, pk=registration.pk)
                if registration is not None
                else selectors.ticket_at_door(event, code=ticket_code_from(payload))
            )
        except DomainError as exc:
            result, status = {"ok": False, "message": exc.message}, 409 if exc.status_code == 409 else 400
    elif request.GET.get("ticket"):
        door_ticket = selectors.ticket_at_door(event, code=ticket_code_from(request.GET["ticket"][:200]))
        if door_ticket is None:
            result, status = {"ok": False, "message": "No ticket of this event has that code."}, 404
    form = forms.CheckInForm()  # always an empty field, ready for the next scan
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "event": event,
        "form": form,
        "result": result,
        "door_ticket": door_ticket,
        "door_closed": door_closed_reason(event),
        "query": query,
        "matches": selectors.search_attendees(event, query),
        "stats": selectors.checkin_stats(event),
    }
    if request.htmx:
        # htmx swaps only successful responses; the refusal is in the fragment itself.
        return render(request, "events/manage/_checkin_panel.html", context)
    return render(request, "events/manage/checkin.html", context, status=status)


@login_required
def ticket_checkin(request, code):
    """Where a ticket's QR code leads a phone: an event manager goes straight to the check-in of
    that ticket, the ticket holder to their ticket; for anyone else the address does not exist."""
    registration = Registration.objects.select_related("event").filter(ticket_code=code.upper()).first()
    if registration is not None and selectors.is_event_manager(request.user):
        url = reverse("events:checkin", args=[registration.event.slug])
        return redirect(f"{url}?{urlencode({'ticket': registration.ticket_code})}")
    if registration is not None and registration.user_id == request.user.pk:
        return redirect(registration)
    raise Http404("No such ticket")


@login_required
def report(request, slug):
    event = selectors.manage_event(request.user, slug)
    return render(
        request,
        "events/manage/report.html",
        {
            "event": event,
            "stats": selectors.checkin_stats(event),
            "revenue": selectors.revenue_by_ticket_type(event),
            "registrations": selectors.registrations_for_export(event),
        },
    )


@login_required
def registrations_csv(request, slug):
    event = selectors.manage_event(request.user, slug)
    questions = list(event.questions.all())
    header = [
        "Name",
        "Email",
        "Ticket",
        "Status",
        "Registered (UTC)",
        "Checked in (UTC)",
        "Base price",
        "Discount code",
        "Discount",
        "Total",
        "Payment",
        "Refunded",
        "Ticket code",
        *[q.label for q in questions],
    ]

    def rows():
        for r in selectors.registrations_for_export(event):
            order = r.order
            yield [
                r.user.full_name,
                r.user.email,
                r.ticket_type.name,
                r.status,
                r.created_at.isoformat(timespec="minutes"),
                r.checked_in_at.isoformat(timespec="minutes") if r.checked_in_at else "",
                order.base_price,
                order.discount_code.code if order.discount_code else "",
                order.discount_amount,
                order.total,
                order.payment_status,
                order.refunded_amount,
                r.ticket_code,
                *[r.answers.get(str(q.pk), "") for q in questions],
            ]

    return csv_response(request, filename=f"{event.slug}-registrations.csv", header=header, rows=rows())


@login_required
def attendees_csv(request, slug):
    event = selectors.manage_event(request.user, slug)
    rows = (
        [
            r.user.full_name,
            r.user.credentials,
            r.user.email,
            r.user.profession,
            r.ticket_type.name,
            "yes" if r.checked_in_at else "no",
            event.ce_hours if r.checked_in_at else 0,
        ]
        for r in selectors.attendees(event)
    )
    return csv_response(
        request,
        filename=f"{event.slug}-attendees.csv",
        header=["Name", "Credentials", "Email", "Profession", "Ticket", "Checked in", "CE hours"],
        rows=rows,
    )


@login_required
@require_POST
def mark_paid(request, pk):
    _require_manager(request)
    order = get_object_or_404(Order.objects.select_related("registration__event"), pk=pk)
    try:
        services.mark_paid(order=order, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Order {order.invoice_number} is marked paid.")
    return redirect("events:report", slug=order.registration.event.slug)


@login_required
@require_POST
def refund(request, pk):
    """Record money given back on a paid order (part of it, or the rest)."""
    _require_manager(request)
    order = get_object_or_404(Order.objects.select_related("registration__event"), pk=pk)
    form = forms.RefundForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter the amount refunded.")
    else:
        try:
            services.record_refund(order=order, amount=form.cleaned_data["amount"], by=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"A refund of ${form.cleaned_data['amount']} is recorded.")
    return redirect("events:report", slug=order.registration.event.slug)


@login_required
@require_POST
def staff_cancel(request, pk):
    _require_manager(request)
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    try:
        services.cancel_registration(registration=registration, by=request.user, as_staff=True)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The registration is cancelled; a paid order is recorded as refunded.")
    return redirect("events:report", slug=registration.event.slug)


@login_required
def proposals(request, slug):
    event = selectors.manage_event(request.user, slug)
    items = list(selectors.proposals_for_review(event).prefetch_related("reviews__reviewer"))
    return render(
        request,
        "events/manage/proposals.html",
        {
            "event": event,
            "proposals": items,
            "review_form": forms.ReviewForm(),
            "decision_form": forms.DecisionForm(event),
        },
    )


@login_required
@require_POST
def review(request, slug, pk):
    event = selectors.manage_event(request.user, slug)
    proposal = get_object_or_404(Proposal, event=event, pk=pk)
    form = forms.ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_proposal(proposal=proposal, reviewer=request.user, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Review saved.")
    else:
        messages.error(request, "Choose a score from 1 to 5.")
    return redirect("events:proposals", slug=slug)


@login_required
@require_POST
def decide(request, slug, pk):
    event = selectors.manage_event(request.user, slug)
    proposal = get_object_or_404(Proposal, event=event, pk=pk)
    form = forms.DecisionForm(event, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_proposal(
                proposal=proposal,
                by=request.user,
                accept=data["decision"] == "accept",
                starts_at=data.get("starts_at"),
                ends_at=data.get("ends_at"),
                track=data.get("track"),
                room=data.get("room"),
                capacity=data.get("capacity"),
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Decision recorded; the speakers are notified.")
    else:
        messages.error(request, "Check the decision form.")
    return redirect("events:proposals", slug=slug)


@login_required
def workshop_request_detail(request, pk):
    _require_manager(request)
    item = get_object_or_404(
        WorkshopRequest.objects.select_related("organization", "requested_by", "event"), pk=pk
    )
    schedule_form = forms.ScheduleWorkshopForm(
        request.POST if request.POST.get("action") == "schedule" else None,
        initial={
            "title": f"Social media workshop at {item.organization.name}",
            "capacity": item.audience_size,
        },
    )
    decline_form = forms.DeclineWorkshopForm(
        request.POST if request.POST.get("action") == "decline" else None
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") == "schedule" and schedule_form.is_valid():
                event = services.schedule_workshop(
                    request=item, by=request.user, **schedule_form.cleaned_data
                )
                messages.success(
                    request, "The workshop is scheduled; only the organization's members can see it."
                )
                return redirect("events:manage-event", slug=event.slug)
            if request.POST.get("action") == "decline" and decline_form.is_valid():
                services.decline_workshop_request(
                    request=item, by=request.user, note=decline_form.cleaned_data["note"]
                )
                messages.success(request, "The request is declined.")
                return redirect("events:manage")
        except DomainError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "events/manage/workshop_request.html",
        {"item": item, "schedule_form": schedule_form, "decline_form": decline_form},
        status=400 if schedule_form.errors or decline_form.errors else 200,
    )
