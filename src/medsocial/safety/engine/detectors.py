"""The PHI detectors. Each one reads a `Scan` of the normalized post and adds candidates.

All patterns use bounded repetition and no nested quantifiers, so matching time grows
linearly with the input (no catastrophic backtracking).
"""

from __future__ import annotations

import re

from . import lexicon as lx
from . import numbers
from .scan import CERTAIN, HIGH, LIKELY, POSSIBLE, Scan

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


# An identifier: 3 to 31 letters, digits or dashes, at least three of them digits.
_ID = r"(?=(?:[A-Za-z-]{0,30}\d){3})[A-Za-z0-9][A-Za-z0-9-]{2,30}"


_LABELS = {
    "ssn": r"ssn|ss\#|social\s+security|social|itin",
    "mrn": r"mrn|medical\s+record|med\s+rec|chart|record|patient|pt|hospital\s+number|encounter|case|visit|"
    r"accession|specimen",
    "health_plan_id": r"(?:medicare|medicaid|insurance|member|health\s+plan)\s+card|member|subscriber|policy|group|"
    r"insurance|medicaid|medicare|mbi|"
    r"health\s+plan|plan|beneficiary|coverage|hicn|insurer",
    "account_number": r"account|acct\.?|billing|invoice|claim|bank\s+account|routing|iban|"
    r"card\s+ending(?:\s+in)?|ending\s+in|credit\s+card|debit\s+card|card|visa|mastercard|amex",
    "vehicle_id": r"license\s+plate|licence\s+plate|plate|tag|vin|vehicle|registration",
    "license_number": r"license|licence|lic\.?|certificate|cert\.?|dea|npi|driver'?s\s+license|dl|permit",
    "device_id": r"serial|s/n|sn|device|imei|udi|lot|pacemaker|implant|pump|model",
}
# One pass for every labelled kind: the label's named group says which kind matched
# (vehicle labels come before license labels so "license plate" is a plate).
LABELLED = re.compile(
    r"\b(?:" + "|".join(f"(?P<{kind}>{labels})" for kind, labels in _LABELS.items()) + r")"
    r"(?:\s{0,2}(?:number|num|no\.?|\#|id|code))?(?:\s{1,2}(?:there\s+)?(?:is|was|of|reads|here))?\s{0,2}[:#=]?\s{0,2}"
    r"(" + _ID + r")\b",
    re.IGNORECASE,
)
# "patient", "record", "case", "visit", "plan", "group", "social", "card" and "tag" are common
# words; as labels they only count with an explicit "#", "number", "id" or ":" right after them.
_WEAK_LABELS = re.compile(
    r"^(?:patient|pt|record|case|visit|plan|group|social|tag|vehicle|registration|model|card|"
    r"device|pump|implant|pacemaker|insurance(?!\s+card)|coverage|encounter|permit|specimen)\b",
    re.IGNORECASE,
)
# The first word of every label in _LABELS, as the post's word tokens read it: LABELLED is tried
# only where one stands instead of at every character.
_LABEL_FIRST_WORDS = frozenset(
    """ssn ss social itin mrn medical med chart record patient pt hospital encounter case visit accession
    specimen medicare medicaid insurance member health subscriber policy group mbi plan beneficiary
    coverage hicn insurer account acct billing invoice claim bank routing iban card ending credit debit
    visa mastercard amex license licence plate tag vin vehicle registration lic certificate cert dea npi
    driver driver's drivers dl permit serial s sn device imei udi lot pacemaker implant pump model""".split()
)


def _labelled_matches(scan: Scan):
    lower, text = scan.lower, scan.text
    for start, end, _word in scan.tokens:
        if lower[start:end] in _LABEL_FIRST_WORDS:
            m = LABELLED.match(text, start)
            if m:
                yield m


_CARD_DIGITS = re.compile(r"^\d{12,19}$")
_STRONG_AFTER_WEAK = re.compile(r"(?:number|num|no\.?|#|id|:)", re.IGNORECASE)
# A plate written with a space or dash after a plate label: "plate 7ABC 123", "tag ABC-1234".
PLATE = re.compile(
    r"\b(?:license\s+plate|licence\s+plate|plates?|tags?)(?:\s{0,2}(?:number|no\.?|\#))?\s{0,2}[:#(]?\s{0,2}"
    r"((?=[A-Z0-9 -]{0,9}\d)(?:[A-Z0-9]{1,4}[ -][A-Z0-9]{2,5}|(?=[A-Z]{0,6}\d)(?=\d{0,6}[A-Z])[A-Z0-9]{5,8}))\b",
    re.IGNORECASE,
)

# A license, permit, passport or state ID number after its label, in the layouts states use:
# "driver's license S530 4521 8876", "DL# WDL8PMDGTUR0", "CDL number Y7802345",
# "passport no. 626 353 648", "State ID C02-16-3378", "licence F123-456-78-901-0".
LICENSE_GROUPED = re.compile(
    r"\b(?i:licen[cs]e|lic\.?|c?dl|permit|passport|state\s+id|id\s+card|identification(?:\s+card)?)(?![a-z])"
    r"(?i:\s{0,2}(?:number|num|no\.?|\#|id))?(?i:\s{1,2}(?:is|was|reads))?\s{0,2}[:#]?\s{0,2}"
    r"((?=[A-Z0-9 -]{0,24}\d)[A-Z0-9]{1,13}(?:(?:\s|-|\s-\s)[A-Z0-9]{1,8}){0,4})\b"
)
_LICENSE_HINT = re.compile(r"lic|dl|permit|passport|state\s+id|id\s+card|identification")


def _license_value(value: str) -> bool:
    """Five digits or more, or a run of eight capitals and digits with at least one digit
    ("WDL8PMDGTUR0"): a license number, not "DL 5" or a word."""
    digits = len(_digits(value))
    compact = value.replace(" ", "").replace("-", "")
    return digits >= 5 or (digits >= 1 and len(compact) >= 8 and " " not in value)


# A Medicare Beneficiary Identifier: 11 characters in a fixed letter and digit pattern.
MBI = re.compile(
    r"\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b"
)
_AGE_LIKE = re.compile(
    r"^\d{1,3}(?:-(?:year|yr|month|week|day)|\s?(?:y/o|yo\b|y\.o\.|years?\b|yrs?\b))", re.IGNORECASE
)
SSN = re.compile(r"(?<![\d-])(?!000|666)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])")
VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){2})[A-HJ-NPR-Z0-9]{17}\b")
SHORT_PHONE = re.compile(
    r"\b(?:call|text|phone|cell|reach|number|fax|tel|mobile)\b[^\d\n]{0,20}(?<![\d-])(\d{3}-\d{4})(?![\d-])",
    re.IGNORECASE,
)
FAX_LABEL = re.compile(r"\bfax(?:ed|ing)?\b[^!?\n]{0,60}$", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.[A-Za-z]{2,24}\b")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']{1,2000}"
    r"|\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|org|net|edu|gov|health|us|io|co|app|ly|me|info|"
    r"page|link|site|care|de|uk|ca|fr|es|it|nl|au)"
    r"(?:/[^\s<>\"']{0,2000})?(?![\w@])",
    re.IGNORECASE,
)
PERSONAL_PATH = re.compile(
    r"(?:patient|mrn|chart|record|pid|person|profile|user|member|fundraiser|campaign|journal|"
    r"visit|site|p/|u/|f/|@)"
    r"|[?&](?:id|name|uid|pt|user|mrn)=",
    re.IGNORECASE,
)
IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)"
)
IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?![\w:])", re.IGNORECASE)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATES = [
    re.compile(r"\b" + _MONTH + r"\.?\s{1,2}\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s{1,2}\d{4}\b)?", re.IGNORECASE),
    re.compile(
        r"\b\d{1,2}(?:st|nd|rd|th)?\s{1,2}(?:of\s)?" + _MONTH + r"\b\.?(?:,?\s{1,2}\d{4}\b)?", re.IGNORECASE
    ),
    re.compile(r"\b\d{1,2}(?:-" + _MONTH + r"-|" + _MONTH + r")\d{2,4}\b", re.IGNORECASE),
    re.compile(
        r"(?<![\d/.-])(?:3[01]|[12]\d|0?[1-9])(?:([/-])(?:3[01]|[12]\d|0?[1-9])(?:\1(?:\d{4}|\d{2}))?"
        r"|\.(?:3[01]|[12]\d|0?[1-9])\.(?:\d{4}|\d{2}))(?![\d/.-]?\d)"
    ),
    re.compile(r"(?<![\d/])\d{4}[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])(?!\d)"),
    re.compile(r"\b" + _MONTH + r"\.?\s{1,2}\d{4}\b", re.IGNORECASE),
    re.compile(
        r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s(?:the\s)?\d{1,2}(?:st|nd|rd|th)\b"
        r"|\b(?:Christmas|New\sYear's|Thanksgiving|Easter|Halloween|Valentine's)(?:\s(?:Day|Eve))?\s\d{4}\b"
    ),
]
DATE_CUES = re.compile(
    r"\b(?:admit\w*|admission|discharg\w*|surger\w*|operat\w*|procedure|born|birth\w*|"
    r"dob|d\.o\.b|bday|b-day|delivered|deliver\w*|died|death|passed|diagnos\w*|transplant\w*|arrived|"
    r"came\s+in|brought\s+in|coded|intubated|accident|injured|chemo\w*|seen|treated|"
    r"readmitted|hospitali[sz]ed|rushed|airlifted|(?:went|sent|going|go)\s+home|"
    r"follow-?up|biopsy|infusion|implanted|overdosed|collapsed|expired|transferred|"
    r"released|dod|doa|fell|crash|adm|admd|dc'?d|dos|s/p|d/c|sched\w*|appt|appointment|gave\s+birth|"
    r"had\s+(?:her|his|their|a)\s+(?:baby|surgery|procedure|stroke|seizure|c-section|transplant)|cath\w*|"
    r"scope|coded|post-?op|pod\s?\d|npo|due\s+date|edd)\b",
    re.IGNORECASE,
)
# "Date: 03/14" or "DOB 3/14/1931": an explicit label makes any date an identifier.
DATE_LABEL = re.compile(r"\b(?:date|dob|d\.o\.b\.?|dod|dos|born)\s{0,2}[:\-]?\s{0,2}$", re.IGNORECASE)
_NOT_A_DATE_AFTER = re.compile(
    r"^\s?(?:%|x\b|times|days?|weeks?|hours?|hrs?|minutes?|mins?|months?|years?|mg|ml|mcg|units?|"
    r"of\b|pills?|tabs?|doses?|people|patients|nurses|shifts?|mmhg|bpm|score|scale)",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(r"^(?:[A-Za-z]+\.?\s{1,2}\d{4})$")
AGES = [
    re.compile(r"\b(?:9\d|1[01]\d)(?:\s?|-)(?:years?|yrs?|y/o|yo|y\.o\.)(?:[-\s]old)?\b", re.IGNORECASE),
    re.compile(
        r"(?:\b(?:aged?|turned|turning|turns|is|was|age:)|['’]s)\s(?:9\d|1[01]\d)\b(?![/.]\d)(?!\s?(?:%|percent|minutes|days|beds|rooms|patients|people|staff|nurses|mg|over))",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:9\d|1[01]\d)(?:st|nd|rd|th)\s(?:birthday|bday)\b", re.IGNORECASE),
    re.compile(
        r"(?:(?<=[^\W\d_], )|(?<=\b[^\W\d_]\., ))(?:9\d|1[01]\d)(?=[,)\s])"
        r"(?!\s(?:days|weeks|months|hours|years\s+(?:of|in)))"
    ),
    re.compile(r"(?<=[^\W\d_] \()(?:9\d|1[01]\d)(?=\))"),
    re.compile(r"\b(?<=[Aa]t\s)(?:9\d|1[01]\d)\b(?=[.!,]|\s(?:and|but|years))"),
    re.compile(r"\b(?:9\d|1[01]\d)\s?(?:M|F|yo[mf])\b"),
    re.compile(r"\b(?:nonagenarian|centenarian|supercentenarian)s?\b", re.IGNORECASE),
    # Written in words: "ninety-three years old", "turned one hundred", "a hundred and two".
    re.compile(
        r"\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred"
        r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)"
        r"(?=[- ](?:years?|yrs?)\b|(?:st|nd|rd|th)?\s+birthday|\s*[.!,]|\s*$)"
        r"|(?:(?<=\baged\s)|(?<=\bturned\s)|(?<=\bturns\s)|(?<=\bage\s))(?:ninety(?:-\w+)?|one\shundred|a\shundred)\b"
        r"|(?:(?<=\bis\s)|(?<=\bwas\s))"
        r"(?:ninety(?:-\w+)?|one\shundred|a\shundred)\b(?=\s*[.!,]|\s*$|\s(?:today|years?|yrs?|and|this|last|on)\b)",
        re.IGNORECASE,
    ),
]
_ROOM = re.compile(
    r"\b(room|rm\.?|bed|bay|crib|isolette|incubator|stall|exam\s+room|trauma\s+bay|pod|cubicle|cube|"
    r"ward|suite|unit|bassinet|slot|chair|infusion\s+chair|stretcher|gurney|recliner|cot|hall\s+bed|"
    r"bed\s+space|space)\s?(?:#|no\.?|number)?\s?\(?\s?(\d{1,4}(?:-?[A-Za-z]|-\d{1,2})?|[A-Za-z]-?\d{1,3})\b\)?",
    re.IGNORECASE,
)
EVENT_NEARBY = re.compile(
    r"\b(?:join|rsvp|register|registration|session|workshop|seminar|webinar|class|classes|meeting|"
    r"lecture|training|held|hosted|hosts|host|open\s+house|fair|drive|lunch|event|support\s+group|"
    r"sign\s+up|doors|free|tour|orientation|volunteers?)\b",
    re.IGNORECASE,
)
UNIQUE = re.compile(
    r"\b(?:quadruplets|quintuplets|sextuplets|septuplets|conjoined\s+twins|"
    r"(?:the\s+)?only\s(?:[\w-]+\s){0,3}?(?:patient|person|baby|child|woman|man|girl|boy|twins|triplets|"
    r"mom|mother|veteran|teen|survivor|centenarian)s?\b(?:\s(?:in|at|born|ever|to)\b[^.!?\n]{0,40})?|"
    r"(?:first|youngest|oldest)\s(?:[\w-]+\s){0,2}?(?:patient|person|baby|child|woman|man|girl|boy|recipient|"
    r"survivor|mom|mother)s?\s(?:ever\s)?(?:born|to\s(?:receive|undergo|get|survive|have)|in\s(?:the\s)?"
    r"(?:state|county|country|world|history|hospital))[^.!?\n]{0,40}|"
    r"world'?s\s(?:first|youngest|oldest)[^.!?\n]{0,40}|one\sin\sa\smillion\s(?:case|baby|patient)|"
    r"only\sknown\scase[^.!?\n]{0,40}|(?:seven|7)[- ](?:foot|ft)[- ]\w+(?:[- ]\w+)?(?:\sframe)?|"
    r"(?:a|an)\s(?:[\w-]+\s){0,3}?(?:tattoo|birthmark|prosthetic\s\w+(?:\s\w+)?|sixth\sfinger|extra\s(?:finger|toe)|"
    r"gold\stooth|glass\seye|scar)\b[^.,;!?\n]{0,40})",
    re.IGNORECASE,
)


# A body feature that singles a person out, in the words people use to describe someone:
# "the dragon tattoo across his back", "a port-wine birthmark", "six fingers on each hand".
UNIQUE_FEATURE = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|one|two|six|seven|with)\s(?:[\w'’-]+\s){0,4}?)?"
    r"\b(?:tattoos?|tattooed|birthmarks?|port-wine\s(?:stain|birthmark)|heterochromia|progeria|"
    r"(?:sixth|extra)\s(?:finger|toe)s?|(?:six|seven)\s(?:fingers|toes)|"
    r"missing\s(?:(?:left|right)\s)?(?:ear|eye|arm|leg|hand|foot|fingers?|toes?)\b|"
    r"glass\seye|gold\s(?:front\s)?tooth|prosthetic\s(?:(?:left|right)\s)?(?:leg|arm|hand|foot|eye)|"
    r"(?:purple|pink|green|blue|rainbow|neon|orange)\shair|nose\sring|face\stattoo|facial\stattoo|"
    r"one\s\w+\seye\sand\sone\s\w+\seye|different[- ]colou?red\seyes|struck\sby\slightning|"
    r"(?:burn|cleft\slip|surgical)\sscar\b|scar\s(?:shaped|across|down|over|running)\b)"
    r"[^.,;!?\n]{0,40}",
    re.IGNORECASE,
)
_NOT_A_FEATURE = re.compile(
    r"tattoo(?:s|ed)?\s(?:removal|shops?|parlou?rs?|artists?|studios?|clinics?|conventions?|polic(?:y|ies)|"
    r"covers?|ink|aftercare|care)\b|no\s(?:tattoos|visible\stattoos)|tattoos?\sand\spiercings\s(?:policy|are)",
    re.IGNORECASE,
)


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


_NUMBER_HINT = re.compile(r"\d")
_ID_HINT = re.compile(r"\d[^\d\s]{0,30}\d[^\d\s]{0,30}\d")


def labelled_identifiers(scan: Scan) -> None:
    if not _NUMBER_HINT.search(scan.text):
        return  # every identifier here holds a digit
    if "plate" in scan.lower or "tag" in scan.lower:
        for m in PLATE.finditer(scan.text):
            if not scan.overlaps(*m.span(1)):
                scan.add("vehicle_id", *m.span(1), HIGH)
    if _LICENSE_HINT.search(scan.lower):
        for m in LICENSE_GROUPED.finditer(scan.text):
            start, end = m.span(1)
            value = m.group(1)
            # Trailing groups that hold no digit are words ("… 4521 ON the sheet").
            while " " in value and not any(c.isdigit() for c in value.rsplit(" ", 1)[1]):
                value = value.rsplit(" ", 1)[0]
            end = start + len(value)
            if not scan.overlaps(start, end) and _license_value(value):
                scan.add("license_number", start, end, HIGH)
    if not _ID_HINT.search(scan.text):
        return
    for m in MBI.finditer(scan.text):
        if not scan.overlaps(*m.span()):
            scan.add("health_plan_id", *m.span(), HIGH)
    for m in numbers.iban_spans(scan.text):
        if not scan.overlaps(*m):
            scan.add("account_number", *m, CERTAIN)
    for m in numbers.card_spans(scan.text):
        if not scan.overlaps(*m):
            scan.add("account_number", *m, CERTAIN)
    for m in _labelled_matches(scan):
        category = next(kind for kind in _LABELS if m.start(kind) != -1)
        id_group = len(_LABELS) + 1
        start, end = m.span(id_group)
        if scan.overlaps(start, end):
            continue
        label = m.group(0)[: start - m.start()]
        if (
            _WEAK_LABELS.match(label)
            and not _STRONG_AFTER_WEAK.search(label)
            and not (category == "account_number" and _CARD_DIGITS.match(m.group(id_group)))
        ):
            continue  # "card 4111…" with 12 to 19 digits is a card all the same
        if category == "ssn" and len(_digits(m.group(id_group))) != 9:
            continue
        if _AGE_LIKE.match(scan.text[start : start + 12]):
            continue  # "case: 104-year-old", "case: 101 y/o woman"
        if category in {"health_plan_id", "account_number"} and _is_allowed_phone(scan, m.group(id_group)):
            continue
        scan.add(category, start, end, CERTAIN)
    for m in SSN.finditer(scan.text):
        if not scan.overlaps(*m.span()):
            scan.add("ssn", m.start(), m.end(), CERTAIN if m.group(1) == "-" else HIGH)
    for m in VIN.finditer(scan.text):
        if not scan.overlaps(*m.span()):
            scan.add("vehicle_id", m.start(), m.end(), HIGH)


def _is_allowed_phone(scan: Scan, value: str) -> bool:
    digits = _digits(value)[-10:]
    return bool(digits) and digits in scan.allowed.phone_digits


# Quick tests before the link and address patterns run over the whole post.
_URL_HINT = re.compile(
    r"://|www\.|[a-z0-9]\.(?:com|org|net|edu|gov|health|us|io|co|app|ly|me|info|page|link|site|care|de|uk|ca|fr|es|"
    r"it|nl|au)\b"
)
_IP_HINT = re.compile(r"\d\.\d{1,3}\.\d")


def emails_and_links(scan: Scan) -> None:
    if "@" in scan.text:
        for m in EMAIL.finditer(scan.text):
            domain = m.group().rsplit("@", 1)[1].lower()
            if m.group().lower() in scan.allowed.emails or scan.allowed.host_allowed(domain):
                scan.taken.append(m.span())
                continue
            scan.add("email", m.start(), m.end(), CERTAIN)
    if "." in scan.text and _URL_HINT.search(scan.lower):
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
                scan.add("url", start, end, HIGH if scan.near_care(start, end) else POSSIBLE)
    if _IP_HINT.search(scan.text):
        for m in IPV4.finditer(scan.text):
            if not scan.overlaps(*m.span()):
                scan.add("ip_address", m.start(), m.end(), HIGH if scan.near_care(*m.span()) else POSSIBLE)
    if "::" in scan.text or scan.text.count(":") >= 3:
        for m in IPV6.finditer(scan.text):
            if not scan.overlaps(*m.span()) and m.group().count(":") >= 3:
                scan.add("ip_address", m.start(), m.end(), HIGH)


def _split_url(url: str) -> tuple[str, str]:
    rest = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host, _, path = rest.partition("/")
    host = host.split(":")[0].lower()
    return host, "/" + path if path else ""


def phones(scan: Scan) -> None:
    for start, end, national, toll_free in numbers.phone_spans(scan.text):
        if scan.overlaps(start, end):
            continue
        if national[-10:] in scan.allowed.phone_digits or toll_free:
            scan.taken.append((start, end))
            continue
        category = "fax" if FAX_LABEL.search(scan.text[max(0, start - 70) : start]) else "phone"
        scan.add(category, start, end, CERTAIN if scan.near_care(start, end) else LIKELY)
    for m in SHORT_PHONE.finditer(scan.text):
        start, end = m.span(1)
        if scan.overlaps(start, end) or any(
            d.endswith(_digits(m.group(1))) for d in scan.allowed.phone_digits
        ):
            continue
        category = "fax" if FAX_LABEL.search(scan.text[max(0, start - 70) : start]) else "phone"
        scan.add(category, start, end, POSSIBLE)


# Date patterns that name a month, and a quick test for a month name in the post.
_MONTH_PATTERNS = frozenset({0, 1, 2, 5})
_MONTH_HINT = re.compile(
    r"(?:\b|(?<=\d))(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\b|(?=\d))"
)
# The numeric date patterns need two numbers joined by a separator.
_NUMERIC_PATTERNS = frozenset({3, 4})
_NUMERIC_DATE_HINT = re.compile(r"\d[/.-]\d")
_HOLIDAY_HINT = re.compile(r"day\s(?:the\s)?\d|christmas|new\syear|thanksgiving|easter|halloween|valentine")


def _date_matches(scan: Scan) -> list:
    if scan.dates is None:
        if _NUMBER_HINT.search(scan.text):
            wanted = set()
            if _MONTH_HINT.search(scan.lower):
                wanted |= _MONTH_PATTERNS
            if _NUMERIC_DATE_HINT.search(scan.text):
                wanted |= _NUMERIC_PATTERNS
            if _HOLIDAY_HINT.search(scan.lower):
                wanted.add(6)
            scan.dates = [m for index in sorted(wanted) for m in DATES[index].finditer(scan.text)]
        else:
            scan.dates = []
    return scan.dates


_ROOM_LABEL_BEFORE = re.compile(
    r"\b(?:room|rm|bed|bay|unit|suite|pod)\.?\s?(?:#|no\.?)?\s?\(?$", re.IGNORECASE
)


# Where a lower-case "may 3" is a date all the same: after "on", "since", "Date:"…
_DATE_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:on|since|from|until|till|by|before|after|was|is|of|dob|dod)|date|:)\s{1,2}$", re.IGNORECASE
)


def _may_the_verb(scan: Scan, m) -> bool:
    """ "we may 2 x the dose" is the verb; "discharged on may 3" is a date."""
    if m.group()[:3].lower() != "may" or m.group()[0].isupper():
        return False
    return not _DATE_PREPOSITION_BEFORE.search(scan.text[max(0, m.start() - 8) : m.start()])


def dates(scan: Scan) -> None:
    if _NUMBER_HINT.search(scan.text):  # every date pattern has a digit
        for m in _date_matches(scan):
            start, end = m.span()
            if scan.overlaps(start, end):
                continue
            if _may_the_verb(scan, m) or _ROOM_LABEL_BEFORE.search(scan.text[max(0, start - 12) : start]):
                continue  # "may 2" is usually the verb; "rm 4-19" is a room
            labelled = bool(DATE_LABEL.search(scan.text[max(0, start - 12) : start]))
            window = scan.text[max(0, start - 70) : min(len(scan.text), end + 60)]
            since = scan.lower[max(0, start - 7) : start].strip() == "since"
            numeric_short = m.group()[0].isdigit() and m.group().count("/") + m.group().count("-") == 1
            if numeric_short and (
                _NOT_A_DATE_AFTER.match(scan.text[end : end + 12])
                or not (labelled or since or DATE_CUES.search(window))
            ):
                continue  # "2/3 of", "3-4 times", "120/80"
            if labelled or DATE_CUES.search(window) or (since and scan.near_care(start, end)):
                confidence = HIGH
                if _YEAR_ONLY.match(m.group()):
                    confidence = POSSIBLE  # "March 2024" alone is allowed by Safe Harbor only as a year
                scan.add("date", start, end, confidence)


# Words around a date that make it a public event's date, not a person's.
DATE_EVENT = re.compile(
    r"\b(?:join|rsvp|register\w*|webinar|conference|orientation|drive|runs|hours|closed|open|deadline|"
    r"present(?:ations?|ers?|s)|present(?:ed|ing)?\s+(?:at|to\s+the\s+(?:board|committee|conference))|expo|ribbon|meeting|class|classes|screening|fair|event|tune\s+in|booth|walk-ins|"
    r"gala|summit|briefing|advisory|seminar|workshop|lecture|training|celebrat\w*\s+(?:our|the)|"
    r"week|month|awareness|through|until|starting|starts|kicks?\s+off|launch\w*|anniversary|"
    r"5k|10k|race|marathon|fun\s+run|walkathon|tournament|game|concert|festival)\b",
    re.IGNORECASE,
)


# A relative or a life event beside a date makes it someone's date even without care words.
_FAMILY_NEAR_DATE = re.compile(
    r"\b(?:(?:my|our|her|his|their)\s(?:little\s|late\s|baby\s)?(?:mom|mum|mother|dad|father|son|daughter|"
    r"husband|wife|grandma|grandmother|grandpa|grandfather|nana|papa|brother|sister|baby|boy|girl|twins|"
    r"partner|aunt|uncle|child|kid|kids)|we\slost|lost\s(?:my|our|him|her)|was\sborn|were\sborn|"
    r"passed|funeral|memorial\sservice|(?:he|she)\s(?:was|went|came|got|had|left|woke))\b"
)


def person_dates(scan: Scan) -> None:
    """Second pass, after names: a date in a post about a particular person (a name or another
    identifier was found) or about someone's care is that person's date, unless the words
    around it announce a public event."""
    if not _NUMBER_HINT.search(scan.text):
        return
    personal = any(c != "date" for c, _s, _e, _c in scan.results)
    if scan.dates:
        for m in _date_matches(scan):
            start, end = m.span()
            if (
                scan.overlaps(start, end)
                or _may_the_verb(scan, m)
                or _ROOM_LABEL_BEFORE.search(scan.text[max(0, start - 12) : start])
            ):
                continue
            numeric_short = m.group()[0].isdigit() and m.group().count("/") + m.group().count("-") == 1
            if (numeric_short and "-" in m.group()) or _NOT_A_DATE_AFTER.match(scan.text[end : end + 12]):
                continue  # "9-1", "3-4 times"
            if (
                m.group() == "24/7"
                or scan.text[end : end + 1] == "/"
                or scan.lower[max(0, start - 6) : start].strip()
                in {
                    "hours",
                    "from",
                }
            ):
                continue  # "24/7", "hours 9-8"
            if DATE_EVENT.search(scan.text[max(0, start - 80) : min(len(scan.text), end + 50)]):
                continue
            if personal or scan.near_care(start, end):
                scan.add("date", start, end, LIKELY)
            elif _FAMILY_NEAR_DATE.search(scan.lower[max(0, start - 60) : min(len(scan.text), end + 40)]):
                scan.add("date", start, end, POSSIBLE)  # "we lost dad on 14/03/2025"


_AGE_HINT = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)|enarian|ninety|hundred", re.IGNORECASE)


# "Our hospital turned 100", "the clinic is 95 years old": an organization's age.
_ORG_AGE_BEFORE = re.compile(
    r"\b(?:hospital|clinic|center|centre|foundation|organization|program|unit|building|school|college|"
    r"church|company|system|society|association|auxiliary|chapter)(?:['’]s)?\s(?:just\s|has\s|officially\s)?"
    r"(?:turned|turns|is|was|celebrates|celebrating)?\s?$",
    re.IGNORECASE,
)


def ages(scan: Scan) -> None:
    if not _AGE_HINT.search(scan.text):
        return
    for pattern in AGES:
        for m in pattern.finditer(scan.text):
            if scan.overlaps(*m.span()):
                continue
            before = scan.text[max(0, m.start() - 40) : m.start()]
            if _ORG_AGE_BEFORE.search(before) or _ORG_AGE_BEFORE.search(before + m.group().split()[0] + " "):
                continue
            scan.add("age", m.start(), m.end(), HIGH)


# The first word of every room and bed label in _ROOM: the pattern is tried only where one stands.
_ROOM_FIRST_WORDS = frozenset(
    "room rm bed bay crib isolette incubator stall exam trauma pod cubicle cube ward suite unit bassinet "
    "slot chair infusion stretcher gurney recliner cot hall space".split()
)


def _room_matches(scan: Scan):
    lower = scan.lower
    for start, end, _word in scan.tokens:
        if lower[start:end] in _ROOM_FIRST_WORDS:
            m = _ROOM.match(scan.text, start)
            if m:
                yield m


def rooms(scan: Scan) -> None:
    for m in _room_matches(scan):
        start, end = m.span()
        if scan.overlaps(start, end):
            continue
        kind = m.group(1).lower()
        before = scan.lower[max(0, start - 30) : start].split()
        if before and before[-1].strip(",.") in lx.EVENT_ROOM_WORDS:
            continue
        if kind.startswith(("room", "rm", "stall", "pod", "suite", "unit", "ward", "slot", "cub")):
            window = scan.text[max(0, start - 80) : min(len(scan.text), end + 60)]
            if EVENT_NEARBY.search(window) and not _PERSON_NEAR_ROOM.search(window):
                continue
            if kind.startswith(("suite", "unit", "ward", "slot", "cub")) and not scan.near_care(start, end):
                continue
        if kind.startswith(
            ("chair", "infusion", "stretcher", "gurney", "recliner", "cot", "hall", "space")
        ) and not (scan.near_care(start, end)):
            continue  # "chair 2 of the committee", "parking space 12"
        scan.add("room_bed", start, end, HIGH)
    for m in _LETTER_BED.finditer(scan.text):
        if not scan.overlaps(*m.span()) and scan.near_care(*m.span()):
            scan.add("room_bed", m.start(), m.end(), LIKELY)
    # "Zoë in 412", "Mr. Kowalczyk in B12": a bare room number right after a patient's name
    # (names are found later, so look for a capitalized word just before).
    for m in _BARE_ROOM.finditer(scan.text):
        start, end = m.span(1)
        if scan.overlaps(start, end):
            continue
        before = scan.text[max(0, m.start() - 25) : m.start()]
        if re.search(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+\s?$", before) and scan.near_care(start, end):
            scan.add("room_bed", start, end, POSSIBLE + 0.1)


# "bed B", "bay D": a lettered bed or bay (capital letter only: "bed a" is not a bed).
_LETTER_BED = re.compile(r"\b(?i:bed|bay|crib|cot|stretcher|isolette)\s(?:#\s?)?([A-H])\b(?!['’.]\w)")


_BARE_ROOM = re.compile(
    r"\b(?:in|to)\s((?:[A-Z]\d{1,3}|\d{3}[A-Z]?))\b(?![\s-]?(?:%|mg|am|pm|minutes|days|hours|patients|people))"
)
_PERSON_NEAR_ROOM = re.compile(
    r"\b(?:patient|pt|mr|mrs|ms|miss|he|she|his|her|him|bed|discharged|admitted)\b", re.IGNORECASE
)


# "Zachary Clark in 30", "jane piane IN 29": a number right after a name ("Linh (5)" is an age).
_ROOM_AFTER_NAME = re.compile(
    r"^\s(?i:in|to)\s(\d{1,4}[A-Za-z]?)\b(?!\s?(?i:%|mg|am|pm|minutes|mins?|days|hours|hrs|weeks|"
    r"months|years|patients|people|nurses|beds|y/o|yo|year))"
)


def rooms_after_names(scan: Scan) -> None:
    """Second pass, after names: a bare room number right after a patient's name."""
    text = scan.text
    for category, _start, end, _confidence in list(scan.results):
        if category != "name":
            continue
        m = _ROOM_AFTER_NAME.match(text[end : end + 30])
        if m and not scan.overlaps(end + m.start(1), end + m.end(1)):
            scan.add("room_bed", end + m.start(1), end + m.end(1), LIKELY)


# Words one of the patterns above needs: most posts hold none and skip both.
_UNIQUE_HINT = re.compile(
    r"tuplets|conjoined|only|first|youngest|oldest|world|million|known\scase|foot|ft\b|tattoo|birthmark|"
    r"port-wine|heterochromia|progeria|finger|toe|missing|eye|tooth|prosthetic|hair|nose\sring|lightning|scar"
)


def unique_characteristics(scan: Scan) -> None:
    if not _UNIQUE_HINT.search(scan.lower):
        return
    for pattern in (UNIQUE, UNIQUE_FEATURE):
        for m in pattern.finditer(scan.text):
            start, end = m.span()
            while end > start and scan.text[end - 1] in " ,;:":
                end -= 1
            if scan.overlaps(start, end) or _NOT_A_FEATURE.search(m.group()):
                continue
            if pattern is UNIQUE_FEATURE and not (scan.near_care(start, end) or scan.results):
                continue  # a tattoo in a post about nobody's care
            scan.add("unique_characteristic", start, end, POSSIBLE)
