"""Scoring the engine against the labeled corpus (plain Python, no Django).

Matching rule (span level): a labeled span counts as found when at least one finding of the SAME
category overlaps it by one character or more; a finding counts as correct when it overlaps at
least one labeled span of its category. Recall = found labeled spans / labeled spans;
precision = correct findings / findings. Policy findings are not scored (no rules are given).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .engine import analyze

CORPUS = Path(__file__).parent / "tests" / "data" / "phi_corpus.jsonl"


@dataclass
class Score:
    labeled: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.labeled if self.labeled else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    categories: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (post id, category, text)
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)


def load_corpus(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(posts: list[dict], *, mode: str = "full") -> Report:
    report = Report()
    for post in posts:
        text = post["text"]
        findings = [
            f
            for f in analyze(text, allowed=post.get("allowed"), mode=mode).findings
            if f.category != "policy"
        ]
        gold = post["spans"]
        for span in gold:
            score = report.categories[span["category"]]
            score.labeled += 1
            report.overall.labeled += 1
            if any(
                f.category == span["category"] and f.start < span["end"] and span["start"] < f.end
                for f in findings
            ):
                score.found += 1
                report.overall.found += 1
            else:
                report.misses.append((post["id"], span["category"], text[span["start"] : span["end"]]))
        for f in findings:
            score = report.categories[f.category]
            score.predicted += 1
            report.overall.predicted += 1
            if any(f.category == s["category"] and f.start < s["end"] and s["start"] < f.end for s in gold):
                score.correct += 1
                report.overall.correct += 1
            else:
                report.false_alarms.append((post["id"], f.category, f.text))
    return report


def table(report: Report) -> str:
    lines = [
        "| category | labeled | found | findings | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in sorted(report.categories):
        s = report.categories[name]
        lines.append(
            f"| {name} | {s.labeled} | {s.found} | {s.predicted} | {s.precision:.3f} | "
            f"{s.recall:.3f} | {s.f1:.3f} |"
        )
    s = report.overall
    lines.append(
        f"| **overall** | {s.labeled} | {s.found} | {s.predicted} | {s.precision:.3f} | "
        f"{s.recall:.3f} | {s.f1:.3f} |"
    )
    return "\n".join(lines)
