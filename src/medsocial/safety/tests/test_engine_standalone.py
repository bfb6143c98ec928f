"""The engine is plain Python: importing and running it loads no Django."""

import subprocess
import sys


def test_engine_runs_without_django():
    code = (
        "import sys; from medsocial.safety.engine import analyze; "
        "assert analyze('MRN 4821337').findings; "
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
