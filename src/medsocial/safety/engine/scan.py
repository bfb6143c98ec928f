"""A post being checked: normalized text, word tokens, where care words are, and the
findings so far. Shared by every detector module."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from . import lexicon as lx

# Confidence levels: how sure a detector is that a span is an identifier of its category.
# Severity follows confidence (`severity_for`).
CERTAIN = 0.97  # checked by a library (check digits, phone validity) or labelled explicitly
HIGH = 0.9
LIKELY = 0.8
POSSIBLE = 0.6
BLOCK_FROM = 0.7

# Kinds of identifiers that make a nearby name identifying too.
IDENTIFYING = frozenset(
    {
        "fax",
        "url",
        "ip_address",
        "device_id",
        "license_number",
        "vehicle_id",
        "geographic",
        "phone",
        "email",
        "ssn",
        "mrn",
        "health_plan_id",
        "account_number",
        "room_bed",
        "age",
        "date",
    }
)


def severity_for(confidence: float) -> str:
    """Block what the coach is sure of; only warn about what it merely suspects."""
    return "block" if confidence >= BLOCK_FROM else "warn"


# A word in any script: letters, with inner apostrophes or hyphens ("O'Brien", "Eun-ji",
# "Núñez", "James's"). Digits and underscores are not letters.
def _mark_class() -> str:
    """Combining marks (accents written apart, Devanagari and Thai vowel signs): `\\w` does
    not hold them, but they belong to the word they follow ("अमृता")."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x1100):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(chr(a) + ("-" + chr(b) if b > a else "") for a, b in ranges)


MARKS = _mark_class()
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[" + MARKS + r"]|['’-](?=[^\W\d_]))*")


# The same words for ASCII text, where the Unicode classes above cost time for nothing.
ASCII_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
_CARE_CACHE: dict[str, bool] = {}


def _is_care_word(word: str) -> bool:
    return word == "OR" or lx.is_care_word(word)


class Scan:
    """One post being checked: normalized text, word tokens, care-word positions, results."""

    __slots__ = ("text", "lower", "tokens", "care", "allowed", "results", "taken", "entities", "dates")

    def __init__(self, text: str, allowed):
        self.text = text
        lower = text.lower()
        if len(lower) != len(text):  # "İ" lowers to two characters: keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.lower = lower
        pattern = ASCII_WORD if text.isascii() else WORD
        self.tokens = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        if len(_CARE_CACHE) > 50_000:
            _CARE_CACHE.clear()
        care = []
        for s, _e, w in self.tokens:
            is_care = _CARE_CACHE.get(w)
            if is_care is None:
                is_care = _CARE_CACHE[w] = _is_care_word(w)
            if is_care:
                care.append(s)
        for phrase in lx.CARE_PHRASES:
            at = self.lower.find(phrase)
            while at != -1:
                care.append(at)
                at = self.lower.find(phrase, at + 1)
        care.sort()
        self.care = care
        self.allowed = allowed
        self.results: list[tuple[str, int, int, float]] = []
        self.taken: list[tuple[int, int]] = []
        # People and places a language model proposed: (label, start, end), label PERSON or PLACE.
        self.entities: list[tuple[str, int, int]] = []
        # Every date-shaped match, found once and judged twice (dates, then person_dates).
        self.dates: list | None = None

    def near_care(self, start: int, end: int, window: int = 150) -> bool:
        i = bisect_left(self.care, start - window)
        return i < len(self.care) and self.care[i] <= end + window

    def near_identifier(self, start: int, end: int, window: int = 150) -> bool:
        """Another identifier (an address, a phone…) close by: a name next to it identifies."""
        return any(
            c in IDENTIFYING and s - window <= end and start <= e + window for c, s, e, _sev in self.results
        )

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    def add(self, category: str, start: int, end: int, confidence: float) -> None:
        self.results.append((category, start, end, confidence))
        self.taken.append((start, end))
