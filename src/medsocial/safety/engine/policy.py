"""Organization policy rules: phrase lists or regular expressions, compiled once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .types import BLOCK, WARN, PolicyRule, RuleError

MAX_PATTERN_LENGTH = 500

# A group repeated without bound that itself contains a quantifier, e.g. (a+)+ or (\w*\s?)*: the
# shape behind catastrophic backtracking. Rules with such a pattern are refused; a bounded outer
# repeat such as (\w{1,20}\s){0,2} stays cheap and is accepted.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\})")


def check_pattern(pattern: str) -> re.Pattern:
    """Compile a rule's regular expression or raise RuleError with a readable reason."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise RuleError(f"The pattern is longer than {MAX_PATTERN_LENGTH} characters.")
    if _NESTED_QUANTIFIER.search(pattern):
        raise RuleError(
            "The pattern repeats a group that itself repeats (like (a+)+); "
            "such patterns can take minutes on some posts. Simplify it."
        )
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"The pattern is not a valid regular expression: {exc}.") from None


def _phrase_pattern(phrases: Iterable[str]) -> str:
    parts = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        # Word boundaries only where the phrase starts or ends with a word character
        # (so "#ad" and "100%" work as phrases too).
        left = r"(?<![\w#])" if re.match(r"[\w#]", phrase) else ""
        right = r"(?!\w)" if re.search(r"\w$", phrase) else ""
        parts.append(left + body + right)
    return "|".join(parts)


class CompiledRule:
    __slots__ = ("rule", "matcher", "unless", "exceptions")

    def __init__(self, rule: PolicyRule):
        if rule.severity not in (BLOCK, WARN):
            raise RuleError(f"Severity must be “block” or “warn”, not “{rule.severity}”.")
        if not rule.phrases and not rule.pattern:
            raise RuleError("A rule needs at least one phrase or a regular expression.")
        sources = []
        if rule.pattern:
            check_pattern(rule.pattern)
            sources.append(f"(?:{rule.pattern})")
        if rule.phrases:
            sources.append(f"(?:{_phrase_pattern(rule.phrases)})")
        self.rule = rule
        self.matcher = re.compile("|".join(sources), re.IGNORECASE)
        self.unless = (
            re.compile(_phrase_pattern(rule.unless), re.IGNORECASE)
            if any(u.strip() for u in rule.unless)
            else None
        )
        self.exceptions = frozenset(e.strip().lower() for e in rule.exceptions if e.strip())

    def matches(self, text: str):
        if self.unless is not None and self.unless.search(text):
            return
        for m in self.matcher.finditer(text):
            if m.end() == m.start() or m.group().strip().lower() in self.exceptions:
                continue
            yield m.start(), m.end()


def as_rule(value) -> PolicyRule:
    if isinstance(value, PolicyRule):
        return value
    get = value.get if isinstance(value, Mapping) else (lambda k, d=None: getattr(value, k, d))

    def listed(key):
        items = get(key, ()) or ()
        if isinstance(items, str):
            items = items.splitlines()
        return tuple(str(i).strip() for i in items if str(i).strip())

    return PolicyRule(
        name=str(get("name", "") or "Policy rule"),
        severity=str(get("severity", WARN) or WARN),
        explanation=str(get("explanation", "") or ""),
        phrases=listed("phrases"),
        pattern=str(get("pattern", "") or ""),
        unless=listed("unless"),
        exceptions=listed("exceptions"),
        suggestion=str(get("suggestion", "") or ""),
    )


@lru_cache(maxsize=512)
def compile_rule(rule: PolicyRule) -> CompiledRule:
    return CompiledRule(rule)
