# ruff: noqa: E701  (one-line `case` arms read best as a table of slot kinds)
"""Write the safety coach's labeled evaluation corpus (synthetic social posts).

    .venv/bin/python bench/safety_make_corpus.py   # writes src/medsocial/safety/tests/data/phi_corpus.jsonl

Every post is made up: templates written for this project, filled with invented names, numbers
and places. Each post records the labeled PHI spans (category, start, end), the organization's
allow-list in force, and its split:
  dev      templates used while developing the detectors;
  holdout  templates written separately and not used for tuning (reported on their own).
Negatives are meant to be hard: published organization numbers and addresses, event dates,
ages under 90, meeting-room numbers, staff names with credentials, capitalized non-names.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/medsocial/safety/tests/data/phi_corpus.jsonl"

FIRST = [
    "Rosa",
    "John",
    "Dorothy",
    "Marcus",
    "Aisha",
    "Tommy",
    "Eleanor",
    "Jamal",
    "Linh",
    "Priya",
    "Walter",
    "Graciela",
    "Tomasz",
    "Siobhan",
    "Thandiwe",
    "Rahul",
    "Delphine",
    "Bartholomew",
    "Eun-ji",
    "Mildred",
    "Kwame",
    "Ingrid",
    "Beatriz",
    "Declan",
    "Farah",
    "Otis",
    "Yesenia",
    "Hollis",
    "Marisol",
    "Augustin",
    "Nadia",
    "Clement",
    "Lupe",
    "Ezekiel",
    "Winona",
    "Henry",
]
LAST = [
    "Alvarez",
    "Smith",
    "Kowalski",
    "Nguyen",
    "Okafor",
    "Brennan",
    "Patel",
    "Haddad",
    "Lindqvist",
    "Washington",
    "Moreno",
    "Feldman",
    "Castillo",
    "Adeyemi",
    "O'Connell",
    "McAllister",
    "Tanaka",
    "Rasmussen",
    "Delacroix",
    "Whitfield",
    "Oyelaran",
    "Pruitt",
    "Szabo",
    "Echeverria",
    "Baptiste",
]
TITLES = ["Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs"]
STAFF = [
    "Dr. Priya Shah",
    "Dr. Marcus Lee",
    "Nurse Kelly",
    "Maria Gomez, RN",
    "James Carter, MD",
    "Dr. Adaeze Nwosu",
    "Tasha Greene, NP",
    "our chaplain Rev. Ellis",
    "Dr. Okafor",
    "Sam Rivera, RRT",
]
TOWNS = ["Millbrook", "Cedar Falls", "Wexford", "Harlan", "Tillman", "Pine Hollow", "Bramble", "Osceola Bend"]
STREETS = ["Maple Street", "Birch Avenue", "Old Mill Road", "Juniper Lane", "Harbor Drive", "Cortland Court"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Sept.",
    "Oct.",
    "Nov.",
]
ORG = {
    "name": "Lakeshore Health",
    "phones": ["(312) 555-0199", "312-555-0150"],
    "urls": ["lakeshorehealth.org"],
    "addresses": ["1200 Lakeshore Drive, Chicago, IL 60611"],
    "emails": ["media@lakeshorehealth.org"],
}
EVENTS = [
    "blood drive",
    "flu shot clinic",
    "Heart Walk",
    "diabetes support group",
    "CPR class",
    "hiring fair",
    "breastfeeding class",
    "Stop the Bleed training",
    "health fair",
    "grief support group",
]


def R(rng, items):
    return rng.choice(items)


# Each slot returns (text, category or None). None = not PHI (a hard negative).
def slot(rng, kind):
    first, last = R(rng, FIRST), R(rng, LAST)
    month = R(rng, MONTHS)
    match kind:
        case "first":
            return first, "name"
        case "full":
            return f"{first} {last}", "name"
        case "last":
            return last, "name"
        case "titled":
            return f"{R(rng, TITLES)} {last}", "name"
        case "room":
            return f"room {rng.randint(100, 899)}{R(rng, ['', '', 'B'])}", "room_bed"
        case "bed":
            return f"{R(rng, ['bed', 'Bed', 'bay'])} {rng.randint(1, 32)}", "room_bed"
        case "date":
            return R(
                rng,
                [
                    f"{month} {rng.randint(1, 28)}",
                    f"{rng.randint(1, 12)}/{rng.randint(1, 28)}",
                    f"{month} {rng.randint(1, 28)}, 2024",
                ],
            ), "date"
        case "dob":
            return f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(1928, 2019)}", "date"
        case "old":
            return R(
                rng,
                [
                    f"{rng.randint(90, 106)}-year-old",
                    f"{rng.randint(90, 104)} years old",
                    f"{rng.randint(90, 105)}th birthday",
                    f"age {rng.randint(90, 103)}",
                ],
            ), "age"
        case "young":
            return f"{rng.randint(4, 88)}-year-old", None
        case "phone":
            return R(
                rng,
                [
                    f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}",
                    f"{rng.randint(201, 989)}-555-{rng.randint(1000, 9999)}",
                    f"{rng.randint(201, 989)}.555.{rng.randint(1000, 9999)}",
                ],
            ), "phone"
        case "fax":
            return f"{rng.randint(201, 989)}-555-{rng.randint(1000, 9999)}", "fax"
        case "orgphone":
            return R(rng, ORG["phones"]), None
        case "tollfree":
            return R(rng, ["1-800-273-8255", "1-866-555-0100", "(888) 555-0175"]), None
        case "email":
            return (
                f"{first.lower()}.{last.lower().replace(chr(39), '')}{rng.randint(1, 99)}@"
                f"{R(rng, ['gmail.com', 'yahoo.com', 'outlook.com'])}",
                "email",
            )
        case "orgemail":
            return R(rng, ORG["emails"]), None
        case "ssn":
            return f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}", "ssn"
        case "mrn":
            return str(rng.randint(1000000, 99999999)), "mrn"
        case "member":
            return f"{R(rng, ['XKZ', 'BCB', 'H', 'W'])}{rng.randint(10000000, 999999999)}", "health_plan_id"
        case "account":
            return str(rng.randint(10000000, 999999999)), "account_number"
        case "license":
            return f"{R(rng, ['RN', 'D', 'LPN', ''])}{rng.randint(100000, 9999999)}", "license_number"
        case "plate":
            return f"{rng.randint(1, 9)}{R(rng, ['ABC', 'KTR', 'WMZ'])}{rng.randint(100, 999)}", "vehicle_id"
        case "serial":
            return f"{rng.randint(1000, 9999)}-{rng.randint(10000, 99999)}", "device_id"
        case "purl":
            return R(
                rng,
                [
                    f"gofundme.com/f/help-{first.lower()}-{R(rng, ['heal', 'fight-cancer', 'come-home'])}",
                    f"caringbridge.org/visit/{first.lower()}{last.lower()[:4]}",
                    f"facebook.com/{first.lower()}.{last.lower()[:5]}.{rng.randint(1, 99)}",
                ],
            ), "url"
        case "orgurl":
            return R(
                rng,
                [
                    "lakeshorehealth.org/flu",
                    "https://lakeshorehealth.org/events",
                    "www.lakeshorehealth.org/careers",
                ],
            ), None
        case "puburl":
            return R(rng, ["cdc.gov/flu", "https://www.heart.org/en/cpr", "nih.gov", "who.int/news"]), None
        case "ip":
            return (
                f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                "ip_address",
            )
        case "address":
            return f"{rng.randint(12, 9800)} {R(rng, STREETS)}", "geographic"
        case "zip":
            return f"{rng.randint(46000, 62999)}", "geographic"
        case "town":
            return R(rng, TOWNS), "geographic"
        case "unique":
            return R(
                rng,
                [
                    "The only quadruplets born at our hospital this year",
                    "The first baby born in the county in 2025",
                    "Our only set of triplets in the NICU",
                ],
            ), "unique_characteristic"
        case "unique2":
            return R(
                rng,
                [
                    "The youngest patient ever to receive a heart transplant in our state",
                    "The oldest woman to undergo this surgery in the state",
                    "The only patient in the country with this rare syndrome",
                ],
            ), "unique_characteristic"
        case "hundred":
            return "turned 100", "age"
        case "bedno":
            return str(rng.randint(1, 30)), "room_bed"
        case "street":
            return R(rng, ["Wabash Street", "Hillcrest Avenue", "Elm Court", "Sycamore Road"]), "geographic"
        case "town2":
            return R(rng, ["Riverton", "Glen Haven", "Marlow"]), None
        case "orgaddress":
            return "1200 Lakeshore Drive", None
        case "staff":
            return R(rng, STAFF), None
        case "event":
            return R(rng, EVENTS), None
        case "eventdate":
            return f"{month} {rng.randint(1, 28)}", None
        case "eventroom":
            return (
                f"{R(rng, ['Conference Room', 'Classroom', 'Auditorium Room', 'Education Center room'])} "
                f"{rng.randint(100, 420)}",
                None,
            )
    raise KeyError(kind)


SLOT = re.compile(r"\{(\w+)\}")

# --- development templates (seen while tuning) ------------------------------------------------
DEV_POSITIVE = [
    "Long night in the ER. {full}, {young}, came in at 3am and we got his rhythm back.",
    "{titled} in {bed} asked for her rosary before surgery this morning. Made my whole shift.",
    "So proud of my patient {first} who walked the whole hallway today after 3 weeks in the ICU!",
    "Happy {old} to our amazing patient {first}! The 4 West nurses threw a little party. 🎉",
    "Prayers for {full}, admitted {date} after the crash on Route 9. #trauma",
    "Anyone know who left MRN {mrn} printed at the nurses station? Please shred, that's a chart label.",
    "Pt in {room} has been calling her daughter at {phone} all night, sweetest lady.",
    "Hey team, fax the discharge summary for {titled} to {fax} before 5.",
    "Still waiting on prior auth for member ID {member}. Insurance is a full-time job. #nurselife",
    "Billing called about account #{account} again. Guys, that patient has been through enough.",
    "Parking lot nightmare: someone blocked the ambulance bay, plate {plate}. Patient families, please don't.",
    "Proud moment: {first}'s new pacemaker (serial no. {serial}) is working perfectly. Discharged {date}!",
    "Help {first} come home! {purl} 💛 He has been in the NICU since {date}.",
    "Our {old} patient told me she has outlived three doctors. Sharp as a tack in {room}.",
    "Found the portal login for {full} from IP {ip}, reported it to IT. Patient safety first.",
    "{first} lives at {address} and the ambulance took 20 minutes. Rural EMS needs funding.",
    "A {young} from {town} was airlifted here with a rare leukemia. Send good thoughts.",
    "{unique} went home today! Congrats to the {last} family.",
    "Email me at {email} if you want updates on my dad's chemo, I can't keep up with texts.",
    "Reminder: SSN {ssn} was on the intake form left at the desk. Please secure patient docs.",
    "Cried with {titled} today when her biopsy came back clear. This is why I do this.",
    "DOB {dob}, admitted {date}, discharged {date}. {first} beat the odds. #NICUgrad",
    "Shout out to my patient {full} in {room} who taught me to knit during dialysis.",
    "Our {old} grandma at {address}, ZIP {zip}, fell again. Thank you ER for being so kind.",
    "Driver's license {license} found in the ED waiting room, owner was treated for a fracture.",
    "Patient {first} {last} in {bed} just got extubated!!! Best day in the unit.",
    "Little {first} rang the chemo bell today at 6! We love you kiddo.",
    "{titled} from {town} says our pancakes are better than her husband's. Discharged tomorrow.",
]
DEV_NEGATIVE = [
    "Join us for our {event} on {eventdate} in {eventroom}. Free parking, light snacks.",
    "Questions about flu shots? Call our clinic at {orgphone} or visit {orgurl}.",
    "Congratulations to {staff} on 25 years of caring for our community!",
    "Did you know a {young} can have a stroke too? Learn the signs at {puburl}.",
    "Our {event} is back {eventdate}! Meet us at {orgaddress} in the main lobby.",
    "Feeling overwhelmed? The crisis line is open 24/7: {tollfree}. You are not alone.",
    "Happy Nurses Week to the Cardiology, Oncology and Emergency teams at Lakeshore Health!",
    "{staff} will lead a Facebook Live on heart health {eventdate} at noon. Bring questions!",
    "Media inquiries: {orgemail} or {orgphone}. We respond within one business day.",
    "We're hiring ICU nurses! Night shift, sign-on bonus. Apply at {orgurl}.",
    "Breast Cancer Awareness Month starts {eventdate}. Schedule your mammogram today.",
    "Room 2B of the Wellness Center hosts our {event} every Tuesday evening.",
    "New study: patients over 65 who walk daily recover faster after surgery. Read more at {puburl}.",
    "Welcome to our newest surgeon, {staff}! She joins the Lakeshore Orthopedics team in March.",
    "Thank you to Chicago Fire Department Engine 42 for visiting the pediatric unit's toy drive!",
    "Our Level I Trauma Center treated more than 4,000 patients last year. Grateful for this team.",
    "Masks are required in patient rooms on the 5th floor starting {eventdate}.",
    "The Heart Walk raised $48,000 for cardiac rehab. Thank you, Lakeshore!",
    "Visiting hours in the Mother Baby Unit are 8am to 8pm. Two visitors per patient.",
    "Our {young} patients and their families can join Pet Therapy Fridays with Max the golden retriever.",
    "Save the date: Summit on Rural Health, {eventdate}, Springfield Convention Center.",
    "Read {staff}'s tips for managing diabetes over the holidays: {orgurl}",
    "Tomorrow our {event} moves to {eventroom}. Doors open at 5:30.",
    "Proud of our NICU for earning Level IV status. Thank you to every nurse and respiratory therapist.",
]
# --- first holdout, later used for tuning (so it now counts as dev) --------------------------------
DEV2_POSITIVE = [
    "Tough code tonight. {titled} didn't make it. Her family sat with her in {room} until the end.",
    "Can someone cover my 7p? Need to drive {first} {last} home, he lives off {address}.",
    "Throwback: 10 years ago today ({date}) I delivered baby {first}. Now she volunteers on our unit!",
    "Seeing a lot of overdoses this week. One was a {young} from {town}. Narcan saves lives.",
    "Policy #{member} denied again for my patient's MRI. Calling the insurer tomorrow.",
    "PSA: {first} {last}, the man in {bed} with the Cubs hat, is the funniest human alive.",
    "Our {old} hip replacement patient went home on {date}. Oldest we've done this year!",
    "Text my cell {phone} if you find the charger I left in the PACU, it's next to {titled}'s bed.",
    "Med rec # {mrn} has the wrong allergy listed, fixed it. Double check your charts people.",
    "{unique2} is heading home today. What a journey for this family.",
    "Update on {first}: extubated, eating jello, asking for his dog. {purl}",
    "She was born {dob}, diagnosed at 3, and today {first} finished her last round of chemo. 💪",
]
DEV2_NEGATIVE = [
    "Our CEO will speak at the Rotary Club lunch {eventdate}. Topic: rural hospital finances.",
    "Tip from {staff}: keep a list of your medications in your wallet.",
    "Register by {eventdate} for the Nursing Grand Rounds in {eventroom}.",
    "The Emergency Department is expanding! Construction starts in the spring on the east side.",
    "Congrats to Maya Thompson, our 2025 Nurse of the Year, who leads the 4 West team.",
    "Call {orgphone} to book a free skin check during Melanoma Monday.",
    "Did you know? Adults {young} and older should get a colonoscopy. Details: {puburl}",
    "The Lakeshore Auxiliary gift shop raised $12,000 for patient comfort kits this year.",
    "Our {event} meets the first Thursday of each month in {eventroom}.",
    "Volunteers needed for the Thanksgiving meal on Oct. 28! Sign up at {orgurl}.",
]


# --- holdout templates (written after the detectors were tuned; never used for tuning) --------
HOLD_POSITIVE = [
    "12 hours, 3 codes, and {titled} still remembered my name when I checked on her at 4am. {bed}, you're a gem.",
    "When {first} {last} was wheeled into trauma after the tractor rollover, nobody thought he'd walk again. Today he did.",
    "Remember the {young} we told you about, the one from {town} with the rare heart defect? Surgery went great!",
    "Grandpa {first} {hundred} today on our unit! Born {dob} and still beats everyone at cards.",
    "Ugh, the insurance rep wants subscriber ID {member} read back three times. For a broken wrist.",
    "Pharmacy needs the chart number {mrn} before they'll release the chemo. Can someone pull it up?",
    "Lost & found: wallet with a driver's license #{license}, left in the oncology infusion bay. Owner discharged.",
    "Her son asked us to post updates on his page for family: {purl}. She's stable in the CCU.",
    "Reach the family at {phone}, they asked to be called the minute {first} is out of surgery.",
    "{first} (bed {bedno}) finally got her insulin pump dialed in, serial {serial}. Going home {date}!",
    "Saw my favorite patient at the grocery store, {titled} from dialysis, she lives right on {street}!",
    "Admitted on {date}, intubated for 9 days, and now {first} is teaching the PT team to line dance.",
]
HOLD_NEGATIVE = [
    "Our mobile mammography van visits {town2} Public Library on {eventdate}. Walk-ins welcome, bring your insurance card.",
    "This Saturday: free blood pressure checks at the farmers market on Main Street, 8 to noon.",
    "Meet Dr. Hannah Cole, our new pediatric surgeon! She trained at Northwestern and loves hiking.",
    "Patients: our new MyChart app lets you message your care team. Download it from {orgurl}.",
    "Reminder: the Cafeteria in the South Tower closes at 7pm on {eventdate} for maintenance.",
    "Join the Stroke Survivors Support Group, second Tuesday of each month, {eventroom}. Questions: {orgphone}.",
    "Happy retirement to Linda Marsh, RN, after 38 years in Labor and Delivery. We will miss you!",
    "Over 90% of our patients would recommend us to a friend. Thank you for trusting us with your care.",
    "The Women's Health Center on {orgaddress} is now open Saturdays for well visits.",
    "Are you between 50 and 75? Colon cancer screening saves lives. Call {tollfree} to schedule.",
    "Kudos to Environmental Services! Room turnover times in the ED dropped 20% this quarter.",
    "On {eventdate} we honor our veterans. Coffee and donuts in the Main Lobby from 9 to 11.",
]


def render(rng, template, org_allowed):
    text, spans, pos = [], [], 0
    allowed = dict(org_allowed)
    for m in SLOT.finditer(template):
        text.append(template[pos : m.start()])
        value, category = slot(rng, m.group(1))
        offset = sum(map(len, text))
        text.append(value)
        if category:
            spans.append({"start": offset, "end": offset + len(value), "category": category})
        pos = m.end()
    text.append(template[pos:])
    return "".join(text), spans, allowed


def disguise(rng, text, spans):
    """Insert a zero-width space or swap a digit for a look-alike inside one labeled number."""
    numeric = [s for s in spans if any(c.isdigit() for c in text[s["start"] : s["end"]])]
    if not numeric:
        return text, spans
    span = R(rng, numeric)
    value = text[span["start"] : span["end"]]
    digits = [i for i, c in enumerate(value) if c.isdigit()]
    i = R(rng, digits[1:] or digits)
    if rng.random() < 0.5:
        new = value[:i] + "\u200b" + value[i:]
    else:
        new = value[:i] + chr(0xFF10 + int(value[i])) + value[i + 1 :]  # fullwidth digit
    delta = len(new) - len(value)
    text = text[: span["start"]] + new + text[span["end"] :]
    for s in spans:
        if s is span:
            s["end"] += delta
        elif s["start"] >= span["end"]:
            s["start"] += delta
            s["end"] += delta
    return text, spans


def build(seed: int = 8) -> list[dict]:
    rng = random.Random(seed)
    org_allowed = {k: ORG[k] for k in ("phones", "urls", "addresses", "emails")}
    posts = []
    groups = [
        ("dev", DEV_POSITIVE, 5),
        ("dev", DEV_NEGATIVE, 6),
        ("dev", DEV2_POSITIVE, 6),
        ("dev", DEV2_NEGATIVE, 7),
        ("holdout", HOLD_POSITIVE, 5),
        ("holdout", HOLD_NEGATIVE, 5),
    ]
    for split, templates, copies in groups:
        for t_index, template in enumerate(templates):
            for _ in range(copies):
                text, spans, allowed = render(rng, template, org_allowed)
                if spans and rng.random() < 0.12:
                    text, spans = disguise(rng, text, spans)
                posts.append(
                    {
                        "id": f"{split}-{len(posts):04d}",
                        "split": split,
                        "template": t_index,
                        "text": text,
                        "spans": spans,
                        "allowed": allowed,
                    }
                )
    return posts


def main() -> None:
    posts = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        for post in posts:
            handle.write(json.dumps(post, ensure_ascii=False) + "\n")
    with_phi = sum(1 for p in posts if p["spans"])
    print(f"{len(posts)} posts ({with_phi} with PHI, {len(posts) - with_phi} without) -> {OUT}")


if __name__ == "__main__":
    main()
