"""Census at production scale: p50/p99 latency of the census page and the list page once
warm, and the time of a full census recompute.

    .venv/bin/python bench/census_bench.py                  # SQLite file under var/bench-census/
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/census_bench .venv/bin/python bench/census_bench.py

The database is separate from the development one and is created (PostgreSQL) and filled
(bench/census_data.py: 6,000 hospitals, 40,000 accounts, 2,000,000 observations) on the
first run. Pages are requested in-process through Django's test client."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("MEDSOCIAL_TESTING", "1")  # plain static storage, in-process tasks
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medsocial.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("MEDSOCIAL_DATA_DIR", str(ROOT / "var" / "bench-census"))
    Path(os.environ["MEDSOCIAL_DATA_DIR"]).mkdir(parents=True, exist_ok=True)


def ensure_postgres_database(url: str) -> None:
    from urllib.parse import urlsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def timed_requests(client, url, count):
    durations = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url)
        body = response.content
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and body, url
    return durations


def count_queries(connection, client, url) -> int:
    seen = []

    def record(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url)
    return len(seen)


def main():
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        ensure_postgres_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    import census_data
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from medsocial.census.models import Hospital, Observation, SocialAccount
    from medsocial.census.services.recompute import recompute_census

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    census_data.generate()
    print(
        f"database: {connection.vendor}; data ready in {time.perf_counter() - started:.1f} s: "
        f"{Hospital.objects.count():,} hospitals, {SocialAccount.objects.count():,} accounts, {Observation.objects.count():,} observations"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    runs = []
    for _ in range(5):
        runs.append(recompute_census().duration_ms)
    print(
        f"full census recompute: first {runs[0]} ms, then median {statistics.median(runs[1:])} ms, max {max(runs[1:])} ms"
    )

    client = Client()
    pages = {
        "census page": "/census/",
        "list page": "/census/hospitals/",
        "list page (state + network, sorted by followers)": "/census/hospitals/?state=IL&network=facebook&sort=followers",
        "list page (search, page 3)": "/census/hospitals/?q=Hospital%201&page=3",
        "hospital page": f"/census/hospitals/{Hospital.objects.filter(account_count__gt=0).order_by('pk').values_list('facility_id', flat=True).first()}/",
    }
    for label, url in pages.items():
        timed_requests(client, url, 5)  # warm up
        queries = count_queries(connection, client, url)
        durations = timed_requests(client, url, 200)
        print(
            f"{label}: p50 {percentile(durations, 0.5):.1f} ms, p99 {percentile(durations, 0.99):.1f} ms, "
            f"{queries} queries"
        )


if __name__ == "__main__":
    main()
