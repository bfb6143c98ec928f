"""The census figures, computed once from the rows and stored in CensusFigure, so pages read a
few hundred precomputed rows instead of aggregating millions of observations per request.

A recompute is a few named steps over what it loads once (`CensusInputs`): the current
figures per cut, the monthly series, the yearly roll-up, each hospital's standing; then the
figures are swapped in. One recompute runs at a time (`_one_at_a_time`) and the swap happens in
its transaction, so readers see either the old figures or the new, never both or neither.

Followers of a period are each account's latest count up to the period's end, carried forward
at most CARRY_FORWARD_DAYS: an account not yet observed this month still counts with last
month's figure instead of dropping to zero. Run after imports and approvals
(`recompute_census_task`) and from `medsocial recompute-census`."""

import datetime
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

from medsocial.core import page_cache
from medsocial.core.faults import pause_point

from ..models import CensusFigure, CensusRun, Hospital, Network, Observation, SocialAccount, dormant_cutoff
from ..selectors import DEMO_NOTICE_VERSION

SERIES_START = datetime.date(2006, 1, 1)
# How long an account's last follower count stands for it when it has no newer one.
CARRY_FORWARD_DAYS = 90
# The key of the PostgreSQL advisory lock that admits one recompute at a time ("census").
RECOMPUTE_LOCK_KEY = 0x63656E737573
CUTS = ("state", "hospital_type", "ownership")


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(month: datetime.date) -> datetime.date:
    return add_months(month, 1) - datetime.timedelta(days=1)


def _as_date(value) -> datetime.date | None:
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value


@dataclass
class CensusInputs:
    """What every step reads, loaded once."""

    as_of: datetime.date
    networks: dict[int, str]  # network id → slug
    hospitals: dict[int, tuple[str, str, str]]  # hospital id → (state, type, ownership)
    # (pk, hospital id, network id, first seen, closed on, last active on, latest followers)
    accounts: list[tuple]
    figures: dict[tuple, CensusFigure] = field(default_factory=dict)

    @property
    def last_month(self) -> datetime.date:
        return month_start(self.as_of)

    def period_end(self, month: datetime.date) -> datetime.date:
        """The day a month's figures describe: its last day, or today for the current month."""
        return self.as_of if month >= self.last_month else month_end(month)

    def figure(self, dimension, key="", network="", period=None) -> CensusFigure:
        index = (dimension, key, network, period)
        if index not in self.figures:
            self.figures[index] = CensusFigure(dimension=dimension, key=key, network=network, period=period)
        return self.figures[index]


@transaction.atomic
def recompute_census(*, as_of: datetime.date | None = None) -> CensusRun:
    """Recompute every census figure and each hospital's standing; returns the run. Runs one at
    a time: a second caller waits for the first to finish, then computes from its result."""
    _one_at_a_time()
    page_cache.bump("census")  # bulk writes send no signals
    forget_demo_notice()
    started = time.perf_counter()
    inputs = _load_inputs(as_of or timezone.localdate())
    _group_sizes(inputs)
    _current_figures(inputs)
    _monthly_series(inputs)
    _yearly_rollup(inputs)
    _replace_figures(inputs.figures.values())
    pause_point("census-figures-replaced")  # half written: the figures are new, the standing is not
    _store_standing(_hospital_standing(inputs))
    return _record_run(inputs, started)


def recompute_after_commit() -> None:
    """Queue a recompute for when the current transaction commits. Called by the services that
    change accounts or observations, so every caller (page, API, CLI) keeps the figures current."""
    from ..tasks import recompute_census_task

    forget_demo_notice()
    transaction.on_commit(recompute_census_task.enqueue)


def forget_demo_notice() -> None:
    """Make the cached "demo data" notice stale: call from every write that may add or remove
    generated accounts or observations. Bumped at once and again at commit, so a page read in
    between cannot keep the old answer."""

    def new_version():
        cache.set(DEMO_NOTICE_VERSION, uuid.uuid4().hex, None)

    new_version()
    transaction.on_commit(new_version)


def _one_at_a_time() -> None:
    """Make this transaction the only recompute running. PostgreSQL: a transaction-level
    advisory lock, released at commit or rollback. SQLite: the transaction began IMMEDIATE
    (settings), which already admits a single writer, so there is nothing more to take."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [RECOMPUTE_LOCK_KEY])


def _load_inputs(as_of: datetime.date) -> CensusInputs:
    return CensusInputs(
        as_of=as_of,
        networks={n.pk: n.slug for n in Network.objects.all()},
        hospitals={
            pk: (state, htype, ownership)
            for pk, state, htype, ownership in Hospital.objects.values_list(
                "pk", "state", "hospital_type", "ownership"
            )
        },
        accounts=list(
            SocialAccount.objects.filter(first_seen__lte=as_of).values_list(
                "pk",
                "hospital_id",
                "network_id",
                "first_seen",
                "closed_on",
                "last_active_on",
                "latest_followers",
            )
        ),
    )


def _group_sizes(inputs: CensusInputs) -> None:
    """Hospitals per cut (the M of "N of M"), for the all-networks column and every network."""
    sizes: dict[tuple[str, str], int] = defaultdict(int)
    for values in inputs.hospitals.values():
        sizes[("overall", "")] += 1
        for dimension, key in zip(CUTS, values, strict=True):
            sizes[(dimension, key)] += 1
    slugs = list(inputs.networks.values())
    for (dimension, key), size in sizes.items():
        for network in ["", *slugs]:
            inputs.figure(dimension, key, network).hospitals = size
    inputs.figure("overall")
    for slug in slugs:
        inputs.figure("network", slug, slug).hospitals = inputs.figure("overall", "", slug).hospitals


def _current_figures(inputs: CensusInputs) -> None:
    """Active, dormant and closed accounts, followers and hospitals present, per cut."""
    cutoff = dormant_cutoff(inputs.as_of)
    present: dict[tuple, set] = defaultdict(set)
    for _pk, hospital_id, network_id, first_seen, closed_on, last_active_on, followers in inputs.accounts:
        slug = inputs.networks[network_id]
        is_closed = closed_on is not None and closed_on <= inputs.as_of
        dormant = not is_closed and (last_active_on or first_seen) < cutoff
        targets = [("overall", ""), ("network", slug)]
        targets += list(zip(CUTS, inputs.hospitals[hospital_id], strict=True))
        for dimension, key in targets:
            for network in ("", slug) if dimension != "network" else (slug,):
                row = inputs.figure(dimension, key, network)
                if is_closed:
                    row.accounts_closed += 1
                    continue
                if dormant:
                    row.accounts_dormant += 1
                else:
                    row.accounts_active += 1
                row.followers += followers or 0
                present[(dimension, key, network, None)].add(hospital_id)
    for index, hospital_ids in present.items():
        inputs.figures[index].hospitals_present = len(hospital_ids)


def _monthly_series(inputs: CensusInputs) -> None:
    """Per month, per network and all: accounts opened, accounts open at the month's end,
    hospitals present, and followers (carried forward, see `_monthly_followers`)."""
    opened: dict[tuple, int] = defaultdict(int)
    closed: dict[tuple, int] = defaultdict(int)
    presence_from: dict[int, datetime.date] = {}
    still_open: set[int] = set()
    last_closed: dict[int, datetime.date] = {}
    for _pk, hospital_id, network_id, first_seen, closed_on, _active, _followers in inputs.accounts:
        slug = inputs.networks[network_id]
        start = max(month_start(first_seen), SERIES_START)
        is_closed = closed_on is not None and closed_on <= inputs.as_of
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
    hospitals_joined: dict[datetime.date, int] = defaultdict(int)
    hospitals_left: dict[datetime.date, int] = defaultdict(int)
    for hospital_id, start in presence_from.items():
        hospitals_joined[start] += 1
        if hospital_id not in still_open:
            hospitals_left[last_closed[hospital_id]] += 1

    last_month = inputs.last_month
    first_month = min([m for m, _ in opened] + [last_month])
    slugs = ["", *inputs.networks.values()]
    running: dict[str, int] = defaultdict(int)
    present_running = 0
    month = first_month
    while month <= last_month:
        present_running += hospitals_joined[month] - hospitals_left[month]
        for network in slugs:
            running[network] += opened[(month, network)] - closed[(month, network)]
            row = inputs.figure("month", "", network, month)
            row.accounts_opened = opened[(month, network)]
            row.accounts_active = running[network]
            row.hospitals = len(inputs.hospitals)
        inputs.figure("month", "", "", month).hospitals_present = present_running
        month = add_months(month, 1)
    for (month, network_id), total in _monthly_followers(inputs).items():
        if first_month <= month <= last_month:
            inputs.figure("month", "", inputs.networks[network_id], month).followers += total
            inputs.figure("month", "", "", month).followers += total


def _monthly_followers(inputs: CensusInputs) -> dict[tuple[datetime.date, int], int]:
    """(month, network id) → followers summed over accounts, each account counted with its
    latest count up to the month's end when that count is at most CARRY_FORWARD_DAYS old.

    One grouped query: each account's last observation of a month (flagged `month_last` when
    observations are written) with the month of its next count (LEAD), grouped by what decides
    the months it stands for. Python then spreads each group over those months: from its own
    month up to the month before the next count, the account's closing month, and the last
    month whose end is within the carry-forward window. The `census_obs_account_month` index
    gives the rows in the window's order, so the database neither sorts nor reads the table."""
    observations = connection.ops.quote_name(Observation._meta.db_table)
    accounts = connection.ops.quote_name(SocialAccount._meta.db_table)
    sql = (
        "SELECT network_id, observed_on, next_month, closed_on, SUM(followers) FROM ("
        " SELECT o.network_id, o.observed_on, o.followers, a.closed_on,"
        "  LEAD(o.month) OVER (PARTITION BY o.account_id ORDER BY o.month) AS next_month"
        f" FROM {observations} o JOIN {accounts} a ON a.id = o.account_id"
        " WHERE o.month_last = %s AND o.followers IS NOT NULL AND o.observed_on <= %s"
        ") counts GROUP BY network_id, observed_on, next_month, closed_on"
    )
    window = datetime.timedelta(days=CARRY_FORWARD_DAYS)
    result: dict[tuple[datetime.date, int], int] = defaultdict(int)
    with connection.cursor() as cursor:
        cursor.execute(sql, [True, inputs.as_of])
        rows = cursor.fetchall()
    for network_id, observed_on, next_month, closed_on, total in rows:
        observed_on, next_month, closed_on = _as_date(observed_on), _as_date(next_month), _as_date(closed_on)
        if observed_on is None:  # the query selects dated observations only
            continue
        last = inputs.last_month
        if next_month is not None:
            last = min(last, add_months(next_month, -1))
        if closed_on is not None:
            last = min(last, month_start(closed_on))
        month = month_start(observed_on)
        while month <= last and inputs.period_end(month) - observed_on <= window:
            result[(month, network_id)] += int(total or 0)
            month = add_months(month, 1)
    return result


def _followers_at(end: datetime.date) -> dict[int, int]:
    """Account id → its latest follower count on or before `end`, within the carry-forward
    window (accounts with no count in the window are left out)."""
    start = end - datetime.timedelta(days=CARRY_FORWARD_DAYS)
    rows = (
        Observation.objects.filter(observed_on__range=(start, end), followers__isnull=False)
        .order_by("account_id", "observed_on")
        .values_list("account_id", "followers")
    )
    # Ordered by date, so each account's latest count wins.
    return {account_id: followers for account_id, followers in rows if followers is not None}


def _yearly_rollup(inputs: CensusInputs) -> None:
    """Per year: the year's last month (or the current month), with the year's openings summed."""
    for (dimension, _key, network, period), row in list(inputs.figures.items()):
        if dimension != "month":
            continue
        year = inputs.figure("year", str(period.year), network, datetime.date(period.year, 1, 1))
        year.accounts_opened += row.accounts_opened
        if period.month == 12 or period == inputs.last_month:
            year.accounts_active = row.accounts_active
            year.followers = row.followers
            year.hospitals = row.hospitals
            year.hospitals_present = row.hospitals_present


def _hospital_standing(inputs: CensusInputs) -> dict[int, list[int]]:
    """Hospital id → [open accounts, followers, followers gained over 12 months]. Growth is
    counted per account with the same carried-forward counts as the growth table: now against
    the end of the same month a year earlier (zero for an account that did not exist then);
    an account without a count in either window adds nothing to it."""
    year_ago_end = month_end(add_months(inputs.last_month, -12))
    now = _followers_at(inputs.as_of)
    year_ago = _followers_at(year_ago_end)
    standing: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for pk, hospital_id, _network_id, first_seen, closed_on, _active, followers in inputs.accounts:
        if closed_on is not None and closed_on <= inputs.as_of:
            continue
        mine = standing[hospital_id]
        mine[0] += 1
        mine[1] += followers or 0
        before = 0 if first_seen > year_ago_end else year_ago.get(pk)
        if pk in now and before is not None:
            mine[2] += now[pk] - before
    return standing


def _record_run(inputs: CensusInputs, started: float) -> CensusRun:
    """One row: when the current figures were computed, and whether generated rows fed them."""
    CensusRun.objects.all().delete()
    return CensusRun.objects.create(
        computed_at=timezone.now(),
        as_of=inputs.as_of,
        duration_ms=int((time.perf_counter() - started) * 1000),
        demo_data=_generated_rows_exist(),
    )


def _generated_rows_exist() -> bool:
    return (
        SocialAccount.objects.filter(is_generated=True).exists()
        or Observation.objects.filter(source=Observation.Source.GENERATED).exists()
    )


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
    building model instances through bulk_create would cost more than the census itself).
    Call inside the recompute's transaction, after `_one_at_a_time`."""
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
