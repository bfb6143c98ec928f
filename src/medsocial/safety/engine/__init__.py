"""The post safety coach's detection engine: plain Python, no Django.

    >>> from medsocial.safety.engine import analyze
    >>> analysis = analyze("Mrs. Alvarez in bed 3 is going home today!")
    >>> [(f.category, f.text) for f in analysis.findings]
    [('name', 'Mrs. Alvarez'), ('room_bed', 'bed 3')]

`analyze(text, allowed=..., rules=...)` returns an `Analysis` whose findings carry a category
(one per HIPAA Safe Harbor identifier kind, or "policy"), offsets into the original text, a
severity ("block" or "warn"), a plain-language explanation and a suggested redaction.

Limits: inputs longer than MAX_CHARS characters, bytes that are not UTF-8 and text that looks
like binary data raise `InputError`; a check that runs longer than `time_limit` seconds raises
`AnalysisTimeout`. Both are `EngineError`s with a message fit to show to the person.
"""

from __future__ import annotations

import time

from . import detectors
from .allow import AllowList
from .normalize import normalize
from .policy import as_rule as _as_rule
from .policy import check_pattern, compile_rule
from .types import (
    BLOCK,
    WARN,
    Allowed,
    Analysis,
    AnalysisTimeout,
    EngineError,
    Finding,
    InputError,
    PolicyRule,
    RuleError,
)

__all__ = [
    "BLOCK",
    "CATEGORIES",
    "MAX_CHARS",
    "WARN",
    "AllowList",
    "Allowed",
    "Analysis",
    "AnalysisTimeout",
    "EngineError",
    "Finding",
    "InputError",
    "PolicyRule",
    "RuleError",
    "analyze",
    "check_pattern",
    "redact",
]

MAX_CHARS = 50_000
DEFAULT_TIME_LIMIT = 2.0
CATEGORIES = detectors.CATEGORIES + ("policy",)


def _as_text(text) -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("The input is not UTF-8 text; paste the post as plain text.") from None
    if not isinstance(text, str):
        raise InputError("The input must be text.")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The post is {len(text):,} characters long; the coach checks up to "
            f"{MAX_CHARS:,} characters at a time."
        )
    if "\x00" in text:
        raise InputError("The input looks like binary data, not a post.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("The input contains characters that are not valid text.") from None
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t\f\v")
    if controls > max(2, len(text) // 20):
        raise InputError("The input looks like binary data, not a post.")
    return text


def analyze(text, *, allowed=None, rules=None, time_limit: float = DEFAULT_TIME_LIMIT) -> Analysis:
    """Check a draft post for protected health information and policy problems.

    `allowed`: the organization's own published phones, addresses, URLs and emails (an
    `Allowed`, a mapping with those keys, or an `AllowList`); they are never flagged.
    `rules`: policy rules (`PolicyRule`s or mappings with name, severity, explanation, phrases
    and/or pattern, unless, exceptions)."""
    started = time.perf_counter()
    text = _as_text(text)
    allow_list = AllowList.from_value(allowed)
    compiled = [compile_rule(_as_rule(r)) for r in (rules or ())]
    if not text.strip():
        return Analysis(text=text, findings=[], redacted_text=text, elapsed_seconds=0.0)
    norm = normalize(text)
    scan = detectors.Scan(norm.text, allow_list)
    for detector in detectors.DETECTORS:
        detector(scan)
        if time.perf_counter() - started > time_limit:
            raise AnalysisTimeout("Checking this post took too long; split it into smaller parts.")
    findings = []
    for category, start, end, severity in scan.results:
        o_start, o_end = norm.span(start, end)
        findings.append(
            Finding(
                category=category,
                start=o_start,
                end=o_end,
                text=text[o_start:o_end],
                severity=severity,
                explanation=detectors.EXPLANATIONS[category],
                suggestion=detectors.SUGGESTIONS[category],
            )
        )
    for rule in compiled:
        for start, end in rule.matches(norm.text):
            o_start, o_end = norm.span(start, end)
            findings.append(
                Finding(
                    category="policy",
                    start=o_start,
                    end=o_end,
                    text=text[o_start:o_end],
                    severity=rule.rule.severity,
                    explanation=rule.rule.explanation or rule.rule.name,
                    suggestion=rule.rule.suggestion,
                    rule=rule.rule.name,
                )
            )
        if time.perf_counter() - started > time_limit:
            raise AnalysisTimeout("Checking this post took too long; split it into smaller parts.")
    findings.sort(key=lambda f: (f.start, -f.end, f.category))
    return Analysis(
        text=text,
        findings=findings,
        redacted_text=redact(text, findings),
        elapsed_seconds=time.perf_counter() - started,
    )


def redact(text: str, findings) -> str:
    """`text` with every PHI finding replaced by its suggestion; overlapping findings are
    merged into one replacement. Policy findings are left as they are (they need rewording,
    not masking)."""
    spans = sorted(
        (f.start, f.end, f.suggestion) for f in findings if f.category != "policy" and f.end > f.start
    )
    pieces, position = [], 0
    for start, end, suggestion in spans:
        if start < position:  # overlaps the previous replacement
            if end > position:
                position = end
            continue
        pieces.append(text[position:start])
        pieces.append(suggestion)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
