"""A third development set for the post safety coach: the identifier kinds that the coach found
least often on text it had never seen (license numbers, plates, ages over 89, rooms and beds,
unique characteristics, dates written in clinical shorthand), in many formats and phrasings.

    .venv/bin/pip install -e ".[bench]"   # Faker: names come from safety_generated.Slots
    .venv/bin/python bench/safety_weak.py [--posts 1200] [--seed 11] [--mode full|fast]
        [--frames dev|holdout] [--misses]

License values follow the published layouts of US states' driver licenses (California's
letter and seven digits, Florida's dashed letter and twelve digits, New York's nine digits in
groups, Washington's "WDL" prefix…), nursing and medical licenses, passports and DEA numbers
with their check digit; plates follow states' plate layouts. Frames are written for this
script alone and split in two: `dev` frames were used while changing the detectors, `holdout`
frames were not. About a quarter of the posts are clean look-alikes (ages up to 89, meeting
rooms, license renewals, plates of food, a tattoo shop's opening) that should give no finding.
Labels follow the corpus rules (bench/safety_corpus/README.md): the value after its label, the
number of an age over 89, the room or bed value, the describing phrase of a unique
characteristic.
"""

from __future__ import annotations

import argparse
import random
import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from safety_generated import Slots  # noqa: E402

U = string.ascii_uppercase
D = string.digits


def _pick(rng: random.Random, alphabet: str, count: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(count))


def _dea(rng: random.Random) -> str:
    letters = rng.choice("ABFGMPR") + rng.choice(U)
    digits = [rng.randrange(10) for _ in range(6)]
    check = (digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])) % 10
    return letters + "".join(map(str, digits)) + str(check)


def license_value(rng: random.Random) -> str:
    layouts = [
        lambda: rng.choice(U) + _pick(rng, D, 7),  # California
        lambda: (
            f"{rng.choice(U)}{_pick(rng, D, 3)}-{_pick(rng, D, 3)}-{_pick(rng, D, 2)}-{_pick(rng, D, 3)}-"
            f"{rng.randrange(10)}"
        ),  # Florida
        lambda: f"{_pick(rng, D, 3)} {_pick(rng, D, 3)} {_pick(rng, D, 3)}",  # New York
        lambda: _pick(rng, D, 8),  # Texas
        lambda: f"{rng.choice(U)}{_pick(rng, D, 3)}-{_pick(rng, D, 4)}-{_pick(rng, D, 4)}",  # Illinois
        lambda: f"{_pick(rng, D, 2)} {_pick(rng, D, 3)} {_pick(rng, D, 3)}",  # Pennsylvania
        lambda: "WDL" + _pick(rng, U + D, 9),  # Washington
        lambda: (
            f"{rng.choice(U)} {_pick(rng, D, 3)} {_pick(rng, D, 3)} {_pick(rng, D, 3)} {_pick(rng, D, 3)}"
        ),
        lambda: _pick(rng, U, 2) + _pick(rng, D, 6),  # Ohio
        lambda: "S" + _pick(rng, D, 8),  # Massachusetts
        lambda: f"{rng.choice(U)}{_pick(rng, D, 2)}-{_pick(rng, D, 2)}-{_pick(rng, D, 4)}",  # Virginia
        lambda: f"{_pick(rng, D, 2)}-{_pick(rng, D, 3)}-{_pick(rng, D, 4)}",  # Colorado
        lambda: (
            f"{rng.choice(U)}-{_pick(rng, D, 3)}-{_pick(rng, D, 3)}-{_pick(rng, D, 3)}-{_pick(rng, D, 3)}"
        ),
        lambda: _pick(rng, D, 9),  # Georgia
        lambda: f"RN{_pick(rng, D, 6)}",
        lambda: f"RN-{_pick(rng, D, 7)}",
        lambda: f"{_pick(rng, D, 6)}",
        lambda: f"MD{_pick(rng, D, 5)}",
        lambda: f"{rng.choice(U)}{_pick(rng, D, 8)}",  # passport, newer layout
        lambda: _dea(rng),
    ]
    return rng.choice(layouts)()


def plate_value(rng: random.Random) -> str:
    layouts = [
        lambda: f"{_pick(rng, U, 3)} {_pick(rng, D, 4)}",
        lambda: f"{_pick(rng, U, 3)}-{_pick(rng, D, 4)}",
        lambda: f"{rng.randrange(1, 10)}{_pick(rng, U, 3)}{_pick(rng, D, 3)}",
        lambda: f"{_pick(rng, D, 3)} {_pick(rng, U, 3)}",
        lambda: f"{_pick(rng, U, 2)}{_pick(rng, D, 2)} {_pick(rng, U, 3)}",  # UK
        lambda: f"{_pick(rng, D, 1)}{_pick(rng, U, 2)} {_pick(rng, D, 4)}",
        lambda: f"{_pick(rng, U, 2)}-{_pick(rng, D, 5)}",
        lambda: f"{_pick(rng, U, 3)}{_pick(rng, D, 3)}",
    ]
    return rng.choice(layouts)()


def age_value(rng: random.Random) -> str:
    return str(rng.choice(list(range(90, 106)) + [90, 91, 92, 93, 94, 95, 96, 97, 98, 99]))


def room_value(rng: random.Random) -> str:
    layouts = [
        lambda: str(rng.randrange(100, 999)),
        lambda: f"{rng.randrange(1, 12)}{rng.choice('ABCDEFNSW')}",
        lambda: f"{rng.randrange(100, 999)}{rng.choice('AB')}",
        lambda: f"{rng.randrange(1, 20)}",
        lambda: f"{rng.randrange(1000, 4999)}",
        lambda: f"{rng.randrange(1, 9)}-{rng.randrange(10, 40)}",
    ]
    return rng.choice(layouts)()


def bed_value(rng: random.Random) -> str:
    return rng.choice(
        [str(rng.randrange(1, 30)), f"{rng.randrange(1, 20)}{rng.choice('AB')}", rng.choice("ABCD")]
    )


UNIQUE = [
    "a koi fish tattoo covering her whole left arm",
    "the dragon tattoo across his back",
    "a port-wine birthmark on his right cheek",
    "the rose tattoo on her neck",
    "a scar shaped like a lightning bolt on his forehead",
    "one blue eye and one brown eye",
    "a prosthetic left leg painted like a race car",
    "six fingers on each hand",
    "the spiderweb tattoo on his elbow",
    "bright purple hair and a nose ring",
    "a missing right ear from a dog bite as a child",
    "a full sleeve of tattoos of his grandchildren's names",
    "the butterfly birthmark on her shoulder",
    "a glass eye",
    "a gold front tooth",
    "the only pair of conjoined twins born here this decade",
    "a name tattooed across her knuckles",
    "a large strawberry birthmark on the back of her neck",
    "a Marine Corps tattoo on his forearm",
    "twin sisters who were both born with progeria",
    "the man who was struck by lightning three times",
    "heterochromia",
    "a cleft lip scar",
    "a tattoo of a compass on his wrist",
    "a burn scar down the left side of his face",
    "a facial tattoo under her eye",
]
# Meeting rooms, 89 and younger, license renewals: never labeled.
CLEAN_VALUES = {
    "young_age": lambda rng: str(rng.randrange(19, 90)),
    "meeting_room": lambda rng: rng.choice(
        [
            "Conference Room 4B",
            "Boardroom 2",
            "Classroom 110",
            "Auditorium B",
            "Training Room 3",
            "Room 210 of the library",
        ]
    ),
    "count": lambda rng: str(rng.randrange(90, 120)),
}

# (frame, split). Slots: {name} {first} {lic} {plate} {age} {room} {bed} {unique} {date}.
PHI_FRAMES = [
    "pt {name} brought in by family, DL# {lic} on the intake sheet, please shred that copy",
    "Found a wallet in the ED waiting area: driver's license {lic}, belongs to {name}. Security has it.",
    "{name}'s nursing license {lic} was attached to the patient complaint by mistake, pull it",
    "Posting the incident: the pt's drivers lic no {lic} and car plate {plate} are in the report",
    "Her passport number {lic} was in the chart scan we almost shared, {name} was discharged today",
    "The ambulance log lists {name}, license number: {lic}, for the transfer to rehab",
    "State ID {lic} belongs to the man we treated after the crash, please blur it in the photo",
    "DL {lic} / plate {plate}: that was {name}'s car in the ED lot after the seizure",
    "Patient's license: {lic}. Don't post the photo of the admission paperwork!",
    "mva last night, driver {name}, lic {lic}, still in the ICU",
    "His CDL number {lic} was visible in the photo we took of {name} at discharge",
    "The photo shows her license #{lic} on the bedside table, {name} in {room} asked us to take it down",
    "security ran the plates {plate} for the car parked in the ambulance bay, owner is our patient {name}",
    "{name}'s truck (tag {plate}) has been in the ER lot since the heart attack",
    "Her car, a blue Civic with plates {plate}, is still in lot C since she was admitted",
    "The family's van, license plate {plate}, got towed while {first} was in surgery",
    "Whoever owns plate #{plate}: your lights are on, and your dad is in recovery",
    "pt's car w/ plate {plate} left in the ER drop-off after the stroke alert",
    "Our {age}-year-old patient {name} walked out of rehab today!",
    "{name}, {age}, finished her last round of PT this morning",
    "Happy birthday to {first}, who turned {age} on our floor yesterday",
    "pt is a {age} y/o female admitted for hip fracture",
    "{age}yo M with CHF exacerbation, bed {bed}",
    "Celebrating {age} years young: {name} beat pneumonia!",
    "Mr. {name}, aged {age}, went home after his pacemaker check",
    "At {age}, {first} is our oldest heart failure patient",
    "My grandma is {age} and just had her cataract surgery",
    "pt {age}F, fall at home, CT negative",
    "{first} ({age}) was discharged to hospice today",
    "Our patient is {age} years of age and still does crosswords every morning after dialysis",
    "{name} in room {room} needs a sitter tonight",
    "rm {room} bed {bed}: {first} is NPO after midnight",
    "Transferring {name} from ICU bed {bed} to 4 West room {room}",
    "{first} in rm {room} asked for the chaplain",
    "The patient in bed {bed} of the step-down unit is {name}",
    "Bed {bed}, room {room}: {name}, post-op day 2, ambulating",
    "Please check on the lady in room #{room}, she keeps pressing the call light",
    "{name} (room {room}) is going home tomorrow after her knee replacement",
    "pt {name} moved to bay {bed} in the ED",
    "Room {room} is {name}, fall risk, bed alarm on",
    "We all remember the patient with {unique} who stayed on our unit for months",
    "Shout out to the man with {unique} who brought donuts to the ICU after his discharge",
    "The kid with {unique} from the burn unit sent us a card!",
    "pt has {unique}, came in after the crash on the interstate",
    "Our favorite patient, the gentleman with {unique}, finally went home",
    "The woman who has {unique} was admitted again last night",
    "Remember the teen with {unique}? Her surgery went great.",
    "pt {name} dc'd {date}, f/u in 2 wks",
    "{first} was adm {date} for sepsis",
    "s/p lap chole {date}, {name} doing well",
    "DOS {date} for {name}'s knee scope",
    "appt on {date} for {first}'s chemo",
    "{name} had her baby on {date}!",
    "my dad's heart cath is sched for {date}",
    "{first} coded on {date} and we got him back",
]
CLEAN_FRAMES = [
    "Our {young_age}-year-old volunteer just finished her 500th shift!",
    "Leadership meeting moved to {meeting_room} this Thursday",
    "Reminder: nursing license renewals are due by the end of the month",
    "Tag us in your photos from the health fair!",
    "{count} nurses signed up for the charity walk",
    "Bed capacity: {count} beds open across the system today",
    "Grab a plate at the potluck in {meeting_room}",
    "Room for improvement: our hand hygiene audit was at 89 percent",
    "A new tattoo removal clinic opens in the dermatology building next month",
    "Our hospital turned 100 this year and we are celebrating all week",
    "Driver's license photos are not required for the badge office anymore",
    "Scored 92 percent on the patient satisfaction survey this quarter!",
    "Patients aged 65 and older can get the flu shot at any clinic",
    "The license plate frames from the gift shop sold out",
    "Unit 5 hit {count} days without a fall",
]


def fill(rng: random.Random, slots: Slots, frame: str, post_id: str) -> dict:
    text, spans = "", []
    for piece in re.split(r"(\{[a-z_]+\})", frame):
        if not (piece.startswith("{") and piece.endswith("}")):
            text += piece
            continue
        kind = piece[1:-1]
        category: str | None
        if kind in ("name", "first"):
            value, category = slots.slot(kind)
        elif kind == "lic":
            value, category = license_value(rng), "license_number"
        elif kind == "plate":
            value, category = plate_value(rng), "vehicle_id"
        elif kind == "age":
            value, category = age_value(rng), "age"
        elif kind == "room":
            value, category = room_value(rng), "room_bed"
        elif kind == "bed":
            value, category = bed_value(rng), "room_bed"
        elif kind == "unique":
            value, category = rng.choice(UNIQUE), "unique_characteristic"
        elif kind == "date":
            value, category = slots.slot("date")[0], "date"
        else:
            value, category = CLEAN_VALUES[kind](rng), None
        if category:
            spans.append({"start": len(text), "end": len(text) + len(value), "category": category})
        text += value
    return {"id": post_id, "split": "weak", "text": text, "spans": spans}


def generate(count: int, seed: int, holdout: bool = False) -> list[dict]:
    rng = random.Random(seed)
    slots = Slots(rng)
    # Even-numbered frames are the development frames, odd-numbered ones the held-out frames.
    parity = 1 if holdout else 0
    phi = [f for i, f in enumerate(PHI_FRAMES) if i % 2 == parity]
    clean = [f for i, f in enumerate(CLEAN_FRAMES) if i % 2 == parity]
    posts = []
    for index in range(count):
        frame = rng.choice(clean if rng.random() < 0.25 else phi)
        posts.append(fill(rng, slots, frame, f"weak-{index + 1:04d}"))
    return posts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--mode", choices=("full", "fast"), default="full")
    parser.add_argument("--frames", choices=("dev", "holdout"), default="dev")
    parser.add_argument("--misses", action="store_true", help="print misses and false alarms")
    args = parser.parse_args()
    posts = generate(args.posts, args.seed, holdout=args.frames == "holdout")
    from medsocial.safety.evaluation import evaluate, table

    report = evaluate(posts, mode=args.mode)
    print(f"Weak-category set ({args.frames} frames): {len(posts)} posts, seed {args.seed}, {args.mode} mode")
    print(table(report))
    if args.misses:
        by_id = {p["id"]: p["text"] for p in posts}
        for post_id, category, text in report.misses:
            print(f"MISS  {post_id} {category}: {text}  <<{by_id[post_id]}>>")
        for post_id, category, text in report.false_alarms:
            print(f"FALSE {post_id} {category}: {text}  <<{by_id[post_id]}>>")


if __name__ == "__main__":
    main()
