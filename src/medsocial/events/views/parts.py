"""Pages for event managers to change and remove what an event is made of: the programme
(sessions, speakers, tracks, rooms) and ticket types, discount codes and questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.events import forms, selectors, services
from medsocial.events.models import Session, Speaker

PROGRAMME_PARTS = {"session", "speaker", "track", "room"}


def _back_url(event, part: str) -> str:
    if part in PROGRAMME_PARTS:
        return reverse("events:programme", args=[event.slug])
    return reverse("events:manage-event", args=[event.slug])


@login_required
def programme(request, slug):
    event = selectors.manage_event(request.user, slug)
    return render(
        request, "events/manage/programme.html", {"event": event, **selectors.programme_for_editing(event)}
    )


@login_required
def edit_part(request, slug, part, pk):
    event = selectors.manage_event(request.user, slug)
    item = selectors.event_part(event, part, pk)
    name = str(item)  # before the form writes the submitted values onto the instance
    form_class, label = forms.PART_FORMS[part]
    form = form_class(request.POST or None, request.FILES or None, instance=item, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_event_part(
                event=event, part=form.save(commit=False), m2m=forms.many_to_many_of(form), by=request.user
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"The {label} “{form.instance}” is saved.")
            return redirect(_back_url(event, part))
    return render(
        request,
        "events/manage/part_form.html",
        {
            "event": event,
            "part": part,
            "pk": pk,
            "label": label,
            "name": name,
            "form": form,
            "back_url": _back_url(event, part),
            "other_events": selectors.other_events_of(item, event) if isinstance(item, Speaker) else 0,
        },
        status=400 if form.errors else 200,
    )


@login_required
def remove_part(request, slug, part, pk):
    """GET asks for confirmation and says what the removal affects; POST removes."""
    event = selectors.manage_event(request.user, slug)
    item = selectors.event_part(event, part, pk)
    label = forms.PART_FORMS[part][1]
    error = ""
    if request.method == "POST":
        told = request.POST.get("people_told", "")
        try:
            services.remove_event_part(
                event=event, part=item, by=request.user, people_told=int(told) if told.isdigit() else 0
            )
        except DomainError as exc:
            error = exc.message
        else:
            messages.success(request, f"The {label} “{item}” is removed.")
            return redirect(_back_url(event, part))
    return render(
        request,
        "events/manage/part_remove.html",
        {
            "event": event,
            "part": part,
            "pk": pk,
            "label": label,
            "item": item,
            "error": error,
            "back_url": _back_url(event, part),
            "blocker": services.removal_blocker(item),
            "people": item.agenda_items.count() if isinstance(item, Session) else 0,
        },
        status=400 if error else 200,
    )
