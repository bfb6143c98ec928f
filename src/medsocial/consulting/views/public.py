"""The public face of consulting: the landing page, the readiness assessment and the
"work with us" request."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from medsocial.accounts.models import Membership, Organization
from medsocial.accounts.selectors import access_organization
from medsocial.consulting import assessment, forms, selectors, services
from medsocial.consulting.models import Assessment
from medsocial.consulting.recommendations import recommendations_for
from medsocial.consulting.views import add_domain_error, status_for
from medsocial.core.errors import DomainError


def _member_organizations(user):
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).order_by("name")


def home(request):
    engagements = []
    if request.user.is_authenticated:
        engagements = selectors.engagements_for_listing(selectors.workspace_engagements(request.user))[:10]
    return render(
        request,
        "consulting/home.html",
        {
            "engagements": engagements,
            "is_staff": selectors.is_consulting_staff(request.user),
            "dimensions": assessment.DIMENSIONS,
        },
    )


def assessment_form(request):
    organizations = _member_organizations(request.user)
    form = forms.AssessmentForm(
        request.POST or None, organizations=organizations if organizations.exists() else None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.save_assessment(
                answers={key: data[key] for key in assessment.QUESTION_KEYS},
                taken_by=request.user if request.user.is_authenticated else None,
                organization=data.get("organization"),
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return redirect(result)
    return render(
        request,
        "consulting/assessment_form.html",
        {"form": form, "scale": assessment.SCALE},
        status=status_for(form),
    )


def assessment_results(request, key):
    result = get_object_or_404(Assessment.objects.select_related("organization"), key=key)
    if result.organization_id is not None and not (
        request.user.is_authenticated
        and Membership.objects.filter(user=request.user, organization_id=result.organization_id).exists()
    ):
        raise Http404("No such results.")
    rows = []
    for dimension in assessment.DIMENSIONS:
        value = result.scores.get(dimension.key, 0)
        rows.append({"dimension": dimension, "score": value, "level": assessment.level(value)})
    previous = None
    if result.organization_id is not None:
        previous = (
            Assessment.objects.filter(
                organization_id=result.organization_id, created_at__lt=result.created_at
            )
            .order_by("-created_at")
            .first()
        )
        if previous is not None:
            for row in rows:
                row["change"] = row["score"] - previous.scores.get(row["dimension"].key, 0)
    context = {
        "result": result,
        "rows": rows,
        "strengths": [row for row in rows if row["level"] == "strength"],
        "gaps": sorted((row for row in rows if row["level"] == "gap"), key=lambda row: row["score"]),
        "developing": [row for row in rows if row["level"] == "developing"],
        "previous": previous,
        "recommendations": recommendations_for(result.scores, viewer=request.user),
    }
    return render(request, "consulting/assessment_results.html", context)


@login_required
def assessment_history(request, slug):
    organization = access_organization(request.user, slug)
    if not Membership.objects.filter(user=request.user, organization=organization).exists():
        raise Http404("No such organization.")
    history = list(selectors.assessment_history(organization))
    rows = []
    for dimension in assessment.DIMENSIONS:
        cells, before = [], None
        for item in history:
            value = item.scores.get(dimension.key, 0)
            cells.append({"score": value, "change": None if before is None else value - before})
            before = value
        rows.append({"dimension": dimension, "cells": cells})
    overall, before = [], None
    for item in history:
        overall.append({"score": item.overall, "change": None if before is None else item.overall - before})
        before = item.overall
    return render(
        request,
        "consulting/assessment_history.html",
        {"organization": organization, "history": history, "rows": rows, "overall": overall},
    )


@login_required
def request_form(request):
    organizations = _member_organizations(request.user)
    form = forms.RequestForm(request.POST or None, organizations=organizations, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            engagement = services.submit_request(
                user=request.user,
                organization=data["organization"],
                new_organization_name=data["new_organization_name"],
                new_organization_kind=data["new_organization_kind"],
                contact_name=data["contact_name"],
                contact_title=data["contact_title"],
                contact_email=data["contact_email"],
                contact_phone=data["contact_phone"],
                business_goals=data["business_goals"],
                goals_details=data["goals_details"],
                current_channels=data["current_channels"],
                timeline=data["timeline"],
                budget=data["budget"],
                service=data["service"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(
                request, "Thank you: your request was sent. We will get back to you within two business days."
            )
            return redirect(engagement)
    organization_list = list(organizations)
    entries = selectors.census_entries(o.pk for o in organization_list)
    return render(
        request,
        "consulting/request_form.html",
        {"form": form, "census_links": [(o, entries[o.pk]) for o in organization_list if o.pk in entries]},
        status=status_for(form),
    )
