"""200 people register at once for a 50-seat event through the HTTP API.

Starts `medsocial serve` as production does (granian, 2 workers) against the configured
database (PostgreSQL is the case that matters: DATABASE_URL=postgres://…), creates a fresh
50-seat event and 200 people with personal access tokens, then fires the 200
`POST /api/v1/events/<slug>/register` requests together from 200 threads. Prints how many
were confirmed and waitlisted (exactly 50 confirmed is the invariant), registrations per
second over the whole burst and the p50/p99 answer time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medsocial_bench SECRET_KEY=bench \\
        .venv/bin/python bench/registration_race.py
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_bench  # noqa: E402  (shares the server start-up)


def prepare(people: int, seats: int):
    from django.utils import timezone

    from medsocial.accounts.models import User
    from medsocial.accounts.services import create_access_token
    from medsocial.events.models import Event, TicketType

    run = uuid.uuid4().hex[:8]
    starts = timezone.now() + datetime.timedelta(days=30)
    event = Event.objects.create(
        slug=f"race-{run}",
        title=f"Registration race {run}",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        capacity=seats,
        status=Event.Status.PUBLISHED,
        join_url="https://meet.example.org/race",
    )
    ticket = TicketType.objects.create(event=event, name="Standard")
    users = User.objects.bulk_create(
        [User(email=f"racer{n}-{run}@race.medsocial.example", full_name=f"Racer {n}") for n in range(people)]
    )
    tokens = [create_access_token(user=user, name="race")[1] for user in users]
    return event, ticket, tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seats", type=int, default=50)
    args = parser.parse_args()

    http_bench.setup_django(args.port)
    from medsocial.events.models import Registration

    event, ticket, tokens = prepare(args.people, args.seats)
    base = f"http://127.0.0.1:{args.port}"
    http_bench.ensure_port_free(args.port)
    medsocial = shutil.which("medsocial", path=os.path.dirname(sys.executable)) or "medsocial"
    server = subprocess.Popen(
        [medsocial, "serve", "--port", str(args.port)],
        env=http_bench.server_environment(args.port),
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        http_bench.wait_until_up(base, server)
        url = f"{base}/api/v1/events/{event.slug}/register"
        body = json.dumps({"ticket_type_id": ticket.pk}).encode()
        barrier = threading.Barrier(len(tokens))
        results: list[tuple[int, float]] = []
        lock = threading.Lock()

        def one(token: str) -> None:
            request = urllib.request.Request(
                url,
                data=body,
                method="POST",
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            barrier.wait()
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=120) as answer:
                    status = answer.status
            except urllib.error.HTTPError as error:
                status = error.code
            with lock:
                results.append((status, time.perf_counter() - started))

        threads = [threading.Thread(target=one, args=(token,)) for token in tokens]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        assert len(results) == len(tokens), "every request must have answered"
        statuses = {}
        for status, _ in results:
            statuses[status] = statuses.get(status, 0) + 1
        times = sorted(duration for _, duration in results)
        confirmed = Registration.objects.filter(event=event, status="confirmed").count()
        waitlisted = Registration.objects.filter(event=event, status="waitlisted").count()
        print(f"{len(tokens)} registrations for {args.seats} seats in {elapsed:.2f} s")
        print(f"answers: {statuses}")
        print(f"confirmed {confirmed}, waitlisted {waitlisted} (invariant: confirmed == {args.seats})")
        print(f"registrations/s: {len(tokens) / elapsed:.0f}")
        print(
            f"p50 {statistics.median(times) * 1000:.0f} ms, p99 {times[int(0.99 * (len(times) - 1))] * 1000:.0f} ms"
        )
        print(
            "resident memory per worker: "
            + ", ".join(f"{mb:.0f} MB" for mb in http_bench.worker_memory_mb(server.pid))
        )
        if confirmed != args.seats:
            sys.exit("OVERSOLD or undersold: the seat invariant does not hold")
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
