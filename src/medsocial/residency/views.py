"""Pages: the program and its cohorts (public), applying, my residency, one resident's page
(progress, assignments, capstone and its reviews, completion), a mentor's residents, and the
staff's cohort management. Each view parses, calls a service or selector, and renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from medsocial.accounts.models import User
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.markdown import render_markdown
from medsocial.programs.selectors import points_balance
from medsocial.residency import forms, selectors
from medsocial.residency.models import Application, CapstoneVersion, RotationItem, RubricCriterion
from medsocial.residency.services import applications as application_services
from medsocial.residency.services import capstone as capstone_services
from medsocial.residency.services import completion as completion_services
from medsocial.residency.services import rotation as rotation_services

PAGE_SIZE = 50


def index(request):
    """Every published program and its cohorts, for anyone."""
    programs = list(selectors.published_programs())
    cohorts = list(selectors.public_cohorts().order_by("program__name", "-starts_on", "pk"))
    return render(
        request,
        "residency/index.html",
        {"programs": programs, "cohorts": cohorts, "today": timezone.localdate()},
    )


def program(request, slug):
    program = selectors.access_program(slug)
    return render(
        request,
        "residency/program.html",
        {
            "program": program,
            "cohorts": list(selectors.public_cohorts(program)),
            "criteria": list(program.criteria.all()),
            "description_html": render_markdown(program.description),
            "breadcrumbs": [{"label": "Residency", "url": reverse("residency:index")}],
            "today": timezone.localdate(),
        },
    )


def _cohort_context(request, cohort, form=None):
    user = request.user
    return {
        "cohort": cohort,
        "rotation": list(selectors.rotation_of(cohort)),
        "seats_left": max(cohort.capacity - cohort.seats_taken, 0),
        "open": cohort.accepts_applications(timezone.localdate()),
        "application": selectors.application_for(user, cohort),
        "points": points_balance(user) if user.is_authenticated and cohort.seat_points else None,
        "form": form or forms.ApplicationForm(),
    }


def cohort(request, slug):
    cohort = selectors.access_public_cohort(slug)
    return render(request, "residency/cohort.html", _cohort_context(request, cohort))


@login_required
@require_POST
def apply(request, slug):
    cohort = selectors.access_public_cohort(slug)
    form = forms.ApplicationForm(request.POST)
    if form.is_valid():
        try:
            application = application_services.apply(
                cohort=cohort, user=request.user, statement=form.cleaned_data["statement"]
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Your application is in. We email you when staff have reviewed it.")
            return redirect(application)
    return render(request, "residency/cohort.html", _cohort_context(request, cohort, form), status=400)


@login_required
def mine(request):
    applications = list(selectors.applications_of(request.user))
    return render(
        request,
        "residency/mine.html",
        {"applications": applications, "is_mentor": selectors.is_mentor(request.user)},
    )


# --- One resident ------------------------------------------------------------------------------


def _resident_context(request, application, *, capstone_form=None, review_form=None, assignment_forms=None):
    user = request.user
    is_resident = application.user_id == user.pk
    history = (
        selectors.capstone_history(application) if application.status == Application.Status.ACCEPTED else []
    )
    waiting = next((v for v in history if v.status == CapstoneVersion.Status.IN_REVIEW), None)
    accepted = next((v for v in history if v.status == CapstoneVersion.Status.ACCEPTED), None)
    progress = selectors.progress_of([application]).get(application.pk)
    may_review = waiting is not None and not is_resident and capstone_services.may_review(user, application)
    criteria = (
        list(RubricCriterion.objects.filter(program_id=application.cohort.program_id)) if may_review else []
    )
    submissions = selectors.submissions_of(application) if is_resident else {}
    return {
        "application": application,
        "cohort": application.cohort,
        "is_resident": is_resident,
        "is_staff": selectors.is_residency_staff(user),
        "progress": progress,
        "submissions": submissions,
        "assignment_forms": assignment_forms or {},
        "history": history,
        "waiting": waiting,
        "accepted_capstone": accepted,
        "may_submit": is_resident
        and application.status == Application.Status.ACCEPTED
        and not application.completed_at
        and waiting is None
        and accepted is None,
        "capstone_form": capstone_form or forms.CapstoneForm(),
        "review_form": review_form or (forms.ReviewForm(criteria=criteria) if may_review else None),
        "may_complete": is_resident
        and application.status == Application.Status.ACCEPTED
        and not application.completed_at
        and accepted is not None
        and progress is not None
        and progress.complete,
        "today": timezone.localdate(),
    }


@login_required
def resident(request, pk):
    application = selectors.access_application(request.user, pk)
    return render(request, "residency/resident.html", _resident_context(request, application))


@login_required
@require_POST
def withdraw(request, pk):
    application = selectors.access_own_application(request.user, pk)
    try:
        application = application_services.withdraw(application=application, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if application.seat_refund_id:
            messages.success(
                request,
                f"You have withdrawn; {application.seat_refund.amount} points are back in your wallet.",
            )
        else:
            messages.success(request, "You have withdrawn from the cohort.")
    return redirect(application)


@login_required
@require_POST
def submit_assignment(request, pk, item_id):
    application = selectors.access_own_application(request.user, pk)
    item = get_object_or_404(
        RotationItem, pk=item_id, cohort_id=application.cohort_id, kind=RotationItem.Kind.ASSIGNMENT
    )
    form = forms.AssignmentForm(request.POST)
    if form.is_valid():
        try:
            rotation_services.submit_assignment(
                application=application, item=item, text=form.cleaned_data["text"], by=request.user
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"Your answer to “{item.label}” is submitted.")
            return redirect(application)
    context = _resident_context(request, application, assignment_forms={item.pk: form})
    return render(request, "residency/resident.html", context, status=400)


@login_required
@require_POST
def submit_capstone(request, pk):
    application = selectors.access_own_application(request.user, pk)
    form = forms.CapstoneForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = capstone_services.submit(
                application=application,
                plan=form.cleaned_data["plan"],
                attachment=form.cleaned_data.get("attachment"),
                by=request.user,
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"Version {version.number} of your plan is with your mentor.")
            return redirect(application)
    context = _resident_context(request, application, capstone_form=form)
    return render(request, "residency/resident.html", context, status=400)


@login_required
@require_POST
def review_capstone(request, pk, version_id):
    application = selectors.access_application(request.user, pk)
    version = get_object_or_404(
        CapstoneVersion.objects.select_related("application__cohort"), pk=version_id, application=application
    )
    if not capstone_services.may_review(request.user, application) or application.user_id == request.user.pk:
        raise Http404("No such capstone")
    if version.status != CapstoneVersion.Status.IN_REVIEW:
        # Reviewed already (another tab, the other reviewer): there is no form left to show it on.
        messages.error(request, f"Version {version.number} has already been reviewed.")
        return redirect(application)
    criteria = RubricCriterion.objects.filter(program_id=application.cohort.program_id)
    form = forms.ReviewForm(request.POST, criteria=criteria)
    if form.is_valid():
        try:
            review = capstone_services.review(
                version=version,
                by=request.user,
                decision=form.cleaned_data["decision"],
                comments=form.cleaned_data["comments"],
                scores=form.scores(),
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request,
                f"Version {version.number} is {'accepted' if review.decision == 'accepted' else 'returned to the resident'}.",
            )
            return redirect(application)
    context = _resident_context(request, application, review_form=form)
    return render(request, "residency/resident.html", context, status=400)


@login_required
@require_POST
def complete(request, pk):
    application = selectors.access_application(request.user, pk)
    if application.user_id != request.user.pk and not selectors.is_residency_staff(request.user):
        raise Http404("No such application")
    try:
        completion_services.complete(application=application, by=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Congratulations: you have completed the Residency.")
    return redirect(application)


# --- Mentors -----------------------------------------------------------------------------------


@login_required
def mentoring(request):
    residents = list(selectors.mentored_residents(request.user))
    if not residents and not selectors.is_mentor(request.user):
        raise Http404("You mentor no one")
    progress = selectors.progress_of(residents)
    rows = [(r, progress[r.pk]) for r in residents]
    return render(
        request,
        "residency/mentoring.html",
        {"rows": rows, "waiting": sum(1 for r in residents if r.capstone_waiting)},
    )


# --- Staff -------------------------------------------------------------------------------------


def _require_staff(user) -> None:
    if not selectors.is_residency_staff(user):
        raise Http404("No such page")


@login_required
def manage(request):
    _require_staff(request.user)
    cohorts = list(selectors.managed_cohorts(request.user).order_by("-starts_on", "pk"))
    return render(request, "residency/manage.html", {"cohorts": cohorts})


def _manage_context(request, cohort, *, mentor_form=None, form_errors=None):
    applications = selectors.applications_in(cohort)
    status = request.GET.get("status", "")
    if status in Application.Status.values:
        applications = applications.filter(status=status)
    page_obj = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page_obj.object_list)
    mentors = selectors.mentors_of(cohort)
    progress = selectors.progress_of([a for a in rows if a.status == Application.Status.ACCEPTED])
    return {
        "cohort": cohort,
        "page_obj": page_obj,
        "rows": [(a, progress.get(a.pk)) for a in rows],
        "status": status,
        "query_string": f"status={status}" if status in Application.Status.values else "",
        "statuses": Application.Status.choices,
        "mentors": mentors,
        "assign_form": forms.AssignMentorForm(mentors=mentors),
        "decision_form": forms.DecisionForm(),
        "mentor_form": mentor_form or forms.MentorForm(),
        "seats_left": max(cohort.capacity - cohort.seats_taken, 0),
        "form_errors": form_errors or {},
    }


@login_required
def manage_cohort(request, slug):
    cohort = selectors.access_managed_cohort(request.user, slug)
    return render(request, "residency/manage_cohort.html", _manage_context(request, cohort))


@login_required
@require_POST
def add_mentor(request, slug):
    cohort = selectors.access_managed_cohort(request.user, slug)
    form = forms.MentorForm(request.POST)
    if form.is_valid():
        try:
            mentor = application_services.add_mentor(
                cohort=cohort, email=form.cleaned_data["email"], by=request.user
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, f"{mentor.user.display_name} mentors in {cohort.name}.")
            return redirect("residency:manage-cohort", slug=cohort.slug)
    context = _manage_context(request, cohort, mentor_form=form)
    return render(request, "residency/manage_cohort.html", context, status=400)


def _managed_application(request, pk) -> Application:
    _require_staff(request.user)
    application = selectors.access_application(request.user, pk)
    return application


@login_required
@require_POST
def decide(request, pk):
    application = _managed_application(request, pk)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"{application.user.display_name}: choose accept, waitlist or decline.")
    else:
        try:
            application_services.decide(
                application=application,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except DomainError as exc:
            messages.error(request, f"{application.user.display_name}: {exc.message}")
        else:
            application.refresh_from_db(fields=["status"])
            messages.success(
                request, f"{application.user.display_name}: {application.get_status_display().lower()}."
            )
    return redirect("residency:manage-cohort", slug=application.cohort.slug)


@login_required
@require_POST
def assign_mentor(request, pk):
    application = _managed_application(request, pk)
    mentors = selectors.mentors_of(application.cohort)
    form = forms.AssignMentorForm(request.POST, mentors=mentors)
    if not form.is_valid():
        messages.error(request, f"{application.user.display_name}: choose one of the cohort's mentors.")
    else:
        mentor = User.objects.get(pk=form.cleaned_data["mentor"])
        try:
            application_services.assign_mentor(application=application, mentor=mentor, by=request.user)
        except DomainError as exc:
            messages.error(request, f"{application.user.display_name}: {exc.message}")
        else:
            messages.success(request, f"{mentor.display_name} mentors {application.user.display_name}.")
    return redirect("residency:manage-cohort", slug=application.cohort.slug)
