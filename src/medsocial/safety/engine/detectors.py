"""The PHI detectors. Each one reads a `Scan` of the normalized post and adds candidates.

All patterns use bounded repetition and no nested quantifiers, so matching time grows
linearly with the input (no catastrophic backtracking).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import lexicon as lx
from .types import BLOCK, WARN

EXPLANATIONS = {
    "name": "A person's name next to care details can identify a patient.",
    "date": "A date tied to someone's care or birth (admission, surgery, discharge, birthday) "
    "is an identifier; keep only the year, or leave it out.",
    "age": 'Ages over 89 identify people in small groups; say "over 90" instead.',
    "phone": "A phone number that is not one of the organization's published numbers.",
    "fax": "A fax number that is not one of the organization's published numbers.",
    "email": "An email address can identify a person.",
    "ssn": "A Social Security number is a direct identifier and must never be posted.",
    "mrn": "A medical record number identifies a patient's chart.",
    "health_plan_id": "A health plan, member or policy number identifies a patient.",
    "account_number": "An account number identifies a person's billing record.",
    "license_number": "A license or certificate number identifies one person.",
    "vehicle_id": "A license plate or vehicle number identifies a person.",
    "device_id": "A device serial number can be traced to the patient who has the device.",
    "url": "This link points at one person (a profile, fundraiser or record).",
    "ip_address": "An IP address can be traced to a person's device or home.",
    "geographic": "Places smaller than a state (street, ZIP code, small town) next to care "
    "details can identify a patient.",
    "room_bed": "A room or bed number places a patient in the building.",
    "unique_characteristic": 'A unique detail ("the only…", "first…", a rare event) '
    "can identify a patient even without a name.",
}

SUGGESTIONS = {
    "name": "[patient]",
    "date": "[date]",
    "age": "[over 89]",
    "phone": "[phone]",
    "fax": "[fax]",
    "email": "[email]",
    "ssn": "[SSN]",
    "mrn": "[record number]",
    "health_plan_id": "[member ID]",
    "account_number": "[account]",
    "license_number": "[license]",
    "vehicle_id": "[vehicle]",
    "device_id": "[device]",
    "url": "[link]",
    "ip_address": "[IP address]",
    "geographic": "[location]",
    "room_bed": "[room]",
    "unique_characteristic": "[detail]",
}

CATEGORIES = tuple(SUGGESTIONS)


def _is_care_word(word: str) -> bool:
    lower = word.lower()
    return (
        lower in lx.CARE_WORDS or word == "OR" or (lower.endswith("s") and lower[:-1] in lx.CARE_WORDS)
    )  # "overdoses", "strokes"


class Scan:
    """One post being checked: normalized text, word tokens, care-word positions, results."""

    __slots__ = ("text", "lower", "tokens", "care", "allowed", "results", "taken")

    def __init__(self, text: str, allowed):
        self.text = text
        self.lower = text.lower()
        self.tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        care = [s for s, _e, w in self.tokens if _is_care_word(w)]
        for phrase in lx.CARE_PHRASES:
            at = self.lower.find(phrase)
            while at != -1:
                care.append(at)
                at = self.lower.find(phrase, at + 1)
        care.sort()
        self.care = care
        self.allowed = allowed
        self.results: list[tuple[str, int, int, str]] = []
        self.taken: list[tuple[int, int]] = []

    def near_care(self, start: int, end: int, window: int = 90) -> bool:
        i = bisect_left(self.care, start - window)
        return i < len(self.care) and self.care[i] <= end + window

    def near_identifier(self, start: int, end: int, window: int = 60) -> bool:
        """Another identifier (an address, a phone…) close by: a name next to it identifies."""
        return any(
            c in _IDENTIFYING and s - window <= end and start <= e + window for c, s, e, _sev in self.results
        )

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    def add(self, category: str, start: int, end: int, severity: str) -> None:
        self.results.append((category, start, end, severity))
        self.taken.append((start, end))


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# An identifier: 3 to 31 letters, digits or dashes, at least three of them digits.
_ID = r"(?=(?:[A-Za-z-]{0,30}\d){3})[A-Za-z0-9][A-Za-z0-9-]{2,30}"


_LABELS = {
    "ssn": r"ssn|ss\#|social\s+security|social",
    "mrn": r"mrn|medical\s+record|med\s+rec|chart|record|patient|pt|hospital\s+number|encounter|case|visit",
    "health_plan_id": r"member|subscriber|policy|group|insurance\s+card|insurance|medicaid|medicare|mbi|"
    r"health\s+plan|plan|beneficiary|coverage",
    "account_number": r"account|acct\.?|billing|invoice|claim|bank\s+account",
    "vehicle_id": r"license\s+plate|licence\s+plate|plate|tag|vin|vehicle",
    "license_number": r"license|licence|certificate|cert\.?|dea|npi|driver'?s\s+license|dl|permit",
    "device_id": r"serial|s/n|sn|device|imei|udi|lot|pacemaker|implant|pump",
}
# One pass for every labelled kind: the label's named group says which kind matched
# (vehicle labels come before license labels so "license plate" is a plate).
LABELLED = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{labels})" for kind, labels in _LABELS.items()) + r")"
    r"(?:\s{0,2}(?:number|num|no\.?|\#|id))?(?:\s{1,2}(?:is|was|of))?\s{0,2}[:#=]?\s{0,2}"
    r"(" + _ID + r")\b",
    re.IGNORECASE,
)
# "patient", "record", "case", "visit", "plan", "group", "social" and "tag" are common words;
# as labels they only count with an explicit "#", "number", "id" or ":" right after them.
_WEAK_LABELS = re.compile(
    r"^(?:patient|pt|record|case|visit|plan|group|social|tag|vehicle|"
    r"device|pump|implant|pacemaker|insurance|coverage|encounter|permit)\b",
    re.IGNORECASE,
)
_STRONG_AFTER_WEAK = re.compile(r"(?:number|num|no\.?|#|id|:)", re.IGNORECASE)

SSN = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}[- ](?!00)\d{2}[- ](?!0000)\d{4}(?![\d-])")
VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){2})[A-HJ-NPR-Z0-9]{17}\b")
PHONE = re.compile(
    r"(?<![\d\w-])(?:\+?1[\s.-]?)?(?:\(\s?(\d{3})\s?\)|(\d{3}))[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\d-]|\w)"
)
SHORT_PHONE = re.compile(
    r"\b(?:call|text|phone|cell|reach|number|fax)\b[^\d\n]{0,20}(?<![\d-])(\d{3}-\d{4})(?![\d-])",
    re.IGNORECASE,
)
FAX_LABEL = re.compile(r"\bfax(?:ed|ing)?\b[^!?\n]{0,60}$", re.IGNORECASE)
EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,24}\b"
)
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']{1,2000}"
    r"|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|org|net|edu|gov|health|us|io|co|app|ly|me|info)"
    r"(?:/[^\s<>\"']{0,2000})?(?![\w@])",
    re.IGNORECASE,
)
PERSONAL_PATH = re.compile(
    r"(?:patient|mrn|chart|record|pid|person|profile|user|member)"
    r"|[?&](?:id|name|uid|pt)=",
    re.IGNORECASE,
)
IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]\d)"
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATES = [
    re.compile(r"\b" + _MONTH + r"\.?\s{1,2}\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s{1,2}\d{4}\b)?"),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s{1,2}(?:of\s)?" + _MONTH + r"\b(?:,?\s{1,2}\d{4}\b)?"),
    re.compile(
        r"(?<![\d/.-])(?:1[0-2]|0?[1-9])[/.-](?:3[01]|[12]\d|0?[1-9])(?:[/.-](?:\d{4}|\d{2}))?(?![\d/.-]?\d)"
    ),
    re.compile(r"(?<!\d)\d{4}-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\d|0[1-9])(?!\d)"),
]
DATE_CUES = re.compile(
    r"\b(?:admit\w*|admission|discharg\w*|surgery|surgeries|operat\w*|procedure|born|birth\w*|"
    r"dob|bday|delivered|deliver\w*|died|death|passed|diagnos\w*|transplant\w*|arrived|"
    r"came\s+in|brought\s+in|coded|intubated|accident|injured|chemo\w*|seen|treated|"
    r"readmitted|hospitali[sz]ed|rushed|airlifted|(?:went|sent|going|go)\s+home)\b",
    re.IGNORECASE,
)
AGES = [
    re.compile(r"\b(?:9\d|1[01]\d)(?:\s?|-)(?:years?|yrs?|y/o|yo|y\.o\.)(?:[-\s]old)?\b", re.IGNORECASE),
    re.compile(
        r"\b(?:aged?|turned|turning|turns|is|was)\s(?:9\d|1[01]\d)\b(?!\s?(?:%|percent|minutes|days|beds|rooms|patients|people|staff|nurses))",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:9\d|1[01]\d)(?:st|nd|rd|th)\s(?:birthday|bday)\b", re.IGNORECASE),
    re.compile(r"(?<=[A-Za-z], )(?:9\d|1[01]\d)(?=[,)\s])"),
    re.compile(r"\b(?:nonagenarian|centenarian|supercentenarian)s?\b", re.IGNORECASE),
]
_ROOM = re.compile(
    r"\b(room|rm\.?|bed|bay|crib|isolette|incubator|stall|exam\s+room|trauma\s+bay|pod)\s?#?\s?"
    r"(\d{1,4}[A-Za-z]?|[A-Za-z]-?\d{1,3})\b",
    re.IGNORECASE,
)
EVENT_NEARBY = re.compile(
    r"\b(?:join|rsvp|register|registration|session|workshop|seminar|webinar|class|classes|meeting|"
    r"lecture|training|held|hosted|hosts|host|open\s+house|fair|drive|lunch|event|support\s+group|"
    r"sign\s+up|doors|free|tour)\b",
    re.IGNORECASE,
)
STREET = re.compile(
    r"\b\d{1,6}\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]+\.?\s){1,3}(?i:" + lx.STREET_SUFFIXES + r")\b\.?"
)
STREET_NAMED = re.compile(
    r"\b(?:on|off|near|lives\s+on)\s((?:[A-Z][a-z]+\s){1,2}(?:Street|Avenue|Road|Lane|Drive|Court|Boulevard|Way))\b"
)
ZIP = re.compile(
    r"(?:\b(?:"
    + "|".join(sorted(lx.US_STATES))
    + r")\.?,?\s{1,2}|\bzip(?:\s?code)?\s?:?\s?)(\d{5}(?:-\d{4})?)\b",
    re.IGNORECASE,
)
TOWN_FROM = re.compile(r"\bfrom\s(?:the\s(?:town|village)\sof\s)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
TOWN_DEMONYM = re.compile(
    r"\b(?:a|an|the|our)\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:man|woman|teen|teenager|boy|girl|mom|mother|"
    r"dad|father|resident|native|grandmother|grandfather|grandma|grandpa|farmer|student|"
    r"toddler|child|couple|veteran)\b"
)
UNIQUE = re.compile(
    r"\b(?:quadruplets|quintuplets|sextuplets|septuplets|conjoined\s+twins|"
    r"(?:the\s+)?only\s(?:[\w-]+\s){0,3}?(?:patient|person|baby|child|woman|man|girl|boy|twins|triplets|"
    r"mom|mother|veteran|teen|survivor|centenarian)s?\b(?:\s(?:in|at|born|ever|to)\b[^.!?\n]{0,40})?|"
    r"(?:first|youngest|oldest)\s(?:[\w-]+\s){0,2}?(?:patient|person|baby|child|woman|man|girl|boy|recipient|"
    r"survivor|mom|mother)s?\s(?:ever\s)?(?:born|to\s(?:receive|undergo|get|survive|have)|in\s(?:the\s)?"
    r"(?:state|county|country|world|history|hospital))[^.!?\n]{0,40}|"
    r"world'?s\s(?:first|youngest|oldest)[^.!?\n]{0,40}|one\sin\sa\smillion\s(?:case|baby|patient)|"
    r"only\sknown\scase[^.!?\n]{0,40}|(?:seven|7)[- ](?:foot|ft)[- ]\w+)",
    re.IGNORECASE,
)
_ORG_WORDS = frozenset(
    "hospital health center centre clinic foundation university medical memorial "
    "school college institute association society church pharmacy campus".split()
)
_FAMILY_AFTER = re.compile(r"^\s(?:family|family's|household|twins|triplets|kids|children)\b")
_PERSON_VERB_AFTER = re.compile(
    r"^\s(?:lives|lived|is|was|has|had|went|came|got|said|says|told|asked|needs|needed|rang|walked|"
    r"finished|beat|passed|died|turned|loves|loved|smiled|laughed|cried|woke|ate|fought|survived|"
    r"made|gave|taught|spent|arrived|left|wants|wanted|called|remembers|remembered)\b"
)
# Capitalized common nouns at the start of a sentence ("Billing called", "Driver's license").
_COMMON_NOUN_ENDING = re.compile(r"(?:ing|tion|sion|ment|ness|ity|ance|ence|ship|ist|ism|er|or)$")
_PERSON_CUES = (
    "update on",
    "prayers for",
    "praying for",
    "pray for",
    "thinking of",
    "thoughts are with",
    "get well soon",
    "get well",
    "send love to",
    "sending love to",
    "visited",
    "visiting",
    "help",
)
_IDENTIFYING = frozenset(
    {
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
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx"})
_SENTENCE_END = re.compile(r"(?:^|[.!?\n:]\s*|[\"“(]\s*)$")
_AGE_AFTER = re.compile(r"^(?:,\s?\d{1,3}\b|\s?\(\d{1,3}\)|,\s(?:age|aged)\s\d{1,3})")
_CRED_AFTER = re.compile(
    r"^,?\s(?:" + "|".join(sorted(lx.CREDENTIALS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_STAFF_AFTER = re.compile(
    r"^,?\s(?:our|the|a|who\s+(?:works|leads|runs|joined))\s(?:[\w-]+\s){0,3}?"
    r"(?:nurse|doctor|surgeon|physician|manager|director|educator|volunteer|"
    r"pharmacist|therapist|chaplain|tech|technician|coordinator|specialist|"
    r"colleague|intern|resident|fellow|chief|lead|leader|champion|employee|"
    r"team|staff|hero|member|speaker|author|host)\b",
    re.IGNORECASE,
)


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


_NUMBER_HINT = re.compile(r"\d")
_ZIP_HINT = re.compile(r"(?<!\d)\d{5}(?!\d)")
_ID_HINT = re.compile(r"\d[^\d\s]{0,30}\d[^\d\s]{0,30}\d")


def labelled_identifiers(scan: Scan) -> None:
    if not _ID_HINT.search(scan.text):
        return
    for m in LABELLED.finditer(scan.text):
        category = next(kind for kind in _LABELS if m.start(kind) != -1)
        id_group = len(_LABELS) + 1
        start, end = m.span(id_group)
        if scan.overlaps(start, end):
            continue
        label = m.group(0)[: start - m.start()]
        if _WEAK_LABELS.match(label) and not _STRONG_AFTER_WEAK.search(label):
            continue
        if category == "ssn" and len(_digits(m.group(id_group))) != 9:
            continue
        if category in {"health_plan_id", "account_number"} and _is_allowed_phone(scan, m.group(id_group)):
            continue
        scan.add(category, start, end, BLOCK)
    for m in SSN.finditer(scan.text):
        if not scan.overlaps(*m.span()):
            scan.add("ssn", m.start(), m.end(), BLOCK)
    for m in VIN.finditer(scan.text):
        if not scan.overlaps(*m.span()):
            scan.add("vehicle_id", m.start(), m.end(), BLOCK)


def _is_allowed_phone(scan: Scan, value: str) -> bool:
    digits = _digits(value)[-10:]
    return bool(digits) and digits in scan.allowed.phone_digits


def emails_and_links(scan: Scan) -> None:
    for m in EMAIL.finditer(scan.text):
        domain = m.group().rsplit("@", 1)[1].lower()
        if m.group().lower() in scan.allowed.emails or scan.allowed.host_allowed(domain):
            scan.taken.append(m.span())
            continue
        scan.add("email", m.start(), m.end(), BLOCK)
    for m in URL.finditer(scan.text):
        start, end = m.span()
        while end > start and scan.text[end - 1] in ".,;:!?)]}":
            end -= 1
        if scan.overlaps(start, end):
            continue
        url = scan.text[start:end]
        host, path = _split_url(url)
        if scan.allowed.url_allowed(host, path):
            scan.taken.append((start, end))
            continue
        personal_site = any(host == s or host.endswith("." + s) for s in lx.PERSONAL_SITES)
        if (personal_site and len(path.strip("/")) > 1) or PERSONAL_PATH.search(path):
            scan.add("url", start, end, BLOCK if scan.near_care(start, end) else WARN)
    for m in IPV4.finditer(scan.text):
        if not scan.overlaps(*m.span()):
            scan.add("ip_address", m.start(), m.end(), BLOCK if scan.near_care(*m.span()) else WARN)


def _split_url(url: str) -> tuple[str, str]:
    rest = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, path = rest.partition("/")
    host = host.split(":")[0].lower()
    return host, "/" + path if path else ""


def phones(scan: Scan) -> None:
    for m in PHONE.finditer(scan.text):
        start, end = m.span()
        if scan.overlaps(start, end):
            continue
        area = m.group(1) or m.group(2)
        digits = area + m.group(3) + m.group(4)
        if digits in scan.allowed.phone_digits or area in lx.TOLL_FREE or area[0] in "01":
            scan.taken.append((start, end))
            continue
        category = "fax" if FAX_LABEL.search(scan.text[max(0, start - 70) : start]) else "phone"
        scan.add(category, start, end, BLOCK if scan.near_care(start, end) else WARN)
    for m in SHORT_PHONE.finditer(scan.text):
        start, end = m.span(1)
        if scan.overlaps(start, end) or any(
            d.endswith(_digits(m.group(1))) for d in scan.allowed.phone_digits
        ):
            continue
        category = "fax" if FAX_LABEL.search(scan.text[max(0, start - 70) : start]) else "phone"
        scan.add(category, start, end, WARN)


def dates(scan: Scan) -> None:
    for pattern in DATES:
        for m in pattern.finditer(scan.text):
            start, end = m.span()
            if scan.overlaps(start, end):
                continue
            window = scan.text[max(0, start - 70) : min(len(scan.text), end + 60)]
            since = scan.lower[max(0, start - 7) : start].strip() == "since"
            if DATE_CUES.search(window) or (since and scan.near_care(start, end)):
                scan.add("date", start, end, BLOCK)


_AGE_HINT = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)|enarian", re.IGNORECASE)


def ages(scan: Scan) -> None:
    if not _AGE_HINT.search(scan.text):
        return
    for pattern in AGES:
        for m in pattern.finditer(scan.text):
            if not scan.overlaps(*m.span()):
                scan.add("age", m.start(), m.end(), BLOCK)


def rooms(scan: Scan) -> None:
    for m in _ROOM.finditer(scan.text):
        start, end = m.span()
        if scan.overlaps(start, end):
            continue
        kind = m.group(1).lower()
        before = scan.lower[max(0, start - 30) : start].split()
        if before and before[-1].strip(",.") in lx.EVENT_ROOM_WORDS:
            continue
        if kind.startswith(("room", "rm", "stall", "pod")):
            window = scan.text[max(0, start - 80) : min(len(scan.text), end + 60)]
            if EVENT_NEARBY.search(window) and not _PERSON_NEAR_ROOM.search(window):
                continue
        scan.add("room_bed", start, end, BLOCK)


_PERSON_NEAR_ROOM = re.compile(
    r"\b(?:patient|pt|mr|mrs|ms|miss|he|she|his|her|him|bed|discharged|admitted)\b", re.IGNORECASE
)


def places(scan: Scan) -> None:
    has_number = _NUMBER_HINT.search(scan.text) is not None
    for m in STREET.finditer(scan.text) if has_number else ():
        start, end = m.span()
        if scan.overlaps(start, end):
            continue
        if scan.allowed.address_allowed(m.group()):
            scan.taken.append((start, end))
            continue
        scan.add("geographic", start, end, BLOCK)
    for m in STREET_NAMED.finditer(scan.text):
        start, end = m.span(1)
        if (
            not scan.overlaps(start, end)
            and scan.near_care(start, end)
            and not scan.allowed.address_allowed(m.group(1))
        ):
            scan.add("geographic", start, end, WARN)
    for m in ZIP.finditer(scan.text) if has_number and _ZIP_HINT.search(scan.text) else ():
        start, end = m.span(1)
        if scan.overlaps(start, end):
            continue
        if m.group(1)[:5] in scan.allowed.zips:
            scan.taken.append((start, end))
            continue
        scan.add("geographic", start, end, BLOCK)
    for pattern in (TOWN_FROM, TOWN_DEMONYM):
        for m in pattern.finditer(scan.text):
            start, end = m.span(1)
            words = m.group(1).lower().split()
            if (
                scan.overlaps(start, end)
                or words[0] in lx.NOT_NAMES
                or _CRED_AFTER.match(scan.text[end : end + 12])
                or words[-1] in _ORG_WORDS
                or m.group(1).lower() in lx.STATE_NAMES
                or words[0] in lx.GIVEN_NAMES
            ):
                continue
            if scan.near_care(start, end, window=120):
                scan.add("geographic", start, end, WARN)


def unique_characteristics(scan: Scan) -> None:
    for m in UNIQUE.finditer(scan.text):
        start, end = m.span()
        while end > start and scan.text[end - 1] in " ,;:":
            end -= 1
        if not scan.overlaps(start, end):
            scan.add("unique_characteristic", start, end, WARN)


def names(scan: Scan) -> None:
    tokens = scan.tokens
    text = scan.text
    count = len(tokens)
    i = 0
    while i < count:
        start, end, word = tokens[i]
        if not _capitalized(word):
            i += 1
            continue
        # Gather a run of capitalized words separated by one space (or an initial like "J.").
        run = [i]
        j = i + 1
        while j < count and len(run) < 6:
            gap = text[tokens[j - 1][1] : tokens[j][0]]
            if (
                _capitalized(tokens[j][2])
                and gap in (" ", ". ")
                and (
                    gap == " "
                    or len(tokens[j - 1][2]) == 1
                    or tokens[j - 1][2].lower() in _TITLES
                    or tokens[j - 1][2].lower() == "dr"
                )
            ):
                run.append(j)
                j += 1
            else:
                break
        _judge_name_run(scan, run)
        i = j


def _capitalized(word: str) -> bool:
    # "Alvarez" and "O'Brien" yes; acronyms such as "ICU" or "DOB" are not names.
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return bool(word) and word[0].isupper() and not (len(word) > 1 and word.isupper())


def _judge_name_run(scan: Scan, run: list[int]) -> None:
    tokens, text = scan.tokens, scan.text
    words = [
        tokens[k][2].lower().rstrip("'’s")
        if tokens[k][2].lower().endswith(("'s", "’s"))
        else tokens[k][2].lower()
        for k in run
    ]
    if words[-1] in _ORG_WORDS or any(w in _ORG_WORDS for w in words[1:]):
        return  # "Mercy Hospital", "Lakeshore Health Foundation"
    lead = 0
    while lead < len(words) and words[lead] in lx.NOT_NAMES and words[lead] not in lx.GIVEN_NAMES:
        lead += 1
    tail = len(words)
    while tail > lead and words[tail - 1] in lx.NOT_NAMES and words[tail - 1] not in lx.GIVEN_NAMES:
        tail -= 1
    if lead >= tail:
        return
    name_words = words[lead:tail]
    first_k, last_k = run[lead], run[tail - 1]
    start, end = tokens[first_k][0], tokens[last_k][1]
    if text[end - 2 : end] in ("'s", "’s"):
        end -= 2
    # What comes right before the name: dropped capitalized words and the previous token.
    previous = []
    prev_index = run[0] - 1
    if prev_index >= 0:
        if tokens[prev_index][2].lower() in {"named", "called"}:
            previous.append("patient")
        previous.append(tokens[prev_index][2].lower())
    previous.extend(words[:lead])
    previous_word = previous[-1] if previous else ""
    if previous_word in lx.STAFF_TITLES or any(w in lx.STAFF_TITLES for w in words[:lead]):
        return
    if scan.overlaps(start, end):
        return  # already a street, town or other finding
    after = text[end : end + 60]
    if _CRED_AFTER.match(after) or _STAFF_AFTER.match(after):
        return
    titled = bool(previous) and previous_word in _TITLES
    if titled:
        # Include the title itself ("Mrs. Alvarez") in the span.
        title_k = run[lead - 1] if lead else prev_index
        start = tokens[title_k][0]
    cued = previous_word in lx.PATIENT_CUES or "patient" in previous[-2:]
    aged = bool(_AGE_AFTER.match(after))
    known_given = name_words[0] in lx.GIVEN_NAMES
    sentence_start = bool(_SENTENCE_END.search(text[max(0, start - 3) : start]))
    family = bool(_FAMILY_AFTER.match(after)) and previous_word == "the"
    person_cue = text[max(0, start - 24) : start].lower().rstrip(" :,").endswith(_PERSON_CUES)
    if cued or family or person_cue:
        scan.add("name", start, end, BLOCK)
        return
    if not scan.near_care(start, end) and not scan.near_identifier(start, end):
        return
    if titled or aged or known_given:
        scan.add("name", start, end, BLOCK)
    elif len(name_words) >= 2 and not sentence_start:
        scan.add("name", start, end, BLOCK)
    elif len(name_words) >= 2 and sentence_start and name_words[-1] not in lx.NOT_NAMES:
        scan.add("name", start, end, WARN)
    elif (
        len(name_words) == 1
        and not _COMMON_NOUN_ENDING.search(name_words[0])
        and (_PERSON_VERB_AFTER.match(after) or text[end : end + 2] in ("'s", "’s"))
    ):
        # "Mildred's new pacemaker", "Eun-ji beat the odds": used like a person.
        scan.add("name", start, end, WARN)


# Order matters: labelled identifiers claim their numbers before the generic number patterns.
DETECTORS = (
    labelled_identifiers,
    emails_and_links,
    phones,
    ages,
    dates,
    rooms,
    places,
    unique_characteristics,
    names,
)
