"""Precision, recall and F1 of the post safety coach on its labeled corpus, and throughput.

    .venv/bin/python bench/safety_eval.py [--misses]

Matching rule (span level, see medsocial/safety/evaluation.py): a labeled span is found when a
finding of the SAME category overlaps it by at least one character; a finding is correct when it
overlaps a labeled span of its category. Figures are printed for the dev split (used while
tuning), the holdout split (not used for tuning) and both together.

Throughput: posts of about 280 characters (each corpus post extended with neutral sentences and
cut to 280 characters) analyzed one after another on one core for about three seconds.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from medsocial.safety.engine import analyze  # noqa: E402
from medsocial.safety.evaluation import evaluate, load_corpus, table  # noqa: E402

FILLER = " Thanks to everyone who made this week possible, we are grateful for this team."


def throughput(posts: list[dict], seconds: float = 3.0) -> tuple[float, float]:
    sized = []
    for post in posts:
        text = post["text"]
        while len(text) < 280:
            text += FILLER
        sized.append((text[:280], post.get("allowed")))
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for text, allowed in sized:
            analyze(text, allowed=allowed)
        count += len(sized)
    elapsed = time.perf_counter() - started
    return count / elapsed, sum(len(t) for t, _a in sized) / len(sized)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    posts = load_corpus()
    show_misses = "--misses" in sys.argv
    for split in ("dev", "holdout", None):
        chosen = [p for p in posts if split is None or p["split"] == split]
        report = evaluate(chosen)
        with_phi = sum(1 for p in chosen if p["spans"])
        print(f"\n## {split or 'all'}: {len(chosen)} posts, {with_phi} with PHI\n")
        print(table(report))
        if show_misses and split == "dev":
            for miss in report.misses:
                print("missed", *miss)
            for alarm in report.false_alarms:
                print("false alarm", *alarm)
    rate, mean_length = throughput(posts)
    print(f"\nthroughput: {rate:,.0f} posts/s of {mean_length:.0f} characters on one core")


if __name__ == "__main__":
    main()
