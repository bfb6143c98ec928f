"""The project's pytest plugin (loaded with `-p medsocial.testing.plugin` from pyproject).

Importing it sets the environment the settings read, before pytest-django loads them; its
fixtures are shared by every app's tests: a real SMTP server, a real browser, user makers.
"""

import os
import tempfile
import threading
import time
from pathlib import Path

import pytest

os.environ.setdefault("MEDSOCIAL_TESTING", "1")
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("MEDSOCIAL_DATA_DIR", tempfile.mkdtemp(prefix="medsocial-test-"))
# Playwright's sync API runs an event loop in the test thread; the ORM calls made from the
# same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def redis_url_for_this_worker(url: str) -> str:
    """Give each parallel test worker its own Redis database, so clearing the cache in one
    worker never empties another's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    # TEST_REDIS_DB_BASE lets two checkouts run their suites side by side on one Redis.
    base_number = int(os.environ.get("TEST_REDIS_DB_BASE", "0"))
    number = base_number + (int(worker[2:]) + 1 if worker[2:].isdigit() else 1)
    base = url.rsplit("/", 1)[0] if url.count("/") > 2 else url.rstrip("/")
    return f"{base}/{number}"


if os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = redis_url_for_this_worker(os.environ["REDIS_URL"])


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (rate limits, cached figures)."""
    from django.core.cache import cache

    cache.clear()
    yield


REPO_ROOT = Path(__file__).resolve().parents[3]
# The README's screenshots are refreshed only on request, so an ordinary run leaves the checkout clean.
SCREENSHOT_DIR = (
    REPO_ROOT / "docs" / "screenshots"
    if os.environ.get("MEDSOCIAL_UPDATE_SCREENSHOTS") == "1"
    else Path(tempfile.gettempdir()) / "medsocial-screenshots"
)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


# --- People -------------------------------------------------------------------------------


@pytest.fixture
def make_user(db):
    """Make a confirmed, active user: make_user(email=..., roles=["editor"], password=...)."""
    from medsocial.accounts.tests.factories import make_user as factory

    return factory


@pytest.fixture
def user(make_user):
    return make_user(email="pat@example.org", full_name="Pat Jones")


@pytest.fixture
def make_organization(db):
    from medsocial.accounts.tests.factories import make_organization as factory

    return factory


# --- Email through a real SMTP server -----------------------------------------------------


class SMTPSink:
    """An aiosmtpd server on a free local port that keeps every message it receives."""

    def __init__(self):
        from email import message_from_bytes, policy

        from aiosmtpd.controller import Controller

        self.messages = []
        self._arrived = threading.Condition()
        # hold(address): the transaction to that address waits at RCPT TO until release(),
        # as a slow server would, so a test can kill the sender in the middle of a send.
        self.held_addresses: set[str] = set()
        self.holding = threading.Event()
        self.released = threading.Event()
        # refuse(address, "550 …"): the server answers RCPT TO for that address with the reply.
        self.refusals: dict[str, list] = {}
        sink = self

        class Handler:
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                import asyncio

                refusal = sink.refusals.get(address.lower())
                if refusal and refusal[1] != 0:
                    refusal[1] -= 1
                    return refusal[0]
                if address.lower() in sink.held_addresses:
                    sink.held_addresses.discard(address.lower())
                    sink.holding.set()
                    while not sink.released.is_set():
                        await asyncio.sleep(0.05)
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                message = message_from_bytes(envelope.original_content, policy=policy.default)
                with sink._arrived:
                    sink.messages.append((envelope.rcpt_tos, message))
                    sink._arrived.notify_all()
                return "250 Message accepted for delivery"

        import socket

        with socket.socket() as probe:  # a free port; aiosmtpd checks it can connect to it
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def hold(self, address: str) -> None:
        self.held_addresses.add(address.lower())

    def release(self) -> None:
        self.released.set()

    def refuse(self, address: str, reply: str, *, times: int = -1) -> None:
        """Answer RCPT TO for `address` with `reply` (e.g. "451 4.3.0 Try again later"), the
        next `times` times or always (-1), as a mail server refusing or deferring it would."""
        self.refusals[address.lower()] = [reply, times]

    def wait_for(self, count: int, timeout: float = 10.0):
        """Block until `count` messages arrived; return them (as email.message.EmailMessage)."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
        assert len(self.messages) >= count, f"expected {count} emails, got {len(self.messages)}"
        return [message for _, message in self.messages]

    def to(self, address: str):
        return [m for rcpts, m in self.messages if address.lower() in [r.lower() for r in rcpts]]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server; Django sends through it for the duration of the test."""
    sink = SMTPSink()
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    sink.stop()


def body_text(message) -> str:
    """The plain-text body of a received email."""
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


def download_rows(response) -> list[list[str]]:
    """The rows of a CSV download (streamed or not), decoded as UTF-8."""
    import csv
    import io

    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# --- A real browser -----------------------------------------------------------------------


def missing_component(reason: str) -> None:
    """Skip a test whose real component (Chromium, PostgreSQL, Redis) is missing on a
    developer's machine; under CI (CI=true) the same absence fails the test instead."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI=true: a missing component fails rather than skips)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        missing_component(
            f"Chromium is not installed at {CHROMIUM} (scripts/test installs Debian's chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def open_tab(
    browser, base_url: str, *, width: int = 1280, height: int = 900, phone: bool = False, axe: bool = False
):
    """A tab in a fresh browser context whose console errors are kept in `tab.console_errors`.
    `phone` makes it a touch screen; `axe` loads axe-core into every page it opens (injected by
    the browser itself, so the site's CSP and pages never carry it)."""
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone
    )
    context.set_default_timeout(15_000)
    if axe:
        context.add_init_script(path=str(AXE_SCRIPT))
    tab = context.new_page()
    tab.base_url = base_url
    tab.console_errors = []

    def on_console(message):
        # Forms answer 400 on bad input by design; the browser logs that as an error.
        expected = message.text.startswith("Failed to load resource: the server responded with a status of 4")
        if message.type == "error" and not expected:
            tab.console_errors.append(message.text)

    tab.on("console", on_console)
    return tab


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab on the live test server; console errors fail the test."""
    tab = open_tab(browser, live_server.url)
    yield tab
    tab.context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A fresh tab 390 px wide, with touch, as on a phone."""
    tab = open_tab(browser, live_server.url, width=390, height=844, phone=True)
    yield tab
    tab.context.close()


def sign_in_with_session(page, user) -> None:
    """Sign `user` in by giving the tab a session cookie (no page, no password check): for
    tests about what a signed-in person sees rather than about signing in."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": page.base_url}]
    )


AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; one line per
    violation of the given impacts, naming the rule and the first offending elements."""
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            resultTypes: ["violations"]
        })"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(
            " ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
            for node in v["nodes"][:4]
        )
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def save_screenshot(page, name: str) -> Path:
    """Save a full-page screenshot (under docs/screenshots/ with MEDSOCIAL_UPDATE_SCREENSHOTS=1)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in_through_page(page, email: str, password: str) -> None:
    page.goto("/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


# --- Query counts ---------------------------------------------------------------------------


def page_queries(client, url: str, **params) -> int:
    """How many queries one GET of url costs (the response read to its end, 200 required).
    List-page tests compare this figure for few and many rows rather than pinning a number,
    which differs between SQLite and PostgreSQL with Redis-held sessions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(captured.captured_queries)


# --- The API's OpenAPI document, for schemathesis ---------------------------------------------


def api_schema():
    """The project's OpenAPI document loaded by schemathesis from the WSGI app.

    A request the schema allows may still break a rule of the hub (a full event, a guest comment
    without an email address, text with a NUL character); the API documents 400 for exactly
    that, so valid input may get it."""
    import schemathesis
    from schemathesis.config import SchemathesisConfig

    from medsocial.wsgi import application

    config = SchemathesisConfig.from_dict(
        {
            # The WSGI transport hands the body over as sent; ask for it uncompressed.
            "headers": {"Accept-Encoding": "identity"},
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": ["2xx", "3xx", "400", "401", "403", "404", "409", "429"]
                }
            },
        }
    )
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=config)


@pytest.fixture
def keep_test_connection():
    """schemathesis calls the WSGI app directly; stop Django closing the test transaction's
    connection at the end of each request, as Django's own test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# --- Concurrency --------------------------------------------------------------------------


def run_concurrently(fn, items, *, workers: int | None = None, timeout: float = 120):
    """Run fn(item) for each item on its own thread, all released at the same moment (at most
    `workers` at a time); returns results in item order, an exception in place of its result.
    Fails the test when a thread never reached the starting line or had not finished within
    `timeout` seconds. Use with transactional_db."""
    from django.db import connections

    items = list(items)
    results: list = [None] * len(items)
    # Every thread waits here until all have started, so none runs ahead of the others.
    starting_line = threading.Barrier(len(items) + 1)
    started: list[int] = []
    slots = threading.Semaphore(workers or len(items))

    def run(index, item):
        try:
            starting_line.wait(timeout=timeout)
        except threading.BrokenBarrierError:
            return
        started.append(index)
        with slots:
            try:
                results[index] = fn(item)
            except Exception as exc:  # returned to the test to assert on
                results[index] = exc
            finally:
                connections.close_all()

    threads = [threading.Thread(target=run, args=(i, item), daemon=True) for i, item in enumerate(items)]
    for thread in threads:
        thread.start()
    try:
        starting_line.wait(timeout=timeout)
    except threading.BrokenBarrierError:
        pytest.fail(f"only some of {len(threads)} concurrent calls started within {timeout:.0f} s")
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
    stuck = sum(thread.is_alive() for thread in threads)
    if stuck:
        pytest.fail(f"{stuck} of {len(threads)} concurrent calls had not finished after {timeout:.0f} s")
    assert sorted(started) == list(range(len(items))), "not every concurrent call started"
    return results


# --- Real task worker processes -------------------------------------------------------------


def database_url_for_subprocess() -> str:
    """The URL of the test database, for a `medsocial` process started by the test."""
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    auth = params["USER"] + (f":{params['PASSWORD']}" if params.get("PASSWORD") else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"


@pytest.fixture
def database_task_queue(settings):
    """Tasks go to the database queue, as in production, instead of running at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def start_worker(transactional_db, database_task_queue, tmp_path):
    """Start real `medsocial worker` processes on the test database: start_worker(smtp=sink,
    lease=1). With pause_at="<point>" the worker stops at that `pause_point` and creates
    `process.pause_file` (see medsocial.core.faults), so the test can kill it at that step.
    Every process still alive at the end of the test is killed."""
    import subprocess
    import sys

    processes = []

    def start(
        *,
        smtp=None,
        lease: float = 1.0,
        retry_delay: float = 0.2,
        max_attempts: int = 3,
        pause_at: str | None = None,
    ):
        env = {
            key: value
            for key, value in os.environ.items()
            if key != "MEDSOCIAL_TESTING" and not key.startswith("MEDSOCIAL_PAUSE_")
        }
        env |= {
            "DATABASE_URL": database_url_for_subprocess(),
            "TASKS_LEASE_SECONDS": str(lease),
            "TASKS_RETRY_DELAY_SECONDS": str(retry_delay),
            "TASKS_MAX_ATTEMPTS": str(max_attempts),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}" if smtp else "console://",
            "LOG_LEVEL": "INFO",
        }
        pause_file = tmp_path / f"worker-{len(processes)}.paused"
        if pause_at:
            env |= {"MEDSOCIAL_PAUSE_AT": pause_at, "MEDSOCIAL_PAUSE_FILE": str(pause_file)}
        log = open(tmp_path / f"worker-{len(processes)}.log", "wb")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [sys.executable, "-m", "medsocial", "worker", "--interval", "0.1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log_path = log.name
        process.pause_file = pause_file
        processes.append((process, log))
        return process

    yield start
    for process, log in processes:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        log.close()


def run_queued_tasks(*, max_tasks: int | None = None) -> None:
    """Run the crash-safe worker in this process until no task is ready (or after `max_tasks`),
    for tests that need the worker's retry and failure handling but not a process to kill."""
    from medsocial.core.worker import CrashSafeWorker

    CrashSafeWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def wait_until(condition, *, timeout: float = 30.0, interval: float = 0.05, message: str = "condition"):
    """Poll `condition()` until it is true; fail the test with `message` after `timeout` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {message}")
