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

from . import charts, exports, selectors, services
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
    }
    template = "census/_results.html" if request.headers.get("HX-Request") else "census/list.html"
    return render(request, template, context)


@cache_page_for_visitors("census")
def hospital_detail(request, facility_id):
    hospital = selectors.get_hospital(facility_id)
    accounts = selectors.hospital_accounts(hospital)
    series = []
    for index, account in enumerate(
        a for a in accounts if any(o.followers is not None for o in a.observations.all())
    ):
        series.append(
            {
                "name": f"{account.network.name} ({account.handle})",
                "color": account.network.color
                if account.network.color != "#000000" or index == 0
                else charts.PALETTE[index % 10],
                "points": [(o.observed_on, o.followers) for o in account.observations.all()],
                "account": account,
            }
        )
    months = sorted({d.replace(day=1) for s in series for d, _ in s["points"]})
    table = []
    if months:
        lookup = [{d.replace(day=1): v for d, v in s["points"]} for s in series]
        table = [(m, [values.get(m) for values in lookup]) for m in months[-24:]]
    return render(
        request,
        "census/hospital.html",
        {
            "hospital": hospital,
            "accounts": accounts,
            "chart": charts.line_chart(series, title=f"Followers of {hospital.name} by network")
            if series
            else "",
            "series": series,
            "table": table,
            "ranks": selectors.peer_ranks(hospital),
            "history": selectors.hospital_history(hospital),
            "can_edit": services.can_edit_accounts(request.user, hospital),
            "dormant_since": selectors.dormant_since(),
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
            _recompute_later()
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
            _recompute_later()
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
            _recompute_later()
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


def _recompute_later():
    from django.db import transaction

    from .tasks import recompute_census_task

    transaction.on_commit(lambda: recompute_census_task.enqueue())


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
    """The dashboard's charts and tables, built once per census run (they only change when the
    figures are recomputed)."""
    network_list = selectors.networks()
    colors = {n.slug: n.color for n in network_list}
    months = overview["months"]
    total_months = months.get("", [])
    reference = selectors.reference_series()
    reliable = [r for r in reference if r["reliable"]]
    opened_chart = charts.line_chart(
        [
            {
                "name": "Hospitals with a presence (census)",
                "points": [(m.period, m.hospitals_present) for m in total_months],
                "color": "#1f5fa8",
            },
            {
                "name": "Organizations on the published list",
                "points": [(r["date"], r["organizations"]) for r in reliable],
                "dots": True,
                "color": "#d9480f",
            },
        ],
        title="Hospitals with a social media presence, by month",
    )
    network_series = [
        {
            "name": n.name,
            "color": colors[n.slug],
            "points": [(m.period, m.accounts_active) for m in months.get(n.slug, [])],
        }
        for n in network_list
        if months.get(n.slug)
    ]
    # Months without any observation have no follower figure (None), not zero followers.
    followers_series = [
        {
            "name": n.name,
            "color": colors[n.slug],
            "points": [(m.period, m.followers or None) for m in months.get(n.slug, [])],
        }
        for n in network_list
        if months.get(n.slug)
    ]
    reference_series = [
        {
            "name": f"{label} (published list)",
            "color": colors.get(slug, "#888"),
            "dots": True,
            "points": [(r["date"], r[slug]) for r in reliable if r[slug] is not None],
        }
        for slug, label in (
            ("facebook", "Facebook"),
            ("x", "Twitter"),
            ("youtube", "YouTube"),
            ("blog", "Blogs"),
        )
    ]
    early = [
        {
            "name": f"{s['name']} (census)",
            "color": s["color"],
            "points": [(d, v) for d, v in s["points"] if d.year <= 2013],
        }
        for s in network_series
        if s["name"].split()[0] in ("Facebook", "X", "YouTube", "Blog")
    ]
    states = {row.key: (row.hospitals_present, row.hospitals) for row in overview["states"]}
    overall = overview["overall"]
    years = overview["years"].get("", [])
    return {
        "overview": overview,
        "overall": overall,
        "share": (overall.hospitals_present / overall.hospitals) if overall.hospitals else 0,
        "networks": network_list,
        "network_bars": charts.bar_chart(
            [
                (row["name"], row["hospitals_present"], colors.get(row["slug"], "#555"))
                for row in overview["networks"]
            ],
            title="Hospitals with an account, per network",
        ),
        "tile_map": charts.state_tile_map(
            states, title="Share of hospitals with a presence, by state", link=reverse("census:list")
        ),
        "presence_chart": opened_chart,
        "accounts_chart": charts.line_chart(network_series, title="Open accounts per network, by month"),
        "followers_chart": charts.line_chart(followers_series, title="Total followers per network, by month"),
        "reference_chart": charts.line_chart(
            early + reference_series, title="2009–2013: census against the published list"
        ),
        "reference": reference,
        "years": years,
    }


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
            "hospital_columns": exports.HOSPITAL_COLUMNS + [exports.NETWORK_COLUMN],
            "figure_columns": exports.FIGURE_COLUMNS,
        },
    )


@condition(etag_func=page_cache.area_etag("census"))
def export_hospitals(request, fmt):
    filters = _list_filters(request)
    network_list = selectors.networks()
    rows = exports.hospital_rows(selectors.hospital_list(**filters), network_list)
    if fmt == "csv":
        return csv_response(
            request,
            filename="census-hospitals.csv",
            header=exports.hospital_fieldnames(network_list),
            rows=rows,
        )
    if fmt == "json":
        return HttpResponse(
            json.dumps({"hospitals": list(rows)}, cls=DjangoJSONEncoder), content_type="application/json"
        )
    raise Http404


@condition(etag_func=page_cache.area_etag("census"))
def export_figures(request, fmt):
    if fmt == "csv":
        return csv_response(
            request,
            filename="census-figures.csv",
            header=exports.figure_fieldnames(),
            rows=exports.figure_rows(),
        )
    if fmt == "json":
        run = selectors.latest_run()
        payload = {"as_of": run.as_of if run else None, "figures": list(exports.figure_rows())}
        return HttpResponse(json.dumps(payload, cls=DjangoJSONEncoder), content_type="application/json")
    raise Http404
