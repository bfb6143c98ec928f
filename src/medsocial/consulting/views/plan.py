"""The strategy plan pages: goals, KPIs with their charts, measurements and the printable plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from medsocial.consulting import charts, forms, selectors, services
from medsocial.consulting.models import Measurement
from medsocial.consulting.views import add_domain_error, status_for
from medsocial.core.errors import DomainError


def _kpi_view(kpi):
    """What a KPI card shows: its chart, latest value and progress toward the target."""
    measurements = list(kpi.measurements.all())
    latest = measurements[-1] if measurements else None
    return {
        "kpi": kpi,
        "measurements": measurements,
        "latest": latest,
        "progress": kpi.progress_percent(latest.value if latest else None),
        "chart": charts.kpi_chart(kpi, measurements),
    }


def _plan_context(engagement):
    goals = []
    for goal in selectors.plan_of(engagement):
        goals.append({"goal": goal, "kpis": [_kpi_view(kpi) for kpi in goal.kpis.all()]})
    return {"goals": goals, "legend": charts.legend(), "today": timezone.localdate()}


@login_required
def plan(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    form = forms.GoalForm(
        request.POST or None, initial={"business_goal": (engagement.business_goals or [None])[0]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.create_goal(actor=request.user, engagement=engagement, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "The goal was added to the plan. Give it a KPI to measure progress.")
            return redirect("consulting:plan", pk=engagement.pk)
    context = {**_plan_context(engagement), "form": form}
    return render(
        request,
        "consulting/plan.html",
        {"engagement": engagement, "tab": "plan", **context},
        status=status_for(form),
    )


@login_required
def plan_print(request, pk):
    engagement = selectors.access_engagement(request.user, pk)
    context = {
        **_plan_context(engagement),
        "engagement": engagement,
        "coaches": [a.coach for a in engagement.assignments.select_related("coach")],
    }
    return render(request, "consulting/plan_print.html", context)


@login_required
def kpi_create(request, pk, goal_pk):
    engagement = selectors.access_engagement(request.user, pk)
    goal = get_object_or_404(engagement.goals, pk=goal_pk)
    form = forms.KPIForm(request.POST or None, initial={"baseline_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            kpi = services.create_kpi(actor=request.user, goal=goal, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "The KPI was added.")
            return redirect("consulting:kpi", pk=engagement.pk, kpi_pk=kpi.pk)
    return render(
        request,
        "consulting/kpi_form.html",
        {"engagement": engagement, "tab": "plan", "goal": goal, "form": form},
        status=status_for(form),
    )


@login_required
def goal_edit(request, pk, goal_pk):
    engagement = selectors.access_engagement(request.user, pk)
    goal = get_object_or_404(engagement.goals, pk=goal_pk)
    form = forms.GoalForm(request.POST or None, initial=_initial(forms.GoalForm, goal))
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.update_goal(actor=request.user, goal=goal, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"The goal “{goal.title}” was saved.")
            return redirect(_goal_on_plan(goal))
    return render(
        request,
        "consulting/goal_form.html",
        {"engagement": engagement, "tab": "plan", "goal": goal, "form": form},
        status=status_for(form),
    )


@login_required
def kpi_edit(request, pk, kpi_pk):
    engagement = selectors.access_engagement(request.user, pk)
    kpi = selectors.access_kpi(engagement, kpi_pk)
    form = forms.KPIForm(request.POST or None, initial=_initial(forms.KPIForm, kpi))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_kpi(actor=request.user, kpi=kpi, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "The KPI was saved.")
            return redirect("consulting:kpi", pk=engagement.pk, kpi_pk=kpi.pk)
    return render(
        request,
        "consulting/kpi_form.html",
        {"engagement": engagement, "tab": "plan", "goal": kpi.goal, "kpi": kpi, "form": form},
        status=status_for(form),
    )


def _initial(form_class, instance) -> dict:
    """An edit form starts from the stored values of the fields it shares with the model."""
    return {name: getattr(instance, name) for name in form_class.base_fields}


def _goal_on_plan(goal) -> str:
    return f"{reverse('consulting:plan', kwargs={'pk': goal.engagement_id})}#goal-{goal.pk}"


@login_required
def kpi_detail(request, pk, kpi_pk):
    engagement = selectors.access_engagement(request.user, pk)
    kpi = selectors.access_kpi(engagement, kpi_pk)
    form = forms.MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_measurement(actor=request.user, kpi=kpi, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "The measurement was recorded.")
            return redirect("consulting:kpi", pk=engagement.pk, kpi_pk=kpi.pk)
    context = {
        "engagement": engagement,
        "tab": "plan",
        "form": form,
        "legend": charts.legend(),
        **_kpi_view(kpi),
    }
    return render(request, "consulting/kpi_detail.html", context, status=status_for(form))


@login_required
@require_POST
def kpi_sync(request, pk, kpi_pk):
    engagement = selectors.access_engagement(request.user, pk)
    kpi = selectors.access_kpi(engagement, kpi_pk)
    try:
        added, updated = services.sync_kpi_from_census(kpi=kpi, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if added or updated:
            messages.success(
                request, f"Imported from the census: {added} new and {updated} corrected measurements."
            )
        elif kpi.measurements.filter(source=Measurement.Source.CENSUS).exists():
            messages.info(request, "The measurements are already up to date with the census.")
        else:
            messages.warning(
                request,
                f"The census has no {kpi.get_metric_display().lower()} observations for "
                f"{engagement.organization.name} on {kpi.get_channel_display()} since the baseline date.",
            )
    return redirect("consulting:kpi", pk=engagement.pk, kpi_pk=kpi.pk)


@login_required
@require_POST
def measurement_delete(request, pk, kpi_pk, measurement_pk):
    engagement = selectors.access_engagement(request.user, pk)
    kpi = selectors.access_kpi(engagement, kpi_pk)
    measurement = get_object_or_404(kpi.measurements, pk=measurement_pk)
    try:
        services.delete_measurement(actor=request.user, measurement=measurement)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The measurement was removed.")
    return redirect("consulting:kpi", pk=engagement.pk, kpi_pk=kpi.pk)


@login_required
@require_POST
def goal_delete(request, pk, goal_pk):
    engagement = selectors.access_engagement(request.user, pk)
    goal = get_object_or_404(engagement.goals, pk=goal_pk)
    try:
        services.delete_goal(actor=request.user, goal=goal)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"The goal “{goal.title}” was removed from the plan.")
    return redirect("consulting:plan", pk=engagement.pk)


@login_required
@require_POST
def kpi_delete(request, pk, kpi_pk):
    engagement = selectors.access_engagement(request.user, pk)
    kpi = selectors.access_kpi(engagement, kpi_pk)
    try:
        services.delete_kpi(actor=request.user, kpi=kpi)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("consulting:kpi", pk=engagement.pk, kpi_pk=kpi.pk)
    messages.success(request, f"The KPI “{kpi.name}” was removed.")
    return redirect("consulting:plan", pk=engagement.pk)
