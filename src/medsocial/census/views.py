"""Census pages: thin callers of the selectors and services."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import condition, require_POST

from medsocial.core import page_cache
from medsocial.core.csv_export import csv_response
from medsocial.core.forms import add_domain_error
from medsocial.core.page_cache import cache_page_for_visitors

from . import charts, exports, selectors, services, sharing
from .errors import CensusError, DuplicateAccount
from .forms import AccountEditForm, AccountForm, MergeForm, ObservationForm, RejectForm, SubmissionForm

LIST_FILTERS = ("q", "state", "hospital_type", "ownership", "network", "presence", "sort")


def _list_filters(request) -> dict:
    values = {name: request.GET.get(name, "").strip() for name in LIST_FILTERS}
    values["sort"] = values["sort"] if values["sort"] in selectors.SORTS else "name"
    return values


def _query_string(filters: dict) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in filters.items() if v and not (k == "sort" and v == "name")})


@cache_page_for_visitors("census")
def hospital_list(request):
    filters = _list_filters(request)
    network_list = selectors.networks()
    page_obj = Paginator(selectors.hospital_list(**filters), 50).get_page(request.GET.get("page"))
    context = {
        "filters": filters,
        "networks": network_list,
        "choices": selectors.filter_choices(),
        "sorts": selectors.SORT_LABELS,
        "page_obj": page_obj,
        "rows": selectors.list_rows(page_obj.object_list, network_list),
        "query_string": _query_string(filters),
        "is_moderator": selectors.is_moderator(request.user),
        "demo_notice": selectors.demo_notice(),
    }
    template = "census/_results.html" if request.headers.get("HX-Request") else "census/list.html"
    return render(request, template, context)


@cache_page_for_visitors("census")
def hospital_detail(request, facility_id):
    hospital = selectors.get_hospital(facility_id)
    accounts = selectors.hospital_accounts(hospital)
    followers = selectors.hospital_follower_series(accounts)
    chart = ""
    if followers["series"]:
        chart = charts.line_chart(followers["series"], title=f"Followers of {hospital.name} by network")
    return render(
        request,
        "census/hospital.html",
        {
            "hospital": hospital,
            "accounts": accounts,
            "share": sharing.hospital_meta(hospital, accounts),
            "chart": chart,
            "series": followers["series"],
            "table": followers["table"],
            "ranks": selectors.peer_ranks(hospital),
            "history": selectors.hospital_history(hospital),
            "can_edit": services.can_edit_accounts(request.user, hospital),
            "dormant_since": selectors.dormant_since(),
            "demo_notice": selectors.demo_notice(),
        },
    )


def submit(request, facility_id):
    hospital = selectors.get_hospital(facility_id)
    form = SubmissionForm(
        request.POST or None,
        hospital=hospital,
        user=request.user,
        initial={"kind": request.GET.get("kind", "new")},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.submit(
                    hospital=hospital,
                    kind=data["kind"],
                    network=data.get("network"),
                    address=data.get("address", ""),
                    account=data.get("account"),
                    followers=data.get("followers"),
                    closed_on=data.get("closed_on"),
                    note=data.get("note", ""),
                    user=request.user,
                    email=data.get("email", ""),
                )
            except DuplicateAccount as exc:
                add_domain_error(form, exc)
                form.existing = exc.existing
            except CensusError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, "Thank you. A moderator will review your submission.")
                return redirect(hospital)
        status = 400
    return render(request, "census/submit.html", {"hospital": hospital, "form": form}, status=status)


@login_required
def account_add(request, facility_id):
    hospital = selectors.get_hospital(facility_id)
    if not services.can_edit_accounts(request.user, hospital):
        raise Http404
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_account(hospital=hospital, actor=request.user, verified=True, **form.cleaned_data)
        except CensusError as exc:
            add_domain_error(form, exc)
        except DuplicateAccount as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Account added.")
            return redirect(hospital)
    return render(
        request,
        "census/account_form.html",
        {"hospital": hospital, "form": form, "title": "Add an account"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def account_edit(request, pk):
    account = selectors.access_account(request.user, pk)
    form = AccountEditForm(
        request.POST or None,
        initial={"address": account.url, "first_seen": account.first_seen, "closed_on": account.closed_on},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_account(
                account=account,
                actor=request.user,
                address=data["address"] or None,
                first_seen=data["first_seen"],
                closed_on=data["closed_on"],
                reopen=data["reopen"],
            )
        except (CensusError, DuplicateAccount) as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Account updated.")
            return redirect(account.hospital)
    return render(
        request,
        "census/account_form.html",
        {"hospital": account.hospital, "account": account, "form": form, "title": f"Edit {account}"},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def account_observe(request, pk):
    account = selectors.access_account(request.user, pk)
    form = ObservationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_observation(account=account, actor=request.user, **form.cleaned_data)
        except CensusError as exc:
            add_domain_error(form, exc)
        else:
            messages.success(request, "Figures recorded.")
            return redirect(account.hospital)
    return render(
        request,
        "census/account_form.html",
        {
            "hospital": account.hospital,
            "account": account,
            "form": form,
            "title": f"Record figures for {account}",
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def moderation_queue(request):
    queue = selectors.moderation_queue(request.user)
    page_obj = Paginator(queue, 25).get_page(request.GET.get("page"))
    return render(request, "census/queue.html", {"page_obj": page_obj, "reject_form": RejectForm()})


def _review(request, pk, action):
    submission = selectors.access_submission(request.user, pk)
    try:
        if action == "approve":
            services.approve(submission=submission, moderator=request.user)
            messages.success(request, f"Approved: {submission}.")
        elif action == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                raise CensusError(form.errors["reason"][0], field="reason")
            services.reject(submission=submission, moderator=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, f"Rejected: {submission}.")
        else:
            form = MergeForm(request.POST, submission=submission)
            if not form.is_valid():
                raise CensusError("Choose the account to merge into.", field="into")
            services.merge(submission=submission, moderator=request.user, into=form.cleaned_data["into"])
            messages.success(request, f"Merged: {submission}.")
    except (CensusError, DuplicateAccount) as exc:
        messages.error(request, exc.message)
    return redirect("census:queue")


@login_required
@require_POST
def approve(request, pk):
    return _review(request, pk, "approve")


@login_required
@require_POST
def reject(request, pk):
    return _review(request, pk, "reject")


@login_required
@require_POST
def merge(request, pk):
    return _review(request, pk, "merge")


def _dashboard_charts(overview) -> dict:
    """The dashboard's charts and tables, drawn once per census run from the selectors' series
    (they only change when the figures are recomputed)."""
    series = selectors.dashboard_series(overview)
    overall = overview["overall"]
    return {
        "overview": overview,
        "overall": overall,
        "share": (overall.hospitals_present / overall.hospitals) if overall.hospitals else 0,
        "networks": series["networks"],
        "network_bars": charts.bar_chart(
            series["network_bars"], title="Hospitals with an account, per network"
        ),
        "tile_map": charts.state_tile_map(
            series["states"],
            title="Share of hospitals with a presence, by state",
            link=reverse("census:list"),
        ),
        "presence_chart": charts.line_chart(
            series["presence"], title="Hospitals with a social media presence, by month"
        ),
        "accounts_chart": charts.line_chart(series["accounts"], title="Open accounts per network, by month"),
        "followers_chart": charts.line_chart(
            series["followers"], title="Total followers per network, by month"
        ),
        "reference_chart": charts.line_chart(
            series["reference"], title="2009–2013: census against the published list"
        ),
        "reference": selectors.reference_series(),
        "years": overview["years"].get("", []),
    }


@cache_page_for_visitors("census")
def dashboard(request):
    """The census figures. The page body is a template fragment cached per census run, so a
    warm request costs one query; the charts are built only when that fragment is missing."""
    run = selectors.latest_run()
    run_pk = run.pk if run else 0

    def build():
        key = f"census:dashboard:{run_pk}"
        context = cache.get(key)
        if context is None:
            context = _dashboard_charts(selectors.census_overview())
            cache.set(key, context, 3600)
        return context

    # top_movers is passed uncalled: the template calls it only when its cached fragment is stale.
    return render(
        request,
        "census/dashboard.html",
        {"run_pk": run_pk, "d": SimpleLazyObject(build), "movers": selectors.top_movers},
    )


def exports_page(request):
    return render(
        request,
        "census/exports.html",
        {
            "hospital_columns": exports.HOSPITAL_COLUMNS + [exports.NETWORK_COLUMN, exports.NOTE_COLUMN],
            "figure_columns": exports.FIGURE_COLUMNS,
            "demo_notice": selectors.demo_notice(),
        },
    )


@condition(etag_func=page_cache.area_etag("census"))
def export_hospitals(request, fmt):
    filters = _list_filters(request)
    network_list = selectors.networks()
    notice = selectors.demo_notice()
    rows = exports.hospital_rows(selectors.hospital_list(**filters), network_list, notice=notice)
    if fmt == "csv":
        return csv_response(
            request,
            filename="census-hospitals.csv",
            header=exports.hospital_fieldnames(network_list),
            rows=rows,
            notice=notice,
        )
    if fmt == "json":
        payload = {"notice": notice, "hospitals": list(rows)}
        return HttpResponse(json.dumps(payload, cls=DjangoJSONEncoder), content_type="application/json")
    raise Http404


@condition(etag_func=page_cache.area_etag("census"))
def export_figures(request, fmt):
    run = selectors.latest_run()
    notice = selectors.DEMO_NOTICE if run and run.demo_data else ""
    if fmt == "csv":
        return csv_response(
            request,
            filename="census-figures.csv",
            header=exports.figure_fieldnames(),
            rows=exports.figure_rows(notice=notice),
            notice=notice,
        )
    if fmt == "json":
        payload = {
            "as_of": run.as_of if run else None,
            "notice": notice,
            "followers_note": selectors.followers_note(run),
            "figures": list(exports.figure_rows(notice=notice)),
        }
        return HttpResponse(json.dumps(payload, cls=DjangoJSONEncoder), content_type="application/json")
    raise Http404
