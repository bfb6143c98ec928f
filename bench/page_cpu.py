"""CPU time per request, in-process: every page of the HTTP benchmark through the full middleware.

No server and no load generator: each page is requested with Django's test client (gzip
accepted, the signed-in pages with their person's session cookie), a few times to warm up and
then `--requests` times, and the process CPU time per request is printed next to the hello
view's. Because it measures CPU time, not wall time, it is steadier than the HTTP benchmark on a
busy machine. Same database settings as bench/http_bench.py.

    .venv/bin/python bench/page_cpu.py
    .venv/bin/python bench/page_cpu.py --only "my learning,profile" --requests 200
    MEDSOCIAL_PERSONAL_PAGE_CACHE=0 .venv/bin/python bench/page_cpu.py    # without the per-person cache
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_bench  # noqa: E402


def cpu_ms_per_request(client, path: str, cookie: str | None, requests: int) -> tuple[float, int]:
    headers = {"HTTP_ACCEPT_ENCODING": "gzip", "HTTP_HOST": "127.0.0.1"}
    if cookie:
        client.cookies.load(cookie)
    else:
        client.cookies.clear()
    status = 0
    for _ in range(5):
        status = client.get(path, **headers).status_code
    started = time.process_time()
    for _ in range(requests):
        client.get(path, **headers)
    return (time.process_time() - started) * 1000 / requests, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--only", help="comma-separated page labels to run (default: all)")
    args = parser.parse_args()

    http_bench.setup_django(8790)
    from django.conf import settings
    from django.test import Client

    targets = http_bench.pages()
    if args.only:
        wanted = {label.strip() for label in args.only.split(",")}
        targets = [page for page in targets if page[0] in wanted]
    cookies = {
        email: http_bench.signed_in_cookie(email) for email in {email for _, _, email in targets if email}
    }
    client = Client()
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"database {database}, cache {cache}, per-person cache {'on' if settings.PERSONAL_PAGE_CACHE else 'off'}"
    )
    hello, _ = cpu_ms_per_request(client, "/bench/hello", None, args.requests)
    print(f"{'page':<28}{'status':>7}{'CPU ms':>9}{'x hello':>9}")
    print(f"{'hello':<28}{200:>7}{hello:>9.2f}{1:>9.1f}")
    for label, path, email in targets:
        ms, status = cpu_ms_per_request(client, path, cookies.get(email), args.requests)
        name = f"{label} (signed in)" if email else label
        print(f"{name:<28}{status:>7}{ms:>9.2f}{ms / hello:>9.1f}", flush=True)


if __name__ == "__main__":
    main()
