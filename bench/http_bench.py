"""HTTP benchmark: every main page against a "hello" view, served exactly as in production.

Starts `medsocial serve` (granian, 2 WSGI workers, the full middleware) against the configured
database (DATABASE_URL / REDIS_URL / MEDSOCIAL_DATA_DIR, as the server itself reads them), with
MEDSOCIAL_BENCH_HELLO=1 so /bench/hello answers. Then, with `wrk`, it requests hello and each
page alternately, so every page is compared with a hello run made moments before it on the
same (possibly busy) machine, and prints requests per second, the ratio to hello, p50/p99
latency and the number of non-2xx answers per page.

    .venv/bin/python bench/http_bench.py                       # embedded SQLite in ./var
    MEDSOCIAL_DATA_DIR=/work/bench-data/sqlite .venv/bin/python bench/http_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medsocial_bench \\
        REDIS_URL=redis://127.0.0.1:6379/0 SECRET_KEY=bench .venv/bin/python bench/http_bench.py

The database must already hold the demo (`medsocial demo`) and, for production-scale figures,
bench/scale_data.py. `wrk` is installed with apt-get when missing and the script runs as root.
Targets (issue "Speed at production scale"): public pages >= 0.60 x hello and p99 < 50 ms;
signed-in pages >= 0.25 x hello and p99 < 100 ms, at 32 connections.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

PUBLIC_TARGET = (0.60, 50.0)
SIGNED_IN_TARGET = (0.25, 100.0)

WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT {\\"requests\\": %d, \\"duration_us\\": %d, \\"non2xx\\": %d, \\"socket_errors\\": %d, "
    .. "\\"p50_us\\": %d, \\"p99_us\\": %d}\\n",
    summary.requests, summary.duration, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("wrk is not installed: run `apt-get install wrk` as root, or run this script as root.")
    print("installing wrk with apt-get …", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-q"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


def server_environment(port: int) -> dict:
    env = dict(os.environ)
    env.update(
        MEDSOCIAL_BENCH_HELLO="1",
        # Plain HTTP on localhost: cookies must not be marked Secure or wrk's would be ignored.
        MEDSOCIAL_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        AXES_ENABLED="0",
    )
    env.setdefault("DJANGO_SETTINGS_MODULE", "medsocial.settings")
    env.pop("DEBUG", None)
    return env


def setup_django(port: int) -> None:
    os.environ.update(server_environment(port))
    import django

    django.setup()


def signed_in_cookie(email: str) -> str:
    """A session for `email` stored where the server reads sessions; returns the cookie header."""
    from django.conf import settings
    from django.test import Client

    from medsocial.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def pages() -> list[tuple[str, str, str | None]]:
    """(label, path, signed-in email or None) for every page the benchmark requests."""
    from django.urls import reverse

    from medsocial.accounts.models import User
    from medsocial.census.models import Hospital
    from medsocial.consulting.selectors import workspace_engagements
    from medsocial.events.models import Event
    from medsocial.learning.models import Course, Enrollment, Lesson
    from medsocial.publishing.models import Article, Show

    course = Course.objects.filter(status="published").order_by("pk").first()
    enrollment = (
        Enrollment.objects.filter(user__email="learner@medsocial.example", course__status="published")
        .select_related("course")
        .order_by("pk")
        .first()
    )
    lesson = Lesson.objects.filter(module__course=enrollment.course).order_by("module__position", "position")
    lesson = lesson.first()
    # The demo's own rows, richer than the generated ones: tickets, questions, a programme.
    demo_events = Event.objects.filter(status="published").exclude(slug__startswith="scale-")
    event = demo_events.exclude(kind="conference").order_by("-starts_at").first()
    summit = demo_events.filter(kind="conference").order_by("-starts_at").first()
    hospital = Hospital.objects.filter(account_count__gt=0).order_by("-account_count", "pk").first()
    article = (
        Article.objects.filter(status="published")
        .exclude(slug__startswith="scale-")
        .order_by("-published_at")
        .first()
    )
    show = Show.objects.order_by("pk").first()
    learner, admin, coach = "learner@medsocial.example", "admin@medsocial.example", "coach@medsocial.example"
    engagement = workspace_engagements(User.objects.get(email=coach)).order_by("pk").first()
    return [
        ("home", reverse("home"), None),
        ("catalog", reverse("learning:catalog"), None),
        ("course", reverse("learning:course", args=[course.slug]), None),
        ("events", reverse("events:list"), None),
        ("event", reverse("events:detail", args=[event.slug]), None),
        ("agenda", reverse("events:agenda", args=[summit.slug]), None),
        ("census", reverse("census:home"), None),
        ("hospital list", reverse("census:list"), None),
        ("hospital search", reverse("census:list") + "?q=medical&state=TX", None),
        ("hospital page", reverse("census:hospital", args=[hospital.facility_id]), None),
        ("articles", reverse("publishing:articles"), None),
        ("article", reverse("publishing:article", args=[article.slug]), None),
        ("podcasts", reverse("publishing:podcasts"), None),
        ("podcast show", reverse("publishing:show", args=[show.slug]), None),
        ("feed (RSS)", reverse("publishing:feed-articles-rss"), None),
        ("census API", "/api/v1/census/hospitals?state=CA", None),
        ("my learning", reverse("learning:dashboard"), learner),
        (
            "lesson",
            reverse("learning:lesson", args=[enrollment.course.slug, lesson.slug]),
            learner,
        ),
        ("my events", reverse("events:mine"), learner),
        ("profile", reverse("accounts:profile"), learner),
        ("workspace", reverse("consulting:workspace", args=[engagement.pk]), coach),
        ("staff dashboard", reverse("staff"), admin),
        ("staff: events", reverse("events:manage"), admin),
    ]


def ensure_port_free(port: int) -> None:
    """Refuse to start when something already listens there: we would measure the wrong server."""
    import socket

    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(f"port {port} is already in use; choose another with --port")


def wait_until_up(base: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/healthz?only=database,cache", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    sys.exit("the server did not answer /healthz in time")


def status_of(url: str, cookie: str | None) -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def run_wrk(wrk: str, script: str, url: str, *, cookie, connections: int, seconds: int) -> dict:
    argv = [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script]
    argv += ["-H", "Accept-Encoding: gzip"]
    if cookie:
        argv += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(argv + [url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^RESULT (\{.*\})$", out, re.MULTILINE)
    result = json.loads(match.group(1))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def worker_memory_mb(server_pid: int) -> list[float]:
    """Resident memory of the server's worker processes (children of granian), in MB."""
    sizes = []
    for child in Path("/proc").glob("[0-9]*"):
        try:
            stat = (child / "stat").read_text().split()
            if int(stat[3]) == server_pid:
                rss_kb = next(
                    int(line.split()[1])
                    for line in (child / "status").read_text().splitlines()
                    if line.startswith("VmRSS:")
                )
                sizes.append(rss_kb / 1024)
        except (OSError, StopIteration, ValueError, IndexError):
            continue
    return sorted(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--only", help="comma-separated page labels to run (default: all)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    wrk = ensure_wrk()
    setup_django(args.port)
    from django.conf import settings

    targets = pages()
    if args.only:
        wanted = {label.strip() for label in args.only.split(",")}
        targets = [page for page in targets if page[0] in wanted]
    cookies = {email: signed_in_cookie(email) for email in {email for _, _, email in targets if email}}

    base = f"http://127.0.0.1:{args.port}"
    ensure_port_free(args.port)
    medsocial = shutil.which("medsocial", path=os.path.dirname(sys.executable)) or "medsocial"
    server = subprocess.Popen(
        [medsocial, "serve", "--port", str(args.port)],
        env=server_environment(args.port),
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    rows = []
    try:
        wait_until_up(base, server)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        print(f"database {database}, cache {cache}, wrk -c{args.connections}, {args.seconds}s per run")
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        hello_url = base + "/bench/hello"
        # Warm every worker: imports, templates, connections, caches.
        for _label, path, email in targets:
            status_of(base + path, cookies.get(email))
        run_wrk(wrk, script.name, hello_url, cookie=None, connections=args.connections, seconds=2)
        header = f"{'page':<18}{'status':>7}{'RPS':>9}{'hello':>9}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}"
        print(header + f"{'non-2xx':>9}  target")
        for label, path, email in targets:
            cookie = cookies.get(email)
            status = status_of(base + path, cookie)
            hello = run_wrk(
                wrk, script.name, hello_url, cookie=None, connections=args.connections, seconds=args.seconds
            )
            page = run_wrk(
                wrk,
                script.name,
                base + path,
                cookie=cookie,
                connections=args.connections,
                seconds=args.seconds,
            )
            ratio = page["rps"] / hello["rps"] if hello["rps"] else 0.0
            min_ratio, max_p99 = SIGNED_IN_TARGET if email else PUBLIC_TARGET
            met = ratio >= min_ratio and page["p99_us"] / 1000 < max_p99 and page["non2xx"] == 0
            row = {
                "page": label,
                "path": path,
                "signed_in": bool(email),
                "status": status,
                "rps": round(page["rps"], 1),
                "hello_rps": round(hello["rps"], 1),
                "ratio": round(ratio, 3),
                "p50_ms": round(page["p50_us"] / 1000, 1),
                "p99_ms": round(page["p99_us"] / 1000, 1),
                "non2xx": page["non2xx"] + page["socket_errors"],
                "meets_target": met,
            }
            rows.append(row)
            print(
                f"{label:<18}{status:>7}{row['rps']:>9.0f}{row['hello_rps']:>9.0f}{ratio:>7.2f}"
                f"{row['p50_ms']:>8.1f}{row['p99_ms']:>8.1f}{row['non2xx']:>9}  {'met' if met else 'MISSED'}",
                flush=True,
            )
        memory = worker_memory_mb(server.pid)
        print("resident memory per worker after the run: " + ", ".join(f"{mb:.0f} MB" for mb in memory))
        print(f"load average after: {os.getloadavg()[0]:.2f}")
        if args.json:
            Path(args.json).write_text(
                json.dumps(
                    {"database": database, "cache": cache, "pages": rows, "worker_mb": memory}, indent=2
                )
            )
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
