"""Unicode normalization that remembers where every character came from.

Detectors match on a normalized copy of the post (NFKC, zero-width and bidi controls removed,
look-alike letters and digits folded to ASCII) so that "MRN 12З4５67" with a Cyrillic З and a
fullwidth ５ is still a record number; findings are reported with offsets into the ORIGINAL text
through `Normalized.span()`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Invisible characters used to break up identifiers (or that appear in right-to-left text).
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)

# Letters from other scripts that look like Latin letters or digits in most fonts.
HOMOGLYPHS = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "Ѕ": "S",
    "І": "I",
    "Ј": "J",
    "З": "3",
    "з": "3",
    "б": "6",
    "Ч": "4",
    "ч": "4",
    # Greek
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "ο": "o",
    "ν": "v",
    "α": "a",
    "ι": "i",
    "κ": "k",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    # Dashes and minus signs that stand in for "-"
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
}

# A letter O/o or I/l inside a group of digits is almost always a disguised 0 or 1.
_LETTER_AS_DIGIT = re.compile(r"(?<=\d)[OoIl](?=[\d-])|(?<=[\d-])[OoIl](?=\d)")
_AS_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1"}


@dataclass(frozen=True, slots=True)
class Normalized:
    original: str
    text: str
    # origin[i] is the index in `original` of the character that produced text[i];
    # None when the text is unchanged (the common, all-ASCII case).
    origin: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text for the normalized span [start, end)."""
        if self.origin is None:
            return start, end
        if end <= start:
            position = self.origin[start] if start < len(self.origin) else len(self.original)
            return position, position
        first = self.origin[start]
        stop = self.origin[end - 1] + 1
        # Combining marks dropped during folding belong to the character before them.
        while stop < len(self.original) and unicodedata.combining(self.original[stop]):
            stop += 1
        return first, stop


def _fold(char: str) -> str:
    mapped = HOMOGLYPHS.get(char)
    if mapped is not None:
        return mapped
    if char.isdigit():
        try:
            return str(unicodedata.decimal(char))
        except (TypeError, ValueError):
            pass
    return unicodedata.normalize("NFKC", char)


def _beside_digit(text: str, index: int) -> bool:
    return (index > 0 and text[index - 1].isdigit()) or text[index + 1 : index + 2].isdigit()


def _folding_class() -> str:
    """Every character the slow path would change: invisible characters, look-alikes,
    non-ASCII digits and combining marks."""
    chars = set(INVISIBLE) | set(HOMOGLYPHS)
    for code in range(0x80, 0x10000):
        char = chr(code)
        if char.isdigit() or unicodedata.combining(char):
            chars.add(char)
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


# A post whose non-ASCII characters are all ordinary letters and punctuation ("Núñez’s") reads
# the same once folded: it skips the character-by-character copy.
_NEEDS_FOLDING = re.compile(_folding_class())


def normalize(original: str) -> Normalized:
    """Fold `original` for matching and keep the mapping back to its offsets."""
    if original.isascii() or (
        unicodedata.is_normalized("NFKC", original) and not _NEEDS_FOLDING.search(original)
    ):
        text = _LETTER_AS_DIGIT.sub(lambda m: _AS_DIGIT[m.group()], original)
        return Normalized(original, text, None)
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(original):
        if char in INVISIBLE:
            # Between a lower-case letter and a capital or digit it stood where a word ended
            # ("Núñez\u200bGB82…"): keep the boundary as a space. Elsewhere it hid inside an
            # identifier or a word ("48\u200b21", "Jo\u200bsé") and is dropped.
            following = original[index + 1 : index + 2]
            if pieces and pieces[-1].islower() and following and (following.isupper() or following.isdigit()):
                pieces.append(" ")
                origin.append(index)
            continue
        if unicodedata.combining(char) and pieces:
            # Combining marks attach to the previous character; drop them so "é" matches "e"
            # patterns only where the detector allows letters anyway.
            continue
        folded = char if char.isascii() else _fold(char)
        if folded.isdigit() and not char.isdigit() and not _beside_digit(original, index):
            folded = char  # "Зоя" is a name; only "12З4" hides a digit
        for piece in folded:
            pieces.append(piece)
            origin.append(index)
    text = _LETTER_AS_DIGIT.sub(lambda m: _AS_DIGIT[m.group()], "".join(pieces))
    return Normalized(original, text, origin)
