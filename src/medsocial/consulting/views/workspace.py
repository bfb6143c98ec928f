"""The engagement workspace. Every view starts from `selectors.access_engagement`, so anyone
who is neither a member of the client organization nor an assigned coach gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from medsocial.consulting import forms, selectors, services
from medsocial.consulting.calendar import session_ics
from medsocial.consulting.models import ActionItem, DocumentVersion, Proposal
from medsocial.consulting.views import add_domain_error, status_for
from medsocial.core.errors import DomainError
from medsocial.core.personal_cache import cache_page_per_person
from medsocial.core.redirects import next_path


def _render(request, template, engagement, tab, context, status=200):
    return render(request, template, {"engagement": engagement, "tab": tab, **context}, status=status)


@login_required
def my_engagements(request):
    engagements = selectors.engagements_for_listing(selectors.workspace_engagements(request.user))
    return render(request, "consulting/my_engagements.html", {"engagements": engagements})


@cache_page_per_person
@login_required
def workspace(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    now = timezone.now()
    context = {
        "proposal": selectors.current_proposal(engagement),
        "can_answer": selectors.can_answer_proposal(request.user, engagement),
        "answer_form": forms.ProposalAnswerForm(),
        "coaches": [a.coach for a in engagement.assignments.select_related("coach").order_by("assigned_at")],
        "next_sessions": selectors.sessions_of(engagement).filter(starts_at__gte=now)[:3],
        "open_items": selectors.action_items_of(engagement).filter(done_at=None)[:8],
        "done_items": selectors.action_items_of(engagement)
        .exclude(done_at=None)
        .order_by("-done_at", "-pk")[:3],
        "recent_messages": list(selectors.messages_of(engagement).order_by("-created_at", "-pk")[:3]),
        "history": selectors.stage_history(engagement),
        "census": selectors.census_entries([engagement.organization_id]).get(engagement.organization_id, []),
    }
    return _render(request, "consulting/workspace.html", engagement, "overview", context)


@login_required
@require_POST
def proposal_answer(request, pk, proposal_pk):
    engagement = selectors.access_engagement(request.user, pk)
    proposal = get_object_or_404(Proposal, pk=proposal_pk, engagement=engagement)
    accept = request.POST.get("answer") == "accept"
    form = forms.ProposalAnswerForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.respond_to_proposal(actor=request.user, proposal=proposal, accept=accept, note=note)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            "You accepted the proposal: the engagement is now active."
            if accept
            else "You declined the proposal; the team has been told.",
        )
    return redirect(engagement)


# --- Sessions --------------------------------------------------------------------------------


@login_required
def sessions(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    form = forms.SessionForm(request.POST or None) if engagement.viewer_is_coach else None
    if request.method == "POST":
        if form is None:
            raise Http404("Only coaches schedule sessions.")
        if form.is_valid():
            try:
                session = services.schedule_session(
                    actor=request.user, engagement=engagement, **form.cleaned_data
                )
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(
                    request, "The session is scheduled; everyone in the workspace was sent an invitation."
                )
                return redirect(session)
    now = timezone.now()
    all_sessions = list(selectors.sessions_of(engagement))
    context = {
        "upcoming": [s for s in all_sessions if s.starts_at >= now],
        "past": [s for s in all_sessions if s.starts_at < now][::-1],
        "form": form,
    }
    return _render(
        request,
        "consulting/sessions.html",
        engagement,
        "sessions",
        context,
        status=status_for(form) if form else 200,
    )


@login_required
def session_detail(request, pk, session_pk):
    engagement = selectors.access_engagement(request.user, pk)
    session = get_object_or_404(engagement.sessions, pk=session_pk)
    people = selectors.workspace_people(engagement)
    edit_form = None
    if engagement.viewer_is_coach:
        initial = {
            "title": session.title,
            "starts_at": timezone.localtime(session.starts_at),
            "duration_minutes": session.duration_minutes,
            "location": session.location,
            "agenda": session.agenda,
            "notes": session.notes,
        }
        edit_form = forms.SessionEditForm(request.POST or None, initial=initial, prefix="session")
        if request.method == "POST" and edit_form.is_valid():
            try:
                services.update_session(actor=request.user, session=session, **edit_form.cleaned_data)
            except DomainError as exc:
                add_domain_error(edit_form, exc)
            else:
                messages.success(request, "The session was saved.")
                return redirect(session)
    elif request.method == "POST":
        raise Http404("Only coaches edit sessions.")
    context = {
        "session": session,
        "items": selectors.action_items_of(engagement, session=session),
        "item_form": forms.ActionItemForm(people=people, initial={"owner": None}),
        "edit_form": edit_form,
    }
    return _render(
        request,
        "consulting/session_detail.html",
        engagement,
        "sessions",
        context,
        status=status_for(edit_form) if edit_form else 200,
    )


@login_required
def session_calendar(request, pk, session_pk):
    engagement = selectors.access_engagement(request.user, pk)
    session = get_object_or_404(engagement.sessions.select_related("engagement__organization"), pk=session_pk)
    response = HttpResponse(session_ics(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="coaching-session-{session.pk}.ics"'
    return response


# --- Action items ----------------------------------------------------------------------------


@login_required
def action_items(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    people = selectors.workspace_people(engagement)
    form = forms.ActionItemForm(request.POST or None, people=people)
    session = None
    if request.method == "POST":
        chosen = request.POST.get("session", "")
        if chosen:
            session = get_object_or_404(engagement.sessions, pk=int(chosen) if chosen.isdigit() else 0)
        if form.is_valid():
            try:
                services.add_action_item(
                    actor=request.user, engagement=engagement, session=session, **form.cleaned_data
                )
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, "The action item was added.")
                if session is not None:
                    return redirect(session)
                return redirect("consulting:action-items", pk=engagement.pk)
        if session is not None:
            messages.error(
                request,
                "The action item was not added: "
                + " ".join(str(e) for errors in form.errors.values() for e in errors),
            )
            return redirect(session)
    show = request.GET.get("show", "open")
    items = selectors.action_items_of(engagement)
    if show == "open":
        items = items.filter(done_at=None)
    elif show == "done":
        items = items.exclude(done_at=None)
    context = {"items": items, "form": form, "show": show, "today": timezone.localdate()}
    return _render(
        request, "consulting/action_items.html", engagement, "items", context, status=status_for(form)
    )


@login_required
@require_POST
def action_item_status(request, pk, item_pk):
    engagement = selectors.access_engagement(request.user, pk)
    item = get_object_or_404(ActionItem.objects.filter(engagement=engagement), pk=item_pk)
    try:
        item = services.set_action_item_done(
            actor=request.user, item=item, done=request.POST.get("done") == "1"
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("consulting:action-items", pk=engagement.pk)
    if request.htmx:
        item = selectors.action_items_of(engagement).get(pk=item.pk)
        return render(
            request,
            "consulting/_action_item.html",
            {"item": item, "engagement": engagement, "today": timezone.localdate()},
        )
    messages.success(request, f"“{item.title}” is marked {'done' if item.is_done else 'not done'}.")
    return redirect(next_path(request) or reverse("consulting:action-items", args=[engagement.pk]))


@login_required
@require_POST
def action_item_delete(request, pk, item_pk):
    engagement = selectors.access_engagement(request.user, pk)
    item = get_object_or_404(ActionItem.objects.filter(engagement=engagement), pk=item_pk)
    try:
        services.delete_action_item(actor=request.user, item=item)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"“{item.title}” was removed.")
    return redirect("consulting:action-items", pk=engagement.pk)


# --- Documents -------------------------------------------------------------------------------


@login_required
def documents(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    form = forms.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.upload_document(
                actor=request.user,
                engagement=engagement,
                upload=data["file"],
                title=data["title"],
                comment=data["comment"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"“{version.document.title}” was shared.")
            return redirect("consulting:documents", pk=engagement.pk)
    context = {"documents": selectors.documents_of(engagement), "form": form}
    return _render(
        request, "consulting/documents.html", engagement, "documents", context, status=status_for(form)
    )


@login_required
def document_detail(request, pk, document_pk):
    engagement = selectors.access_engagement(request.user, pk)
    document = get_object_or_404(selectors.documents_of(engagement), pk=document_pk)
    form = forms.DocumentForm(request.POST or None, request.FILES or None, new_version=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = services.upload_document(
                actor=request.user,
                engagement=engagement,
                upload=data["file"],
                document=document,
                comment=data["comment"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"Version {version.number} of “{document.title}” was shared.")
            return redirect("consulting:document", pk=engagement.pk, document_pk=document.pk)
    return _render(
        request,
        "consulting/document_detail.html",
        engagement,
        "documents",
        {"document": document, "form": form},
        status=status_for(form),
    )


@login_required
def document_download(request, pk, document_pk, number):
    engagement = selectors.access_engagement(request.user, pk)
    version = get_object_or_404(
        DocumentVersion.objects.filter(document__engagement=engagement),
        document_id=document_pk,
        number=number,
    )
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.")
    response = FileResponse(
        handle, as_attachment=True, filename=version.original_name, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Messages --------------------------------------------------------------------------------


@login_required
def thread(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    form = forms.MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_message(actor=request.user, engagement=engagement, body=form.cleaned_data["body"])
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect("consulting:messages", pk=engagement.pk)
    context = {"thread": selectors.messages_of(engagement), "form": form}
    return _render(
        request, "consulting/messages.html", engagement, "messages", context, status=status_for(form)
    )
