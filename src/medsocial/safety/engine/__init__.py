"""The post safety coach's detection engine: plain Python, no Django.

    >>> from medsocial.safety.engine import analyze
    >>> analysis = analyze("Mrs. Alvarez in bed 3 is going home today!")
    >>> [(f.category, f.text) for f in analysis.findings]
    [('name', 'Mrs. Alvarez'), ('room_bed', 'bed 3')]

`analyze(text, allowed=..., rules=..., mode=...)` returns an `Analysis` whose findings carry a
category (one per HIPAA Safe Harbor identifier kind, or "policy"), offsets into the original
text, a confidence from 0 to 1, a severity that follows it ("block" from 0.7, else "warn"), a
plain-language explanation and a suggested redaction.

Modes: "fast" runs the rules only (bulk screening of comments, thousands of posts a second);
"full" (the default) adds a named-entity model that proposes people and places, when the
`ner` extra is installed; without it full mode falls back to the rules and the analysis says
so (`Analysis.mode`).

Limits: inputs longer than MAX_CHARS characters, bytes that are not UTF-8 and text that looks
like binary data raise `InputError`; a check that runs longer than `time_limit` seconds raises
`AnalysisTimeout`. Both are `EngineError`s with a message fit to show to the person.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right

from . import cued_names, detectors, gazetteer, names, ner, numbers, places
from .allow import AllowList
from .normalize import normalize
from .policy import as_rule as _as_rule
from .policy import check_pattern, compile_rule
from .scan import Scan, severity_for
from .types import (
    BLOCK,
    WARN,
    Allowed,
    AllowListError,
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
    "AllowListError",
    "Analysis",
    "AnalysisTimeout",
    "EngineError",
    "Finding",
    "InputError",
    "PolicyRule",
    "RuleError",
    "FAST",
    "FULL",
    "analyze",
    "active_mode",
    "check_pattern",
    "redact",
]

MAX_CHARS = 50_000
DEFAULT_TIME_LIMIT = 2.0
CATEGORIES = detectors.CATEGORIES + ("policy",)
FAST = "fast"
FULL = "full"
# The model reads only the sentences around care words and identifiers (the only places where
# its people and places can be confirmed), at most this many characters of them: its time
# grows with the text and the time bound must hold.
NER_MAX_CHARS = 3_000
_SENTENCE_BREAK = re.compile(r"[.!?\n]+\s+|\n")

# Order matters: labelled identifiers claim their numbers before the generic number patterns;
# streets and towns claim places before names look at capitalized words.
RULES = (
    detectors.labelled_identifiers,
    detectors.emails_and_links,
    places.streets,
    detectors.phones,
    detectors.ages,
    detectors.dates,
    detectors.rooms,
    places.towns,
    detectors.unique_characteristics,
    cued_names.cued_names,
    names.names,
    detectors.rooms_after_names,
    detectors.person_dates,
)
# Full mode: the same rules, then what the model proposed and the rules did not already find.
MODEL_RULES = (places.ner_places, names.ner_names, detectors.person_dates)


def active_mode(mode: str = FULL) -> str:
    """The mode a check in `mode` really runs in: full needs the `ner` extra."""
    if mode not in (FAST, FULL):
        raise InputError(f"Unknown mode “{mode}”; use “fast” or “full”.")
    return FULL if mode == FULL and ner.available() else FAST


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


def _model_windows(scan: Scan) -> list[tuple[int, int]]:
    """Whole sentences that hold a care word or a finding, merged, up to NER_MAX_CHARS."""
    anchors = sorted(set(scan.care) | {start for _c, start, _e, _conf in scan.results})
    if not anchors:
        return []
    breaks = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(scan.text)] + [len(scan.text)]
    windows: list[tuple[int, int]] = []
    total = 0
    for anchor in anchors:
        i = bisect_right(breaks, anchor) - 1
        start = breaks[max(0, i - 1)]  # the sentence before too: "Meet Rosa. She had surgery."
        end = breaks[min(len(breaks) - 1, i + 1)]
        if windows and start <= windows[-1][1]:
            start = windows[-1][0]
            total -= windows[-1][1] - windows[-1][0]
            windows.pop()
        end = min(end, start + NER_MAX_CHARS - total)
        if end <= start:
            break
        windows.append((start, end))
        total += end - start
        if total >= NER_MAX_CHARS:
            break
    return windows


_loaded: set[str] = set()


def _load(mode: str) -> None:
    if mode in _loaded:
        return
    gazetteer.load()
    places.load()
    numbers.load()
    if mode == FULL:
        ner.load()
    _loaded.add(mode)


def analyze(
    text, *, allowed=None, rules=None, mode: str = FULL, time_limit: float = DEFAULT_TIME_LIMIT
) -> Analysis:
    """Check a draft post for protected health information and policy problems.

    `allowed`: the organization's own published phones, addresses, URLs and emails (an
    `Allowed`, a mapping with exactly those keys, or an `AllowList`); they are never flagged.
    A mapping of another shape raises AllowListError.
    `rules`: policy rules (`PolicyRule`s or mappings with name, severity, explanation, phrases
    and/or pattern, unless, exceptions).
    `mode`: "full" (rules and the named-entity model when installed) or "fast" (rules only)."""
    mode = active_mode(mode)
    _load(mode)  # once per process; not counted against the per-post time bound
    started = time.perf_counter()
    text = _as_text(text)
    allow_list = AllowList.from_value(allowed)
    compiled = [compile_rule(_as_rule(r)) for r in (rules or ())]
    if not text.strip():
        return Analysis(text=text, findings=[], redacted_text=text, elapsed_seconds=0.0, mode=mode)
    norm = normalize(text)
    scan = Scan(norm.text, allow_list)

    def check_time():
        if time.perf_counter() - started > time_limit:
            raise AnalysisTimeout("Checking this post took too long; split it into smaller parts.")

    for detector in RULES:
        detector(scan)
        check_time()
    if mode == FULL:
        windows = _model_windows(scan)
        if windows:
            scan.entities = ner.entities(norm.text, windows)
            check_time()
            for detector in MODEL_RULES:
                detector(scan)
    findings = []
    for category, start, end, confidence in scan.results:
        o_start, o_end = norm.span(start, end)
        findings.append(
            Finding(
                category=category,
                start=o_start,
                end=o_end,
                text=text[o_start:o_end],
                severity=severity_for(confidence),
                explanation=detectors.EXPLANATIONS[category],
                suggestion=detectors.SUGGESTIONS[category],
                confidence=round(confidence, 2),
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
        check_time()
    findings.sort(key=lambda f: (f.start, -f.end, f.category))
    return Analysis(
        text=text,
        findings=findings,
        redacted_text=redact(text, findings),
        elapsed_seconds=time.perf_counter() - started,
        mode=mode,
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
