"""The census figures, computed once from the rows and stored in CensusFigure, so pages read a
few hundred precomputed rows instead of aggregating millions of observations per request.

Current figures come from the accounts (their latest figures are kept on each account);
the monthly follower series is one grouped query over observations using a covering index.
Run after imports and approvals (`recompute_census_task`) and from `medsocial recompute-census`."""

import datetime
import time
from collections import defaultdict

from django.db import connection, transaction
from django.utils import timezone

from medsocial.core import page_cache

from ..models import CensusFigure, CensusRun, Hospital, Network, Observation, SocialAccount, dormant_cutoff

SERIES_START = datetime.date(2006, 1, 1)


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(month: datetime.date) -> datetime.date:
    return add_months(month, 1) - datetime.timedelta(days=1)


def _monthly_followers() -> dict[tuple[datetime.date, int], int]:
    """(month, network id) → followers summed over accounts, each account counted once a month
    with its last observation of that month (flagged `month_last` when observations are written,
    so this is one scan of a covering index)."""
    table = Observation._meta.db_table
    sql = (
        f"SELECT month, network_id, SUM(followers) FROM {table} WHERE month_last = %s AND followers IS NOT NULL "
        f"GROUP BY month, network_id"
    )
    result = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [True])
        for month, network_id, total in cursor.fetchall():
            if isinstance(month, str):
                month = datetime.date.fromisoformat(month)
            result[(month, network_id)] = int(total or 0)
    return result


def _followers_in_month(month: datetime.date) -> dict[int, int]:
    """Account id → its follower count at the end of `month`."""
    rows = Observation.objects.filter(month_last=True, month=month, followers__isnull=False).values_list(
        "account_id", "followers"
    )
    return dict(rows)


def _new_figure(dimension, key="", network="", period=None) -> CensusFigure:
    return CensusFigure(dimension=dimension, key=key, network=network, period=period)


@transaction.atomic
def recompute_census(*, as_of: datetime.date | None = None) -> CensusRun:
    """Recompute every census figure and each hospital's standing; returns the run."""
    page_cache.bump("census")  # bulk writes send no signals
    started = time.perf_counter()
    as_of = as_of or timezone.localdate()
    cutoff = dormant_cutoff(as_of)
    networks = {n.pk: n.slug for n in Network.objects.all()}
    hospitals = {
        pk: (state, htype, ownership)
        for pk, state, htype, ownership in Hospital.objects.values_list(
            "pk", "state", "hospital_type", "ownership"
        )
    }
    accounts = list(
        SocialAccount.objects.filter(first_seen__lte=as_of).values_list(
            "pk", "hospital_id", "network_id", "first_seen", "closed_on", "last_active_on", "latest_followers"
        )
    )
    figures: dict[tuple, CensusFigure] = {}

    def figure(dimension, key="", network="", period=None) -> CensusFigure:
        index = (dimension, key, network, period)
        if index not in figures:
            figures[index] = _new_figure(dimension, key, network, period)
        return figures[index]

    # Hospitals per cut (denominators), for every network column too.
    cuts = ("state", "hospital_type", "ownership")
    group_sizes: dict[tuple[str, str], int] = defaultdict(int)
    for values in hospitals.values():
        group_sizes[("overall", "")] += 1
        for dimension, key in zip(cuts, values, strict=True):
            group_sizes[(dimension, key)] += 1
    for (dimension, key), size in group_sizes.items():
        for network in [""] + list(networks.values()):
            figure(dimension, key, network).hospitals = size
    figure("overall")
    for slug in networks.values():
        figure("network", slug, slug)

    # Current figures from the accounts.
    present: dict[str, set] = defaultdict(set)
    year_ago = _followers_in_month(add_months(month_start(as_of), -12))
    standing: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])  # open accounts, followers, growth
    for pk, hospital_id, network_id, first_seen, closed_on, last_active_on, followers in accounts:
        slug = networks[network_id]
        state, htype, ownership = hospitals[hospital_id]
        is_closed = closed_on is not None and closed_on <= as_of
        dormant = not is_closed and (last_active_on or first_seen) < cutoff
        targets = [("overall", ""), ("network", slug)]
        targets += list(zip(cuts, (state, htype, ownership), strict=True))
        for dimension, key in targets:
            for network in ("", slug) if dimension != "network" else (slug,):
                row = figure(dimension, key, network)
                if is_closed:
                    row.accounts_closed += 1
                    continue
                if dormant:
                    row.accounts_dormant += 1
                else:
                    row.accounts_active += 1
                row.followers += followers or 0
                present[(dimension, key, network, None)].add(hospital_id)
        if not is_closed:
            mine = standing[hospital_id]
            mine[0] += 1
            mine[1] += followers or 0
            mine[2] += (followers or 0) - year_ago.get(pk, 0)
    for index, hospital_ids in present.items():
        figures[index].hospitals_present = len(hospital_ids)
    for slug in networks.values():
        figure("network", slug, slug).hospitals = figure("overall", "", slug).hospitals

    # Monthly series: accounts opened, open at month end, followers; per network and all.
    last_month = month_start(as_of)
    opened = defaultdict(int)
    closed = defaultdict(int)
    presence_from: dict[int, datetime.date] = {}
    still_open: set[int] = set()
    last_closed: dict[int, datetime.date] = {}
    for _pk, hospital_id, network_id, first_seen, closed_on, _active, _followers in accounts:
        slug = networks[network_id]
        start = max(month_start(first_seen), SERIES_START)
        is_closed = closed_on is not None and closed_on <= as_of
        for network in ("", slug):
            opened[(start, network)] += 1
            if is_closed:
                closed[(add_months(month_start(closed_on), 1), network)] += 1
        presence_from[hospital_id] = min(presence_from.get(hospital_id, start), start)
        if is_closed:
            ends = add_months(month_start(closed_on), 1)
            last_closed[hospital_id] = max(last_closed.get(hospital_id, ends), ends)
        else:
            still_open.add(hospital_id)
    hospitals_joined = defaultdict(int)
    hospitals_left = defaultdict(int)
    for hospital_id, start in presence_from.items():
        hospitals_joined[start] += 1
        if hospital_id not in still_open:
            hospitals_left[last_closed[hospital_id]] += 1
    followers_by_month = _monthly_followers()
    first_month = min([m for m, _ in opened] + [last_month])
    running = defaultdict(int)
    present_running = 0
    month = first_month
    while month <= last_month:
        present_running += hospitals_joined[month] - hospitals_left[month]
        for network in [""] + list(networks.values()):
            running[network] += opened[(month, network)] - closed[(month, network)]
            row = figure("month", "", network, month)
            row.accounts_opened = opened[(month, network)]
            row.accounts_active = running[network]
            row.hospitals = len(hospitals)
        figure("month", "", "", month).hospitals_present = present_running
        month = add_months(month, 1)
    for (month, network_id), total in followers_by_month.items():
        if first_month <= month <= last_month:
            figure("month", "", networks[network_id], month).followers = total
            figure("month", "", "", month).followers += total

    # Yearly: the year's last month (or the current month), with the year's openings summed.
    for (dimension, _key, network, period), row in list(figures.items()):
        if dimension != "month":
            continue
        year = figure("year", str(period.year), network, datetime.date(period.year, 1, 1))
        year.accounts_opened += row.accounts_opened
        if period.month == 12 or period == last_month:
            year.accounts_active = row.accounts_active
            year.followers = row.followers
            year.hospitals = row.hospitals
            year.hospitals_present = row.hospitals_present

    _replace_figures(figures.values())
    _store_standing(standing)
    CensusRun.objects.all().delete()  # one row: when the current figures were computed
    run = CensusRun.objects.create(
        computed_at=timezone.now(), as_of=as_of, duration_ms=int((time.perf_counter() - started) * 1000)
    )
    return run


def _store_standing(standing: dict[int, list[int]]) -> None:
    """Write each hospital's open accounts, followers and year's growth where they changed
    (an upsert per batch: bulk_update's CASE expressions are far slower on thousands of rows)."""
    changed_ids = [
        pk
        for pk, count, followers, growth in Hospital.objects.values_list(
            "pk", "account_count", "total_followers", "follower_growth"
        )
        if (count, followers, growth) != tuple(standing.get(pk, (0, 0, 0)))
    ]
    changed = []
    for start in range(0, len(changed_ids), 500):
        for hospital in Hospital.objects.filter(pk__in=changed_ids[start : start + 500]):
            hospital.account_count, hospital.total_followers, hospital.follower_growth = standing.get(
                hospital.pk, (0, 0, 0)
            )
            changed.append(hospital)
    Hospital.objects.bulk_create(
        changed,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["facility_id"],
        update_fields=["account_count", "total_followers", "follower_growth"],
    )


FIGURE_COLUMNS = [
    "dimension",
    "key",
    "network",
    "period",
    "hospitals",
    "hospitals_present",
    "accounts_active",
    "accounts_dormant",
    "accounts_closed",
    "accounts_opened",
    "followers",
]


def _replace_figures(figures) -> None:
    """Swap in the new figures with one DELETE and a plain multi-row INSERT (thousands of rows;
    building model instances through bulk_create would cost more than the census itself)."""
    table = connection.ops.quote_name(CensusFigure._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in FIGURE_COLUMNS)
    placeholders = ", ".join(["%s"] * len(FIGURE_COLUMNS))
    rows = [tuple(getattr(f, c) for c in FIGURE_COLUMNS) for f in figures]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
        for start in range(0, len(rows), 5000):
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows[start : start + 5000]
            )
