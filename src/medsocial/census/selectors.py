"""Census reads shared by the pages, the exports and the API."""

import csv
import datetime
import functools
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role

from .models import (
    AccountChange,
    AccountSubmission,
    CensusFigure,
    CensusRun,
    Hospital,
    Network,
    Observation,
    SocialAccount,
    bed_band,
    bed_band_range,
    dormant_cutoff,
)

SORTS = {
    "name": ("name", "pk"),
    "state": ("state", "name", "pk"),
    "followers": ("-total_followers", "name", "pk"),
    "growth": ("-follower_growth", "name", "pk"),
}
SORT_LABELS = [
    ("name", "Name"),
    ("state", "State"),
    ("followers", "Total followers"),
    ("growth", "Follower growth (12 months)"),
]
DATA_DIR = Path(__file__).resolve().parent / "data"


def networks() -> list[Network]:
    """Every network in display order."""
    return list(Network.objects.all())


def network_by_slug(slug: str) -> Network:
    try:
        return Network.objects.get(slug=slug)
    except Network.DoesNotExist:
        raise Http404("No such network.") from None


def open_accounts() -> QuerySet[SocialAccount]:
    return SocialAccount.objects.filter(closed_on__isnull=True)


def filter_choices() -> dict:
    """The values the list filters offer: states, hospital types and ownerships present."""
    key = "census:filter-choices"
    choices = cache.get(key)
    if choices is None:
        values = Hospital.objects.values_list("state", "hospital_type", "ownership").distinct()
        states, types, ownerships = set(), set(), set()
        for state, htype, ownership in values:
            states.add(state)
            types.add(htype)
            ownerships.add(ownership)
        choices = {
            "states": sorted(s for s in states if s),
            "types": sorted(t for t in types if t),
            "ownerships": sorted(o for o in ownerships if o),
        }
        cache.set(key, choices, 300)
    return choices


# The longest text a hospital search can find: Hospital.name's max_length (a city holds 100).
SEARCH_MAX_LENGTH = 200


def hospital_list(
    *,
    q: str = "",
    state: str = "",
    hospital_type: str = "",
    ownership: str = "",
    network: str = "",
    presence: str = "",
    sort: str = "name",
) -> QuerySet[Hospital]:
    """Hospitals matching the list's filters, in the chosen order. `presence` is "any" (at
    least one open account), "none", or "" (all)."""
    qs = Hospital.objects.all()
    if len(q) > SEARCH_MAX_LENGTH:
        # Longer than any name or city, so nothing can match; SQLite would refuse the pattern.
        return qs.none()
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(city__icontains=q))
    if state:
        qs = qs.filter(state=state.upper())
    if hospital_type:
        qs = qs.filter(hospital_type=hospital_type)
    if ownership:
        qs = qs.filter(ownership=ownership)
    if network:
        qs = qs.filter(Exists(open_accounts().filter(hospital=OuterRef("pk"), network__slug=network)))
    if presence == "any":
        qs = qs.filter(account_count__gt=0)
    elif presence == "none":
        qs = qs.filter(account_count=0)
    return qs.order_by(*SORTS.get(sort, SORTS["name"]))


def accounts_by_network(hospitals) -> dict[int, dict[str, list[SocialAccount]]]:
    """Hospital id → network slug → its open accounts, in one query for a page of hospitals."""
    table: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    ids = [h.pk for h in hospitals]
    for account in open_accounts().filter(hospital_id__in=ids).select_related("network").order_by("handle"):
        table[account.hospital_id][account.network.slug].append(account)
    return table


def list_rows(hospitals, network_list) -> list[dict]:
    """Rows for the list: each hospital with one cell (its accounts) per network."""
    table = accounts_by_network(hospitals)
    today = timezone.localdate()
    rows = []
    for hospital in hospitals:
        mine = table.get(hospital.pk, {})
        cells = []
        for network in network_list:
            accounts = mine.get(network.slug, [])
            cells.append(
                {
                    "network": network,
                    "accounts": accounts,
                    "dormant": all(a.is_dormant(today) for a in accounts) if accounts else False,
                }
            )
        rows.append({"hospital": hospital, "cells": cells})
    return rows


def get_hospital(facility_id: str) -> Hospital:
    """The hospital with this CMS facility id (public), or 404."""
    try:
        return Hospital.objects.select_related("organization").get(facility_id=facility_id)
    except Hospital.DoesNotExist:
        raise Http404("No hospital with that facility ID.") from None


def hospital_accounts(hospital: Hospital) -> list[SocialAccount]:
    """All of a hospital's accounts (open first) with their observations, oldest first."""
    return list(
        hospital.accounts.select_related("network", "verified_by")
        .prefetch_related(Prefetch("observations", queryset=Observation.objects.order_by("observed_on")))
        .order_by("closed_on", "network__position", "handle")
    )


def peer_ranks(hospital: Hospital) -> list[dict]:
    """Where the hospital stands by total followers among hospitals of its state, of its type,
    and of its bed-size band: rank (1 = most followers) out of how many."""
    groups = [("state", f"hospitals in {hospital.state}", Q(state=hospital.state))]
    if hospital.hospital_type:
        groups.append(("type", hospital.hospital_type.lower(), Q(hospital_type=hospital.hospital_type)))
    band = bed_band_range(hospital.beds)
    if band:
        groups.append(
            ("beds", f"hospitals with {bed_band(hospital.beds)}", Q(beds__gte=band[0], beds__lt=band[1]))
        )
    ranks = []
    for code, label, condition in groups:
        figures = Hospital.objects.filter(condition).aggregate(
            total=Count("pk"), above=Count("pk", filter=Q(total_followers__gt=hospital.total_followers))
        )
        ranks.append({"code": code, "label": label, "rank": figures["above"] + 1, "of": figures["total"]})
    return ranks


def hospital_follower_series(accounts: list[SocialAccount]) -> dict:
    """A hospital's follower counts for its chart and table, from `hospital_accounts`: one
    series per account with counts (points oldest first, the network's color, a distinct one
    when several networks share black), and the last 24 months as rows of one value per series."""
    from .charts import PALETTE

    series: list[dict[str, Any]] = []
    counted = [a for a in accounts if any(o.followers is not None for o in a.observations.all())]
    for index, account in enumerate(counted):
        color = account.network.color
        if color == "#000000" and index:
            color = PALETTE[index % len(PALETTE)]
        series.append(
            {
                "name": f"{account.network.name} ({account.handle})",
                "color": color,
                "points": [(o.observed_on, o.followers) for o in account.observations.all()],
                "account": account,
                "generated": account.is_generated
                or any(o.source == Observation.Source.GENERATED for o in account.observations.all()),
            }
        )
    months = sorted({d.replace(day=1) for s in series for d, _ in s["points"]})
    lookup = [{d.replace(day=1): v for d, v in s["points"]} for s in series]
    table = [(m, [values.get(m) for values in lookup]) for m in months[-24:]]
    return {"series": series, "table": table}


def hospital_history(hospital: Hospital, limit: int = 20) -> list[AccountChange]:
    return list(hospital.changes.select_related("actor", "account__network")[:limit])


# --- The census ------------------------------------------------------------------------------

DEMO_NOTICE = (
    "Demo data: some accounts and follower counts in this census were generated to demonstrate the "
    "site, on real hospital names. They were not measured and say nothing about those hospitals."
)
FOLLOWERS_NOTE = (
    "Followers are each account's latest count up to the end of the month (for the current month, up "
    "to {as_of}), carried forward at most {days} days: an account not yet counted this month keeps its "
    "last count, and accounts without a count in that window are left out."
)


def latest_run() -> CensusRun | None:
    return CensusRun.objects.order_by("-computed_at").first()


# The cached notice is stored under this version; the services that add or remove accounts and
# observations replace it (`services.forget_demo_notice`), so a change shows at once.
DEMO_NOTICE_VERSION = "census:demo-notice-version"


def demo_notice() -> str:
    """DEMO_NOTICE while any generated (demo) account or observation exists, else "". Cached
    for a minute under a version the writing services bump: a partial index makes the check
    cheap, but pages should not repeat it."""
    version = cache.get_or_set(DEMO_NOTICE_VERSION, lambda: uuid.uuid4().hex, None)
    key = f"census:demo-notice:{version}"
    notice = cache.get(key)
    if notice is None:
        generated = (
            SocialAccount.objects.filter(is_generated=True).exists()
            or Observation.objects.filter(source=Observation.Source.GENERATED).exists()
        )
        notice = DEMO_NOTICE if generated else ""
        cache.set(key, notice, 60)
    return notice


def followers_note(run: CensusRun | None) -> str:
    """The rule behind every follower figure, as the growth table and the exports state it."""
    from .services.recompute import CARRY_FORWARD_DAYS

    as_of = run.as_of.isoformat() if run else "today"
    return FOLLOWERS_NOTE.format(as_of=as_of, days=CARRY_FORWARD_DAYS)


def census_overview() -> dict:
    """Everything the dashboard shows, read from the precomputed figures and cached per run."""
    run = latest_run()
    key = f"census:overview:{run.pk if run else 0}"
    overview = cache.get(key)
    if overview is None:
        overview = _build_overview(run)
        cache.set(key, overview, 3600)
    return overview


def _build_overview(run) -> dict:
    network_list = networks()
    names = {n.slug: n.name for n in network_list}
    by_dimension: dict[str, list[CensusFigure]] = defaultdict(list)
    for row in CensusFigure.objects.all().order_by("dimension", "key", "network", "period"):
        by_dimension[row.dimension].append(row)
    overall = next((r for r in by_dimension["overall"] if r.network == ""), CensusFigure(dimension="overall"))
    per_network_overall = {r.network: r for r in by_dimension["overall"]}
    per_network = [
        {
            "slug": r.network,
            "name": names.get(r.network, r.network),
            "figure": r,
            "hospitals_present": per_network_overall.get(r.network, r).hospitals_present,
        }
        for r in sorted(
            by_dimension["network"],
            key=lambda r: [n.slug for n in network_list].index(r.network) if r.network in names else 99,
        )
    ]

    def cut(dimension):
        return sorted((r for r in by_dimension[dimension] if r.network == ""), key=lambda r: r.key)

    months: dict[str, list[CensusFigure]] = defaultdict(list)
    for row in by_dimension["month"]:
        months[row.network].append(row)
    years: dict[str, list[CensusFigure]] = defaultdict(list)
    for row in by_dimension["year"]:
        years[row.network].append(row)
    state_network: dict[str, dict[str, int]] = defaultdict(dict)
    for row in by_dimension["state"]:
        if row.network:
            state_network[row.key][row.network] = row.hospitals_present
    return {
        "run": run,
        "demo_notice": DEMO_NOTICE if run and run.demo_data else "",
        "followers_note": followers_note(run),
        "overall": overall,
        "networks": per_network,
        "states": cut("state"),
        "state_network": dict(state_network),
        "types": cut("hospital_type"),
        "ownerships": cut("ownership"),
        "months": dict(months),
        "years": dict(years),
        "growth": yoy_growth(dict(months), names),
    }


def _pct(now: int, before: int) -> float | None:
    if not before:
        return None
    return round((now - before) * 100.0 / before, 1)


def yoy_growth(months: dict[str, list[CensusFigure]], names: dict[str, str]) -> list[dict[str, Any]]:
    """Per network: open accounts and followers in the latest month against the same month a
    year earlier, and the change in percent (None where there was nothing a year earlier)."""
    rows: list[dict[str, Any]] = []
    for slug, series in months.items():
        if not slug or not series:
            continue
        latest = series[-1]
        if latest.period is None:  # monthly figures always carry their month
            continue
        year_before = latest.period.replace(year=latest.period.year - 1)
        earlier = next((r for r in series if r.period == year_before), None)
        accounts_before = earlier.accounts_active if earlier else 0
        followers_before = earlier.followers if earlier else 0
        rows.append(
            {
                "slug": slug,
                "name": names.get(slug, slug),
                "month": latest.period,
                "accounts": latest.accounts_active,
                "accounts_before": accounts_before,
                "accounts_growth": _pct(latest.accounts_active, accounts_before),
                "followers": latest.followers,
                "followers_before": followers_before,
                "followers_growth": _pct(latest.followers, followers_before),
            }
        )
    order = list(names)
    rows.sort(key=lambda r: order.index(r["slug"]) if r["slug"] in order else 99)
    return rows


def dashboard_series(overview: dict) -> dict:
    """The dashboard's chart series, from `census_overview`: hospitals present against the
    published list, open accounts and followers per network by month, and 2009–2013 against
    the published totals. Months without a follower figure are None, not zero."""
    network_list = networks()
    colors = {n.slug: n.color for n in network_list}
    months = overview["months"]
    reliable = [r for r in reference_series() if r["reliable"]]
    present = [
        {
            "name": "Hospitals with a presence (census)",
            "points": [(m.period, m.hospitals_present) for m in months.get("", [])],
            "color": "#1f5fa8",
        },
        {
            "name": "Organizations on the published list",
            "points": [(r["date"], r["organizations"]) for r in reliable],
            "dots": True,
            "color": "#d9480f",
        },
    ]
    accounts: list[dict[str, Any]] = [
        {
            "name": n.name,
            "color": colors[n.slug],
            "points": [(m.period, m.accounts_active) for m in months.get(n.slug, [])],
        }
        for n in network_list
        if months.get(n.slug)
    ]
    followers = [
        {
            "name": n.name,
            "color": colors[n.slug],
            "points": [(m.period, m.followers or None) for m in months.get(n.slug, [])],
        }
        for n in network_list
        if months.get(n.slug)
    ]
    published = [
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
        for s in accounts
        if s["name"].split()[0] in ("Facebook", "X", "YouTube", "Blog")
    ]
    return {
        "networks": network_list,
        "presence": present,
        "accounts": accounts,
        "followers": followers,
        "reference": early + published,
        "network_bars": [
            (row["name"], row["hospitals_present"], colors.get(row["slug"], "#555"))
            for row in overview["networks"]
        ],
        "states": {row.key: (row.hospitals_present, row.hospitals) for row in overview["states"]},
    }


def top_movers(limit: int = 10) -> list[Hospital]:
    """Hospitals whose followers grew most over the last 12 months."""
    return list(Hospital.objects.filter(follower_growth__gt=0).order_by("-follower_growth", "name")[:limit])


@functools.cache
def _reference_rows(path: str) -> tuple:
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append(row)
    return tuple(rows)


def reference_series() -> list[dict]:
    """The published totals of the historical Hospital Social Network List (2009–2013), with the
    rows the source marks as unreliable or partial flagged."""
    path = DATA_DIR / "hospital_social_network_list_counts.csv"
    if not path.exists():
        path = Path(settings.HOSPITAL_DATA_DIR) / "hospital_social_network_list_counts.csv"
    if not path.exists():
        return []

    def number(text):
        text = (text or "").strip().rstrip("+")
        return int(text) if text.isdigit() else None

    series = []
    for row in _reference_rows(str(path)):
        as_of = row["as_of"].strip()
        try:
            parts = [int(p) for p in as_of.split("-")]
            date = datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
        except (ValueError, IndexError):
            date = None
        series.append(
            {
                "as_of": as_of,
                "date": date,
                "scope": row["scope"],
                "organizations": number(row["organizations"]),
                "youtube": number(row["youtube"]),
                "facebook": number(row["facebook"]),
                "x": number(row["twitter"]),
                "blog": number(row["blogs"]),
                "linkedin": number(row["linkedin"]),
                "foursquare": number(row["foursquare"]),
                "total": number(row["total_listings"]),
                "source_url": row["source_url"],
                "note": row["note"],
                "reliable": date is not None and row["scope"].startswith("HSNL"),
            }
        )
    return series


# --- Moderation ------------------------------------------------------------------------------


def is_moderator(user) -> bool:
    return has_role(user, Role.MODERATOR)


def moderation_queue(user) -> QuerySet[AccountSubmission]:
    """Pending submissions, oldest first; 404 for anyone who is not a moderator."""
    if not is_moderator(user):
        raise Http404
    return (
        AccountSubmission.objects.filter(status=AccountSubmission.Status.PENDING)
        .select_related("hospital", "network", "account", "submitted_by")
        .prefetch_related(
            Prefetch("hospital__accounts", queryset=SocialAccount.objects.select_related("network"))
        )
        .order_by("created_at", "pk")
    )


def access_submission(user, pk: int) -> AccountSubmission:
    """A pending submission for a moderator, else 404."""
    return _pending_or_404(user, pk)


def _pending_or_404(user, pk) -> AccountSubmission:
    try:
        return moderation_queue(user).get(pk=pk)
    except AccountSubmission.DoesNotExist:
        raise Http404 from None


def access_account(user, pk: int) -> SocialAccount:
    """An account the user may edit (moderator, or admin of the claiming organization), else 404."""
    from .services.accounts import can_edit_accounts

    account = SocialAccount.objects.select_related("hospital__organization", "network").filter(pk=pk).first()
    if account is None or not can_edit_accounts(user, account.hospital):
        raise Http404
    return account


# --- For the consulting app ------------------------------------------------------------------


def accounts_for_organization(organization) -> QuerySet[SocialAccount]:
    """The accounts of the hospitals `organization` has claimed."""
    return SocialAccount.objects.filter(hospital__organization=organization).select_related(
        "network", "hospital"
    )


def metric_series_for_organization(
    *, organization, network: str, metric: str
) -> list[tuple[datetime.date, int]]:
    """(date, value) for `metric` ("followers" or "posts") summed per date over the
    organization's accounts on `network` (a network slug), oldest first."""
    if metric not in ("followers", "posts"):
        raise ValueError(f"metric must be 'followers' or 'posts', not {metric!r}")
    rows = (
        Observation.objects.filter(
            account__hospital__organization=organization,
            network__slug=network,
            **{f"{metric}__isnull": False},
        )
        .values("observed_on")
        .annotate(total=Sum(metric))
        .order_by("observed_on")
    )
    return [(row["observed_on"], int(row["total"])) for row in rows]


def census_url_for_organization(organization) -> str:
    """The census page of the (first) hospital the organization claimed, or ""."""
    hospital = Hospital.objects.filter(organization=organization).order_by("name").only("facility_id").first()
    return hospital.get_absolute_url() if hospital else ""


def claimable_hospitals(organization) -> QuerySet[Hospital]:
    return Hospital.objects.filter(Q(organization__isnull=True) | Q(organization=organization))


def dormant_since() -> datetime.date:
    return dormant_cutoff(timezone.localdate())
