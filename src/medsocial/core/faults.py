"""Named points in long work where a fault test can stop a real worker process.

A recompute or an import is one transaction; what matters under a crash is what another process
sees when the worker dies in the middle of it. A test starts a worker with
MEDSOCIAL_PAUSE_AT=<point> and MEDSOCIAL_PAUSE_FILE=<path>: on reaching that point the worker
creates the file and waits there (at most MEDSOCIAL_PAUSE_SECONDS, 60 by default), so the test
kills it at a known step instead of after a guessed delay. Without the variables a point costs
one environment lookup and nothing else.
"""

import logging
import os
import time
from pathlib import Path

logger = logging.getLogger("medsocial.faults")


def pause_point(name: str) -> None:
    """Wait here when the environment names this point (fault tests only)."""
    if os.environ.get("MEDSOCIAL_PAUSE_AT") != name:
        return
    logger.warning("Pausing at %s (MEDSOCIAL_PAUSE_AT)", name)
    marker = os.environ.get("MEDSOCIAL_PAUSE_FILE")
    if marker:
        Path(marker).write_text(str(os.getpid()))
    deadline = time.monotonic() + float(os.environ.get("MEDSOCIAL_PAUSE_SECONDS", "60"))
    while time.monotonic() < deadline:
        time.sleep(0.05)
