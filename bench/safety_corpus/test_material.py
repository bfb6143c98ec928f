"""Frozen test part of the evaluation corpus: frames, pools and hand-written posts of its own.

Written separately from dev_material.py and in other styles (threads, replies, hashtags, emoji,
shorthand, line breaks, lower case), so the test part measures what the development part did
not show. Nothing here may appear in dev_material.py. Do not tune a detector on this file.
"""

# fmt: off
FEMALE_FIRST = (
    "Zofia", "Inés", "Saoirse", "Aaliyah", "Xiu", "Ananya", "Svetlana", "Khadija", "Chiamaka", "Yuki",
    "Sigrid", "Élodie", "Nomvula", "Guadalupe", "Bernadette", "Tiffany", "LaToya", "Hyun-joo",
    "Kalani", "Araceli", "Dorota", "Yasmin", "Lakshmi", "Natália", "Anaïs", "Blessing", "Florence",
    "Rocío", "Thủy", "Aoife", "Żaneta", "Elif", "Freja", "Maren", "Winifred", "Lucía", "Ludmila",
    "Jocelyn", "Carolina", "Dakota", "Sofía", "Ewa", "Mercedes",
)
MALE_FIRST = (
    "Álvaro", "Grzegorz", "Jørgen", "Yusuf", "Takeshi", "Kwabena", "Vikram", "Sergei", "Håkon",
    "Jérôme", "Joaquín", "Mustafa", "Obinna", "Tyrone", "DeShawn", "Harold", "Bradley", "Huy",
    "Günther", "Çağrı", "Santiago", "Iñaki", "Ciarán", "Pádraig", "Vladimír", "Ramón", "Jian",
    "Rohan", "Yaw", "Tariq", "Zbigniew", "Emiliano", "Sione", "Koa", "Dallas", "Roy", "Efraín",
    "Henrik", "Matthias", "Leonardo", "Camden",
)
SURNAMES = (
    "Muñoz", "Schäfer", "Trần", "Zieliński", "O'Sullivan", "Eze", "Takahashi", "Desai", "Khoury",
    "Petrova", "Karlsson", "Hernández", "Rodríguez", "Taylor", "Jefferson", "Tso", "Huynh", "Choi",
    "Yoon", "Wang", "Al-Masri", "Weiß", "Gutiérrez", "Sørensen", "Lewandowski", "Georgiou",
    "Carvalho", "Boateng", "Oyelaran", "Morales", "Nyström", "MacLeod", "Fitzpatrick", "Chowdhury",
    "Qureshi", "Nakamura", "Jung", "Vargas", "Marković", "Dvořák", "Moreau", "Gauthier", "Russo",
    "Esposito", "O'Donnell", "Gill", "Sandhu", "Akter", "Benally", "Nez", "Kahananui", "Akana",
    "Domínguez", "Ibáñez", "Miller", "Davis", "Wilson", "Thompson", "Robinson", "Goldberg", "Katz",
    "Rosenberg", "Brennan", "Ní Bhriain", "Guðmundsson", "Lê", "Võ", "St. Pierre", "ten Have",
)
CITIES = (
    ("Norman", "OK"), ("Missoula", "MT"), ("Great Falls", "MT"), ("Davenport", "IA"),
    ("Baton Rouge", "LA"), ("Boone", "NC"), ("Prescott", "AZ"), ("Mankato", "MN"), ("Augusta", "ME"),
    ("Spokane", "WA"), ("Greeley", "CO"), ("Valdosta", "GA"), ("Akron", "OH"), ("Bowling Green", "KY"),
    ("Springfield", "MO"), ("Fargo", "ND"), ("Roswell", "NM"), ("Round Rock", "TX"), ("Ames", "IA"),
    ("La Crosse", "WI"), ("Rochester", "MN"), ("Grand Junction", "CO"), ("Rapid City", "SD"),
    ("Pocatello", "ID"), ("Bakersfield", "CA"), ("Knoxville", "TN"), ("Lowell", "MA"),
    ("New Haven", "CT"), ("Pawtucket", "RI"), ("Dover", "DE"), ("Farmington", "NM"),
    ("Kailua-Kona", "HI"), ("Juneau", "AK"), ("Terre Haute", "IN"), ("Altoona", "PA"),
    ("Lancaster", "PA"), ("El Paso", "TX"), ("Brownsville", "TX"), ("Sierra Vista", "AZ"),
    ("Lake Charles", "LA"), ("Meridian", "MS"), ("Biloxi", "MS"), ("Morgantown", "WV"),
    ("Burlington", "VT"), ("Keene", "NH"), ("Sandpoint", "ID"), ("Peñasco", "NM"), ("Wausau", "WI"),
    ("Oshkosh", "WI"), ("Ste. Genevieve", "MO"),
)
STREETS = (
    "Willow Way", "Pine Street", "Aspen Terrace", "Sycamore Pl", "Chestnut Ave.", "Lakeshore Drive",
    "Poplar Rd", "South Broadway", "Dogwood Trail", "Rue Toulouse", "County Road 12",
    "Hillcrest Blvd", "E. 23rd St", "Camino de la Luz", "Quail Run Ct",
)
COUNTIES = (
    "Hennepin County", "Fairfax County", "Jefferson Parish", "Maricopa County", "San Juan County",
    "Apache County", "Cameron County", "Missoula County", "Kanawha County",
)
ZIP_CODES = (
    "55403", "22030", "70001", "85004", "87401", "86505", "78520", "73069", "59802", "52801",
    "28607", "86301", "56001", "04330", "99201", "80631", "31601",
)
AGES_OVER_89 = (92, 94, 96, 98, 100, 101, 103, 106)
AREA_CODES = ("213", "773", "510", "857", "832", "253", "720", "470", "971", "480", "405", "701", "319")
EXTENSION_STYLES = (" x{ext}", " ext.{ext}", " extension {ext}", " X{ext}", " (ext. {ext})")
INTL_PHONE_TEMPLATES = (
    "+44 161 4NN NNNN", "+44 7911 NNNNNN", "+34 91 NNN NN NN", "+31 20 NNN NNNN", "+81 3-NNNN-NNNN",
    "+234 803 NNN NNNN", "+55 11 9NNNN-NNNN", "+48 22 NNN NN NN", "+27 21 NNN NNNN",
    "+1 416 5NN NNNN", "00 353 87 NNN NNNN",
)
EMAIL_DOMAINS = ("hotmail.com", "proton.me", "comcast.net", "live.com", "hotmail.co.uk", "yahoo.co.in")
MRN_LAYOUTS = ("Annnnnnnnn", "nnnnnnnnnn", "nnnn-nnnn", "HSnnnnnn")
PLAN_ID_LAYOUTS = ("MBI", "YGXnnnnnnnn", "ZGPnnnnnnnnnn", "nnnnnnnnn-nn")
IBAN_COUNTRIES = ("CH", "LU", "DK", "SE", "FI")
LICENSE_LAYOUTS = ("Lnnn-nnnn-nnnn", "Knnnnnnnnnnnn", "WDLaaannnn", "Snnnnnnnn")
PLATE_LAYOUTS = ("aaa-nnnn", "naa nnnn", "aaannnn", "nn-aaa-n")
VIN_MAKERS = ("5YJ", "3VW", "JTD", "KMH")
DEVICE_LAYOUTS = ("RNFnnnnnn", "nnnnaannnnn", "CGMaaannnnn", "BSCnnnnnnn")
URL_TEMPLATES = (
    "https://www.gofundme.com/f/{first}-{last}-medical-bills",
    "instagram.com/{first}_{last}_{n}",
    "https://www.givesendgo.com/{first}{last}strong",
    "tiktok.com/@{first}{last}{n}",
    "https://www.spotfund.com/story/{code}",
    "caringbridge.org/site/{first}-{last}",
)
ROOM_LAYOUTS = ("nW-nn", "nnnn", "ICU-nn", "nC")
BED_NUMBERS = (9, 10, 11, 12, 14, 15, 16, "9C", "12D")
UNIQUE_CHARACTERISTICS = (
    "a koi fish tattoo on her forearm", "a burn scar covering his left arm", "a neck tattoo that says MOM",
    "bright green dreadlocks", "a handlebar mustache waxed into points",
    "a pirate eye patch he's worn since the war", "a scar shaped like a lightning bolt on his chin",
)

STAFF_NAMES = (
    ("Ifeoma", "Nwosu"), ("Greta", "Lindahl"), ("Arturo", "Calderón"), ("Mina", "Farah"),
    ("Paul", "Deschamps"), ("Sunil", "Varma"), ("Rebecca", "Stone"), ("Tomasz", "Wrona"),
    ("Aiyana", "Redcloud"), ("Hae-won", "Seo"), ("Øyvind", "Bakke"),
)
STAFF_STYLES = (
    "Dr {first} {last}", "{first} {last}, DNP, APRN", "{first} {last} MD", "Pharmacist {first} {last}",
    "{first} {last}, MSN, RN, CNL", "Chief Nursing Officer {first} {last}", "Prof. {first} {last}",
    "{first} {last}, PA-C", "dr. {last}",
)
PUBLIC_FIGURES = (
    "Michael Phelps", "Dolly Parton", "Selena Gomez", "Venus Williams", "Barack Obama", "Patrick Mahomes",
    "Lady Gaga", "Tom Hanks", "Magic Johnson",
)
STATES = (
    "South Dakota", "New Jersey", "North Dakota", "South Carolina", "New York", "Pennsylvania",
    "Florida", "Illinois", "Nevada", "Utah", "Idaho", "Wyoming", "Nebraska", "Kansas", "Oklahoma",
    "Missouri", "Arkansas", "Tennessee", "Alabama", "Mississippi", "Indiana", "Wisconsin",
    "Connecticut", "Delaware", "Maryland",
)
COUNTRIES = (
    "the Dominican Republic", "South Africa", "the United Kingdom", "Sri Lanka", "Costa Rica", "Japan",
    "Nigeria", "Ghana", "Norway", "India", "Australia", "El Salvador",
)
COMPANIES = (
    "Novo Nordisk", "Eli Lilly", "Baxter", "Stryker", "Walgreens", "Philips Healthcare",
    "GE HealthCare", "Cardinal Health", "Merck", "Teladoc",
)
DRUGS = (
    "Jardiance", "losartan", "Mounjaro", "rosuvastatin", "azithromycin", "Xarelto", "Humalog",
    "Symbicort", "escitalopram", "prednisone", "clopidogrel", "Advil", "naproxen", "acetaminophen",
)
HEADINGS = (
    "Our Core Values", "Nurses Week Recap", "Employee of the Month", "Safety Huddle Highlights",
    "Board Meeting Summary", "Open Enrollment Reminder", "Hand Hygiene Day",
)
# fmt: on
ORGANIZATIONS = (
    {
        "name": "Pine Ridge Health System",
        "urls": ("pineridgehealth.org/events", "https://pineridgehealth.org"),
        "emails": ("press@pineridgehealth.org",),
        "addresses": ("2700 Pine Ridge Boulevard",),
    },
    {
        "name": "Lakeshore Women's Hospital",
        "urls": ("https://www.lakeshorewomens.org", "lakeshorewomens.org/classes"),
        "emails": ("care@lakeshorewomens.org",),
        "addresses": ("160 Lakeshore Parkway, 2nd floor",),
    },
    {
        "name": "Summit Orthopedic Institute",
        "urls": ("summitortho.com/blog", "https://summitortho.com"),
        "emails": ("foundation@summitortho.com",),
        "addresses": ("455 Summit Avenue",),
    },
    {
        "name": "Good Shepherd Hospice",
        "urls": ("https://goodshepherdhospice.org/volunteer",),
        "emails": ("volunteers@goodshepherdhospice.org",),
        "addresses": ("31 Shepherd Lane",),
    },
    {
        "name": "Cedar Grove Community Clinic",
        "urls": ("cedargroveclinic.org/flu", "https://www.cedargroveclinic.org"),
        "emails": ("info@cedargroveclinic.org",),
        "addresses": ("9 Cedar Grove Plaza, Building C",),
    },
)
# fmt: off
EVENT_CITIES = ("Denver", "Atlanta", "Las Vegas", "Minneapolis", "Phoenix")
MEETING_ROOMS = ("Classroom 3", "Boardroom 1A", "Sim Lab 2", "Training Room C", "Lecture Hall 5")
HOTLINES = ("911", "1-800-662-4357", "211")
RELATIVE_DAYS = ("last night", "on Friday", "earlier this week", "a few days ago", "tonight")

POOLS = {
    "adult_age": ("39", "44", "61", "70", "77", "86", "89", "55"),
    "otc": ("Advil", "acetaminophen", "kids' Motrin", "Children's Zyrtec", "infant acetaminophen"),
    "child": ("kid", "6yo", "boy", "girl", "newborn", "teenager"),
    "temp": ("102", "103.5", "101.3", "40.1 C", "39°C", "104.2"),
    "symptom": (
        "sharp pain under the ribs", "hives", "a nosebleed that won't stop", "vomiting", "a stiff neck",
        "double vision", "a racing heart", "leg cramps", "bloody urine", "shortness of breath",
        "a cough for weeks", "tingling in both feet",
    ),
    "duration": ("5 days", "ten days", "4 days", "like 3 weeks", "72 hrs"),
    "elder": ("nana", "pops", "grandmother", "father-in-law", "uncle", "mum"),
    "bp": ("172/98", "88/50", "190/115", "145/92"),
    "baby_age": ("3 weeks old", "5 months", "11 months old", "7 weeks"),
    "weight": ("175 lb", "98 pounds", "80kg"),
    "weeks": ("16", "31", "37", "10"),
    "glucose": ("287", "49", "356", "512"),
    "object": ("a small toy", "a dishwasher pod", "an earring", "a few of my iron pills"),
    "vaccine": ("MMR", "tetanus", "HPV", "pneumonia"),
    "condition": ("Crohn's", "MS", "gout", "COPD", "hypothyroidism", "plantar fasciitis"),
    "lab": ("ferritin", "sodium", "PSA", "vitamin D", "ALT"),
    "lab_value": ("8", "128", "6.4", "12", "95"),
    "future": ("tomorrow", "next week", "on Sunday", "tonight"),
    "weekday": ("Mondays", "Sunday mornings", "Memorial Day", "New Year's Day"),
    "language": ("Portuguese", "Korean", "Russian", "Hmong", "Navajo", "French"),
    "stat": (
        "one in five adults lives with chronic pain", "half of all adults have prediabetes or diabetes",
        "1 in 8 women will get breast cancer", "hand washing cuts infections by a third",
    ),
    "emoji": ("🙏", "❤️", "💪", "😭", "🎉", "✨", "💙"),
    "tag": ("#nursesofinstagram", "#hospitallife", "#patientfirst", "#healthcareheroes", "#pharmacy", "#medtwitter"),
}
# fmt: on

# (voice, advice_request, template)
# fmt: off
FRAMES = {
    "phi": [
        ("nurse", False, "pt {name:lower} rm {room} finally extubated {p_emoji} {p_tag}"),
        ("nurse", False, "ok but {first_f#1} in bed {bed} just told me I'm her favorite nurse. {first_f#1}, ur my favorite too {p_emoji}"),
        ("nurse", False, "Reply to @PineRidgeHealth: yes!! {name_m} was on our unit {date}, he was the sweetest {p_emoji}"),
        ("nurse", False, "3 things from tonight:\n1. {mr} (rm {room}) needs his meds crushed\n2. family # {phone}\n3. coffee is gone"),
        ("nurse", False, "when ur {age90} yr old pt {first_f} asks u to paint her nails before her procedure {p_emoji} {p_tag}"),
        ("nurse", False, "HANDOFF >> {name_rev:upper} / MRN {mrn} / DOB {dob} / NPO after midnight"),
        ("nurse", False, "{first_m:poss} whole family came from {city} to see him walk after the amputation. not crying, you're crying {p_emoji}"),
        ("nurse", False, "Throwback to {date} when {name_f} left the ICU after 60 days. she texted me from {intl_phone} today to say hi {p_emoji}"),
        ("nurse", False, "anyone on 6S know if {mrs}'s daughter ever called back? the number we have is {phone}"),
        ("nurse", False, "Pt w/ {unique} in bay {bed} keeps asking for {drug}... tmrw's problem {p_emoji}"),
        ("nurse", False, "Proud moment: {first_m} ({age90}!!) did all his PT today. {p_tag}"),
        ("nurse", False, "leaving this here for {name_f}, who moved to {street} after discharge: we miss you on the unit {p_emoji}"),
        ("nurse", False, "Re: the patient from {county} ({name_m}), his insurance ID is {plan_id} if case management needs it"),
        ("physician", False, "Quick thread on a case (consent given) 🧵\n{age90} y/o, lives in {city}, presented {date} w/ CHF exacerbation.\nICD serial {device}."),
        ("physician", False, "Dear {first_f#1}: reading your card from {date} on my worst day this year. Thank you. -- posted w/ {first_f#1}'s ok"),
        ("physician", False, "radiology pls call me re: {name:lower} (mrn {mrn}), CT from {date} still not read"),
        ("physician", False, "Can someone at {org} fax the path report to the patient, {name_rev}? home fax is {fax} thx"),
        ("physician", False, "Case report accepted! Usually we'd write 'pt X' but {name}, {age90}, from {county}, asked for the real name on it."),
        ("physician", False, "Just operated on {name_m} from {city}. Second time I've replaced a valve in a {age90}-year-old. Family OK'd this post."),
        ("physician", False, "Follow-up for {mr} on {date} at the {city} satellite clinic; his phone is {phone}, pls confirm"),
        ("physician", False, "Our first CAR-T patient, {name_f}, turns 40 this week. Diagnosed {date}, in remission since. Her story: {url}"),
        ("physician", False, "✅ {name}\n✅ SSN {ssn}\n✅ home {address}\nthis is what a PHI leak looks like. never post a census screenshot."),
        ("pharmacist", False, "counting pills at 11pm and {mrs} calls from {phone} asking if her {drug} is ready. she's {age90}. legend."),
        ("pharmacist", False, "Heads up team: {name_f} (DOB {dob}) card {card} declined for the {drug} copay. Call her before releasing."),
        ("pharmacist", False, "Rx for {name_rev} came from the patient's own fax ({fax}) and looks altered. Calling the prescriber."),
        ("pharmacist", False, "Reminder for {first_m}: your {drug} is ready at our {city} pharmacy, ID on file {license}."),
        ("pharmacist", False, "Refund for {name_f} goes to account {bank}, routing on file. Done by {date}."),
        ("pharmacist", False, "{mr} from {city} called 3x today about his Humalog pump (SN {device}). Escalated to the vendor."),
        ("communicator", False, "✨ Patient spotlight ✨\nMeet {name_f} from {city}! After her heart transplant on {date}, she's back to coaching soccer. {p_tag}"),
        ("communicator", False, "Happy birthday to {name_f}, {age90} today! Our longest-serving volunteer AND former patient 🎂"),
        ("communicator", False, "Draft (do not publish): {name_m}, {city} firefighter, burned in the {date} blaze, upgraded to fair condition."),
        ("communicator", False, "Can we post this? {name_f:poss} mom emailed from {email} asking us to share her baby's NICU story."),
        ("communicator", False, "Alt text draft: photo of {name} with {staff} in {meeting_room}, taken {date}."),
        ("communicator", False, "Please share {first_f:poss} fundraiser 👉 {url} 👈 She's been fighting leukemia since {date}."),
        ("patient", False, "update: surgery went well!! room {room} if u want to bring snacks lol. discharge maybe {date} {p_emoji}"),
        ("patient", False, "hi everyone, {name} here. diagnosed w/ MS on {date}. starting this account to share my journey {p_tag}"),
        ("patient", False, "if any of my {city} friends can drive me to chemo on Thursdays, text {phone} {p_emoji}"),
        ("patient", False, "My CGM (serial {device}) keeps failing. 4th one since {date}. Dexcom pls."),
        ("patient", False, "someone hit my car in the hospital garage during my dialysis, plate {plate}. witnesses pls DM"),
        ("patient", False, "Insurance denied me AGAIN. Member ID {plan_id}. Claim from {date}. I'm so tired {p_emoji}"),
        ("patient", False, "New address for the chemo care packages: {address} {p_emoji} thank you all"),
        ("patient", False, "my email for the transplant support chat is {email}, add me! waiting list since {date}"),
        ("patient", False, "Paid the ER bill with card {card}, they charged it twice. Patient account {bank}."),
        ("caregiver", False, "Grandpa {first_m} turned {age90} today in the hospice at {city}. Still cracking jokes {p_emoji}"),
        ("caregiver", False, "to everyone asking: {name_f} is at {org}, room {room}. no flowers in the ICU pls"),
        ("caregiver", False, "my husband's truck (VIN {vin}) is still at the ER lot since his stroke {date}. who do I call?"),
        ("caregiver", False, "Send donations for {first_m:poss} surgery: IBAN {iban} 🙏 we're back in {city} after the transplant"),
        ("caregiver", False, "{name_m} is my son. he has {unique}. if you see him near {street}, he's confused after his TBI, call {phone}"),
        ("caregiver", False, "MOM'S SURGERY IS {date:upper}!! {name_f:upper} YOU GOT THIS"),
        ("caregiver", False, "my dad's portal got hacked?? login from {ip} in another state while he was in the ICU"),
        ("caregiver", False, "{mrs} is my mum, she's in hospital in Manchester and her ward is {intl_phone}. Please ring if you can."),
        ("paramedic", False, "MVC on {street}, pt {name_m} ~40s, plate {plate}, transported to trauma bay {bed}"),
        ("paramedic", False, "Best part of the job: {first_f} (who we coded on {date}) stopped by the station with cookies 🍪"),
        ("paramedic", False, "Lift assist at {address}. {age90} y/o, no injuries, just lonely. Stayed for coffee."),
        ("therapist", False, "OT win: {first_m} buttoned his own shirt today, first time since the stroke on {date} 💪"),
        ("therapist", False, "{name_f} (she/her), 3 months post-TBI, said my name today. {p_emoji}"),
        ("dietitian", False, "Meal plan for {mr} in {room}: renal diet, 1.5 L fluid restriction. Family cell {phone}."),
        ("physician", False, "visit note (wrong window, sorry)\nDate: {date}\nPt: {name}\nDx: CAP, f/u in 2 wks"),
        ("nurse", False, "DATE: {isodate} | PT: {name_rev:upper} | RM {room} | fall risk, bed alarm on"),
    ],
    "clean": [
        ("communicator", False, "{heading} 📣 {org} welcomes {staff}! {p_tag}"),
        ("communicator", False, "📅 {event_date} | {meeting_room} | free BP checks\nQuestions? {org_phone} or {org_url}"),
        ("communicator", False, "Flu season is here. Walk-in shots at {org}, {org_address}. No appt needed."),
        ("nurse", False, "12s are hard but my team is harder to beat. ty {staff} {p_emoji} {p_tag}"),
        ("physician", False, "See you in {event_city} on {event_date} for the #HeartFailure summit! Poster session 2."),
        ("pharmacist", False, "{company} says the {drug} backorder lasts until {year}. Ask us about alternatives."),
        ("communicator", False, "Thank you {company} for funding 20 new nurse residency spots in {state}! {p_tag}"),
        ("nurse", False, "travel nurse update: {state} ✅ {state} ✅ {state} next!!"),
        ("physician", False, "Back from {country} w/ our cleft lip team. 60 surgeries in 8 days. {p_emoji}"),
        ("communicator", False, "{public_figure} stopped by {org} to thank our nurses! {p_emoji}"),
        ("pharmacist", False, "Reminder from {staff}: don't split {drug} tablets unless your pharmacist says ok."),
        ("nurse", False, "a {young_age} y/o pt told me I was 'the nice one' {relative_day}. I'll take it {p_emoji}"),
        ("physician", False, "Teaching moment {relative_day}: abdominal pain + {p_symptom} = think beyond the obvious. {p_tag}"),
        ("communicator", False, "Struggling? Call or text {hotline}. {org} is here too: {org_phone}."),
        ("communicator", False, "{heading}: At {org}, we put patients first. Find us at {org_address}."),
        ("patient", False, "3 yrs cancer free in {year} {p_emoji} thank u {org}"),
        ("nurse", False, "Sim day in {meeting_room} {relative_day} w/ {staff}. 10/10 would get yelled at by a mannequin again"),
        ("communicator", False, "Press inquiries: {org_email} | {org_phone}"),
        ("physician", False, "Interesting paper out of {country} on {drug} and kidney outcomes. Thread below 🧵"),
        ("pharmacist", False, "RECALL: {company} pulled select lots of {drug}. Check {org_url} for lot numbers."),
        ("communicator", False, "Congrats to {staff}, {state}'s Nurse Educator of the Year! {p_emoji}"),
        ("nurse", False, "'{public_figure} didn't have to chart in Epic' is my new motto {p_emoji}"),
        ("caregiver", False, "caregivers: bring a written list of meds ({drug}, {drug}, etc.) to every appt. trust me."),
        ("patient", False, "walked 2 miles {relative_day}, 6 weeks after my hip replacement at {org} {p_emoji}"),
        ("physician", False, "Honored to join the {company} advisory board on remote monitoring in {country}. Disclosures in bio, thanks {staff}."),
        ("communicator", False, "Blood drive 🩸 {event_date}, 8-2, {org_address}. Sign up: {org_url}"),
        ("therapist", False, "New balance class for adults {p_adult_age}+ starting soon. Info: {org_url}"),
        ("paramedic", False, "Mutual aid drill with crews from {state} and {state} {relative_day}. {p_tag}"),
        ("communicator", False, "Our {event_city} partners are collecting supplies for flood relief. Details: {org_url}"),
        ("nurse", False, "Met {public_figure} at the {company} booth in {event_city}!!! {p_emoji}"),
        ("patient", False, "I'm {p_adult_age} and got my first mammogram today. Easy. Book yours! {p_tag}"),
        ("physician", False, "Residents: {heading} slides due {event_date}. Ping {staff} w/ questions."),
        ("communicator", False, "Proud to serve patients from all over {state} and from {country}. {p_tag}"),
        ("nurse", False, "ICU Department holiday party {relative_day}! {staff} won the ugly sweater contest. {year} goals."),
    ],
    "advice": [
        ("caregiver", True, "{p_child} has a temp of {p_temp} and is super sleepy {p_emoji} what do I give??"),
        ("patient", True, "do i hold my {drug} the morning of my endoscopy {p_future}? nobody told me"),
        ("patient", True, "been dealing with {p_symptom} for {p_duration}. urgent care or wait for my PCP?"),
        ("patient", True, "is it ok to mix {drug} and {drug}?? need an answer tonight"),
        ("caregiver", True, "my {p_elder} on {drug} fell {relative_day} and has a bruise on the head. ER or no?"),
        ("patient", True, "BP {p_bp} this am. should I take an extra {drug}? I'm {p_adult_age}"),
        ("patient", True, "forgot my {drug} for {p_duration}. just restart or call someone first?"),
        ("caregiver", True, "{p_baby_age} baby with {p_symptom}, should we be worried? {p_emoji}"),
        ("patient", True, "@PineRidgeHealth my stitches look yellowish {p_duration} post-op, infection? can I take old {drug}?"),
        ("patient", True, "flying {p_future}, had a DVT last year, on {drug}. safe or not?"),
        ("patient", True, "ok serious q: {p_symptom} + {p_symptom}. hospital or am I overreacting?"),
        ("caregiver", True, "my {p_elder} is {age90} and suddenly not making sense since {relative_day}. stroke? what do we do"),
        ("patient", True, "{name} here. {drug} gives me {p_symptom}. can I just take half a dose?"),
        ("caregiver", True, "hubby {first_m} started {drug} {relative_day} and now has {p_symptom}. stop it or keep going?"),
        ("patient", True, "how many {drug} can I take for {p_symptom}? {p_weight}"),
        ("patient", True, "{p_weeks}w pregnant w/ {p_symptom}. is {drug} safe for me?"),
        ("patient", True, "glucose {p_glucose} after lunch {p_emoji} more insulin or wait?"),
        ("caregiver", True, "my {p_child} swallowed {p_object}!!! do we go in???"),
        ("patient", True, "new ICD site is hot and puffy {p_duration} later, on {drug}. call cardio or wait for follow-up?"),
        ("patient", True, "I have {p_condition} and take {drug}. can I still get the {p_vaccine} shot?"),
        ("caregiver", True, "{p_elder} takes {drug} + {drug}. can they add {drug} for the hip pain?"),
        ("nurse", True, "mom hat on, not nurse hat: my {p_child} has {p_symptom} and {p_temp}. {p_otc} or ED?"),
        ("patient", True, "my {p_lab} was {p_lab_value}. is that bad?? doctor hasn't called {p_emoji}"),
        ("patient", True, "quit my {drug} cold turkey {relative_day} bc side effects. am I in danger?"),
        ("caregiver", True, "Dad is {p_adult_age}, ankles swollen since starting {drug}. skip doses till his appt?"),
        ("patient", True, "had the {p_vaccine} shot and now {p_symptom} for {p_duration}. normal??"),
        ("patient", True, "surgery for my {p_condition} now or in the spring? I'm {p_adult_age} and scared"),
        ("patient", True, "pretty sure I have {p_condition}, {p_symptom} for {p_duration}. what meds should I ask for?"),
        ("caregiver", True, "{p_baby_age} with {p_temp} fever, can I do {p_otc} AND {p_otc}?"),
        ("caregiver", True, "My daughter {first_f} has had {p_symptom} since her {p_vaccine} shot on {date}. Do we need to go back in?"),
        ("patient", True, "Pharmacist friends: I'm on {drug} for {p_condition} and want to start St. John's wort. Safe for me?"),
        ("paramedic", True, "off duty, personal: I've had {p_symptom} for {p_duration} after a call. see someone or ride it out?"),
    ],
    "question": [
        ("patient", False, "what are {org}'s visiting hours on {p_weekday}?"),
        ("communicator", False, "Do you know the signs of a heart attack in women? {staff} breaks it down 👇 {org_url}"),
        ("patient", False, "is there valet at {org} on {p_weekday}? asking for my knees lol"),
        ("nurse", False, "what apps do y'all use for {p_language} interpreting on the unit? {staff} wants a list {p_emoji}"),
        ("physician", False, "Hot take: should {heading} posts be written by clinicians or comms? {p_tag}"),
        ("patient", False, "does {org} take my insurance for urgent care? on {p_weekday}?"),
        ("communicator", False, "Did you know {p_stat}? 👉 {org_url}"),
        ("pharmacist", False, "FAQ: can you crush {drug}? Usually no, and here's why. Ask us about yours. {p_tag}"),
        ("caregiver", False, "how do you all find respite care for a {p_elder} with {p_condition}? I need a break"),
        ("patient", False, "anyone know when the {org} pharmacy opens on {p_weekday}?"),
        ("nurse", False, "which {company} monitors do your ICUs use? pros/cons? {p_tag}"),
        ("physician", False, "What's the current guidance on {p_condition} screening? {staff} made a great summary."),
        ("caregiver", False, "my {p_child} had {p_temp} {relative_day}, urgent care team was amazing, all good now {p_emoji}"),
        ("patient", False, "is the {event_city} 5K for {org} still happening this year?"),
        ("communicator", False, "Need your records? Request them at {org_url} or call {org_phone}."),
        ("patient", False, "did anyone see the {public_figure} interview about {p_condition}? {p_emoji}"),
        ("nurse", False, "how are other units doing {heading}? ours at {org} is a mess lol"),
        ("pharmacist", False, "Can you take {drug} on an empty stomach? General answer: check the label, then ask your pharmacist. {p_tag}"),
        ("patient", False, "who's doing pulmonary rehab at {org} on {p_weekday}? need a buddy"),
        ("physician", False, "Best recent review on {p_condition}? {staff} pointed me to one from {country}."),
        ("caregiver", False, "are there {p_condition} support groups in {state}?"),
        ("communicator", False, "What to bring to your first appointment? Checklist from {org}: {org_url}"),
        ("nurse", False, "{p_temp} fever in a baby: when is it an emergency? {staff} answers in our new reel {p_emoji}"),
    ],
}
# fmt: on
TARGETS = {"phi": 410, "clean": 115, "advice": 110, "question": 75}

HANDWRITTEN = """
nurse|0|ngl [[łucja|name]] in bed [[11|room_bed]] is the funniest pt I've had all year. bye queen, enjoy home
nurse|0|CONGRATS [[ÁLVARO RUIZ-TAGLE|name]] ON YOUR FIRST STEPS AFTER THE FALL 🎉
nurse|0|the 40-bed unit I work on is short 6 nurses tonight. please vote yes on safe staffing.
nurse|0|[[Zbigniew|name]]'s daughter brought pierogi for the whole floor. Best family ever.
nurse|0|pt [[thủy lê|name]] (rm [[3W-08|room_bed]]) would like everyone to know she's [[98|age]] and still does her own hair
nurse|0|Proud of our new grads! 6 months in and already precepting students.
nurse|0|remember Nurse Week 2024 when Chief Nursing Officer Greta Lindahl brought the taco truck? legendary.
nurse|0|Found: one (1) hearing aid in the ICU break room. Ask for me at the desk.
nurse|0|Mr [[Chowdhury|name]] asked if we could sneak him a burger. Sir, you are NPO.
nurse|0|Shoutout to [[Saoirse Ní Bhriain|name]], who walked out of here 3 weeks after a double lung transplant. Irish stubbornness is real.
nurse|0|If anyone finds the charger I left in Training Room C, it's the one with the dinosaur sticker.
nurse|0|we had a patient who was born on [[Feb 29th, 1932|date]]. she says she's 23 and honestly who's counting
nurse|0|Bed [[14|room_bed]]'s wife ([[Guadalupe Morales|name]]) just dropped off flan for nights. I love this job.
nurse|0|To the family of the man in [[ICU-07|room_bed]]: we heard your prayers every night. He's going to the floor today.
nurse|0|Question for wound care nurses: favorite dressing for venous ulcers? Trying to update our protocol.
nurse|1|need a real opinion for MYSELF: chest feels tight when I climb stairs since covid. 36F, nonsmoker. ER, PCP, or nothing?
nurse|0|our unit's favorite regular, [[Harold Fitzpatrick|name]], is back for his 6th CHF admission this year. love him but stay home sir
nurse|0|today I sat with a [[101|age]] yr old man who fought in Korea. He held my hand and told me about his wife.
nurse|0|Thank you [[Khadija Al-Masri|name]] for the handwritten card. You made every nurse on 4N cry.
nurse|0|Policy reminder from Dr Ifeoma Nwosu: no photos of the unit whiteboard. Ever.
physician|0|M&M today: a 62-year-old with missed appendicitis. No names, lessons only. Thread 🧵
physician|0|[[Yusuf Eze|name]] (MRN [[A774120038|mrn]]) needs a repeat CT before Thursday [[6/12|date]], please schedule.
physician|0|Delighted to join Summit Orthopedic Institute as of July 1! Clinic Tuesdays & Thursdays.
physician|0|Reminder: "Dr. Google" is not on call tonight, but I am.
physician|0|Our hospital in New Jersey needs more pediatric psychiatrists. DM me if interested.
physician|0|Patient [[Vladimír Dvořák|name]] gave permission to share his before/after photos from the [[9.4.2025|date]] cleft repair.
physician|0|Presenting at ACC on April 4, 2025 in Denver. Come say hi at poster 118.
physician|0|Dr. Paul Deschamps and I published our sepsis bundle results this week. Link in bio.
physician|0|A 23yo w/ chest pain isn't always anxiety. Get the ECG.
physician|0|I delivered a baby for a mom I also delivered 30 years ago. Full circle (no names, both said share the joy).
physician|0|Call from the lab: [[Sione Kahananui|name]]'s potassium is 6.8 and he lives out in [[Kailua-Kona|geographic]]. Who can reach him tonight?
physician|0|[[ROHAN DESAI|name]] — DOB [[12-03-1957|date]] — SSN [[541 77 0921|ssn]] — this was on a sticky note on the monitor. Please shred your notes.
physician|0|the kid with [[a pirate tattoo sleeve|unique_characteristic]] came back for his follow-up and he's doing great. we won't post pics.
physician|0|Our telestroke program now covers 14 rural hospitals in South Dakota and North Dakota.
physician|0|Case: [[106|age]] y/o woman, still gardening, admitted for pneumonia. She asked for her seed catalog.
physician|1|Doc asking for herself: new palpitations at 2am, resting HR 130, Apple Watch says AFib. Wait till morning?
pharmacist|0|Mrs [[Eze|name]] left her reading glasses at the counter again, calling her at [[832-417-3390|phone]].
pharmacist|0|Customer [[Aoife Brennan|name]] wants her refills mailed to [[88 Quail Run Ct|geographic]], [[Keene|geographic]] NH [[03431|geographic]].
pharmacist|0|If your pharmacy closed on Sunday, our 24-hour store is at <<addresses:2700 Pine Ridge Boulevard>>. Call <<phones:(720) 555-0188>>.
pharmacist|0|Zepbound is back in stock at most stores. Prices still wild.
pharmacist|0|Patient left card [[5425-2334-3010-9903|account_number]] at register 2, holding in the safe.
pharmacist|0|Call back [[Efraín Domínguez|name]] at [[+34 91 412 55 90|phone]] about the Humira transfer, he's in Spain until [[May 2|date]].
pharmacist|0|Open Enrollment Reminder: review your Part D plan before December 7.
pharmacist|1|pharmacist but asking as a daughter: my mom's on clopidogrel and the dentist wants to pull 3 teeth. stop it? how long?
pharmacist|0|Why is no one talking about the naloxone price drop? This is huge for harm reduction.
pharmacist|0|ID check failed for [[Jian Wang|name]], license [[W-123-456-789-012|license_number]]. He said he'd come back.
pharmacist|0|Our pharmacy team at Cedar Grove Community Clinic gave 1,200 flu shots this fall!
communicator|0|Our Core Values: compassion, courage, curiosity. What do they mean to you? Comment below.
communicator|0|New Chief Nursing Officer Aiyana Redcloud, DNP, RN, will speak at the South Carolina Nurses Association on March 9.
communicator|0|Story idea: [[Natália Carvalho|name]], born at 24 weeks in our NICU, graduates from nursing school this week. Need consent first!
communicator|0|Follow us @LakeshoreWomens and visit <<urls:https://www.lakeshorewomens.org>> for class schedules.
communicator|0|Hand Hygiene Day: clean hands save lives. 🧼
communicator|0|we got a request to share [[Tariq Qureshi|name]]'s story but his mom asked us to take it down. Removing now.
communicator|0|Venus Williams talked about living with Sjögren's. Our rheumatologists explain what it is.
communicator|0|Reach our press office at <<emails:press@pineridgehealth.org>> or <<phones:405-555-0134>>, 8-5 weekdays.
communicator|0|Draft: "[[Harold Benally|name]], a Navajo code talker's son from [[Farmington|geographic]], celebrated his [[100|age]]th birthday in our hospice." Need family approval.
communicator|0|Employee of the Month: Hae-won Seo, PharmD, who built our new allergy check. 🎉
communicator|0|Tonight's #HealthChat topic: caregiver burnout. Join us at 8 ET.
communicator|0|The Pine Ridge Health System board meets Tuesday in Boardroom 1A. Agenda online.
communicator|0|Thank you Dolly Parton for the books for our pediatric floor! 📚
communicator|0|Fundraiser link for the [[Ibáñez|name]] twins: [[https://www.gofundme.com/f/ibanez-twins-nicu|url]] (family asked us to share).
patient|0|3 weeks post-op and I can finally lift my coffee cup. 🙌
patient|0|my name is [[Dorota Zielińska|name]] and I'm in room [[1104|room_bed]] at Summit Orthopedic if anyone wants to visit tmrw
patient|0|just found out my pacemaker is on the recall list. serial [[RNF448210|device_id]]. anyone else??
patient|0|hi from [[Great Falls|geographic]]! 1 yr since my kidney transplant 💙
patient|0|after my surgery on the [[14th of June|date]] I couldn't walk for weeks. now I'm doing yoga!!
patient|0|my MBI is [[3TG7-QP2-XK59|health_plan_id]] and medicare says they have no record of me. help?!
patient|0|Please stop texting [[(213) 874-2290|phone]] about my bill, I am on a payment plan.
patient|1|stopped my losartan bc my BP was low, like 92/60. should I restart it or wait for my appt in 2 wks?
patient|1|Is it safe for me to take Advil with my Xarelto? My tooth is killing me.
patient|0|what are the symptoms of a blood clot? just want to know what to watch for.
patient|0|does the Cedar Grove clinic do COVID tests on weekends?
patient|1|I'm 29 weeks and my feet suddenly swelled up and I have a headache. Wait for Monday or go in?
patient|0|thank u to the ER team at Pine Ridge for fixing my face after the bike wreck. 14 stitches!
patient|0|my insulin pump ID is [[CGMXKQ77012|device_id]], the company keeps saying it's not registered to me.
patient|0|ppl keep asking so here's my [[tiktok.com/@elifkaya.chemo|url]] where I post my chemo updates
patient|0|paying my hospital bill via bank transfer, IBAN [[CH93 0076 2011 6238 5295 7|account_number]]. is this right?
patient|0|I'm 71 and just finished cardiac rehab. Never felt better.
patient|1|got diagnosed w/ gout last week. can I still drink beer or do I have to quit completely?
patient|0|tfw u get your MRI results on the portal at 2am before ur doctor calls
patient|0|anyone else from [[Ste. Genevieve|geographic]] going to the lupus walk?
caregiver|1|my daughter has a fever of 102 and a rash on her tummy. tylenol or urgent care?
caregiver|0|Grandma [[Winifred|name]] is in the ICU at Pine Ridge, bed [[9C|room_bed]]. Family only please.
caregiver|0|Dad's cancer is in remission! Thank you all for the prayers 🙏
caregiver|0|for anyone who wants to send mail: [[Ramón Vargas|name]], [[4411 Camino de la Luz|geographic]], [[Roswell|geographic]], NM [[88201|geographic]]
caregiver|1|My 4 month old rolled off the couch and cried right away. He seems fine now. Do I need to bring him in?
caregiver|0|my son [[Koa|name]] was born [[10/31/2025|date]] at 29 weeks and today he came home 🎃
caregiver|0|Can someone from the hospital call me at [[+44 7911 204 388|phone]]? It's about my father, [[Henrik Karlsson|name]].
caregiver|1|my mom (87) is on Xarelto and had blood in her stool today. ER now or call her doctor in the morning?
caregiver|0|is there a place in Utah that does respite care for dementia? asking for a friend (me)
caregiver|0|Our caringbridge for [[Efraín|name]]: [[caringbridge.org/site/efrain-fightson|url]]
caregiver|0|FYI mom's Medicaid # is [[ZGP4418830127|health_plan_id]], in case any of you need it for her appointments
caregiver|0|my brother's car is in the ER lot, blue Subaru, plate [[4KX 9921|vehicle_id]], he was admitted last night
caregiver|0|husband finished his last radiation today. ring that bell!!
caregiver|1|my dad won't stop hiccuping for 2 days after his chemo. is that dangerous, what can we do?
caregiver|0|if you're looking for [[Mustafa|name]] he's in room [[2114|room_bed]] at Lakeshore
caregiver|0|bless the NICU nurses at Lakeshore Women's Hospital. 81 days and our girl is home.
caregiver|0|My mother-in-law [[Yuki Takahashi|name]] ([[96|age]]) just got her first COVID shot. She was so brave.
paramedic|0|Delivered a baby on [[South Broadway|geographic]] at 4am. Mom named her after my partner 😂
paramedic|0|Reminder: if you see someone collapse, call 911 and start compressions. Don't wait.
paramedic|0|Shoutout to the [[Bowling Green|geographic]] grandma, [[103|age]], who made us take cookies before transport.
paramedic|0|MCI drill with Nevada and Utah crews went great. Proud of our team.
therapist|0|[[Çağrı|name]] stood for the first time in 4 months today. His smile lit the gym.
therapist|0|New aquatic therapy pool opens at Summit Orthopedic in May!
therapist|1|SLP here, personal question: my voice has been hoarse for 6 weeks. see ENT now or wait it out?
dietitian|0|Meal prep tip: cook grains in bulk on Sundays. Saves time all week.
dietitian|0|[[Blessing Oyelaran|name]] lost 40 lb with our diabetes program and gave us permission to share! 🎉
dietitian|1|asking for myself: my A1c is 6.3 and my ferritin is low. should I stop eating meat or take iron pills?
nurse|0|fax the consent to [[Jocelyn Taylor|name]]'s home fax [[(470) 829-3316|fax]] before 7am or the case gets bumped
nurse|0|night shift snack ranking: 1. graham crackers 2. the good pudding 3. whatever pharmacy left
nurse|0|to [[LaToya|name]] in rm [[12D|room_bed]]: we all signed your cast, get well soon 💕
nurse|0|🚨 do not post screenshots of the tracking board. yes, even blurred. yes, even on your close friends story.
nurse|1|asking for me not a pt: 2 weeks of a headache that's worse lying down + blurry vision. ED or neuro referral?
physician|0|Lab portal shows [[Tiffany Jung|name]] logging in from [[185.44.207.18|ip_address]] — her account may be compromised, IT notified.
physician|0|Happy Doctors' Day to everyone at Pine Ridge. Special thanks to Prof. Arturo Calderón for 30 years of mentoring.
physician|0|Residents, the M&M on March 30 is in Lecture Hall 5. Case: 58M, missed aortic dissection. No identifiers in slides please.
physician|0|[[Ludmila Petrova|name]] gave us permission to share her MRI. She's a [[former Olympic gymnast with a titanium spine|unique_characteristic]] and wants people to know scoliosis surgery works.
physician|1|doc here, personal: my 3 year old has had a barky cough and stridor since last night. steroids at home or ED?
pharmacist|0|Reminder: [[Grzegorz Lewandowski|name]]'s wife says pick-up will be by [[Bradley|name]]. Check ID [[S531-772-10|license_number]].
pharmacist|0|We are open Christmas Eve until 2 pm and closed Christmas Day. Happy holidays from your pharmacy team!
pharmacist|0|Manufacturer recall: Eli Lilly is not affected, but some compounded tirzepatide is. Check the label.
pharmacist|1|personal question for pharmacists: I'm on escitalopram and my doctor added tramadol. Serotonin syndrome risk for me?
communicator|0|Email from a family: "please share [[Emiliano|name]]'s story, he's 6 and just beat leukemia." We need consent in writing first.
communicator|0|Tomorrow at 10: live Q&A with our orthopedic surgeons on Instagram. Drop your questions!
communicator|0|Draft reply to a comment: "We're so sorry, [[Bernadette|name]]. We found your account [[40077812|account_number]] and fixed the bill." — DON'T post account numbers publicly!
communicator|0|Lakeshore Women's Hospital is now a Baby-Friendly designated hospital. 💙
communicator|0|Summit Orthopedic Institute was named a top 50 hospital in Pennsylvania! Thank you to our 2,400 staff.
communicator|0|Website maintenance Saturday 1-5 am. Patient portal will be offline. Questions: <<phones:(480) 555-0177>>.
patient|0|can't believe I'm posting this but my PICC line came out and I'm officially done with IV antibiotics!!!
patient|0|I'm [[Svetlana|name]], 44, 2 years post-transplant, and I run a support group for new kidney recipients. DM me.
patient|0|my new PT in [[Rapid City|geographic]] is amazing, already walking better after the ACL surgery
patient|0|Insurance says my Humana plan won't cover the second opinion. Member ID [[H41772093-01|health_plan_id]] if anyone from hospital billing reads this.
patient|0|reminder that hospital parking is free with a validated ticket. don't pay $22 like I did.
patient|0|THANK YOU DR. STONE FOR SAVING MY LIFE. 1 YEAR TODAY.
patient|1|Is it normal to bleed this much 5 days after a tonsillectomy? I'm 24 and it's bright red.
patient|1|got my first Mounjaro shot yesterday and I can't keep anything down. stop it or push through?
patient|0|my debit card [[4716 2207 9310 5587|account_number]] got stolen in the ER waiting room. if you find it, pls turn it in.
patient|0|did anyone else's Dexcom die during the hospital MRI? mine's toast (SN [[7403KJ19846|device_id]])
caregiver|0|Sister's new number while she's in the burn unit: [[+1 (253) 609-4471|phone]]. She can't use her hands yet, so text.
caregiver|0|My son's state ID [[K7201938847511|license_number]] was lost at the ER. Security says check back Monday.
caregiver|1|mom is 79, had her hip replaced on Monday, now she's confused and seeing bugs. normal after surgery or call now?
caregiver|0|Thank you Good Shepherd Hospice for the beautiful last week with my husband.
caregiver|0|we're selling bracelets for [[Yaw Boateng|name]]'s treatment! venmo in bio, more info [[https://www.givesendgo.com/yawstrong2025|url]]
caregiver|0|to the nurse who held my hand in the ICU waiting room on Friday night: thank you.
caregiver|1|my toddler ate half a tube of diaper cream. do I call poison control or is it harmless?
caregiver|0|Dad's Medicare number [[5KX2-VA9-EE41|health_plan_id]] got printed on the hospital bill mailed to his old address. ugh.
paramedic|0|Pt from the pileup on I-35 ([[Harold Nez|name]], plate [[NZH-4102|vehicle_id]]) is stable at the trauma center.
paramedic|0|Burnout is real. If you're a medic struggling, reach out to the Safe Call Now line. No shame.
therapist|0|Our stroke group had its first outing to the botanical garden today! No photos of faces, just flowers. 🌸
therapist|0|[[Dallas|name]] wanted everyone to know he can tie his shoes again. 6 months after the accident in [[Pocatello|geographic]].
dietitian|0|Tube feeding order for [[Araceli Vargas|name]], [[ICU-12|room_bed]]: Jevity 1.5 at 55 mL/h. Daughter's email [[araceli.hija@proton.me|email]].
dietitian|0|Nutrition Month challenge: one new vegetable per week. Who's in?
dietitian|1|dietitian asking for herself: I'm 8 weeks pregnant with awful nausea. is vitamin B6 plus doxylamine safe for me to start?
nurse|0|Shoutout to the ED techs who carried our patient up four flights when the elevator died. Heroes.
physician|0|Op note header pasted by mistake: Date: [[03/14/2025|date]] Patient: [[Obinna Eze|name]] Procedure: lap chole. Deleting!
caregiver|0|Date of surgery: [[Nov 18, 2025|date]]. Patient: my wife [[Maren|name]]. Result: benign!! 🙏
communicator|0|Date: June 3, 2026. Location: Atlanta. Event: our annual nurse leadership summit. Register at <<urls:pineridgehealth.org/events>>.
physician|0|I told [[Håkon Sørensen|name]]'s family the transplant worked. Best moment of 2025.
nurse|0|Happy retirement to our housekeeper of 31 years! The unit won't be the same.
"""
