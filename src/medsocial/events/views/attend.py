"""Pages for everyone: the list, an event, registering, tickets, agendas, calendars, proposals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from medsocial.accounts.models import Organization
from medsocial.accounts.selectors import admin_organization_ids
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.page_cache import cache_page_for_visitors
from medsocial.core.personal_cache import cache_page_per_person
from medsocial.events import calendars, forms, payments, selectors, services, sharing, tickets
from medsocial.events.models import CalendarFeed, Event, Registration, Session, WorkshopRequest
from medsocial.programs.selectors import points_balance

PAGE_SIZE = 20


@cache_page_for_visitors("events")
def event_list(request):
    kind = request.GET.get("kind", "")
    kind = kind if kind in Event.Kind.values else ""
    query = request.GET.get("q", "").strip()[:100]
    events = selectors.with_registered_flag(
        selectors.upcoming_events(viewer=request.user, kind=kind, query=query), request.user
    )
    page_obj = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "events": page_obj.object_list,
        "kinds": Event.Kind.choices,
        "kind": kind,
        "q": query,
        "query_string": f"kind={kind}&q={query}",
        "is_manager": selectors.is_event_manager(request.user),
    }
    template = "events/_results.html" if request.htmx else "events/list.html"
    return render(request, template, context)


def _register_form(request, event, data=None):
    types = list(selectors.active_ticket_types(event))
    prices = {t.pk: t.price_for(is_member=selectors.is_member(request.user)) for t in types} if types else {}
    return forms.RegistrationForm(
        event,
        data,
        ticket_types=types,
        questions=list(event.questions.all()),
        prices=prices,
        points_balance=points_balance(request.user) if any(t.price for t in types) else 0,
    )


def _detail_context(request, event, form=None):
    registration = selectors.registration_of(request.user, event)
    confirmed = registration is not None and registration.status == Registration.Status.CONFIRMED
    seats_taken = selectors.seats_taken(event)
    seats_left = max(event.capacity - seats_taken, 0)
    return {
        "event": event,
        "share": sharing.event_meta(
            event, ticket_types=list(selectors.active_ticket_types(event)), seats_left=seats_left
        ),
        "registration": registration,
        "confirmed": confirmed,
        "waitlist_position": selectors.waitlist_position(registration) if registration else None,
        "seats_left": seats_left,
        "registration_open": event.registration_is_open(),
        "form": form or (_register_form(request, event) if registration is None else None),
        "viewer_tz": selectors.viewer_time_zone(request.user),
        "show_join": confirmed and bool(event.join_url) and not event.is_over(),
        "show_recording": confirmed and bool(event.recording_url) and event.is_over(),
        "has_programme": event.sessions.exists(),
        "is_manager": selectors.is_event_manager(request.user),
        "now": timezone.now(),
        "price_summary": selectors.price_summary(event),
        "map_link": selectors.map_link(event),
    }


@cache_page_for_visitors("events")
def event_detail(request, slug):
    event = selectors.access_event(request.user, slug)
    return render(request, "events/detail.html", _detail_context(request, event))


@login_required
@require_POST
def register(request, slug):
    event = selectors.access_event(request.user, slug)
    form = _register_form(request, event, request.POST)
    if form.is_valid():
        try:
            registration = services.register(
                event=event,
                user=request.user,
                ticket_type=form.cleaned_data["ticket_type"],
                answers=form.answers(),
                discount_code=form.cleaned_data.get("discount_code", ""),
                pay_with_points=form.cleaned_data.get("pay_with_points", False),
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            if registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request, "You are registered. A confirmation with a calendar file is on its way."
                )
            else:
                messages.info(
                    request,
                    "The event is full: you are on the waitlist. We will email you if a seat frees up.",
                )
            return redirect(registration)
    return render(request, "events/detail.html", _detail_context(request, event, form), status=400)


@login_required
def registration_detail(request, pk):
    registration = selectors.access_registration(request.user, pk)
    event = registration.event
    order = registration.order
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": event,
            "order": order,
            "qr_svg": tickets.qr_svg(registration)
            if registration.status == Registration.Status.CONFIRMED
            else "",
            "payment_instructions": payments.get_provider(order.payment_provider).instructions(order)
            if order.payment_status == "pending" and registration.status == Registration.Status.CONFIRMED
            else "",
            "can_cancel": registration.user_id == request.user.pk
            and registration.status in Registration.ACTIVE
            and not registration.checked_in_at
            and timezone.now() < event.cancellation_closes_at(),
            "waitlist_position": selectors.waitlist_position(registration),
            "show_join": registration.status == Registration.Status.CONFIRMED
            and event.join_url
            and not event.is_over(),
            "show_recording": registration.status == Registration.Status.CONFIRMED
            and event.recording_url
            and event.is_over(),
            "viewer_tz": selectors.viewer_time_zone(request.user),
        },
    )


@login_required
def ticket_pdf(request, pk):
    registration = selectors.access_registration(request.user, pk)
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404("No ticket for this registration")
    response = HttpResponse(tickets.ticket_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="ticket-{registration.ticket_code}.pdf"'
    return response


@login_required
@require_POST
def cancel(request, pk):
    registration = selectors.access_registration(request.user, pk)
    if registration.user_id != request.user.pk:
        raise Http404("No such registration")
    try:
        services.cancel_registration(registration=registration, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Your registration is cancelled.")
    return redirect(registration)


def claim_seat(request, token):
    if request.method == "POST":
        try:
            registration = services.claim_seat(token=token)
        except DomainError as exc:
            return render(request, "events/claim_seat.html", {"error": exc.message}, status=400)
        messages.success(request, "The seat is yours. A confirmation with a calendar file is on its way.")
        if request.user.is_authenticated and request.user.pk == registration.user_id:
            return redirect(registration)
        return redirect(registration.event)
    return render(request, "events/claim_seat.html", {"token": token})


@cache_page_per_person
@login_required
def my_registrations(request):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "events/my_registrations.html",
        {
            "registrations": selectors.registrations_of(request.user),
            "feed": feed,
            "feed_url": request.build_absolute_uri(feed.get_absolute_url()) if feed else "",
        },
    )


@login_required
@require_POST
def calendar_feed_reset(request):
    """Create the private feed URL, or replace it (the old URL stops working at once)."""
    with transaction.atomic():
        CalendarFeed.objects.filter(user=request.user).delete()
        if request.POST.get("action") != "revoke":
            CalendarFeed.objects.create(user=request.user)
    messages.success(
        request,
        "Your calendar feed address was revoked."
        if request.POST.get("action") == "revoke"
        else "Your private calendar feed address is ready. Any earlier address no longer works.",
    )
    return redirect("events:mine")


def calendar_feed(request, token):
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such feed")
    response = HttpResponse(
        calendars.feed_ics(
            selectors.calendar_registrations(feed.user), selectors.calendar_sessions(feed.user)
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=300"
    return response


def event_ics(request, slug):
    event = selectors.access_event(request.user, slug)
    response = HttpResponse(calendars.event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@cache_page_for_visitors("events")
def agenda(request, slug):
    event = selectors.access_event(request.user, slug)
    sessions = selectors.programme(event)
    speakers = {s.pk: s for session in sessions for s in session.speakers.all()}
    return render(
        request,
        "events/agenda.html",
        {
            "event": event,
            "days": selectors.agenda_by_day(event, sessions),
            "tracks": list(event.tracks.all()),
            "speakers": sorted(speakers.values(), key=lambda s: s.name),
            "mine": selectors.agenda_session_ids(request.user, event),
            "confirmed": selectors.has_confirmed_seat(request.user, event),
            "viewer_tz": selectors.viewer_time_zone(request.user),
        },
    )


def _session(request, slug, pk) -> Session:
    event = selectors.access_event(request.user, slug)
    return get_object_or_404(
        Session.objects.select_related("event", "track", "room").prefetch_related("speakers"),
        event=event,
        pk=pk,
    )


def session_detail(request, slug, pk):
    session = _session(request, slug, pk)
    return render(
        request,
        "events/session.html",
        {
            "session": session,
            "event": session.event,
            "on_agenda": session.pk in selectors.agenda_session_ids(request.user, session.event),
            "confirmed": selectors.has_confirmed_seat(request.user, session.event),
            "reserved": session.agenda_items.count() if session.capacity else None,
        },
    )


def session_ics(request, slug, pk):
    session = _session(request, slug, pk)
    response = HttpResponse(calendars.session_ics(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response


@login_required
@require_POST
def agenda_toggle(request, slug, pk):
    session = _session(request, slug, pk)
    try:
        if request.POST.get("action") == "remove":
            services.remove_from_agenda(session=session, user=request.user)
            messages.success(request, f"“{session.title}” is off your agenda.")
        else:
            services.add_to_agenda(session=session, user=request.user)
            messages.success(request, f"“{session.title}” is on your agenda.")
            agenda = selectors.my_agenda(request.user, session.event)
            overlapping = selectors.agenda_clashes(agenda).get(session.pk, [])
            if overlapping:
                titles = ", ".join(f"“{other.title}”" for other in overlapping)
                messages.warning(request, f"It overlaps {titles} on your agenda; you can only be in one.")
    except DomainError as exc:
        messages.error(request, exc.message)
    next_url = request.POST.get("next", "")
    if next_url.startswith("/events/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("events:agenda", slug=slug)


@login_required
def my_agenda(request, slug):
    event = selectors.access_event(request.user, slug)
    sessions = selectors.my_agenda(request.user, event)
    clashes = selectors.agenda_clashes(sessions)
    return render(
        request,
        "events/my_agenda.html",
        {
            "event": event,
            "sessions": sessions,
            "clashes": clashes,
            "clash_count": sum(1 for others in clashes.values() if others),
        },
    )


@login_required
def propose(request, slug):
    event = selectors.access_event(request.user, slug)
    if event.kind != Event.Kind.CONFERENCE:
        raise Http404("This event takes no proposals")
    form = forms.ProposalForm(
        request.POST or None,
        initial={"speaker_name": request.user.full_name, "speaker_email": request.user.email},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_proposal(
                event=event,
                user=request.user,
                title=form.cleaned_data["title"],
                abstract=form.cleaned_data["abstract"],
                format=form.cleaned_data["format"],
                speakers=form.speakers(),
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request, "Thank you! Your proposal is submitted; we will email you the decision."
            )
            return redirect(event)
    mine = event.proposals.filter(submitted_by=request.user)
    return render(
        request,
        "events/propose.html",
        {"event": event, "form": form, "mine": mine},
        status=400 if form.errors else 200,
    )


@login_required
def workshop_request(request):
    organizations = Organization.objects.filter(pk__in=admin_organization_ids(request.user)).order_by("name")
    if not organizations.exists():
        raise Http404("Only organization admins can request on-site workshops")
    form = forms.WorkshopRequestForm(organizations, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.request_workshop(
                organization=data["organization"],
                by=request.user,
                topics=data["topics"],
                audience_size=data["audience_size"],
                preferred_dates=data["preferred_dates"],
                location=data["location"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Your request is sent. The event team will get back to you.")
            return redirect("events:workshop-request")
    requests = WorkshopRequest.objects.filter(organization__in=organizations).select_related(
        "organization", "event"
    )
    return render(
        request,
        "events/workshop_request.html",
        {"form": form, "requests": requests},
        status=400 if form.errors else 200,
    )
