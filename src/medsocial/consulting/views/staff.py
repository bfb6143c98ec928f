"""Staff pages: the pipeline board, an engagement's management page and the reports.

Site admins see every engagement; a coach only those assigned to them. People without the
coach role are refused (403); an engagement outside someone's board is a 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from medsocial.accounts.models import User
from medsocial.consulting import forms, selectors, services
from medsocial.consulting.models import Engagement, Proposal
from medsocial.consulting.services.pipeline import ALLOWED_TRANSITIONS
from medsocial.consulting.views import add_domain_error
from medsocial.core.csv_export import csv_response
from medsocial.core.errors import DomainError


def staff_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.is_consulting_staff(request.user):
            raise PermissionDenied("The consulting board is for coaches and site admins.")
        return view(request, *args, **kwargs)

    return wrapper


@staff_required
def board(request):
    columns = selectors.board(request.user)
    stages = [(value, label, columns[value]) for value, label in Engagement.Stage.choices]
    return render(
        request, "consulting/board.html", {"stages": stages, "is_manager": selectors.is_manager(request.user)}
    )


def _engagement_page(
    request, engagement, *, stage_form=None, coach_form=None, proposal_form=None, status=200
):
    allowed = ALLOWED_TRANSITIONS[engagement.stage]
    stage_form = stage_form or forms.StageForm(initial={"stage": allowed[0] if allowed else None})
    stage_form.fields["stage"].choices = [(v, label) for v, label in Engagement.Stage.choices if v in allowed]
    assigned = [
        a for a in engagement.assignments.select_related("coach", "assigned_by").order_by("assigned_at")
    ]
    is_manager = selectors.is_manager(request.user)
    available = selectors.coaches().exclude(pk__in=[a.coach_id for a in assigned])
    context = {
        "engagement": engagement,
        "history": selectors.stage_history(engagement),
        "proposals": selectors.proposals_of(engagement),
        "assignments": assigned,
        "stage_form": stage_form,
        "allowed": allowed,
        "coach_form": (coach_form or forms.AssignCoachForm(coaches=available)) if is_manager else None,
        "proposal_form": proposal_form or forms.ProposalForm(),
        "can_propose": engagement.stage in (Engagement.Stage.QUALIFIED, Engagement.Stage.PROPOSAL),
        "is_manager": is_manager,
        "in_workspace": engagement.viewer_is_coach or engagement.viewer_is_client,
        "census": selectors.census_entries([engagement.organization_id]).get(engagement.organization_id, []),
    }
    return render(request, "consulting/staff_engagement.html", context, status=status)


@staff_required
def engagement_detail(request, pk):
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    return _engagement_page(request, engagement)


@staff_required
@require_POST
def stage_move(request, pk):
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    form = forms.StageForm(request.POST)
    if form.is_valid():
        try:
            engagement = services.move_stage(
                actor=request.user,
                engagement=engagement,
                to_stage=form.cleaned_data["stage"],
                note=form.cleaned_data["note"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"The engagement is now {engagement.get_stage_display()}.")
            return redirect("consulting:staff-engagement", pk=engagement.pk)
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    # Keep the refused choice selectable so the message sits next to what was asked for.
    page = _engagement_page(request, engagement, stage_form=form, status=400)
    return page


@staff_required
@require_POST
def coach_assign(request, pk):
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    if not selectors.is_manager(request.user):
        raise PermissionDenied("Only site admins assign coaches.")
    form = forms.AssignCoachForm(request.POST, coaches=selectors.coaches())
    if form.is_valid():
        try:
            services.assign_coach(actor=request.user, engagement=engagement, coach=form.cleaned_data["coach"])
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request, f"{form.cleaned_data['coach'].display_name} now coaches this engagement."
            )
            return redirect("consulting:staff-engagement", pk=engagement.pk)
    return _engagement_page(request, engagement, coach_form=form, status=400)


@staff_required
@require_POST
def coach_unassign(request, pk, user_pk):
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    coach = get_object_or_404(User, pk=user_pk)
    try:
        services.unassign_coach(actor=request.user, engagement=engagement, coach=coach)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{coach.display_name} no longer coaches this engagement.")
    return redirect("consulting:staff-engagement", pk=engagement.pk)


@staff_required
@require_POST
def proposal_create(request, pk):
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    form = forms.ProposalForm(request.POST)
    if form.is_valid():
        try:
            services.create_proposal(actor=request.user, engagement=engagement, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "The proposal was sent to the client.")
            return redirect("consulting:staff-engagement", pk=engagement.pk)
    return _engagement_page(request, engagement, proposal_form=form, status=400)


@staff_required
@require_POST
def proposal_withdraw(request, pk, proposal_pk):
    engagement = selectors.access_pipeline_engagement(request.user, pk)
    proposal = get_object_or_404(Proposal, pk=proposal_pk, engagement=engagement)
    try:
        services.withdraw_proposal(actor=request.user, proposal=proposal)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The proposal was withdrawn.")
    return redirect("consulting:staff-engagement", pk=engagement.pk)


@staff_required
def reports(request):
    context = {
        "workload": selectors.coach_workload(request.user),
        "by_stage": selectors.engagements_by_stage(request.user),
        "upcoming": selectors.upcoming_sessions(request.user),
        "overdue": selectors.overdue_action_items(request.user),
        "today": timezone.localdate(),
        "is_manager": selectors.is_manager(request.user),
    }
    return render(request, "consulting/reports.html", context)


def _csv_rows(user, name):
    local = timezone.localtime
    if name == "engagements":
        yield [
            "id",
            "organization",
            "stage",
            "service",
            "timeline",
            "budget",
            "business goals",
            "coaches",
            "open action items",
            "overdue action items",
            "requested on",
            "stage since",
        ]
        for e in selectors.engagements_for_listing(selectors.pipeline_engagements(user)):
            yield [
                e.pk,
                e.organization.name,
                e.get_stage_display(),
                e.get_service_display(),
                e.get_timeline_display(),
                e.get_budget_display(),
                "; ".join(e.business_goal_labels),
                "; ".join(a.coach.display_name for a in e.assignments.all()),
                e.open_items,
                e.overdue_items,
                local(e.created_at).date().isoformat(),
                local(e.stage_changed_at).date().isoformat(),
            ]
    elif name == "workload":
        yield ["coach", "email", "active engagements", "open engagements", "sessions in the next 30 days"]
        for c in selectors.coach_workload(user):
            yield [c.display_name, c.email, c.active_engagements, c.open_engagements, c.upcoming_sessions]
    elif name == "sessions":
        yield ["starts at", "minutes", "organization", "title", "location"]
        for s in selectors.upcoming_sessions(user):
            yield [
                local(s.starts_at).isoformat(timespec="minutes"),
                s.duration_minutes,
                s.engagement.organization.name,
                s.title,
                s.location,
            ]
    elif name == "overdue":
        yield ["due on", "organization", "action item", "owner", "days overdue"]
        today = timezone.localdate()
        for item in selectors.overdue_action_items(user):
            yield [
                item.due_on.isoformat(),
                item.engagement.organization.name,
                item.title,
                item.owner.display_name if item.owner else "",
                (today - item.due_on).days,
            ]
    else:
        raise Http404("No such report.")


@staff_required
def report_csv(request, name):
    rows = _csv_rows(request.user, name)
    header = next(rows)  # an unknown report is a 404 here, before the download starts
    return csv_response(
        request,
        filename=f"consulting-{name}-{timezone.localdate():%Y-%m-%d}.csv",
        header=header,
        rows=rows,
    )
