"""Fill a benchmark database with census data at production scale: 6,000 hospitals, 40,000
accounts and 2,000,000 observations (50 monthly observations per account).

Imported by census_bench.py after Django is set up against the benchmark database; the
rows are written with plain multi-row inserts (COPY on PostgreSQL) so generating takes
seconds, not the minutes the ORM would need."""

import datetime
import random

HOSPITALS = 6_000
ACCOUNTS = 40_000
OBSERVATIONS_PER_ACCOUNT = 50  # 40,000 × 50 = 2,000,000
STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
    "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR"
).split()
TYPES = ["Acute Care Hospitals", "Critical Access Hospitals", "Psychiatric", "Childrens", "Long-term"]
OWNERSHIPS = [
    "Voluntary non-profit - Private",
    "Proprietary",
    "Government - Local",
    "Government - State",
    "Voluntary non-profit - Church",
]


def _month(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


def _insert(connection, table: str, columns: list[str], rows) -> None:
    rows = list(rows)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 50_000):
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",
                rows[start : start + 50_000],
            )


def generate(*, stdout=print) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from medsocial.census.models import Hospital, Network, SocialAccount

    if Hospital.objects.exists():
        stdout("benchmark data already present")
        return
    rng = random.Random(6000)
    now = timezone.now()
    networks = list(Network.objects.values_list("pk", "slug"))
    with transaction.atomic():
        _insert(
            connection,
            "census_hospital",
            [
                "facility_id",
                "name",
                "name_key",
                "address",
                "city",
                "state",
                "zip_code",
                "county",
                "phone",
                "hospital_type",
                "ownership",
                "website",
                "beds",
                "is_open",
                "account_count",
                "total_followers",
                "follower_growth",
                "created_at",
                "updated_at",
            ],
            (
                (
                    f"B{n:05d}",
                    f"Bench Hospital {n}",
                    f"BENCHHOSPITAL{n}",
                    f"{n} Main Street",
                    f"City {n % 700}",
                    STATES[n % len(STATES)],
                    f"{10000 + n:05d}",
                    "County",
                    "",
                    TYPES[n % len(TYPES)],
                    OWNERSHIPS[n % len(OWNERSHIPS)],
                    "",
                    rng.randint(10, 900),
                    True,
                    0,
                    0,
                    0,
                    now,
                    now,
                )
                for n in range(HOSPITALS)
            ),
        )
        hospital_ids = list(Hospital.objects.order_by("pk").values_list("pk", flat=True))
        last = datetime.date.today().year * 12 + datetime.date.today().month - 2
        accounts = []
        for n in range(ACCOUNTS):
            network_id, slug = networks[n % len(networks)]
            opened = last - OBSERVATIONS_PER_ACCOUNT - rng.randint(0, 60)
            first_seen = _month(opened)
            accounts.append(
                (
                    hospital_ids[(n * 7919) % len(hospital_ids)],
                    network_id,
                    f"bench{n}",
                    f"https://example.org/{slug}/bench{n}",
                    first_seen,
                    first_seen,
                    True,
                    now,
                    now,
                )
            )
        _insert(
            connection,
            "census_socialaccount",
            [
                "hospital_id",
                "network_id",
                "handle",
                "url",
                "first_seen",
                "last_active_on",
                "is_generated",
                "created_at",
                "updated_at",
            ],
            accounts,
        )
        account_rows = list(SocialAccount.objects.order_by("pk").values_list("pk", "network_id"))

        def observations():
            for account_id, network_id in account_rows:
                followers = rng.randint(10, 5000)
                posts = rng.randint(0, 500)
                for index in range(last - OBSERVATIONS_PER_ACCOUNT + 1, last + 1):
                    followers += rng.randint(-5, 60)
                    posts += rng.randint(0, 12)
                    month = _month(index)
                    yield (
                        account_id,
                        network_id,
                        month + datetime.timedelta(days=14),
                        month,
                        max(followers, 0),
                        None,
                        posts,
                        "generated",
                        True,
                        now,
                    )

        _insert(
            connection,
            "census_observation",
            [
                "account_id",
                "network_id",
                "observed_on",
                "month",
                "followers",
                "following",
                "posts",
                "source",
                "month_last",
                "recorded_at",
            ],
            observations(),
        )
        from medsocial.census.services.accounts import refresh_account_stats

        refresh_account_stats(SocialAccount.objects.values_list("pk", flat=True), batch_size=2000)
    stdout(
        f"generated {HOSPITALS} hospitals, {ACCOUNTS} accounts, {ACCOUNTS * OBSERVATIONS_PER_ACCOUNT} observations"
    )
