import errno
import os
import shutil
import socket
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from medsocial.datadir import describe_storage


def refuse_port_in_use(host: str, port: int) -> None:
    """Fail with a clear message when something already listens on host:port.

    granian binds with SO_REUSEPORT, so a second server on a taken port would start and share
    the connections with whatever holds it. Binding once without that option finds out first."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # Connections of a server just stopped linger in TIME_WAIT for a minute; they must not
        # keep the next one from starting. A listening socket still refuses this bind.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                raise CommandError(
                    f"Port {port} on {host} is already in use (another server is running?). "
                    "Stop it or choose another port with --port."
                ) from None
            raise CommandError(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None


class Command(BaseCommand):
    help = "Serve the site with granian (production-style WSGI server) and whitenoise for static files."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "2")))
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("WEB_THREADS", "1")),
            help="threads per worker (default 1, or WEB_THREADS)",
        )
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args, host, port, workers, threads, no_collectstatic, **options):
        refuse_port_in_use(host, port)
        if not no_collectstatic and not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        granian = shutil.which("granian", path=os.path.dirname(sys.executable)) or shutil.which("granian")
        argv = [
            granian,
            "--interface",
            "wsgi",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            # Measured fastest on 2 cores; granian's default thread count is slower here.
            "--blocking-threads",
            str(threads),
            "medsocial.wsgi:application",
        ]
        self.stdout.write(describe_storage())
        self.stdout.write(f"Serving on http://{host}:{port}/ with {workers} workers")
        os.execv(granian, argv)
