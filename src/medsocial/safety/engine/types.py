"""The engine's public value types: findings, analyses, policy rules, allow-lists, errors."""

from __future__ import annotations

from dataclasses import dataclass, field

BLOCK = "block"
WARN = "warn"


class EngineError(Exception):
    """The post could not be checked; `str(exc)` is safe to show to the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(EngineError):
    """The input is not text the engine can check (binary data, too long, not a string)."""


class AllowListError(InputError):
    """The organization's allow-list is not in the shape the engine reads."""


class AnalysisTimeout(EngineError):
    """Checking took longer than the per-input time bound."""


class RuleError(EngineError):
    """A policy rule is malformed (e.g. a regular expression that does not compile)."""


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    start: int
    end: int
    text: str
    severity: str
    explanation: str
    suggestion: str
    rule: str = ""  # the policy rule's name, for category "policy"
    # How sure the coach is, from 0 to 1; severity follows it (block from 0.7).
    confidence: float = 1.0

    def as_dict(self) -> dict:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "severity": self.severity,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    findings: list[Finding]
    redacted_text: str
    elapsed_seconds: float = 0.0
    mode: str = "fast"  # "fast" (rules only) or "full" (rules and the named-entity model)

    @property
    def has_blocking(self) -> bool:
        return any(f.severity == BLOCK for f in self.findings)

    @property
    def phi_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.category != "policy"]

    @property
    def policy_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.category == "policy"]


@dataclass(frozen=True, slots=True)
class PolicyRule:
    """One organization rule. It fires where a phrase or the pattern matches, except on
    matches listed in `exceptions` (e.g. approved hashtags), and not at all when one of the
    `unless` phrases appears anywhere in the post (e.g. an affiliation disclosure)."""

    name: str
    severity: str = WARN
    explanation: str = ""
    phrases: tuple[str, ...] = ()
    pattern: str = ""
    unless: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    suggestion: str = ""


@dataclass(frozen=True, slots=True)
class Allowed:
    """An organization's own published contact details, which are never flagged."""

    phones: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    emails: tuple[str, ...] = field(default=())
