"""Demo data for the census: the real CMS hospitals (and HIFLD websites and beds), plus
generated accounts and monthly observations, seeded so every run makes the same data.

Adoption per network follows cumulative curves drawn through the totals published for the
Hospital Social Network List in 2009–2013 (Facebook 83 → 1,018, Twitter 132 → 788 …) and
carried on to today's shares, so the census computed from the generated rows reproduces
the published series' shape. After 2013 the curves are kept to about half of the hospitals,
the share a demo needs to show every page at work while loading in well under a minute. `load()` is idempotent: with accounts present it only makes
sure the hospitals are imported and the figures computed."""

import datetime
import math
import random
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import AccountSubmission, CensusRun, Hospital, Network, Observation, SocialAccount
from .networks import canonical_account
from .services.imports import import_hospital_websites, import_hospitals
from .services.recompute import add_months, recompute_census

SEED = 2009
FULL_SCALE = 5381  # hospitals in the CMS file the curves below are drawn for

# (year, month, hospitals with an account on the network); published points marked in comments.
ADOPTION = {
    "facebook": [
        (2007, 6, 0),
        (2009, 4, 83),
        (2009, 10, 203),
        (2010, 2, 336),
        (2011, 10, 1018),  # published
        (2013, 6, 1500),
        (2016, 1, 1900),
        (2020, 1, 2200),
        (2025, 6, 2350),
    ],
    "x": [
        (2007, 9, 0),
        (2009, 4, 132),
        (2009, 10, 284),
        (2010, 2, 430),
        (2011, 10, 788),  # published
        (2013, 6, 1100),
        (2016, 1, 1400),
        (2020, 1, 1550),
        (2025, 6, 1600),
    ],
    "youtube": [
        (2006, 6, 0),
        (2009, 4, 126),
        (2009, 10, 194),
        (2010, 2, 254),
        (2011, 10, 548),  # published
        (2013, 6, 750),
        (2016, 1, 1000),
        (2020, 1, 1250),
        (2025, 6, 1350),
    ],
    "blog": [
        (2006, 1, 0),
        (2009, 4, 23),
        (2009, 10, 44),
        (2010, 2, 70),
        (2011, 10, 137),  # published
        (2013, 6, 200),
        (2016, 1, 260),
        (2025, 6, 300),
    ],
    "linkedin": [
        (2008, 6, 0),
        (2011, 10, 458),
        (2013, 6, 700),
        (2016, 1, 1100),
        (2020, 1, 1600),
        (2025, 6, 1900),
    ],
    "instagram": [(2012, 1, 0), (2013, 6, 80), (2016, 1, 550), (2020, 1, 1400), (2025, 6, 1800)],
    "pinterest": [(2012, 1, 0), (2013, 6, 150), (2016, 1, 250), (2025, 6, 330)],
    "podcast": [(2010, 1, 0), (2016, 1, 60), (2020, 1, 180), (2025, 6, 290)],
    "tiktok": [(2019, 6, 0), (2021, 1, 120), (2023, 1, 360), (2025, 6, 540)],
    "threads": [(2023, 7, 0), (2024, 1, 180), (2025, 6, 290)],
    "bluesky": [(2023, 6, 0), (2024, 11, 60), (2025, 6, 190)],
    "mastodon": [(2022, 11, 0), (2023, 6, 40), (2025, 6, 55)],
}
# Typical audience of a hospital account on each network when fully grown (median).
AUDIENCE = {
    "facebook": 9000,
    "x": 2500,
    "youtube": 900,
    "blog": 0,
    "linkedin": 4000,
    "instagram": 2500,
    "pinterest": 400,
    "podcast": 0,
    "tiktok": 1500,
    "threads": 800,
    "bluesky": 300,
    "mastodon": 150,
}
# Share of a network's accounts that were closed, and when closing began.
CLOSURES = {"x": (0.08, 2023), "pinterest": (0.15, 2018), "blog": (0.2, 2015), "mastodon": (0.3, 2024)}


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _from_index(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


def _adoption_months(knots, adopters: int, scale: float, last: datetime.date) -> list[int]:
    """The month (index) in which each of `adopters` accounts opens, following the knots."""
    points = [(_month_index(datetime.date(y, m, 1)), count * scale) for y, m, count in knots]
    months = []
    for rank in range(adopters):
        target = rank + 0.5
        for (m0, c0), (m1, c1) in zip(points, points[1:], strict=False):
            if c0 <= target <= c1 and c1 > c0:
                months.append(int(m0 + (target - c0) * (m1 - m0) / (c1 - c0)))
                break
        else:
            months.append(points[-1][0])
    return [min(m, _month_index(last)) for m in months]


def _handle(hospital_name: str, network: str, taken: set, rng: random.Random) -> str:
    words = [
        w
        for w in "".join(c if c.isalnum() or c == " " else " " for c in hospital_name.lower()).split()
        if w not in {"the", "of", "and", "inc", "llc"}
    ]
    base = "".join(words)[:12] or "hospital"
    if network in ("linkedin",):
        base = "-".join(words)[:40] or "hospital"
    candidate = base
    while (network, candidate) in taken:
        candidate = f"{base[:11]}{rng.randint(1, 999)}"
    taken.add((network, candidate))
    return candidate


def _address(network: Network, handle: str, website: str) -> str:
    if network.slug == "mastodon":
        return f"@{handle[:20].replace('-', '')}@mastodon.social"
    if network.slug in ("blog", "podcast"):
        return f"https://{handle}.example.org/{network.slug}"
    if network.slug == "bluesky":
        return f"@{handle.replace('-', '')}.bsky.social"
    return handle.replace("-", "") if network.slug not in ("linkedin",) else handle


def load(*, stdout=None, small: bool = False) -> None:
    started = time.perf_counter()
    cms = Path(settings.HOSPITAL_DATA_DIR) / "cms_hospital_general_information.csv"
    limit = 300 if small else None
    report = import_hospitals(cms, limit=limit)
    if not small:
        import_hospital_websites(Path(settings.HOSPITAL_DATA_DIR) / "hifld_hospitals.csv")
    generated = not SocialAccount.objects.exists()
    if generated:
        _generate(small=small)
    _claim_for_demo_organizations()
    _pending_submissions()
    # A second run that changed nothing keeps the figures it already has.
    run = CensusRun.objects.order_by("-pk").first()
    if generated or report.created or report.updated or run is None:
        run = recompute_census()
    if stdout:
        stdout.write(
            f"census: {Hospital.objects.count()} hospitals ({report.created} new), {SocialAccount.objects.count()} accounts, "
            f"{Observation.objects.count()} observations; figures in {run.duration_ms} ms; {time.perf_counter() - started:.1f} s\n"
        )


def _generate(*, small: bool) -> None:
    rng = random.Random(SEED)
    today = timezone.localdate()
    last = add_months(today.replace(day=1), -1)  # the last complete month
    first_observed = _month_index(last) - (15 * 12 - 1)
    step = 6 if small else 1
    hospitals = list(Hospital.objects.order_by("facility_id").values_list("pk", "name", "beds", "website"))
    scale = len(hospitals) / FULL_SCALE
    networks = {n.slug: n for n in Network.objects.all()}
    # Propensity: hospitals that adopt one network early tend to adopt the others too.
    propensity = {pk: rng.random() for pk, *_ in hospitals}
    size = {pk: (beds or rng.choice([25, 60, 120, 250, 400])) for pk, _name, beds, _web in hospitals}
    names = {pk: name for pk, name, *_ in hospitals}
    taken: set = set()
    accounts, plans = [], []
    for slug, knots in ADOPTION.items():
        network = networks.get(slug)
        if network is None:
            continue
        adopters_count = int(round(knots[-1][2] * scale))
        ranked = sorted(hospitals, key=lambda h: propensity[h[0]] + rng.gauss(0, 0.15), reverse=True)[
            :adopters_count
        ]
        months = _adoption_months(knots, adopters_count, scale, last)
        closing_share, closing_year = CLOSURES.get(slug, (0, 0))
        for (pk, _name, _beds, website), opened in zip(ranked, months, strict=True):
            handle_seed = _handle(names[pk], slug, taken, rng)
            canonical = canonical_account(network, _address(network, handle_seed, website))
            opened_on = _from_index(opened) + datetime.timedelta(days=rng.randint(0, 27))
            closed_on = None
            if closing_share and rng.random() < closing_share:
                start = max(_month_index(datetime.date(closing_year, 1, 1)), opened + 6)
                if start < _month_index(last):
                    closed_on = _from_index(rng.randint(start, _month_index(last))) + datetime.timedelta(
                        days=14
                    )
            # A share of open accounts fall silent: their posts stop growing.
            silent_from = None
            if closed_on is None and rng.random() < 0.12:
                silent_from = rng.randint(max(opened + 3, _month_index(last) - 60), _month_index(last))
            accounts.append(
                SocialAccount(
                    hospital_id=pk,
                    network=network,
                    handle=canonical.handle,
                    url=canonical.url,
                    first_seen=opened_on,
                    closed_on=closed_on,
                    is_generated=True,
                )
            )
            plans.append((opened, closed_on, silent_from, size[pk], slug))
    SocialAccount.objects.bulk_create(accounts, batch_size=2000)
    if connection.vendor == "sqlite":
        # The observation indexes take inserts in random order; a larger page cache for this
        # connection keeps them in memory until the transaction commits.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
    now = timezone.now()
    rows = []
    table = Observation._meta.db_table
    sql = (
        f"INSERT INTO {table} (account_id, network_id, observed_on, month, followers, following, posts, source, month_last, "
        f"recorded_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    for account, (opened, closed_on, silent_from, beds, slug) in zip(accounts, plans, strict=True):
        end = _month_index(closed_on) - 1 if closed_on else _month_index(last)
        audience = AUDIENCE[slug] * (beds / 150) ** 0.8 * math.exp(rng.gauss(0, 0.8))
        pace = rng.uniform(20, 70)  # months to reach half the audience
        posts_per_month = max(1.0, math.exp(rng.gauss(2.3, 0.6)))
        followers = posts = 0
        last_active = None
        latest = None
        start = max(opened, first_observed)
        start += (end - start) % step
        for index in range(start, end + 1, step):
            age = index - opened
            target = audience / (1 + math.exp(-(age - pace) / (pace / 3)))
            silent = silent_from is not None and index >= silent_from
            if audience > 0:
                followers = max(
                    0, int(target * (0.97 if silent else 1) + rng.gauss(0, max(target * 0.01, 1)))
                )
            new_posts = 0 if silent else max(0, int(rng.gauss(posts_per_month, posts_per_month / 3))) * step
            if new_posts or index == start:
                last_active = _from_index(index)
            posts += new_posts
            day = _from_index(index) + datetime.timedelta(days=14)
            rows.append(
                (
                    account.pk,
                    account.network_id,
                    day,
                    _from_index(index),
                    followers if audience > 0 else None,
                    None,
                    posts,
                    Observation.Source.GENERATED,
                    True,
                    now,
                )
            )
            latest = (day, followers if audience > 0 else None)
        if latest:
            account.latest_observed_on, account.latest_followers = latest
            account.last_active_on = max(last_active + datetime.timedelta(days=14), account.first_seen)
        else:
            account.last_active_on = account.first_seen
        if len(rows) >= 20000:
            with connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            rows = []
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    SocialAccount.objects.bulk_update(
        accounts, ["latest_followers", "latest_observed_on", "last_active_on"], batch_size=1000
    )


def _claim_for_demo_organizations() -> None:
    """Give the demo health systems a hospital each, so their admins can edit its accounts."""
    from medsocial.accounts.models import Organization

    for slug, state in (("lakeshore-health", "IL"), ("prairie-community-hospital", "NE")):
        organization = Organization.objects.filter(slug=slug).first()
        if organization is None or Hospital.objects.filter(organization=organization).exists():
            continue
        candidates = (
            Hospital.objects.filter(organization__isnull=True, accounts__isnull=False)
            .distinct()
            .order_by("facility_id")
        )
        hospital = candidates.filter(state=state).first() or candidates.first()
        if hospital:
            Hospital.objects.filter(pk=hospital.pk).update(organization=organization)


def _pending_submissions() -> None:
    """Two submissions waiting in the moderators' queue."""
    if AccountSubmission.objects.exists():
        return
    hospital = (
        Hospital.objects.filter(account_count=0).order_by("facility_id").first()
        or Hospital.objects.order_by("facility_id").first()
    )
    facebook = Network.objects.filter(slug="facebook").first()
    if hospital and facebook:
        handle = "".join(c for c in hospital.name.lower() if c.isalnum())[:30]
        if not SocialAccount.objects.filter(network=facebook, handle=handle).exists():
            AccountSubmission.objects.create(
                hospital=hospital,
                kind=AccountSubmission.Kind.NEW,
                network=facebook,
                address=f"https://www.facebook.com/{handle}",
                followers=1200,
                email="reader@example.org",
                note="Their page is linked from the hospital's home page.",
            )
    account = SocialAccount.objects.filter(closed_on__isnull=True, network__slug="x").order_by("pk").first()
    if account:
        AccountSubmission.objects.create(
            hospital=account.hospital,
            kind=AccountSubmission.Kind.CLOSED,
            network=account.network,
            account=account,
            closed_on=timezone.localdate() - datetime.timedelta(days=30),
            email="watcher@example.org",
            note="The account says it no longer posts here.",
        )
