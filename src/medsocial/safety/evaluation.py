"""Scoring the engine against a labeled corpus (plain Python, no Django).

Matching rule (span level): a labeled span counts as found when at least one finding of the SAME
category overlaps it by one character or more; a finding counts as correct when it overlaps at
least one labeled span of its category. Recall = found labeled spans / labeled spans;
precision = correct findings / findings. Policy findings are not scored (no rules are given).

Advice requests are scored per post: the post's `advice_request` label against the detector.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .engine import analyze
from .engine.advice import advice_request

# The corpus written apart from the detectors: dev.jsonl (for development) and test.jsonl
# (frozen: never tuned on, only scored).
CORPUS_DIR = Path(__file__).parent / "corpus"
# The first corpus, written together with the detectors (kept for the regression test).
LEGACY_CORPUS = Path(__file__).parent / "tests" / "data" / "phi_corpus.jsonl"
CORPUS = LEGACY_CORPUS


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


def _matches(found: str, labeled: str, same: Mapping[str, set[str]]) -> bool:
    return found == labeled or labeled in same.get(found, ())


def score_predictions(
    posts: list[dict],
    predictions: Mapping[str, list[tuple[str, int, int]]] | Callable[[dict], list[tuple[str, int, int]]],
    *,
    same: Mapping[str, set[str]] | None = None,
) -> Report:
    """Score (category, start, end) predictions per post id (or a function of the post).
    `same` lets one predicted category count for several labeled ones (e.g. phone for fax)."""
    same = same or {}
    predict = predictions if callable(predictions) else (lambda post: predictions.get(post["id"], []))
    report = Report()
    for post in posts:
        text = post["text"]
        found = predict(post)
        gold = post["spans"]
        for span in gold:
            score = report.categories[span["category"]]
            score.labeled += 1
            report.overall.labeled += 1
            if any(
                _matches(c, span["category"], same) and s < span["end"] and span["start"] < e
                for c, s, e in found
            ):
                score.found += 1
                report.overall.found += 1
            else:
                report.misses.append((post["id"], span["category"], text[span["start"] : span["end"]]))
        for category, start, end in found:
            score = report.categories[category]
            score.predicted += 1
            report.overall.predicted += 1
            if any(
                _matches(category, g["category"], same) and start < g["end"] and g["start"] < end
                for g in gold
            ):
                score.correct += 1
                report.overall.correct += 1
            else:
                report.false_alarms.append((post["id"], category, text[start:end]))
    return report


def evaluate(posts: list[dict], *, mode: str = "full") -> Report:
    """Score the coach on `posts` in `mode` ("full" or "fast")."""

    def predict(post):
        analysis = analyze(post["text"], allowed=post.get("allowed"), mode=mode)
        return [(f.category, f.start, f.end) for f in analysis.findings if f.category != "policy"]

    return score_predictions(posts, predict)


def advice_score(posts: list[dict]) -> Score:
    """Precision and recall of the advice-request detector on posts labeled advice_request."""
    score = Score()
    for post in posts:
        if "advice_request" not in post:
            continue
        labeled = bool(post["advice_request"])
        flagged = advice_request(post["text"]) is not None
        score.labeled += labeled
        score.predicted += flagged
        score.found += labeled and flagged
        score.correct += labeled and flagged
    return score


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


def side_by_side(ours: Report, theirs: Report, their_name: str = "Presidio") -> str:
    """Precision and recall per category of two reports on the same posts."""
    lines = [
        f"| category | labeled | coach precision | coach recall | {their_name} precision | {their_name} recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in sorted(set(ours.categories) | set(theirs.categories)):
        a, b = ours.categories.get(name, Score()), theirs.categories.get(name, Score())
        lines.append(
            f"| {name} | {a.labeled} | {_precision(a)} | {a.recall:.3f} | {_precision(b)} | {b.recall:.3f} |"
        )
    a, b = ours.overall, theirs.overall
    lines.append(
        f"| **overall** | {a.labeled} | {a.precision:.3f} | {a.recall:.3f} | {b.precision:.3f} | {b.recall:.3f} |"
    )
    return "\n".join(lines)


def _precision(score: Score) -> str:
    """Precision, or a dash when there were no findings to be right or wrong about."""
    return f"{score.precision:.3f}" if score.predicted else "—"
