"""Every response carries a request id, every log line is one JSON object with that id, and an
unhandled error reaches the error-reporting service when SENTRY_DSN is set."""

import gzip
import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import path

from medsocial import urls as site_urls
from medsocial.core.observability import JsonFormatter, RequestIdFilter, configure_error_reporting


def boom(request):
    raise RuntimeError("the census file vanished")


# The site's own URLs and error pages, plus one view that fails.
urlpatterns = [path("boom", boom), *site_urls.urlpatterns]
handler500 = site_urls.handler500


@pytest.fixture
def json_log():
    """What the site's console handler writes for the `django.request` logger."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


@pytest.mark.django_db
def test_each_response_has_its_own_request_id(client):
    first, second = client.get("/"), client.get("/")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.django_db
def test_a_plain_request_id_from_the_proxy_is_kept_and_a_strange_one_replaced(client):
    assert client.get("/", HTTP_X_REQUEST_ID="lb-7f3a.42")["X-Request-ID"] == "lb-7f3a.42"
    replaced = client.get("/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id_of_the_response(client, json_log):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    entry = json.loads(json_log.getvalue().strip().splitlines()[-1])
    assert entry["request_id"] == response["X-Request-ID"]
    assert (entry["level"], entry["logger"], entry["status"]) == ("WARNING", "django.request", 404)
    assert entry["path"] == "/no-such-page/"


class _SentryStandIn(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            import brotli

            body = brotli.decompress(body)
        _SentryStandIn.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_stand_in():
    import sentry_sdk

    server = HTTPServer(("127.0.0.1", 0), _SentryStandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _SentryStandIn.received = []
    yield f"http://public-key@127.0.0.1:{server.server_port}/1"
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: reporting off again for the rest of the suite
    server.shutdown()


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_an_unhandled_error_is_reported_with_its_request_id(client, sentry_stand_in):
    import sentry_sdk

    assert configure_error_reporting(sentry_stand_in, environment="test", release="0")
    client.raise_request_exception = False
    response = client.get("/boom")
    assert response.status_code == 500
    sentry_sdk.flush(timeout=10)
    reports = b"".join(_SentryStandIn.received).decode("utf-8", "replace")
    assert "the census file vanished" in reports
    assert response["X-Request-ID"] in reports


def test_without_a_dsn_nothing_is_configured():
    assert configure_error_reporting("", environment="test", release="0") is False
