"""Build the independent evaluation corpus for the post safety coach.

The corpus is written from hand-made sentence frames, hand-made value pools and fully
hand-written posts (see README.md beside this file). The development part comes from
`dev_material.py` and the frozen test part from `test_material.py`; the two share no frame, no
name, no place and no number. Offsets are computed here while the text is assembled, never typed.

    python bench/safety_corpus/build.py            # write src/medsocial/safety/corpus/*.jsonl
    python bench/safety_corpus/build.py --out DIR  # write elsewhere (the integrity test does)
    python bench/safety_corpus/build.py --stats    # print the statistics of what it builds
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUT = REPO / "src" / "medsocial" / "safety" / "corpus"
SEED = 20261129

CATEGORIES = (
    "name",
    "date",
    "age",
    "phone",
    "fax",
    "email",
    "ssn",
    "mrn",
    "health_plan_id",
    "account_number",
    "license_number",
    "vehicle_id",
    "device_id",
    "url",
    "ip_address",
    "geographic",
    "room_bed",
    "unique_characteristic",
)
ALLOWED_KINDS = ("phones", "urls", "addresses", "emails")
SPLITS = ("dev", "test")

# A segment is a piece of post text and the category it carries (None: not an identifier).
Segment = tuple[str, str | None]


class CorpusError(Exception):
    """The material cannot be turned into a valid corpus; the message says which entry and why."""


def load_material(split: str):
    path = HERE / f"{split}_material.py"
    spec = importlib.util.spec_from_file_location(f"safety_corpus_{split}_material", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- check digits


def luhn_check_digit(payload: str) -> str:
    """The digit that makes `payload + digit` pass the Luhn check (cards, NPI)."""
    total = 0
    for position, char in enumerate(reversed(payload)):
        digit = int(char)
        if position % 2 == 0:  # these get doubled once the check digit is appended
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 check digits: the rearranged number must leave 1 modulo 97."""
    rearranged = bban + country + "00"
    as_number = "".join(str(int(char, 36)) for char in rearranged)
    return f"{98 - int(as_number) % 97:02d}"


VIN_VALUES = {**{str(d): d for d in range(10)}}
VIN_VALUES.update(dict(zip("ABCDEFGH", range(1, 9), strict=True)))
VIN_VALUES.update(dict(zip("JKLMN", range(1, 6), strict=True)))
VIN_VALUES.update({"P": 7, "R": 9})
VIN_VALUES.update(dict(zip("STUVWXYZ", range(2, 10), strict=True)))
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def vin_with_check_digit(vin: str) -> str:
    """North American VINs carry a weighted mod-11 check character in position 9."""
    total = sum(VIN_VALUES[char] * weight for char, weight in zip(vin, VIN_WEIGHTS, strict=True))
    check = total % 11
    return vin[:8] + ("X" if check == 10 else str(check)) + vin[9:]


# --------------------------------------------------------------------------- value fillers

MONTHS = ("January February March April May June July August September October November December").split()


def ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


# Each format: (tag, function). "both" formats appear in both parts; the others only in one,
# so the test part also holds date spellings the development part never showed.
DATE_FORMATS = (
    ("both", lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}"),
    ("both", lambda d: f"{MONTHS[d.month - 1]} {d.day}"),
    ("both", lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}"),
    ("both", lambda d: f"{ordinal(d.day)} of {MONTHS[d.month - 1]}"),
    ("both", lambda d: d.isoformat()),
    ("both", lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}"),
    ("both", lambda d: f"{d.month}/{d.day}"),
    ("both", lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}"),
    ("dev", lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}"),
    ("dev", lambda d: f"{MONTHS[d.month - 1][:3]}. {d.day}"),
    ("dev", lambda d: f"{d.month}-{d.day}-{d.year}"),
    ("test", lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}"),
    ("test", lambda d: f"{MONTHS[d.month - 1]} {ordinal(d.day)}"),
    ("test", lambda d: f"{d.day}-{MONTHS[d.month - 1][:3]}-{d.year}"),
    ("test", lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}"),
)

CARD_PREFIXES = (("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("6011", 16), ("37", 15))

# Country, BBAN layout (a = letter, n = digit), grouping for print.
IBAN_LAYOUTS = {
    "DE": "nnnnnnnnnnnnnnnnnn",
    "GB": "aaaannnnnnnnnnnnnn",
    "NL": "aaaannnnnnnnnn",
    "IE": "aaaannnnnnnnnnnnnn",
    "AT": "nnnnnnnnnnnnnnnn",
    "CH": "nnnnnnnnnnnnnnnnn",
    "LU": "nnnnnnnnnnnnnnnn",
    "DK": "nnnnnnnnnnnnnn",
    "SE": "nnnnnnnnnnnnnnnnnnnn",
    "FI": "nnnnnnnnnnnnnn",
}

# First two digits of ZIP codes in each state (one of the state's ranges).
# fmt: off
STATE_ZIP_PREFIX = {
    "AK": "99", "AZ": "85", "CA": "93", "CO": "80", "CT": "06", "DE": "19", "GA": "31", "HI": "96",
    "IA": "52", "ID": "83", "IN": "47", "KY": "42", "LA": "70", "MA": "01", "ME": "04", "MN": "56",
    "MO": "65", "MS": "39", "MT": "59", "NC": "28", "ND": "58", "NH": "03", "NM": "87", "OH": "44",
    "OK": "73", "PA": "16", "RI": "02", "SD": "57", "TN": "37", "TX": "78", "VT": "05", "WA": "98",
    "WI": "54", "WV": "24",
}
# fmt: on

PRIVATE_FIRST_OCTETS = {0, 10, 100, 127, 169, 172, 192, 198, 203, 224}


def ascii_fold(text: str) -> str:
    replaced = text.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    replaced = replaced.replace("đ", "d").replace("ß", "ss").replace("æ", "ae")
    return unicodedata.normalize("NFKD", replaced).encode("ascii", "ignore").decode()


class Filler:
    """Draws slot values for one part of the corpus from that part's own pools."""

    def __init__(self, split: str, material, rng: random.Random):
        self.split = split
        self.m = material
        self.rng = rng
        self.date_formats = [fmt for tag, fmt in DATE_FORMATS if tag in ("both", split)]
        self.organization = material.ORGANIZATIONS[0]

    def start_post(self) -> None:
        """One post speaks for one organization: its name, site, email and address agree."""
        self.organization = self.pick(self.m.ORGANIZATIONS)

    # -- helpers
    def pick(self, pool):
        return self.rng.choice(pool)

    def digits(self, count: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(count))

    def letters(self, count: int, alphabet: str = string.ascii_uppercase) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(count))

    def layout(self, pattern: str) -> str:
        return "".join(self.digits(1) if c == "n" else self.letters(1) if c == "a" else c for c in pattern)

    def first_name(self, gender: str | None) -> str:
        if gender is None:
            gender = self.pick("fm")
        return self.pick(self.m.FEMALE_FIRST if gender == "f" else self.m.MALE_FIRST)

    def us_number(self) -> tuple[str, str, str]:
        area = self.pick(self.m.AREA_CODES)
        exchange = self.pick("23456789") + self.digits(2)
        while exchange[1:] == "11" or exchange == "555":
            exchange = self.pick("23456789") + self.digits(2)
        return area, exchange, self.digits(4)

    def format_us(self, parts: tuple[str, str, str], style: int) -> str:
        a, e, n = parts
        return (
            f"({a}) {e}-{n}",
            f"{a}-{e}-{n}",
            f"{a}.{e}.{n}",
            f"{a} {e} {n}",
            f"+1-{a}-{e}-{n}",
            f"+1 ({a}) {e}-{n}",
            f"001-{a}-{e}-{n}",
            f"1-{a}-{e}-{n}",
            f"{a}{e}{n}",
            f"+1 {a} {e} {n}",
            f"+1.{a}.{e}.{n}",
        )[style]

    def random_date(self, first_year: int, last_year: int) -> dt.date:
        start = dt.date(first_year, 1, 1).toordinal()
        end = dt.date(last_year, 12, 31).toordinal()
        return dt.date.fromordinal(self.rng.randint(start, end))

    # -- identifiers: each returns segments
    def name_full(self, gender: str | None = None) -> list[Segment]:
        first, last = self.first_name(gender), self.pick(self.m.SURNAMES)
        roll = self.rng.random()
        if roll < 0.08:
            text = f"{first} {self.pick(string.ascii_uppercase)}. {last}"
        elif roll < 0.13:
            text = f"{first} {last}-{self.pick(self.m.SURNAMES)}"
        else:
            text = f"{first} {last}"
        return [(self.noisy_case(text), "name")]

    def name_reversed(self) -> list[Segment]:
        """Chart order, "Last, First", as lists and handoffs write it."""
        return [(self.noisy_case(f"{self.pick(self.m.SURNAMES)}, {self.first_name(None)}"), "name")]

    def noisy_case(self, text: str) -> str:
        roll = self.rng.random()
        if roll < 0.05:
            return text.lower()
        if roll < 0.08:
            return text.upper()
        return text

    def honorific(self, gender: str) -> list[Segment]:
        title = self.pick(("Mr. ", "Mr ")) if gender == "m" else self.pick(("Mrs. ", "Ms. ", "Ms ", "Mrs "))
        return [(title, None), (self.noisy_case(self.pick(self.m.SURNAMES)), "name")]

    def phone(self) -> list[Segment]:
        text = self.format_us(self.us_number(), self.rng.randrange(11))
        if self.rng.random() < 0.22:
            text += self.pick(self.m.EXTENSION_STYLES).format(ext=self.digits(self.rng.choice((2, 3, 4))))
        return [(text, "phone")]

    def intl_phone(self) -> list[Segment]:
        template = self.pick(self.m.INTL_PHONE_TEMPLATES)
        return [(re.sub(r"N", lambda _: self.digits(1), template), "phone")]

    def fax(self) -> list[Segment]:
        return [(self.format_us(self.us_number(), self.rng.choice((0, 1, 2, 4))), "fax")]

    def email(self) -> list[Segment]:
        first = ascii_fold(self.first_name(None)).lower().replace(" ", "")
        last = ascii_fold(self.pick(self.m.SURNAMES)).lower().replace(" ", "").replace("'", "")
        local = self.pick(
            (
                f"{first}.{last}",
                f"{first}{last}{self.digits(2)}",
                f"{first[0]}{last}",
                f"{first}_{last}{self.digits(1)}",
            )
        )
        return [(f"{local}@{self.pick(self.m.EMAIL_DOMAINS)}", "email")]

    def ssn(self) -> list[Segment]:
        area = self.rng.choice([n for n in range(1, 900) if n != 666])
        group, serial = self.rng.randint(1, 99), self.rng.randint(1, 9999)
        sep = self.pick(("-", "-", " ", ""))
        return [(f"{area:03d}{sep}{group:02d}{sep}{serial:04d}", "ssn")]

    def mrn(self) -> list[Segment]:
        return [(self.layout(self.pick(self.m.MRN_LAYOUTS)), "mrn")]

    def plan_id(self) -> list[Segment]:
        layout = self.pick(self.m.PLAN_ID_LAYOUTS)
        if layout == "MBI":  # Medicare Beneficiary Identifier: no S, L, O, I, B or Z
            alpha = "ACDEFGHJKMNPQRTUVWXY"
            text = (
                self.pick("123456789")
                + self.letters(1, alpha)
                + self.letters(1, alpha + string.digits)
                + self.digits(1)
                + "-"
                + self.letters(1, alpha)
                + self.letters(1, alpha + string.digits)
                + self.digits(1)
                + "-"
                + self.letters(2, alpha)
                + self.digits(2)
            )
            if self.rng.random() < 0.5:
                text = text.replace("-", "")
            return [(text, "health_plan_id")]
        return [(self.layout(layout), "health_plan_id")]

    def card(self) -> list[Segment]:
        prefix, length = self.pick(CARD_PREFIXES)
        payload = prefix + self.digits(length - len(prefix) - 1)
        number = payload + luhn_check_digit(payload)
        style = self.rng.randrange(4)
        if length == 15:
            groups = [number[:4], number[4:10], number[10:]]
        else:
            groups = [number[i : i + 4] for i in range(0, 16, 4)]
        text = (" ".join(groups), "-".join(groups), number, " ".join(groups))[style]
        return [(text, "account_number")]

    def iban(self) -> list[Segment]:
        country = self.pick(self.m.IBAN_COUNTRIES)
        bban = self.layout(IBAN_LAYOUTS[country])
        compact = country + iban_check_digits(country, bban) + bban
        if self.rng.random() < 0.7:
            compact = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return [(compact, "account_number")]

    def bank(self) -> list[Segment]:
        return [(self.digits(self.rng.randint(8, 12)), "account_number")]

    def license(self) -> list[Segment]:
        return [(self.layout(self.pick(self.m.LICENSE_LAYOUTS)), "license_number")]

    def plate(self) -> list[Segment]:
        return [(self.layout(self.pick(self.m.PLATE_LAYOUTS)), "vehicle_id")]

    def vin(self) -> list[Segment]:
        body = self.pick(self.m.VIN_MAKERS) + "".join(
            self.pick(VIN_LETTERS + string.digits) for _ in range(14)
        )
        return [(vin_with_check_digit(body), "vehicle_id")]

    def device(self) -> list[Segment]:
        return [(self.layout(self.pick(self.m.DEVICE_LAYOUTS)), "device_id")]

    def url(self) -> list[Segment]:
        first = ascii_fold(self.first_name(None)).lower().replace(" ", "")
        last = ascii_fold(self.pick(self.m.SURNAMES)).lower().replace(" ", "").replace("'", "")
        template = self.pick(self.m.URL_TEMPLATES)
        text = template.format(
            first=first, last=last, n=self.digits(self.rng.randint(2, 4)), code=self.layout("nnnnnn")
        )
        return [(text, "url")]

    def ip(self) -> list[Segment]:
        if self.rng.random() < 0.15:
            groups = [f"{self.rng.randint(0x2001, 0x2A0F):x}"] + [
                f"{self.rng.randint(0, 0xFFFF):x}" for _ in range(3)
            ]
            return [(":".join(groups) + "::" + f"{self.rng.randint(1, 0xFFFF):x}", "ip_address")]
        first = self.rng.randint(11, 223)
        while first in PRIVATE_FIRST_OCTETS:
            first = self.rng.randint(11, 223)
        rest = [self.rng.randint(0, 255) for _ in range(2)] + [self.rng.randint(1, 254)]
        return [(".".join(str(n) for n in [first, *rest]), "ip_address")]

    def street(self) -> list[Segment]:
        number = str(self.rng.randint(2, 9899))
        return [(f"{number} {self.pick(self.m.STREETS)}", "geographic")]

    def city(self) -> list[Segment]:
        return [(self.pick(self.m.CITIES)[0], "geographic")]

    def zip_code(self, state: str | None = None) -> list[Segment]:
        if state is None:
            code = self.pick(self.m.ZIP_CODES)
        else:  # a ZIP that belongs to the state; the parity of the third digit keeps the parts apart
            parity = 0 if self.split == "dev" else 1
            code = STATE_ZIP_PREFIX[state] + str(self.rng.randrange(parity, 10, 2)) + self.digits(2)
        if self.rng.random() < 0.2:
            code += "-" + self.digits(4)
        return [(code, "geographic")]

    def address(self) -> list[Segment]:
        city, state = self.pick(self.m.CITIES)
        segments = self.street()
        if self.rng.random() < 0.25:
            segments = [
                (
                    segments[0][0]
                    + self.pick((", Apt ", " Apt. ", " #", ", Unit "))
                    + self.layout("nna")[: self.rng.randint(1, 3)],
                    "geographic",
                )
            ]
        segments += [(", ", None), (city, "geographic"), (f", {state} ", None)]
        segments += self.zip_code(state)
        return segments

    def room(self) -> list[Segment]:
        return [(self.layout(self.pick(self.m.ROOM_LAYOUTS)), "room_bed")]

    def bed(self) -> list[Segment]:
        return [(str(self.pick(self.m.BED_NUMBERS)), "room_bed")]

    def date(self, first_year: int = 2023, last_year: int = 2026) -> list[Segment]:
        day = self.random_date(first_year, last_year)
        return [(self.pick(self.date_formats)(day), "date")]

    # -- look-alikes that are not identifiers of a patient
    def staff(self) -> str:
        first, last = self.pick(self.m.STAFF_NAMES)
        return self.pick(self.m.STAFF_STYLES).format(first=first, last=last)

    def toll_free(self) -> str:
        a, e, n = (
            self.pick(("800", "888", "877", "866", "855")),
            self.pick("23456789") + self.digits(2),
            self.digits(4),
        )
        return self.pick((f"1-{a}-{e}-{n}", f"({a}) {e}-{n}", f"{a}-{e}-{n}"))

    def fill(self, kind: str, allowed: dict[str, list[str]]) -> list[Segment]:
        """Segments for one slot; organization details also go into `allowed`."""
        m, pick = self.m, self.pick
        simple = {
            "name": lambda: self.name_full(),
            "name_f": lambda: self.name_full("f"),
            "name_m": lambda: self.name_full("m"),
            "name_rev": self.name_reversed,
            "first": lambda: [(self.noisy_case(self.first_name(None)), "name")],
            "first_f": lambda: [(self.noisy_case(self.first_name("f")), "name")],
            "first_m": lambda: [(self.noisy_case(self.first_name("m")), "name")],
            "last": lambda: [(self.noisy_case(pick(m.SURNAMES)), "name")],
            "mr": lambda: self.honorific("m"),
            "mrs": lambda: self.honorific("f"),
            "date": self.date,
            "dob": lambda: self.date(1929, 2012),
            "isodate": lambda: [(self.random_date(2023, 2026).isoformat(), "date")],
            "age90": lambda: [(str(pick(m.AGES_OVER_89)), "age")],
            "phone": self.phone,
            "intl_phone": self.intl_phone,
            "fax": self.fax,
            "email": self.email,
            "ssn": self.ssn,
            "mrn": self.mrn,
            "plan_id": self.plan_id,
            "card": self.card,
            "iban": self.iban,
            "bank": self.bank,
            "license": self.license,
            "plate": self.plate,
            "vin": self.vin,
            "device": self.device,
            "url": self.url,
            "ip": self.ip,
            "street": self.street,
            "city": self.city,
            "county": lambda: [(pick(m.COUNTIES), "geographic")],
            "zip": self.zip_code,
            "address": self.address,
            "room": self.room,
            "bed": self.bed,
            "unique": lambda: [(pick(m.UNIQUE_CHARACTERISTICS), "unique_characteristic")],
            # not identifiers
            "staff": lambda: [(self.staff(), None)],
            "public_figure": lambda: [(pick(m.PUBLIC_FIGURES), None)],
            "state": lambda: [(pick(m.STATES), None)],
            "country": lambda: [(pick(m.COUNTRIES), None)],
            "company": lambda: [(pick(m.COMPANIES), None)],
            "drug": lambda: [(pick(m.DRUGS), None)],
            "heading": lambda: [(pick(m.HEADINGS), None)],
            "org": lambda: [(self.organization["name"], None)],
            "event_date": lambda: [(self.date()[0][0], None)],
            "event_city": lambda: [(pick(m.EVENT_CITIES), None)],
            "relative_day": lambda: [(pick(m.RELATIVE_DAYS), None)],
            "year": lambda: [(str(self.rng.randint(2019, 2027)), None)],
            "young_age": lambda: [(str(self.rng.choice(list(range(2, 90)) + [85, 86, 87, 88, 89])), None)],
            "meeting_room": lambda: [(pick(m.MEETING_ROOMS), None)],
            "hotline": lambda: [(pick(m.HOTLINES + (self.toll_free(),)), None)],
        }
        if kind in simple:
            return simple[kind]()
        if kind.startswith("p_"):  # plain words from the part's own pools (symptoms, relatives...)
            if kind[2:] not in m.POOLS:
                raise CorpusError(f"unknown word pool {kind[2:]!r}")
            return [(pick(m.POOLS[kind[2:]]), None)]
        if kind == "org_phone":
            text = self.format_us(self.us_number(), self.rng.choice((0, 1, 2)))
            allowed.setdefault("phones", []).append(text)
            return [(text, None)]
        if kind == "org_url":
            text = pick(self.organization["urls"])
            allowed.setdefault("urls", []).append(text)
            return [(text, None)]
        if kind == "org_email":
            text = pick(self.organization["emails"])
            allowed.setdefault("emails", []).append(text)
            return [(text, None)]
        if kind == "org_address":
            text = pick(self.organization["addresses"])
            allowed.setdefault("addresses", []).append(text)
            return [(text, None)]
        raise CorpusError(f"unknown slot kind {kind!r}")


# --------------------------------------------------------------------------- rendering

SLOT = re.compile(r"\{([a-z_0-9]+)(?:#(\d+))?((?::[a-z]+)*)\}")
MARK = re.compile(r"\[\[(.+?)\|([a-z_]+)\]\]|<<([a-z]+):(.+?)>>")


def apply_modifiers(segments: list[Segment], modifiers: list[str], rng: random.Random) -> list[Segment]:
    for modifier in modifiers:
        if modifier == "lower":
            segments = [(text.lower(), cat) for text, cat in segments]
        elif modifier == "upper":
            segments = [(text.upper(), cat) for text, cat in segments]
        elif modifier == "poss":
            segments = [*segments, (rng.choice(("'s", "'s", "'s", "’s")), None)]
        else:
            raise CorpusError(f"unknown slot modifier {modifier!r}")
    return segments


def assemble(segments: list[Segment]) -> tuple[str, list[dict]]:
    """Join segments into text and spans, merging nothing and computing every offset."""
    text, spans = "", []
    for piece, category in segments:
        if category is not None:
            if category not in CATEGORIES:
                raise CorpusError(f"unknown category {category!r}")
            spans.append({"start": len(text), "end": len(text) + len(piece), "category": category})
        text += piece
    return text, spans


def render_frame(template: str, filler: Filler) -> tuple[str, list[dict], dict]:
    segments: list[Segment] = []
    allowed: dict[str, list[str]] = {}
    remembered: dict[tuple[str, str], list[Segment]] = {}
    drawn: set[str] = set()
    filler.start_post()
    position = 0
    for match in SLOT.finditer(template):
        segments.append((template[position : match.start()], None))
        kind, ref, modifiers = match.group(1), match.group(2), match.group(3)
        if ref is not None and (kind, ref) in remembered:
            value = remembered[(kind, ref)]
        else:
            # Two unnumbered slots of one kind stand for two different things ("X with Y").
            for _attempt in range(10):
                value = filler.fill(kind, allowed)
                if "".join(text for text, _ in value) not in drawn:
                    break
            drawn.add("".join(text for text, _ in value))
            if ref is not None:
                remembered[(kind, ref)] = value
        segments.extend(apply_modifiers(value, [m for m in modifiers.split(":") if m], filler.rng))
        position = match.end()
    segments.append((template[position:], None))
    if "{" in template[position:] or "}" in template[position:]:
        raise CorpusError(f"frame has a malformed slot: {template!r}")
    text, spans = assemble(segments)
    return text, spans, allowed


def parse_handwritten(block: str, split: str) -> list[tuple[str, bool, str, list[dict], dict]]:
    """Hand-written posts, one per line: `voice|advice 0/1|text` with [[value|category]] marks
    around identifiers and <<kind:value>> around the organization's own allowed details."""
    posts = []
    for number, line in enumerate(block.strip().splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            voice, advice, marked = line.split("|", 2)
        except ValueError:
            raise CorpusError(f"{split} hand-written line {number}: expected voice|advice|text")
        if advice not in ("0", "1"):
            raise CorpusError(f"{split} hand-written line {number}: advice must be 0 or 1, not {advice!r}")
        segments: list[Segment] = []
        allowed: dict[str, list[str]] = {}
        position = 0
        for match in MARK.finditer(marked):
            segments.append((marked[position : match.start()], None))
            if match.group(1) is not None:
                segments.append((match.group(1), match.group(2)))
            else:
                kind, value = match.group(3), match.group(4)
                if kind not in ALLOWED_KINDS:
                    raise CorpusError(f"{split} hand-written line {number}: unknown allowed kind {kind!r}")
                allowed.setdefault(kind, []).append(value)
                segments.append((value, None))
            position = match.end()
        segments.append((marked[position:], None))
        try:
            text, spans = assemble(segments)
        except CorpusError as exc:
            raise CorpusError(f"{split} hand-written line {number}: {exc}")
        if "[[" in text or "]]" in text or "<<" in text:
            raise CorpusError(f"{split} hand-written line {number}: unbalanced mark")
        posts.append((voice.strip(), advice == "1", text, spans, allowed))
    return posts


# --------------------------------------------------------------------------- building


def make_post(split, voice, advice, text, spans, allowed, origin) -> dict:
    for span in spans:
        value = text[span["start"] : span["end"]]
        if not value or value != value.strip():
            raise CorpusError(f"{split} {origin}: span {value!r} is empty or has surrounding spaces")
    post = {"id": "", "split": split, "voice": voice, "text": text, "spans": spans, "advice_request": advice}
    if allowed:
        post["allowed"] = {kind: sorted(set(values)) for kind, values in sorted(allowed.items())}
    post["origin"] = origin
    return post


def build_split(split: str) -> list[dict]:
    material = load_material(split)
    rng = random.Random(f"{SEED}-{split}")
    filler = Filler(split, material, rng)
    posts: list[dict] = []
    seen: set[str] = set()
    for voice, advice, text, spans, allowed in parse_handwritten(material.HANDWRITTEN, split):
        if text in seen:
            raise CorpusError(f"{split}: hand-written post repeated: {text!r}")
        seen.add(text)
        posts.append(make_post(split, voice, advice, text, spans, allowed, "handwritten"))
    for group, target in material.TARGETS.items():
        frames = material.FRAMES[group]
        order: list[int] = []
        for count in range(target):
            if not order:
                order = list(range(len(frames)))
                rng.shuffle(order)
            index = order.pop()
            voice, advice, template = frames[index]
            for _attempt in range(20):
                text, spans, allowed = render_frame(template, filler)
                if text not in seen:
                    break
            else:
                raise CorpusError(f"{split} frame {group}/{index} keeps producing the same text")
            seen.add(text)
            posts.append(make_post(split, voice, advice, text, spans, allowed, f"frame:{group}:{index}"))
            del count
    rng.shuffle(posts)
    for number, post in enumerate(posts, start=1):
        post["id"] = f"{split}-{number:04d}"
    return posts


def check_disjoint(dev: list[dict], test: list[dict]) -> None:
    """The parts must share no identifier value (dates aside) and no post text."""

    def values(posts):
        return {
            (s["category"], p["text"][s["start"] : s["end"]].lower())
            for p in posts
            for s in p["spans"]
            if s["category"] != "date"
        }

    shared = values(dev) & values(test)
    if shared:
        raise CorpusError(f"identifier values appear in both parts: {sorted(shared)[:10]}")
    shared_texts = {p["text"] for p in dev} & {p["text"] for p in test}
    if shared_texts:
        raise CorpusError(f"posts appear in both parts: {sorted(shared_texts)[:3]}")


def build() -> dict[str, list[dict]]:
    parts = {split: build_split(split) for split in SPLITS}
    check_disjoint(parts["dev"], parts["test"])
    return parts


def serialise(posts: list[dict]) -> bytes:
    return "".join(json.dumps(post, ensure_ascii=False) + "\n" for post in posts).encode("utf-8")


def write(parts: dict[str, list[dict]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for split, posts in parts.items():
        (out / f"{split}.jsonl").write_bytes(serialise(posts))


# --------------------------------------------------------------------------- statistics


def statistics(parts: dict[str, list[dict]]) -> str:
    lines = []
    everything = [post for posts in parts.values() for post in posts]
    columns = [*parts, "all"]
    groups = {**parts, "all": everything}

    def row(label, fn):
        lines.append(f"{label:<26}" + "".join(f"{fn(groups[c]):>8}" for c in columns))

    lines.append(f"{'':<26}" + "".join(f"{c:>8}" for c in columns))
    row("posts", len)
    row("  hand-written", lambda ps: sum(p["origin"] == "handwritten" for p in ps))
    row("  from frames", lambda ps: sum(p["origin"] != "handwritten" for p in ps))
    row(
        "  frames used",
        lambda ps: len({(p["split"], p["origin"]) for p in ps if p["origin"] != "handwritten"}),
    )
    row("  with no PHI span", lambda ps: sum(not p["spans"] for p in ps))
    row("  with allowed details", lambda ps: sum("allowed" in p for p in ps))
    row("advice_request true", lambda ps: sum(p["advice_request"] for p in ps))
    row("advice_request false", lambda ps: sum(not p["advice_request"] for p in ps))
    row("  false with a '?'", lambda ps: sum(not p["advice_request"] and "?" in p["text"] for p in ps))
    lines.append("voice")
    voices = sorted(Counter(p["voice"] for p in everything))
    for voice in voices:
        row(f"  {voice}", lambda ps, v=voice: sum(p["voice"] == v for p in ps))
    lines.append("spans per category")
    row("  (all spans)", lambda ps: sum(len(p["spans"]) for p in ps))
    for category in CATEGORIES:
        row(f"  {category}", lambda ps, c=category: sum(s["category"] == c for p in ps for s in p["spans"]))
    lines.append("names")

    def name_values(ps):
        return [p["text"][s["start"] : s["end"]] for p in ps for s in p["spans"] if s["category"] == "name"]

    row("  with non-ASCII letters", lambda ps: sum(not v.isascii() for v in name_values(ps)))
    row("  all lower case", lambda ps: sum(v == v.lower() for v in name_values(ps)))
    row("  all capitals", lambda ps: sum(v == v.upper() for v in name_values(ps)))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="directory for dev.jsonl and test.jsonl"
    )
    parser.add_argument("--stats", action="store_true", help="print statistics instead of writing files")
    args = parser.parse_args(argv)
    try:
        parts = build()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.stats:
        print(statistics(parts))
        return 0
    write(parts, args.out)
    print(f"wrote {', '.join(f'{len(p)} {s} posts' for s, p in parts.items())} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
