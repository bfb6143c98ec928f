"""Organization admins: assign courses to members, follow their progress, export it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from medsocial.accounts.selectors import access_organization, members_of
from medsocial.core.csv_export import csv_response
from medsocial.core.forms import add_domain_error
from medsocial.learning import selectors, services
from medsocial.learning.errors import LearningError
from medsocial.learning.forms import AssignForm


@login_required
def organization_learning(request, org_slug):
    organization = access_organization(request.user, org_slug, admin=True)
    members = [m.user for m in members_of(organization)]
    form = AssignForm(request.POST or None, courses=selectors.published_courses(), members=members)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                assigned = services.assign_course(
                    by=request.user,
                    organization=organization,
                    course=form.cleaned_data["course"],
                    user_ids=[int(pk) for pk in form.cleaned_data["members"]],
                    due_on=form.cleaned_data["due_on"],
                )
            except LearningError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, f"Assigned to {len(assigned)} member(s).")
                return redirect("learning:organization", org_slug=organization.slug)
        status = 400
    assignments = selectors.organization_progress(organization)
    return render(
        request,
        "learning/organization.html",
        {
            "organization": organization,
            "form": form,
            "assignments": assignments,
            "overdue": sum(a.overdue for a in assignments),
        },
        status=status,
    )


@login_required
def organization_learning_csv(request, org_slug):
    organization = access_organization(request.user, org_slug, admin=True)
    rows = (
        [
            a.user.display_name,
            a.user.email,
            a.course.title,
            a.due_on,
            a.percent,
            a.completed_at.isoformat() if a.completed_at else "",
            "yes" if a.overdue else "no",
        ]
        for a in selectors.organization_progress(organization)
    )
    return csv_response(
        request,
        filename=f"{organization.slug}-learning.csv",
        header=["member", "email", "course", "due_on", "progress_percent", "completed_at", "overdue"],
        rows=rows,
    )
