"""`medsocial serve` (granian, as in production) answers for uploaded files."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

SETUP = """
from django.core.files.base import ContentFile
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.tests.factories import make_show

show = make_show(title="Served")
show.cover_art.save("served.png", ContentFile(bytes(range(256)) * 4))
lesson = make_course(title="Private").lessons.first()
lesson.media_file.save("private.mp4", ContentFile(b"video"))
print(show.cover_art.url, lesson.media_file.url)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.slow
def test_serve_answers_an_uploaded_file_with_ranges_and_hides_a_private_one(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "MEDSOCIAL_TESTING"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="medsocial.settings",
        MEDSOCIAL_DATA_DIR=str(tmp_path),
        MEDSOCIAL_HTTPS="0",
        AXES_ENABLED="0",
    )
    medsocial = [sys.executable, "-m", "medsocial"]
    subprocess.run([*medsocial, "migrate", "--noinput", "-v", "0"], env=env, check=True, timeout=300)
    urls = subprocess.run(
        [*medsocial, "shell", "-c", SETUP], env=env, check=True, capture_output=True, text=True, timeout=120
    )
    public_path, private_path = urls.stdout.strip().splitlines()[-1].split()

    port = _free_port()
    server = subprocess.Popen(
        [*medsocial, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                status, _, _ = _fetch(base + "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stdout.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)

        status, headers, content = _fetch(base + public_path)
        assert status == 200 and content == bytes(range(256)) * 4
        assert headers["Content-Type"] == "image/png" and headers["Accept-Ranges"] == "bytes"
        status, headers, content = _fetch(base + public_path, Range="bytes=256-511")
        assert status == 206 and content == bytes(range(256))
        assert headers["Content-Range"] == "bytes 256-511/1024"
        status, _, _ = _fetch(base + private_path)
        assert status == 404
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
