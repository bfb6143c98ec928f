"""A second development set for the post safety coach, generated from Faker's name, place and
number lists in many locales, and the coach's figures on it.

    .venv/bin/pip install -e ".[bench]"   # Faker: only this script needs it
    .venv/bin/python bench/safety_generated.py [--posts 1500] [--seed 7] [--mode full|fast]
        [--frames dev|holdout] [--misses] [--write PATH]

Why: the project's corpus was written by one hand; posts made from other people's name lists
(Faker ships given names, surnames, towns, phones and plates for dozens of countries) test the
coach on names and formats nobody tuned it on. The post frames below were written for this
script alone, in the voices of nurses, physicians, pharmacists, communicators and patients,
and each slot records its labeled span as it is filled, so the labels never depend on the
detector. About a fifth of the posts are clean look-alikes (staff, countries, companies,
drugs, months, public events) that should give no finding.

Labeling follows the corpus rules: a patient's (or family member's) name without its title,
dates tied to a person's care or birth, ages over 89, places smaller than a state, and every
number that points at one person. Staff names, countries, states and public events are not
labeled. Scoring is the corpus's span-level rule (medsocial/safety/evaluation.py).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

try:
    from faker import Faker
except ImportError:  # pragma: no cover - a bench-only dependency
    sys.exit('This script needs Faker: .venv/bin/pip install -e ".[bench]"')

# Latin-script locales carry most posts (US hospitals), then names in other scripts.
LOCALES = {
    "en_US": 20,
    "es_MX": 8,
    "en_GB": 5,
    "fr_FR": 4,
    "de_DE": 4,
    "pt_BR": 4,
    "pl_PL": 3,
    "it_IT": 3,
    "nl_NL": 2,
    "vi_VN": 3,
    "tr_TR": 2,
    "cs_CZ": 2,
    "sv_SE": 2,
    "en_IN": 3,
    "en_IE": 2,
    "yo_NG": 2,
    "zu_ZA": 1,
    "zh_CN": 2,
    "ja_JP": 1,
    "ko_KR": 1,
    "ru_RU": 2,
    "uk_UA": 1,
    "el_GR": 1,
    "ar_AA": 1,
    "he_IL": 1,
    "hi_IN": 1,
}
# Places for "from X": real towns from locales whose lists are real (not "West Davidmouth").
TOWN_LOCALES = ("de_DE", "pl_PL", "it_IT", "nl_NL", "cs_CZ", "sv_SE", "en_IN", "el_GR")
US_TOWNS = (
    (
        "Tulsa Dayton Duluth Fresno Boise Macon Yakima Bangor Laredo Pueblo Albany Akron Flint Lansing "
        "Topeka Wichita Amarillo Modesto Reno Spokane Savannah Chattanooga Knoxville Lubbock Waco Odessa "
        "Provo Ogden Missoula Billings Fargo Bismarck Sioux_Falls Rapid_City Cedar_Rapids Davenport "
        "Peoria Rockford Joliet Gary Toledo Youngstown Erie Scranton Allentown Hartford Worcester "
        "Lowell Burlington Portland Nashua Manchester Camden Paterson Newark Trenton Dover Annapolis "
        "Roanoke Lynchburg Durham Asheville Greenville Columbia Augusta Macon Pensacola Tallahassee "
        "Gainesville Ocala Lakeland Mobile Huntsville Biloxi Shreveport Lafayette Baton_Rouge Tyler "
        "El_Paso Las_Cruces Flagstaff Yuma Bakersfield Salinas Eureka Medford Eugene Tacoma Olympia "
        "Boulder Greeley Cheyenne Casper Lincoln Omaha Ames Dubuque Green_Bay Oshkosh Kenosha Muncie "
        "Bloomington Evansville Kalamazoo Saginaw Traverse_City Marquette Ithaca Utica Syracuse Elmira"
    )
    .replace("_", " ")
    .split()
)
STATES = ("Ohio", "Texas", "Oregon", "Georgia", "Virginia", "New Mexico", "North Carolina", "Maine")
COUNTRIES = ("Mexico", "Canada", "Czech Republic", "South Korea", "Brazil", "Nigeria", "India", "Poland")
DRUGS = ("metformin", "Lipitor", "Eliquis", "Ozempic", "amoxicillin", "Humira", "Keytruda", "Xarelto")
MONTHS = ("January", "March", "April", "June", "August", "October", "November", "December")

TITLES = ("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Miss")


class Slots:
    """Fills a frame's slots; each slot returns (text, category or None)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.fakers = {loc: Faker(loc) for loc in LOCALES}
        for index, fake in enumerate(self.fakers.values()):
            fake.seed_instance(rng.randrange(1 << 30) + index)
        self.en = self.fakers["en_US"]

    def locale(self) -> str:
        return self.rng.choices(list(LOCALES), list(LOCALES.values()))[0]

    def _case(self, name: str) -> str:
        roll = self.rng.random()
        if roll < 0.2:
            return name.lower()
        if roll < 0.32:
            return name.upper()
        return name

    def full_name(self) -> str:
        fake = self.fakers[self.locale()]
        first, last = fake.first_name(), fake.last_name()
        roll = self.rng.random()
        if roll < 0.08:
            return f"{first} {last[0]}."
        if roll < 0.14:
            return f"{first[0]}. {last}"
        if roll < 0.2:
            return f"{first} {fake.first_name()[0]}. {last}"
        # Names in East Asian scripts are written family name first, without a space.
        if re.match(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", first):
            return last + first
        return f"{first} {last}"

    def slot(self, kind: str) -> tuple[str, str | None]:
        r, en = self.rng, self.en
        if kind == "name":
            return self._case(self.full_name()), "name"
        if kind == "first":
            return self._case(self.fakers[self.locale()].first_name()), "name"
        if kind == "last":
            return self._case(self.fakers[self.locale()].last_name()), "name"
        if kind == "staff":
            return f"Dr. {self.fakers[self.locale()].last_name()}", None
        if kind == "nurse_staff":
            return f"{self.fakers[self.locale()].first_name()}, RN", None
        if kind == "date":
            return self.date(), "date"
        if kind == "dob":
            return self.date(birth=True), "date"
        if kind == "phone":
            return self.phone(), "phone"
        if kind == "fax":
            return self.phone(extension=False), "fax"
        if kind == "email":
            return self.fakers[self.locale() if r.random() < 0.3 else "en_US"].free_email(), "email"
        if kind == "url":
            slug = re.sub(r"[^a-z]+", "-", unicodedata.normalize("NFKD", en.name()).lower()).strip("-")
            return r.choice(
                [
                    f"gofundme.com/f/help-{slug}",
                    f"https://www.caringbridge.org/visit/{slug.replace('-', '')}",
                    f"facebook.com/{slug.replace('-', '.')}",
                    f"https://instagram.com/{slug.replace('-', '_')}",
                    f"www.mealtrain.com/trains/{r.randrange(10**5, 10**6)}",
                ]
            ), "url"
        if kind == "town":
            if r.random() < 0.5:
                return r.choice(US_TOWNS), "geographic"
            return self.fakers[r.choice(TOWN_LOCALES)].city(), "geographic"
        if kind == "street":
            return en.street_address(), "geographic"
        if kind == "zip":
            return en.zipcode(), "geographic"
        if kind == "mrn":
            return r.choice(
                [str(r.randrange(10**6, 10**8)), f"{en.random_uppercase_letter()}{r.randrange(10**6, 10**7)}"]
            ), "mrn"
        if kind == "account":
            return str(r.randrange(10**7, 10**10)), "account_number"
        if kind == "card":
            return en.credit_card_number(), "account_number"
        if kind == "iban":
            return self.fakers[
                r.choice(("de_DE", "fr_FR", "nl_NL", "it_IT", "en_GB"))
            ].iban(), "account_number"
        if kind == "plan":
            return (
                f"{''.join(en.random_uppercase_letter() for _ in range(3))}{r.randrange(10**8, 10**9)}",
                "health_plan_id",
            )
        if kind == "license":
            return f"{en.random_uppercase_letter()}{r.randrange(10**6, 10**8)}", "license_number"
        if kind == "serial":
            return (
                f"{''.join(en.random_uppercase_letter() for _ in range(2))}{r.randrange(10**5, 10**7)}",
                "device_id",
            )
        if kind == "plate":
            return self.fakers[
                r.choice(("en_US", "en_GB", "de_DE", "fr_FR", "pl_PL", "nl_NL"))
            ].license_plate(), "vehicle_id"
        if kind == "ssn":
            return en.ssn(), "ssn"
        if kind == "ip":
            return en.ipv4_public(), "ip_address"
        if kind == "age":
            return str(r.randrange(90, 106)), "age"
        if kind == "room":
            return str(r.choice([r.randrange(1, 40), r.randrange(100, 999)])) + r.choice(
                ["", "", "A", "B"]
            ), "room_bed"
        if kind == "country":
            return r.choice(COUNTRIES), None
        if kind == "state":
            return r.choice(STATES), None
        if kind == "company":
            return en.company(), None
        if kind == "drug":
            return r.choice(DRUGS), None
        if kind == "month":
            return r.choice(MONTHS), None
        if kind == "year":
            return str(r.randrange(2019, 2027)), None
        raise KeyError(kind)

    def date(self, birth: bool = False) -> str:
        r = self.rng
        day = self.en.date_between("-95y" if birth else "-2y", "-60y" if birth else "today")
        month, short = day.strftime("%B"), day.strftime("%b")
        forms = [
            f"{month} {day.day}",
            f"{month} {day.day}, {day.year}",
            f"{short} {day.day}",
            f"{short}. {day.day}",
            f"{day.day} {month} {day.year}",
            f"{day.day} {month}",
            f"{month} {day.day}{_ordinal(day.day)}",
            f"the {day.day}{_ordinal(day.day)} of {month}",
            f"{day.month}/{day.day}/{day.year}",
            f"{day.month}/{day.day}/{day.year % 100:02d}",
            f"{day.month:02d}/{day.day:02d}/{day.year}",
            f"{day.day:02d}.{day.month:02d}.{day.year}",
            f"{day.year}-{day.month:02d}-{day.day:02d}",
            f"{day.day}-{short}-{day.year}",
            f"{month.lower()} {day.day}",
            f"{month.upper()} {day.day}",
        ]
        if not birth:
            forms.append(f"{day.month}/{day.day}")
        return r.choice(forms)

    def phone(self, extension: bool = True) -> str:
        r = self.rng
        area, mid, last = r.randrange(201, 990), r.randrange(200, 999), r.randrange(0, 10000)
        if area in (800, 833, 844, 855, 866, 877, 888):
            area += 1  # toll-free numbers are organizations' lines, not a person's phone
        forms = [
            f"({area}) {mid}-{last:04d}",
            f"{area}-{mid}-{last:04d}",
            f"{area}.{mid}.{last:04d}",
            f"+1 {area} {mid} {last:04d}",
            f"+1-{area}-{mid}-{last:04d}",
            f"001-{area}-{mid}-{last:04d}",
            f"1-{area}-{mid}-{last:04d}",
        ]
        number = r.choice(forms)
        if r.random() < 0.3:
            # Other countries' numbers in their own written forms.
            loc = r.choice(("en_GB", "de_DE", "fr_FR", "nl_NL", "it_IT", "pl_PL", "en_IN", "es_MX", "pt_BR"))
            number = self.fakers[loc].phone_number()
            number = re.sub(r"\s*(?:x|ext\.?)\s*\d+$", "", number)
        if extension and r.random() < 0.25:
            number += r.choice([" x", " ext. ", " ext ", "x", " extension "]) + str(r.randrange(10, 99999))
        return number


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# Post frames, written for this script. {slot} is filled and labeled; see Slots.slot.
PHI_FRAMES = [
    ("nurse", "Pt {name} in bed {room} finally off the vent tonight. Proud of this team."),
    ("nurse", "Shoutout to {name}, discharged {date} after 3 weeks on our floor!"),
    ("nurse", "patient {first} in room {room} keeps asking for the chaplain, anyone free?"),
    ("nurse", "Night shift win: {name} walked to the nurses' station on day 4 post-op."),
    ("nurse", "{title} {last} (room {room}) turned {age} today and the whole unit sang for {pron}."),
    ("nurse", "Praying for {name}, who coded twice last night. Family is from {town}."),
    ("nurse", "Can someone cover for me? Need to call {name}'s daughter back at {phone}."),
    ("nurse", "Rough night. {first} {last} in {room} pulled out his IV again after surgery."),
    ("nurse", "Happy {age}th birthday to our favorite dialysis patient, {name}!"),
    ("physician", "Interesting case: {age} y/o woman from {town} with new-onset AFib, admitted {date}."),
    ("physician", "Grand rounds: {name}, MRN {mrn}, presented with chest pain on {date}."),
    ("physician", "My patient {name} asked me to share her story: stage III, chemo started {date}."),
    ("physician", "Consult note for {name} (DOB {dob}) sent to the wrong fax: {fax}. Please shred."),
    ("physician", "Follow-up for {name} moved to {date}; reach the family at {phone}."),
    ("physician", "Seen today in clinic: {age}-year-old veteran, lives at {street}, {town}."),
    ("pharmacist", "Refill reminder for {name}: {drug} 20 mg, account {account}, pick up by {date}."),
    ("pharmacist", "Prior auth denied for {name}, member ID {plan}. Calling the plan now."),
    ("pharmacist", "Who left {name}'s insulin in the fridge with her card {card} taped to it??"),
    ("pharmacist", "Compounding order for {name} delivered to {street}, {town} {zip}."),
    ("communicator", "Meet {name}, who beat sepsis at {age}! Read the story: {url}"),
    ("communicator", "{name} from {town} rang the bell today after her last round of chemo."),
    ("communicator", "Thank you {name} for letting us share your transplant journey. Surgery was {date}."),
    ("communicator", "Welcome home, {first}! After 112 days in the NICU, baby {last} went home on {date}."),
    ("patient", "My name is {name} and I was diagnosed with lupus on {date}. AMA!"),
    ("patient", "Email me at {email} if you had the same surgery, I'm scared."),
    ("patient", "Mom ({name}, {age}) is in room {room} at the hospital, visits after 4pm."),
    ("patient", "Can anyone help pay for my son's surgery? {url} - thank you all."),
    ("patient", "My husband {name} has been in the ICU since {date}. Please pray."),
    ("patient", "Lost my insurance card, member # {plan}, does anyone know the number to call?"),
    ("patient", "Medicare turned me down again. SSN {ssn}, claim filed {date}, what now?"),
    ("patient", "My pacemaker serial no. {serial} was recalled, anyone else?"),
    ("patient", "Driver's license {license} was in the bag I left in the ER waiting room."),
    ("caregiver", "Dad's car (plate {plate}) is still in the ED lot since his stroke on {date}."),
    ("caregiver", "{name} is back at home in {town} after the hip replacement. Call {phone}."),
    ("caregiver", "My grandmother {name}, {age}, fell on {date} and broke her hip."),
    ("caregiver", "Our girl {first} had her heart surgery {date}! Updates at {url}"),
    ("caregiver", "My wife {name} is in the cancer ward, bed {room}. Her iban {iban} for the fund."),
    ("caregiver", "Someone logged into my dad's patient portal from {ip} after his MRI. Help?"),
    ("nurse", "{NAME_UPPER} IN {room} NEEDS A SITTER TONIGHT, FALL RISK"),
    ("physician", "Thanks to {staff} for the save on {name} yesterday, ROSC after 12 minutes."),
    ("nurse", "Discharge teaching done for {name}: follow-up with {staff} on {date}."),
    ("communicator", "{name}, 19, of {town}, was airlifted to our trauma center on {date}."),
    ("patient", "Text me at {phone} if you want to join my chemo buddy group - {name}"),
    ("caregiver", "Date: {date}. Dad ({name}) moved from ICU to step-down, room {room}."),
]
# Held-out frames: written together with the ones above but never used while changing the
# detectors; `--frames holdout` scores them (the honest figure for text nobody tuned on).
HOLDOUT_PHI_FRAMES = [
    ("nurse", "3 West update: {name} (bed {room}) extubated at 0400 🙌 #nightshift"),
    ("nurse", "Who has {first}?? Her son is at the desk asking for her, she came up from PACU {date}."),
    ("nurse", "pt. {name} c/o chest pain since {date}, family at bedside, call {phone} for updates"),
    ("physician", "Sad day. We lost {name} this morning. DOB {dob}. 22 years of dialysis with us."),
    ("physician", "Case for the residents: {age}yo M from {town}, presenting {date} with syncope."),
    ("physician", "{NAME_UPPER} - MRN {mrn} - needs a repeat troponin before transfer."),
    ("pharmacist", "Rx for {name} (DOB {dob}) sent to the wrong store. Plan ID {plan}. Please call {phone}."),
    ("pharmacist", "Hey {first}! Your meds are ready, pickup at the window. Card on file ends in {account}."),
    ("communicator", "Our newest graduate from cardiac rehab? {name}, age {age}! So inspiring."),
    (
        "communicator",
        "It's a girl! Congrats to {name} on the birth of baby {last}, born {date} in our birth center.",
    ),
    ("communicator", '"I never thought I\'d walk again." - {name}, spinal cord injury survivor, {town}'),
    ("patient", "hi everyone, {name} here, my chemo starts {date}. dm me or email {email}"),
    ("patient", "I'm {first}, 34, from {town}. Just got my MS diagnosis and I'm terrified."),
    ("patient", "Can't believe they billed me twice for my ER visit on {date}. Acct # {account}."),
    ("patient", "The ambulance took my car keys, plate {plate}, is it at the hospital?"),
    ("patient", "My address is {street}, {town} {zip} if anyone wants to send cards during my recovery."),
    (
        "caregiver",
        "Prayers please for my dad {name}, heart surgery tomorrow at 7am. He turns {age} next week.",
    ),
    ("caregiver", "Hospice came for {name} yesterday. Visitation at {street} on {date}."),
    ("caregiver", "My son {first} (he's 8) has been in isolation room {room} since {date}."),
    ("caregiver", "grandpa {name} is {age} and just got a new pacemaker, serial {serial}, any tips?"),
    (
        "caregiver",
        "Please share: {name} is missing from the memory care unit. Last seen near {street}. Call {phone}.",
    ),
    ("nurse", "Thank u to the {last} family for the pizza 🍕 — {first} is doing great after her transplant!"),
    ("physician", "Visiting {name} at home in {town} today; her wound is healing well after the graft."),
    ("communicator", "Meet the {last} twins, born {date} at 29 weeks and now home in {town}!"),
    (
        "patient",
        "After my stroke, {name} from PT got me walking. Her number is {phone} if you need a great therapist.",
    ),
]
HOLDOUT_CLEAN_FRAMES = [
    ("communicator", "Register now: diabetes prevention class, {month} 9 at the {town} public library."),
    ("communicator", "{company} donated 500 car seats to our NICU families. Thank you!"),
    ("physician", "Read my op-ed on {drug} pricing in the {state} Tribune."),
    ("pharmacist", "PSA: {drug} and grapefruit juice don't mix."),
    ("nurse", "Throwback to nursing school in {country} with my classmates. Time flies!"),
    ("communicator", "Our Chief Medical Officer {staff} will answer your questions live on {month} 12."),
]
CLEAN_FRAMES = [
    ("communicator", "Join {staff} on {month} 14 for a free webinar on heart health."),
    ("communicator", "Our team is heading to {country} for a medical mission trip in {month}."),
    ("communicator", "Congratulations to {nurse_staff}, our nurse of the year!"),
    ("pharmacist", "Reminder: {drug} shortages expected through {month}. Talk to your pharmacist."),
    ("communicator", "Proud to partner with {company} on our new telehealth program."),
    ("physician", "New guidelines on {drug} dosing in older adults are out. Worth a read."),
    ("communicator", "Flu shots are free at all our clinics in {state} starting {month} 3."),
    ("nurse", "Mission Statement: every patient, every time. Happy Nurses Week!"),
    ("communicator", "Health fair on {month} 22 with {company}: screenings, flu shots, healthy snacks."),
    ("physician", "Honored to speak at the {year} cardiology summit with {staff}."),
    ("pharmacist", "Generic {drug} is now on our formulary. Ask {staff} about switching."),
    ("communicator", "Welcome {staff}, who joins our oncology team from {country}."),
    ("nurse", "Patient Experience Week starts Monday. Wear purple!"),
    ("communicator", "Our hospitals in {state} and {country} share one mission: care close to home."),
]


def make_post(rng: random.Random, slots: Slots, index: int, holdout: bool = False) -> dict:
    clean = rng.random() < 0.2
    if holdout:
        voice, frame = rng.choice(HOLDOUT_CLEAN_FRAMES if clean else HOLDOUT_PHI_FRAMES)
    else:
        voice, frame = rng.choice(CLEAN_FRAMES if clean else PHI_FRAMES)
    text, spans = "", []
    pronoun = rng.choice(("her", "him"))
    for piece in re.split(r"(\{[a-zA-Z_]+\})", frame):
        if not (piece.startswith("{") and piece.endswith("}")):
            text += piece
            continue
        kind = piece[1:-1]
        if kind == "pron":
            text += pronoun
            continue
        if kind == "title":
            value, category = rng.choice(TITLES), None
        elif kind == "NAME_UPPER":
            value, category = slots.full_name().upper(), "name"
        else:
            value, category = slots.slot(kind)
        if category:
            spans.append({"start": len(text), "end": len(text) + len(value), "category": category})
        text += value
    return {"id": f"gen-{index:04d}", "split": "generated", "voice": voice, "text": text, "spans": spans}


def generate(count: int, seed: int, holdout: bool = False) -> list[dict]:
    rng = random.Random(seed)
    Faker.seed(seed)
    slots = Slots(rng)
    return [make_post(rng, slots, i + 1, holdout) for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mode", choices=("full", "fast"), default="full")
    parser.add_argument(
        "--frames", choices=("dev", "holdout"), default="dev", help="holdout: the frames never tuned on"
    )
    parser.add_argument("--misses", action="store_true", help="print misses and false alarms")
    parser.add_argument("--write", type=Path, help="also write the posts as JSON lines")
    args = parser.parse_args()
    posts = generate(args.posts, args.seed, holdout=args.frames == "holdout")
    if args.write:
        args.write.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in posts), encoding="utf-8"
        )
    from medsocial.safety.evaluation import evaluate, table

    report = evaluate(posts, mode=args.mode)
    print(f"Generated set ({args.frames} frames): {len(posts)} posts, seed {args.seed}, {args.mode} mode")
    print(table(report))
    if args.misses:
        for post_id, category, text in report.misses:
            print(f"MISS  {post_id} {category}: {text}")
        for post_id, category, text in report.false_alarms:
            print(f"FALSE {post_id} {category}: {text}")


if __name__ == "__main__":
    main()
