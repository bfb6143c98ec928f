"""Precision and recall of the post safety coach per category, advice-request detection, and
throughput, on the labeled corpus in src/medsocial/safety/corpus/ (dev.jsonl and test.jsonl).

    .venv/bin/python bench/safety_eval.py [--misses] [--presidio] [--no-throughput | --throughput-only]

The dev part is for development; the test part is frozen: no rule is tuned on it, and its
misses are never printed (`--misses` prints the dev part's only).

Matching rule (span level, see medsocial/safety/evaluation.py): a labeled span is found when a
finding of the SAME category overlaps it by at least one character; a finding is correct when it
overlaps a labeled span of its category.

Throughput: fast mode (rules only) posts per second on one core; full mode (rules and the
named-entity model) milliseconds per post at p50 and p99. Posts are the corpus posts extended
with neutral sentences and cut to 280 characters.

`--presidio` runs Microsoft Presidio (presidio-analyzer with spaCy's small English model) on
the same posts in its own environment (bench/.venv-presidio, made by bench/presidio_setup.sh)
and prints its tables beside the coach's, with Presidio's entity types mapped to the corpus
categories (PRESIDIO_CATEGORIES below; Presidio's types with no Safe Harbor counterpart, such
as NRP and ORGANIZATION, are left out, and its phone findings count for phone and fax labels).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medsocial.safety.engine import analyze, ner  # noqa: E402
from medsocial.safety.evaluation import (  # noqa: E402
    CORPUS_DIR,
    LEGACY_CORPUS,
    advice_score,
    evaluate,
    load_corpus,
    score_predictions,
    side_by_side,
    table,
)

FILLER = " Thanks to everyone who made this week possible, we are grateful for this team."
PRESIDIO_PYTHON = ROOT / "bench" / ".venv-presidio" / "bin" / "python"
PRESIDIO_CATEGORIES = {
    "PERSON": "name",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "US_SSN": "ssn",
    "US_ITIN": "ssn",
    "CREDIT_CARD": "account_number",
    "IBAN_CODE": "account_number",
    "US_BANK_NUMBER": "account_number",
    "US_DRIVER_LICENSE": "license_number",
    "MEDICAL_LICENSE": "license_number",
    "US_PASSPORT": "license_number",
    "LOCATION": "geographic",
    "DATE_TIME": "date",
    "IP_ADDRESS": "ip_address",
    "URL": "url",
}
# Presidio has one phone type; the corpus tells phones from faxes.
PRESIDIO_SAME = {"phone": {"phone", "fax"}}


def parts() -> list[tuple[str, list[dict]]]:
    dev, test = CORPUS_DIR / "dev.jsonl", CORPUS_DIR / "test.jsonl"
    if dev.exists() and test.exists():
        return [("dev", load_corpus(dev)), ("test (frozen)", load_corpus(test))]
    print(f"{CORPUS_DIR} has no dev.jsonl and test.jsonl: using the legacy corpus {LEGACY_CORPUS.name}")
    legacy = load_corpus(LEGACY_CORPUS)
    return [(split, [p for p in legacy if p["split"] == split]) for split in ("dev", "holdout")]


def sized_posts(posts: list[dict]) -> list[tuple[str, dict | None]]:
    sized = []
    for post in posts:
        text = post["text"]
        while len(text) < 280:
            text += FILLER
        sized.append((text[:280], post.get("allowed")))
    return sized


def fast_throughput(sized, seconds: float = 3.0) -> tuple[float, float]:
    """Posts per second of wall-clock time and per second of this process's CPU time (the
    second is what one core delivers when other programs share the machine)."""
    count, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for text, allowed in sized:
            analyze(text, allowed=allowed, mode="fast")
        count += len(sized)
    return count / (time.perf_counter() - started), count / (time.process_time() - cpu)


def full_latency(sized) -> tuple[float, float, float, float]:
    """Full mode per post: wall-clock p50 and p99, then CPU-time p50 and p99, in ms."""
    analyze("Warm up: the model loads once per process.", mode="full")
    wall, cpu = [], []
    for text, allowed in sized:
        started, cpu_started = time.perf_counter(), time.process_time()
        analyze(text, allowed=allowed, mode="full")
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    wall.sort()
    cpu.sort()
    at = min(len(wall) - 1, int(len(wall) * 0.99))
    half = len(wall) // 2
    return wall[half] * 1000, wall[at] * 1000, cpu[half] * 1000, cpu[at] * 1000


def presidio_predictions(posts: list[dict]) -> tuple[dict[str, list[tuple[str, int, int]]], list[float]]:
    if not PRESIDIO_PYTHON.exists():
        sys.exit("Presidio is not installed: run `bash bench/presidio_setup.sh` first.")
    lines = "".join(json.dumps({"id": p["id"], "text": p["text"]}) + "\n" for p in posts)
    result = subprocess.run(
        [str(PRESIDIO_PYTHON), str(ROOT / "bench" / "presidio_runner.py")],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    predictions, seconds = {}, []
    for line in result.stdout.splitlines():
        answer = json.loads(line)
        predictions[answer["id"]] = [
            (PRESIDIO_CATEGORIES[f["entity"]], f["start"], f["end"])
            for f in answer["findings"]
            if f["entity"] in PRESIDIO_CATEGORIES
        ]
        seconds.append(answer["seconds"])
    return predictions, seconds


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    mode = "full" if ner.available() else "fast"
    print(f"Coach mode: {mode}" + ("" if mode == "full" else " (the ner extra is not installed)"))
    corpus_parts = parts()
    for name, posts in [] if "--throughput-only" in sys.argv else corpus_parts:
        report = evaluate(posts, mode=mode)
        with_phi = sum(1 for p in posts if p["spans"])
        print(f"\n## {name}: {len(posts)} posts, {with_phi} with identifiers\n")
        print(table(report))
        if any("advice_request" in p for p in posts):
            advice = advice_score(posts)
            print(
                f"\nadvice requests: {advice.labeled} labeled, {advice.predicted} flagged, "
                f"precision {advice.precision:.3f}, recall {advice.recall:.3f}, F1 {advice.f1:.3f}"
            )
        if "--misses" in sys.argv and name == "dev":
            for miss in report.misses:
                print("missed", *miss)
            for alarm in report.false_alarms:
                print("false alarm", *alarm)
        if "--presidio" in sys.argv:
            predictions, seconds = presidio_predictions(posts)
            theirs = score_predictions(posts, predictions, same=PRESIDIO_SAME)
            print(f"\n### {name}: Presidio (presidio-analyzer, spaCy en_core_web_sm) beside the coach\n")
            print(side_by_side(report, theirs))
            seconds.sort()
            print(
                f"\nPresidio per post: p50 {seconds[len(seconds) // 2] * 1000:.1f} ms, "
                f"p99 {seconds[int(len(seconds) * 0.99)] * 1000:.1f} ms"
            )
    if "--no-throughput" in sys.argv:
        return
    sized = sized_posts([p for _name, posts in corpus_parts for p in posts])
    rate, cpu_rate = fast_throughput(sized)
    print(
        f"\nfast mode: {rate:,.0f} posts/s of 280 characters on one core "
        f"({cpu_rate:,.0f} per CPU-second of this process)"
    )
    if ner.available():
        p50, p99, cpu50, cpu99 = full_latency(sized)
        print(
            f"full mode per 280-character post on one core: p50 {p50:.1f} ms, p99 {p99:.1f} ms "
            f"(CPU time: p50 {cpu50:.1f} ms, p99 {cpu99:.1f} ms)"
        )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
