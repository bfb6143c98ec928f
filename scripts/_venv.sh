# Shared by scripts/run and scripts/test: find Python 3.11+ and make .venv if it is missing.
find_python() {
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "MedSocial needs Python 3.11 or newer; none was found on PATH." >&2
  return 1
}

ensure_venv() {
  if [ ! -x .venv/bin/python ]; then
    local python; python=$(find_python)
    echo "Creating .venv with $($python --version)…"
    "$python" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
  fi
}
