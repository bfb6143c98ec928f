"""Numbers checked by well-kept libraries: phone numbers (`phonenumbers`, every format, with
extensions, validated per region) and payment cards and IBANs (`python-stdnum`: Luhn and
ISO 7064 check digits), so a random run of digits is not called a card."""

from __future__ import annotations

import re

import phonenumbers
from stdnum import iban, luhn

from . import lexicon as lx

# "001-312-…" and "011 44 …" are international dialling prefixes; phonenumbers reads "+".
_DIAL_PREFIX = re.compile(r"(?<![\w+])(?:00|011)(?=[\s.-]?[1-9])")
# National numbers that start with a trunk 0 (UK "020 7946 0958", Germany "030 …").
_TRUNK_ZERO = re.compile(r"(?<![\d+])\(?0\d(?:[\s.)-]{0,2}\d){7,11}(?!\d)")
_FOREIGN_REGIONS = ("GB", "DE", "FR", "AU", "IN", "IE", "NL", "ES", "IT", "MX", "BR", "JP")
_DIGIT_RUN = re.compile(r"\d")
_PHONE_CUE = re.compile(
    r"\b(?:call|phone|tel|telephone|ring|number|cell|mobile|fax|whatsapp|text|reach|contact|on)\b",
    re.IGNORECASE,
)
_US_SHAPE = re.compile(r"(?<![\d\w.+-])(?:\(\s?(\d{3})\s?\)\s?|(\d{3})[.-])(\d{3})[.-](\d{4})(?![\d-]|\.\d)")
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension)\s*\d{1,6}$", re.IGNORECASE)

CARD = re.compile(r"(?<![\d+-])(?<!\+\s)(?:\d[ -]?){12,18}\d(?![\d-])")
# "06.06.2025", "2025-03-29": dates that phone matchers would read as numbers.
_DATE_SHAPED = re.compile(
    r"^(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2})$"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")


# Seven digits or more with at most short separators between them: every phone number has such
# a run ("(503) 555-0100", "+44 20 7946 0958", "918.552.0099 x12"); a post without one skips the
# matchers.
_PHONE_SHAPE = re.compile(r"\d(?:[\s().+-]{0,3}\d){6}")


def _digit_count(text: str) -> int:
    return len(_DIGIT_RUN.findall(text))


def phone_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, national digits, toll_free) of every phone number in `text`."""
    if _digit_count(text) < 7 or not _PHONE_SHAPE.search(text):
        return []
    dialled = _DIAL_PREFIX.sub(lambda m: " " * (len(m.group()) - 1) + "+", text)
    # Where a "+" stands for a written prefix, the finding starts at the prefix.
    prefix_at = {m.end() - 1: m.start() for m in _DIAL_PREFIX.finditer(text)}
    found: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []

    def keep(match, strict: bool) -> None:
        number = match.number
        if _DATE_SHAPED.match(match.raw_string.strip()):
            return
        if strict and not phonenumbers.is_valid_number(number):
            return
        start, end = prefix_at.get(match.start, match.start), match.end
        if any(s < end and start < e for s, e in taken):
            return
        national = str(number.national_number)
        toll_free = number.country_code == 1 and national[:3] in lx.TOLL_FREE
        found.append((start, end, national, toll_free))
        taken.append((start, end))

    for match in phonenumbers.PhoneNumberMatcher(dialled, "US", leniency=phonenumbers.Leniency.POSSIBLE):
        national = str(match.number.national_number)
        if match.number.country_code == 1 and (len(national) != 10 or national[0] in "01"):
            continue  # "555-0142" alone, or "123-456-7890"-like filler: handled by context rules
        # Written with "+": a possible number is enough (fictional ranges such as +44 7700 900…
        # are not "valid" but are still someone's phone in a post).
        keep(match, strict=match.number.country_code != 1 and not match.raw_string.startswith("+"))
    if _TRUNK_ZERO.search(dialled):
        for region in _FOREIGN_REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(
                dialled, region, leniency=phonenumbers.Leniency.VALID
            ):
                # A national number without "+" counts only where the words say it is a phone.
                if not match.raw_string.lstrip().startswith("+") and _PHONE_CUE.search(
                    text[max(0, match.start - 40) : match.start]
                ):
                    keep(match, strict=True)
    # The matcher passes over some plain US numbers ("918.552.0099" after a name); the classic
    # 3-3-4 shapes with a valid area code are phones all the same.
    for m in _US_SHAPE.finditer(text):
        start, end = m.span()
        area = m.group(1) or m.group(2)
        if any(s < end and start < e for s, e in taken) or area[0] in "01":
            continue
        national = area + m.group(3) + m.group(4)
        found.append((start, end, national, national[:3] in lx.TOLL_FREE))
        taken.append((start, end))
    found.sort()
    return found


def load() -> None:
    """Read the phone metadata of every region the matcher tries, outside any post's time bound."""
    phone_spans("call 312-555-0142 or +44 20 7946 0958 or 020 7946 0958")


def without_extension(value: str) -> str:
    return _EXTENSION.sub("", value)


def card_spans(text: str) -> list[tuple[int, int]]:
    """Payment card numbers (13 to 19 digits, spaces or dashes allowed) whose Luhn check digit
    is right."""
    if _digit_count(text) < 13:
        return []
    spans = []
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        # Card numbers start with 2-6 (Mastercard, Amex, Visa, Discover); a phone with a 00
        # prefix can pass the Luhn check by chance.
        if (
            13 <= len(digits) <= 19
            and digits[0] in "23456"
            and len(set(digits)) > 1
            and luhn.is_valid(digits)
        ):
            spans.append(m.span())
    return spans


def iban_spans(text: str) -> list[tuple[int, int]]:
    """International bank account numbers with valid check digits."""
    spans = []
    for m in IBAN.finditer(text):
        if iban.is_valid(m.group()):
            spans.append(m.span())
    return spans
