"""Development part of the evaluation corpus: its own frames, pools and hand-written posts.

Nothing here may appear in test_material.py (build.py refuses shared identifier values).
Slots: see README.md. Hand-written lines are `voice|advice|text` with [[value|category]] marks.
"""

# fmt: off
FEMALE_FIRST = (
    "María", "Zoë", "Siobhán", "Aisha", "Mei", "Priya", "Olga", "Fatima", "Ngozi", "Keiko", "Ingrid",
    "Chloé", "Thandiwe", "Yesenia", "Dolores", "Margaret", "Brittany", "Shanice", "Hana", "Leilani",
    "Marisol", "Agnieszka", "Noor", "Sunita", "Eun-ji", "Tatiana", "Renée", "Precious", "Georgia",
    "Carmen", "Linh", "Gráinne", "Małgorzata", "Ayşe", "Astrid", "Rosalind", "Beatriz", "Xiomara",
    "Kateřina", "Destiny", "Esperanza", "Virginia",
)
MALE_FIRST = (
    "José", "Łukasz", "Søren", "Ahmed", "Hiroshi", "Kwame", "Rajesh", "Dmitri", "Björn", "François",
    "Tomás", "Mohammed", "Chukwuemeka", "Jamal", "Darnell", "Robert", "William", "Cody", "Thanh",
    "Jürgen", "Oğuz", "Mateo", "Alejandro", "Eoin", "Seán", "Nikolai", "Raúl", "Wei", "Arjun", "Kofi",
    "Ibrahim", "Jesús", "Bartłomiej", "Andrés", "Tevita", "Kai", "Jordan", "Austin", "Dale", "Elías",
    "James", "Minh",
)
SURNAMES = (
    "Núñez", "Müller", "Nguyễn", "Kowalczyk", "O'Brien", "Okonkwo", "Yamamoto", "Patel", "Haddad",
    "Ivanova", "Johansson", "Gonzalez", "García", "Smith", "Washington", "Begay", "Tran", "Kim",
    "Chen", "Abdullah", "Schröder", "Díaz", "Østergaard", "Wiśniewski", "Papadopoulos", "Ferreira",
    "Mensah", "Adeyemi", "Herrera", "Lindqvist", "McAllister", "Fitzgerald", "Rahman", "Khan",
    "Suzuki", "Park", "Castillo", "Jovanović", "Novák", "Dubois", "Lefèvre", "Rossi", "Bianchi",
    "O'Connor", "Kaur", "Singh", "Begum", "Hussain", "Tsosie", "Yazzie", "Kealoha", "Mahelona",
    "Ramírez", "Peña", "Brown", "Johnson", "Williams", "Jackson", "Harris", "Cohen", "Levy",
    "Friedman", "Gallagher", "Þórsdóttir", "Đặng", "Phạm", "De la Cruz", "van der Berg",
)
CITIES = (
    ("Tulsa", "OK"), ("Bozeman", "MT"), ("Kalispell", "MT"), ("Dubuque", "IA"), ("Lafayette", "LA"),
    ("Asheville", "NC"), ("Flagstaff", "AZ"), ("Duluth", "MN"), ("Bangor", "ME"), ("Yakima", "WA"),
    ("Pueblo", "CO"), ("Macon", "GA"), ("Toledo", "OH"), ("Paducah", "KY"), ("Joplin", "MO"),
    ("Las Cruces", "NM"), ("San Marcos", "TX"), ("Cedar Rapids", "IA"), ("Eau Claire", "WI"),
    ("St. Cloud", "MN"), ("Fort Collins", "CO"), ("Sioux Falls", "SD"), ("Boise", "ID"),
    ("Fresno", "CA"), ("Chattanooga", "TN"), ("Worcester", "MA"), ("Hartford", "CT"),
    ("Providence", "RI"), ("Wilmington", "DE"), ("Gallup", "NM"), ("Hilo", "HI"), ("Ketchikan", "AK"),
    ("Muncie", "IN"), ("Scranton", "PA"), ("Erie", "PA"), ("Laredo", "TX"), ("McAllen", "TX"),
    ("Yuma", "AZ"), ("Opelousas", "LA"), ("Hattiesburg", "MS"), ("Tupelo", "MS"), ("Bluefield", "WV"),
    ("Rutland", "VT"), ("Nashua", "NH"), ("Coeur d'Alene", "ID"), ("Española", "NM"),
    ("Cañon City", "CO"), ("Sheboygan", "WI"), ("Kenosha", "WI"), ("Beckley", "WV"),
)
STREETS = (
    "Elm Street", "Maple Avenue", "Oak Lane", "Calle Real", "Cedar Ct", "Birch Rd.", "Magnolia Blvd",
    "North Main St", "Peachtree Circle", "Old Mill Road", "Ridgeview Dr", "Avenida del Sol",
    "W. 4th Street", "Martin Luther King Jr. Blvd", "Orchard Hill Lane",
)
COUNTIES = (
    "Ramsey County", "Cuyahoga County", "Orleans Parish", "Kern County", "McKinley County",
    "Navajo County", "Hidalgo County", "Buncombe County", "Yellowstone County",
)
ZIP_CODES = (
    "55104", "44113", "70112", "93301", "87301", "86025", "78501", "74105", "59715", "52001",
    "28801", "86001", "55802", "04401", "98901", "81003", "31201",
)
AGES_OVER_89 = (90, 91, 93, 95, 97, 99, 102, 104)
AREA_CODES = ("212", "312", "415", "617", "713", "206", "303", "404", "503", "602", "918", "406", "563")
EXTENSION_STYLES = (" x{ext}", " ext. {ext}", " ext {ext}", " Ext. {ext}")
INTL_PHONE_TEMPLATES = (
    "+44 20 7946 0NNN", "+44 7824 NNNNNN", "+49 30 2NNNNNNN", "+33 1 4N NN NN NN", "+91 98NNN NNNNN",
    "+61 2 9NNN NNNN", "+52 55 5NNN NNNN", "+353 1 6NN NNNN", "+63 917 NNN NNNN",
)
EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com")
MRN_LAYOUTS = ("nnnnnnnn", "Mnnnnnnn", "00nnnnnn", "Ennnnnnnnn")
PLAN_ID_LAYOUTS = ("MBI", "XQHnnnnnnnnn", "Wnnnnnnnnnn", "nnnnnnnnnA")
IBAN_COUNTRIES = ("DE", "GB", "NL", "IE", "AT")
LICENSE_LAYOUTS = ("Annnnnnn", "nnn nnn nnn", "Dnnn-nnn-nn-nnn-n", "nnnnnnnn")
PLATE_LAYOUTS = ("naaannn", "aaa nnnn", "aann aaa", "nnn-aaa")
VIN_MAKERS = ("1HG", "1FT", "2T1", "1G1")
DEVICE_LAYOUTS = ("PJNnnnnnna", "SNnnnnnnnn", "RMXnnnnnS", "nnnnaannnn")
URL_TEMPLATES = (
    "gofundme.com/f/help-{first}-{last}-recover",
    "https://www.caringbridge.org/visit/{first}{last}",
    "facebook.com/{first}.{last}.{n}",
    "https://www.mealtrain.com/trains/{code}",
    "https://www.gofundme.com/f/{first}s-fight-{n}",
)
ROOM_LAYOUTS = ("nnn", "nA", "nB", "nnnA")
BED_NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, "2A", "4B")
UNIQUE_CHARACTERISTICS = (
    "a dragon tattoo across his back", "the only set of quadruplets born here this year",
    "a bright purple mohawk", "a prosthetic left leg painted with flames",
    "a port-wine birthmark across her cheek", "seven-foot-two frame", "a gold tooth shaped like a star",
)

STAFF_NAMES = (
    ("Amara", "Okafor"), ("Jo", "Lee"), ("Helen", "Marsh"), ("Ravi", "Subramanian"),
    ("Lucía", "Ortega"), ("Thomas", "Berg"), ("Naomi", "Feld"), ("Kenji", "Watanabe"),
    ("Beatrice", "Holm"), ("Samuel", "Osei"), ("Zoltán", "Kovács"),
)
STAFF_STYLES = (
    "Dr. {first} {last}", "Dr. {last}", "{first} {last}, RN", "Nurse Manager {first} {last}",
    "{first} {last}, PharmD", "{first} {last}, MD", "Charge Nurse {first} {last}, BSN, RN",
)
PUBLIC_FIGURES = (
    "Simone Biles", "Serena Williams", "Shaquille O'Neal", "Taylor Swift", "LeBron James",
    "Michelle Obama", "Dwayne Johnson", "Oprah Winfrey",
)
STATES = (
    "West Virginia", "New Hampshire", "North Carolina", "Rhode Island", "New Mexico", "Ohio", "Texas",
    "California", "Oregon", "Maine", "Kentucky", "Montana", "Iowa", "Georgia", "Virginia",
    "Washington", "Minnesota", "Massachusetts", "Louisiana", "Alaska", "Hawaii", "Arizona",
    "Colorado", "Michigan", "Vermont",
)
COUNTRIES = (
    "the Czech Republic", "South Korea", "New Zealand", "Ireland", "Canada", "Mexico", "Brazil",
    "Kenya", "the Philippines", "Germany", "Vietnam", "Poland",
)
COMPANIES = (
    "Medtronic", "Pfizer", "Epic Systems", "Johnson & Johnson", "Abbott", "CVS Health", "Moderna",
    "Boston Scientific", "Cerner", "UnitedHealth Group",
)
DRUGS = (
    "metformin", "lisinopril", "Ozempic", "atorvastatin", "amoxicillin", "Eliquis", "insulin glargine",
    "albuterol", "sertraline", "levothyroxine", "warfarin", "Tylenol", "ibuprofen",
)
HEADINGS = (
    "Mission Statement", "Patient Experience Week", "Quality Improvement Update", "Volunteer Spotlight",
    "Community Health Needs Assessment", "Annual Report", "Infection Prevention Tip",
)
# fmt: on
ORGANIZATIONS = (
    {
        "name": "St. Brigid Medical Center",
        "urls": ("www.stbrigidmedical.org", "https://stbrigidmedical.org/flu"),
        "emails": ("media@stbrigidmedical.org",),
        "addresses": ("1200 Riverside Drive, Suite 300",),
    },
    {
        "name": "Riverbend Health",
        "urls": ("https://riverbendhealth.org/flu", "riverbendhealth.org"),
        "emails": ("volunteer@riverbendhealth.org", "news@riverbendhealth.org"),
        "addresses": ("88 Hospital Way",),
    },
    {
        "name": "Northfield Children's Hospital",
        "urls": ("northfieldchildrens.org/careers", "https://www.northfieldchildrens.org"),
        "emails": ("hello@northfieldchildrens.org",),
        "addresses": ("4500 Northfield Parkway",),
    },
    {
        "name": "Valley Regional Cancer Institute",
        "urls": ("https://www.valleyregionalcancer.org/support-groups",),
        "emails": ("info@valleyregionalcancer.org",),
        "addresses": ("301 Cancer Center Drive",),
    },
    {
        "name": "Mercy Heart Pavilion",
        "urls": ("mercyheart.org/events", "https://mercyheart.org"),
        "emails": ("events@mercyheart.org",),
        "addresses": ("7 Pavilion Circle, Floor 2",),
    },
)
# fmt: off
EVENT_CITIES = ("Chicago", "Nashville", "Orlando", "San Diego", "Boston")
MEETING_ROOMS = (
    "Conference Room 4B", "Room 210 of the Education Center", "the Maple Room", "Auditorium B",
)
HOTLINES = ("988", "1-800-222-1222")
RELATIVE_DAYS = ("last Tuesday", "yesterday", "this morning", "over the weekend", "two weeks ago")

POOLS = {
    "kid_age": ("3", "5", "7", "9", "12", "14", "16"),
    "postpartum": ("2 weeks", "10 days", "6 weeks", "3 weeks"),
    "adult_age": ("41", "52", "47", "66", "58", "73", "85", "88", "89"),
    "otc": ("Tylenol", "Motrin", "children's ibuprofen", "infant Tylenol", "Benadryl"),
    "child": ("son", "daughter", "toddler", "little one", "baby"),
    "temp": ("103", "102.5", "101.8", "104", "39.5 C", "38.9°C"),
    "symptom": (
        "chest tightness", "a rash", "blurry vision", "ringing in the ears", "diarrhea",
        "a headache that won't go away", "numb fingers", "a cough with green mucus",
        "heart palpitations", "swollen ankles", "night sweats", "dizziness on standing",
    ),
    "duration": ("three days", "two weeks", "four days", "a month", "48 hours"),
    "elder": ("mom", "dad", "grandma", "grandpa", "mother-in-law", "aunt"),
    "bp": ("168/102", "90/55", "180/110", "150/95"),
    "baby_age": ("6 weeks old", "4 months old", "9 months old", "2 weeks old"),
    "weight": ("140 pounds", "210 lbs", "62 kg"),
    "weeks": ("12", "28", "33", "8"),
    "glucose": ("310", "58", "245", "420"),
    "object": ("a button battery", "a coin", "a magnet", "some of my vitamins"),
    "vaccine": ("RSV", "shingles", "flu", "COVID"),
    "condition": (
        "rheumatoid arthritis", "type 2 diabetes", "lupus", "atrial fibrillation", "psoriasis",
        "a torn meniscus",
    ),
    "lab": ("A1c", "potassium", "TSH", "LDL", "creatinine"),
    "lab_value": ("9.2", "5.9", "0.2", "210", "2.1"),
    "future": ("this weekend", "tomorrow night", "on Saturday", "next Friday"),
    "language": ("Spanish", "Vietnamese", "Tagalog", "Arabic", "Haitian Creole", "Somali"),
    "weekday": ("Sunday", "Saturdays", "holidays", "Thanksgiving"),
    "stat": (
        "1 in 3 adults has high blood pressure", "most strokes are preventable",
        "heart disease is the leading cause of death in the US", "sepsis kills more people than breast cancer",
    ),
}
# fmt: on

# (voice, advice_request, template)
# fmt: off
FRAMES = {
    "phi": [
        ("nurse", False, "Huge thanks to {name_f} for the cookies she brought the 4 West team after her discharge on {date}! #NurseLife"),
        ("nurse", False, "Shoutout to {first_m} in room {room} who walked the whole hallway today after his surgery. So proud of him."),
        ("nurse", False, "Pt {name:lower} in bed {bed} finally off oxygen after three days. Small wins on night shift."),
        ("nurse", False, "Our {age90}-year-old patient {mrs} celebrated her birthday on the unit today with the whole care team singing."),
        ("nurse", False, "Remember {first_f#1}? {first_f#1:poss} mom called to say she is back at school after the follow-up visit on {date}."),
        ("nurse", False, "Night shift report: {name} admitted {date}, MRN {mrn}, transferred to room {room} for telemetry."),
        ("nurse", False, "Today we said goodbye to {name_m}, who came to us from {city} for a pacemaker implant on {date}. Safe travels home!"),
        ("nurse", False, "Sending love to {name:upper}, our longest stay in the NICU, 94 days and finally going home."),
        ("nurse", False, "{first_f} (bed {bed}) asked me to post this: she wants the world to know her stroke team saved her life."),
        ("nurse", False, "Fundraiser for our former patient {name_f} after her transplant: {url} - please share!"),
        ("nurse", False, "Wound care win: {name_m:poss} heel ulcer is finally closing after six weeks of offloading."),
        ("nurse", False, "The {age90}-year-old gentleman on our floor, {first_m}, taught the whole night shift to play cribbage before his hip surgery."),
        ("nurse", False, "Handoff: {mr}, room {room}, bed {bed}, allergic to {drug}, daughter's number {intl_phone}."),
        ("nurse", False, "Everyone on L&D remembers the mom with {unique}. She came back to visit {relative_day} with her twins, {first_m} and {first_f}!"),
        ("nurse", False, "Discharge call list for tomorrow: {name_rev} {phone}, {name_rev} {phone}."),
        ("nurse", False, "So happy for {first_f} from {county} who rang the bell after her last chemo today!"),
        ("physician", False, "Interesting case: {age90}-year-old from {city}, admitted {date} with syncope; interrogation of pacemaker serial {device} showed lead failure."),
        ("physician", False, "Grateful to {name_f} for letting me share her story: diagnosed {date}, chemo done, and ringing the bell today."),
        ("physician", False, "Discharge follow-up for {mr} is set for {date}; his daughter asked us to call her at {phone}."),
        ("physician", False, "Consult note draft, do not post: {name_rev}, DOB {dob}, MRN {mrn}, SSN {ssn}."),
        ("physician", False, "Proud of my resident for catching the sepsis in {first_f#1} early. {first_f#1} is home in {city} now."),
        ("physician", False, "Case for tumor board: {name_m}, {age90}, lives alone at {address}."),
        ("physician", False, "Please fax the echo report to {name_f} at her home fax, {fax}, before {date}."),
        ("physician", False, "Recalled device alert: {mrs} (serial {device}) needs a follow-up check by {date}."),
        ("physician", False, "A patient emailed me at midnight from {email} asking about her biopsy results. Boundaries, people."),
        ("physician", False, "Date: {isodate}. Patient: {name}. Procedure: colonoscopy with polypectomy. Findings benign."),
        ("physician", False, "Saw {name_m} from {county} again for follow-up after his bypass; ZIP {zip} has no cardiologist for 80 miles."),
        ("physician", False, "Post-op day 2 for {first_m#1} after the Whipple surgery. {first_m#1:poss} wife brought the team donuts from {city}."),
        ("pharmacist", False, "Refill reminder for {name}: pick up your {drug} by {date}, Rx on file under {phone}."),
        ("pharmacist", False, "Note to the team: {mr} called from {phone} about a reaction to {drug}. Please call back before 5."),
        ("pharmacist", False, "Insurance rejected {name:poss} claim again, member ID {plan_id}. Anyone know the prior auth line for this plan?"),
        ("pharmacist", False, "Prescription transfer for {name_f} (DOB {dob}), who just moved to {city}, went through today."),
        ("pharmacist", False, "Customer paid with card {card} for the {drug} copay but the charge bounced twice; billing please check."),
        ("pharmacist", False, "Flagged: someone tried to fill a {drug} script for {name} using driver's license {license}, which does not match."),
        ("pharmacist", False, "{name_f} (DOB {dob}) wants her refill receipts faxed to her home at {fax}."),
        ("communicator", False, "Patient story: meet {name_f}, a mom of three from {city}, who beat breast cancer this year. Read more at {org_url}."),
        ("communicator", False, "We are thrilled to share that {name_m:poss} family raised $12,000 for the pediatric wing. Call {org_phone} to join them!"),
        ("communicator", False, "Happy birthday to {mrs}, {age90} today and our oldest cardiac rehab graduate!"),
        ("communicator", False, "Photo caption draft: {name}, who drove in from {city}, with {staff} at the clinic opening. Consent on file dated {date}."),
        ("communicator", False, "Media inquiry about the crash on {street}: the driver, {name_m}, is in stable condition in our trauma unit."),
        ("communicator", False, "Donor spotlight: {name_f} from {county} gave her kidney to a stranger on {date}."),
        ("communicator", False, "Embargoed: {name_m}, {age90}, of {city}, {state}, was the first patient to receive the new valve at {org}."),
        ("patient", False, "I'm {name} and I got my pacemaker at {org} on {date}. If anyone else is nervous, DM me!"),
        ("patient", False, "After my surgery on {date}, my husband {first_m} never left my side. My room ({room}) was full of flowers."),
        ("patient", False, "My GoFundMe for the transplant is live: {url}. Every share helps!"),
        ("patient", False, "Recovering at home at {address}, cards welcome! The knee replacement went great."),
        ("patient", False, "Hospital billing keeps charging my card {card} for the same ER visit. My account there is {bank}."),
        ("patient", False, "A year since the accident. The truck that hit me (plate {plate}) was never found. Still in physical therapy."),
        ("patient", False, "Just got my new insulin pump, serial {device}, and my follow-up with endo is {date}."),
        ("patient", False, "My Medicare number is {plan_id} and they still say I'm not covered for the sleep study?!"),
        ("patient", False, "Email me at {email} if you want to join the {city} kidney support group I'm starting after my transplant."),
        ("caregiver", False, "My dad {name_m} ({age90}) fell again at his place in {city}. Back in the ER tonight."),
        ("caregiver", False, "Update on {first_f:poss} recovery: the surgeons at {org} say she can come home {date}. Call me at {phone} if you want to visit."),
        ("caregiver", False, "Mom is in room {room} at {org} if anyone from church wants to visit. She's listed under {name_f}."),
        ("caregiver", False, "Our little {first_m} was born on {date} with a heart defect; surgery is scheduled soon. Meal train: {url}"),
        ("caregiver", False, "Please pray for my brother {name_m}; his car (VIN {vin}) was totaled and he is in surgery now."),
        ("caregiver", False, "Grandma turned {age90} at her home in {city} and just got her hearing aids. Thank you, audiology team!"),
        ("caregiver", False, "Send cards to my sister at {address}. She's home from the hospital finally."),
        ("caregiver", False, "The patient portal flagged my login from {ip} as suspicious while I was checking Dad's labs."),
        ("caregiver", False, "To donate to my wife's medical fund, wire to IBAN {iban}, reference {first_f}."),
        ("caregiver", False, "My son's driver's license {license} was in his wallet when the ambulance took him. Did anyone at the ED find it?"),
        ("caregiver", False, "My mum {name_f} is in hospital in Leeds; ring her ward on {intl_phone} if you want to send wishes."),
        ("paramedic", False, "Tough call at {address} last night. {name_m}, if you see this, we're all rooting for you."),
        ("paramedic", False, "Transported a {age90}-year-old from {street} with a hip fracture; her neighbor called us from {phone}."),
        ("paramedic", False, "Car vs. pole on Route 9, plate {plate}. Driver {name_rev} conscious, en route to the trauma center."),
        ("therapist", False, "{name:poss} first steps with the new prosthesis today! Next PT session moved to {date}."),
        ("therapist", False, "{first_f}, the client with {unique}, asked to be in the video; we blur it unless she signs consent by {date}."),
    ],
    "clean": [
        ("communicator", False, "{heading}: {org} is proud to welcome {staff} to our cardiology team."),
        ("communicator", False, "Join us for a free heart health screening on {event_date} in {meeting_room}. Questions? Call {org_phone}."),
        ("communicator", False, "Flu shots are available at all {org} locations. Details at {org_url} or {org_phone}."),
        ("nurse", False, "Happy Nurses Week to my amazing team at {org}! Shoutout to {staff} for keeping us sane."),
        ("physician", False, "Excited to present our sepsis data at the national conference in {event_city} on {event_date}."),
        ("pharmacist", False, "Reminder: the {drug} shortage from {company} is expected to ease by {year}."),
        ("communicator", False, "Our partners at {company} donated 40 pacemaker training kits to nursing schools in {state}."),
        ("nurse", False, "Travel nurse life: just finished a contract in {state} and heading to {state} next!"),
        ("physician", False, "Our surgical team from {org} just returned from a medical mission in {country}. Follow-up clinics run there through {year}."),
        ("communicator", False, "{public_figure} visited {org} today and brought smiles to the whole pediatric floor!"),
        ("pharmacist", False, "PSA from {staff}: never stop {drug} on your own. Talk to your care team first."),
        ("nurse", False, "A {young_age}-year-old taught me more about courage today than any textbook."),
        ("physician", False, "Case review from {relative_day}: elderly patient, atypical chest pain, troponin negative. Teaching point from {staff}: always repeat the ECG."),
        ("communicator", False, "If you or someone you know is in crisis, call or text {hotline}. You are not alone."),
        ("communicator", False, "Mission Statement: {org} treats every patient like family. Visit us at {org_address} or {org_url}."),
        ("patient", False, "Five years cancer free as of {year}! Thank you to everyone at {org}."),
        ("nurse", False, "Skills fair in {meeting_room} {relative_day} was a hit. Thanks {staff}!"),
        ("communicator", False, "Media contact for {org}: {org_email} or {org_phone}."),
        ("physician", False, "The new guideline from {country} on follow-up after stent placement is worth a read. Thanks {staff} for sharing."),
        ("pharmacist", False, "{company} recalled two lots of {drug}. Check your bottle and call your pharmacy with questions."),
        ("communicator", False, "Congratulations to {staff}, named {state} Nurse of the Year!"),
        ("nurse", False, "{public_figure} once said courage is contagious. After the shift we had {relative_day}, I believe it."),
        ("caregiver", False, "Caregiver tip from {staff}: keep a list of every medication, like {drug}, and bring it to each follow-up."),
        ("patient", False, "Grateful for my care team at {org}. {relative_day:upper} I walked a full mile after surgery!"),
        ("physician", False, "Our study with {company} on remote pacemaker monitoring was published {relative_day}."),
        ("communicator", False, "The {org} blood drive is on {event_date} from 9 to 3 at {org_address}. Walk-ins welcome."),
        ("nurse", False, "A patient told me {relative_day}: 'you made a scary day less scary.' That's why I do this. ({heading})"),
        ("therapist", False, "Our stroke survivors group (ages {p_adult_age} and up) meets weekly; sign up at {org_url}."),
        ("physician", False, "Thrilled to welcome {staff} and {staff} to our practice this fall."),
        ("communicator", False, "Volunteer orientation: {event_date}, {meeting_room}. Email {org_email} to RSVP."),
        ("pharmacist", False, "A study from {country} shows {drug} adherence improves with text reminders."),
        ("paramedic", False, "Crews from {state} and {state} trained together on cardiac arrest response {relative_day}."),
        ("communicator", False, "Storm prep: our sister hospital in {event_city} is sending supplies. Call {hotline} for shelter info."),
        ("nurse", False, "Got to meet {public_figure} at the {company} health fair in {event_city}!"),
        ("patient", False, "I'm {p_adult_age} and just had my first colonoscopy. Not as bad as the internet says. Thanks {staff}!"),
        ("physician", False, "Reminder for residents: the {heading} deadline is {event_date}. Questions to {staff}."),
        ("communicator", False, "Proud to be ranked among the top hospitals in {state} and to serve patients from {country} and beyond."),
        ("nurse", False, "Surgery Department potluck {relative_day}! {staff} made the best tamales. {year} is off to a great start."),
    ],
    "advice": [
        ("caregiver", True, "My {p_child} has had a fever of {p_temp} since {relative_day}. What should I give them?"),
        ("patient", True, "Should I stop taking my {drug} before my colonoscopy {p_future}?"),
        ("patient", True, "I've had {p_symptom} for {p_duration}. Do I need to see a doctor or can I wait it out?"),
        ("patient", True, "Can I take {drug} together with {drug}? My pharmacy is closed and I need to know tonight."),
        ("caregiver", True, "My {p_elder} is on {drug} and just fell and hit their head. Do they need the ER or can we watch them at home?"),
        ("patient", True, "I'm {p_adult_age} and my blood pressure was {p_bp} this morning. Should I double my {drug}?"),
        ("patient", True, "Missed two doses of {drug} {relative_day}. Do I take them all at once or just skip?"),
        ("caregiver", True, "Our baby is {p_baby_age} and has {p_symptom}. Is that normal or should we go in?"),
        ("patient", True, "{staff}, quick question: my incision is red and warm {p_duration} after surgery. Is it infected? Should I start the leftover {drug}?"),
        ("patient", True, "Is it safe for me to fly {p_duration} after my knee replacement? I'm on {drug}."),
        ("patient", True, "Do I need to go to the ER? {p_symptom} since {relative_day} and it won't stop."),
        ("caregiver", True, "My {p_elder} ({age90}) has been confused since {relative_day}. What should we do?"),
        ("patient", True, "I'm {name} and I need advice: my {drug} makes me dizzy, can I cut the pills in half?"),
        ("caregiver", True, "My husband {first_m} has {p_symptom} after starting {drug}. Should he stop it?"),
        ("patient", True, "What dose of {drug} should I take for {p_symptom}? I weigh {p_weight}."),
        ("patient", True, "Pregnant at {p_weeks} weeks and I have {p_symptom}. Is it okay to take {drug}?"),
        ("patient", True, "My sugar was {p_glucose} after dinner and I'm on {drug}. Do I need more insulin tonight?"),
        ("caregiver", True, "My {p_child} swallowed {p_object}. Do I need to take them in or will it pass?"),
        ("patient", True, "My pacemaker site is swollen {p_duration} after the implant and I'm on {drug}. Normal, or should I call my cardiologist?"),
        ("patient", True, "Should I get the {p_vaccine} vaccine if I'm on {drug} for my {p_condition}?"),
        ("caregiver", True, "My {p_elder} takes {drug} and {drug}. Is it safe to add {drug} for the back pain?"),
        ("nurse", True, "Off topic and personal: my {p_child} has {p_symptom} and a temp of {p_temp}. Would you give {p_otc} or take them in?"),
        ("patient", True, "Can someone tell me if my results are bad? My {p_lab} came back {p_lab_value}."),
        ("patient", True, "I stopped my {drug} {relative_day} because of side effects. Is it dangerous to restart it on my own?"),
        ("caregiver", True, "Mom is {p_adult_age} and her feet have been swollen since she started {drug}. Should we stop it until her follow-up?"),
        ("patient", True, "Is {p_symptom} after my {p_vaccine} booster something to worry about? It's been {p_duration}."),
        ("patient", True, "My surgeon says wait and my friend says get it done. Should I have surgery now for my {p_condition}? I'm {p_adult_age}."),
        ("patient", True, "I think I have {p_condition}, I've been having {p_symptom}. What should I take for it?"),
        ("caregiver", True, "My newborn is {p_baby_age} with a fever of {p_temp}. Do I alternate {p_otc} and {p_otc}?"),
        ("patient", True, "I'm {p_postpartum} postpartum and have {p_symptom}. Go in tonight or call in the morning?"),
        ("patient", True, "Can I drink at a wedding {p_future} while taking {drug}?"),
        ("caregiver", True, "My daughter {first_f} ({p_kid_age}) has {p_symptom} after her {p_vaccine} shot on {date}. Should we give her {drug}?"),
        ("patient", True, "Dr. please help: {p_symptom} since {relative_day}, I'm on {drug} for {p_condition}. Should I go to urgent care?"),
        ("caregiver", True, "Reply to the flu post: {first_m} is {p_baby_age} and has {p_symptom}, what dose of {p_otc} can I give him?"),
    ],
    "question": [
        ("patient", False, "When is the flu clinic open at {org}? Is it {p_weekday} too?"),
        ("communicator", False, "What are the signs of stroke? Remember BE FAST and call 911. {staff} explains more at {org_url}."),
        ("patient", False, "Where do I park for the {org} outpatient surgery center on {p_weekday}? Is there a garage?"),
        ("nurse", False, "What's your favorite way to teach patients about {drug} side effects? Looking for handouts in {p_language}."),
        ("physician", False, "Should hospitals let residents post on TikTok? Curious what your {heading} says. Ours at {org} is from {year}."),
        ("patient", False, "Does anyone know if {org} takes walk-ins on {p_weekday}?"),
        ("communicator", False, "Did you know that {p_stat}? Learn more at {org_url}."),
        ("pharmacist", False, "Q: Should you take {drug} with food? A: Often yes, but ask your pharmacist about your own plan. ({heading})"),
        ("caregiver", False, "How do other caregivers handle burnout? Caring for my {p_elder} with {p_condition} has me running on empty."),
        ("patient", False, "What time does the {org} pharmacy close on {p_weekday}?"),
        ("nurse", False, "Which {company} pumps do your units use? We are evaluating options for {org}."),
        ("physician", False, "What age should colon cancer screening start now? Sharing a summary from {staff}."),
        ("caregiver", False, "My {p_child} had a fever of {p_temp} {relative_day}; the ER team was amazing and everyone is fine now."),
        ("patient", False, "Is the {event_city} half marathon still raising money for {org}?"),
        ("communicator", False, "How can I get a copy of my medical records? Call {org_phone} or visit {org_url}."),
        ("patient", False, "Anyone else watching the {public_figure} documentary about {p_condition}?"),
        ("nurse", False, "How do you all chart wound measurements? Our {heading} project at {org} is standardizing it."),
        ("pharmacist", False, "Should you stop {drug} before surgery? Always ask your surgeon; the answer depends on the procedure. - {staff}"),
        ("patient", False, "Who else is doing the {org} cardiac rehab program on {p_weekday}? Would love a workout buddy."),
        ("physician", False, "What is everyone reading on {p_condition} management this month? {staff} recommended a review from {country}."),
        ("caregiver", False, "Is there a dementia caregiver support group anywhere in {state}?"),
        ("communicator", False, "What should you pack for a hospital stay? Our nurses at {org} made a checklist: {org_url}."),
        ("patient", False, "Is it just me or were hospital gowns designed by someone who never wore one? Asking for everyone at {org} during {heading}."),
        ("nurse", False, "Fever of {p_temp} in a toddler: when do parents need the ER? {staff} explains in the video below."),
        ("pharmacist", False, "Why is {drug} so expensive this year? Thread on how {company} pricing works."),
    ],
}
# fmt: on
TARGETS = {"phi": 600, "clean": 170, "advice": 170, "question": 110}

HANDWRITTEN = """
nurse|0|Shoutout to [[José Núñez|name]] who finally went home today after 41 days with us. We will miss your jokes!
nurse|0|patient [[robert kim|name]] in bed [[5|room_bed]] asked for pancakes at 3am and honestly, same.
nurse|0|SHOUTOUT TO [[JANE DOE|name]], DISCHARGED [[MARCH 3|date]], YOU WERE THE STRONGEST PATIENT ON THE FLOOR
nurse|0|[[Zoë|name]] in [[412|room_bed]] drew a picture of every nurse on the unit before her surgery. Framing it.
nurse|0|Pray for [[Łukasz Wiśniewski|name]], who coded twice last night and is still fighting in the ICU.
nurse|0|[[James|name]]'s recovery after the car wreck has been incredible. Follow-up on [[3rd of March|date]]!
nurse|0|Our oldest patient ever turned [[102|age]] today on 6 North. Cake for everyone.
nurse|0|Night shift tip: label your IV tubing. Learned that one the hard way.
nurse|0|The pacemaker patient in room [[318|room_bed]] (Mr. [[Okonkwo|name]]) keeps trying to do push-ups. Please stop, sir.
nurse|0|Happy Nurses Week! Special thanks to Nurse Manager Jo Lee, RN, for the pizza.
nurse|0|If you find a pair of glasses in the 4th floor break room, they're mine.
nurse|0|so proud of [[siobhán|name]] today, first time walking since the stroke
nurse|0|Bed [[7|room_bed]] on 3 East is [[Nguyễn Thị Lan|name]] and she wants everyone to know she beat COVID at [[91|age]].
nurse|0|Twelve-hour shift, three codes, zero breaks. Still love this job.
nurse|0|Our unit raised $4,200 for the Alzheimer's walk in West Virginia this year!
nurse|0|Follow-up from last week: the little girl with the broken femur went home walking. I won't post her name but my heart is full.
nurse|0|Huge congratulations to Dr. Amara Okafor on her promotion to chief of surgery!
nurse|0|Charting reminder: pain reassessment within one hour of every PRN. Surveyors are on site next week.
nurse|0|Does anybody else's unit still use paper whiteboards? Ours just went digital.
nurse|0|Met the sweetest couple today: [[Søren|name]] and [[Ingrid Østergaard|name]], married 70 years, holding hands in the cardiac ICU.
nurse|0|Reminder that Mrs. [[Haddad|name]] in room [[17|room_bed]] goes home tomorrow, please have the wheelchair ready by [[9/14|date]] at 10.
nurse|0|Can't believe [[Mohammed Rahman|name]]'s family drove all the way from [[Laredo|geographic]] to bring us tamales.
nurse|0|New grad advice: ask questions, always. Nobody expects you to know everything.
nurse|1|My own kid has had diarrhea for four days and now won't drink. At what point do I stop being a nurse-mom and take her in?
nurse|0|The patient with [[a dolphin tattoo on her left hand|unique_characteristic]] came back to thank the trauma team. Best day.
physician|0|Patient [[Zoë Müller|name]], 44, is back on her bike six weeks after her valve repair. Consent on file.
physician|0|Interesting ECG from clinic today. Young athlete, asymptomatic. Thoughts? (no identifiers, shared with consent)
physician|0|Congratulations to our interns on finishing their first month. Proud of every one of you.
physician|0|[[Björn Lindqvist|name]], [[93|age]], came in from [[Duluth|geographic]] with a recalled defibrillator lead, serial [[PJN884213K|device_id]].
physician|0|Follow-up appointment for [[Kwame Mensah|name]] moved to Date: [[2025-03-14|date]]. Please notify the family.
physician|0|Our team at St. Brigid Medical Center will present the heart failure pathway at the national meeting on March 14, 2025 in Chicago.
physician|0|Discharged [[Chukwuemeka Adeyemi|name]] today after a 3-week stay for endocarditis. He wants everyone to floss.
physician|0|Just finished reading the new ACC guideline. Beta-blocker recommendations changed again.
physician|0|Grand rounds this Thursday in Auditorium B: Dr. Ravi Subramanian on novel anticoagulants.
physician|0|Today I told [[María José Herrera|name]]'s family the surgery went perfectly. Best part of my job.
physician|0|Patient from [[Kalispell|geographic]] drove 6 hours for a 10-minute follow-up. Telehealth parity now!
physician|0|We need more rural cardiologists. Some patients in Montana drive 200 miles for a stress test.
physician|0|[[DARNELL WASHINGTON|name]] - MRN [[00482915|mrn]] - please call radiology re: the CT from [[11/02/2024|date]].
physician|0|Fax the op note for Mr. [[Tsosie|name]] to his daughter at [[(406) 782-3391|fax]]; she manages his care in [[Gallup|geographic]].
physician|0|My research on medication adherence in rural Virginia was accepted for publication!
physician|0|Happy retirement to Dr. Helen Marsh, who delivered over 8,000 babies in 35 years.
physician|1|Physician here asking as a patient: I've had crushing fatigue and a racing heart for a month, TSH normal. Should I push for a Holter or am I overthinking?
physician|0|Consent obtained: [[Ayşe|name]] wanted her story told. She came to us with a ruptured appendix on [[Jan 5|date]] and is now back to teaching.
physician|0|Case: [[95|age]] yo female, fall at home, hip fracture. Surgery or not? Great ethics discussion with the residents.
physician|0|Teaching point: a 72-year-old with new confusion has a UTI until proven otherwise... or not. Discuss.
physician|0|[[Tomás Peña|name]] from [[Cañon City|geographic]] flew out this morning after his transplant. Godspeed.
pharmacist|0|Refill for [[Margaret Cohen|name]] ready, call [[617-442-9180 x4587|phone]] to confirm pickup.
pharmacist|0|PSA: metformin does not need to be stopped before most routine bloodwork. Ask your prescriber for your situation.
pharmacist|0|Shoutout to Lucía Ortega, PharmD, for catching a tenfold dosing error today.
pharmacist|0|Patient [[keiko yamamoto|name]] dob [[4/7/1951|date]] — insurance card [[XQH884102937|health_plan_id]] on file, please rebill.
pharmacist|0|Ozempic shortage update: Novo is shipping more, but expect delays through spring.
pharmacist|0|Manufacturer recall: Pfizer pulled two lots of a blood pressure pill. Check with your pharmacy.
pharmacist|0|Mr. [[Jovanović|name]] paid his balance with card ending in 4421. Receipt mailed to [[2200 Oak Lane|geographic]], [[Bangor|geographic]].
pharmacist|0|Drive-thru is open until 9 tonight, call our store at <<phones:(918) 555-0142>> with questions.
pharmacist|0|Customer left their card at the counter: [[4539 1488 0343 6467|account_number]], name [[Linh Tran|name]]. Holding it at the desk.
pharmacist|1|Pharmacist friends, a personal one: my husband takes warfarin and wants to start turmeric for his knees. Safe for him or not?
pharmacist|0|Prior auth approved for [[Fatima Begum|name]], Medicaid ID [[88401277A|health_plan_id]], effective [[5/1/2025|date]].
pharmacist|0|Why do insurers still require prior auth for generic statins? Asking for every pharmacist ever.
pharmacist|0|Vaccine clinic this Saturday, 9-1, no appointment needed. Bring your insurance card.
communicator|0|Mission Statement: Riverbend Health exists to heal, teach and serve every community we touch.
communicator|0|Meet our new Chief Nursing Officer, Beatrice Holm, MSN, RN, who joins us from Northfield Children's Hospital.
communicator|0|We are hiring! Apply at <<urls:northfieldchildrens.org/careers>> or email <<emails:jobs@northfieldchildrens.org>>.
communicator|0|Patient story draft: [[Precious Adeyemi|name]], 27, a kindergarten teacher who donated bone marrow to a stranger.
communicator|0|Visit our new cancer center at <<addresses:301 Cancer Center Drive>>. Parking is free for patients.
communicator|0|Happy [[104|age]]th birthday to [[Dolores Gallagher|name]], who was born in this very hospital!
communicator|0|Thank you to Medtronic for sponsoring our pacemaker education day in New Hampshire.
communicator|0|Patient Experience Week kicks off Monday. Share your favorite nurse story with #RiverbendCares.
communicator|0|We're proud to partner with hospitals in the Czech Republic and South Korea on nurse exchange programs.
communicator|0|Quote card: "They treated me like family" - [[Rajesh Patel|name]], knee replacement patient, [[Toledo|geographic]].
communicator|0|Our main line is <<phones:(503) 555-0100>> and the nurse advice line is <<phones:1-800-555-0199>>.
communicator|0|Correction: our flu clinic runs October 1 through November 30, not December.
communicator|0|Serena Williams talked about her postpartum complications. Here's what every new mom should know about blood clots.
communicator|0|Photo of [[Renée Dubois|name]] and her newborn, born [[Christmas Day 2024|date]], approved by the family for our holiday post.
communicator|0|The ribbon cutting for the new pediatric wing is June 12 at 10 am. Governor's office confirmed attendance.
communicator|0|Draft for review: "[[Hiroshi|name]] came to our ER from [[Hilo|geographic]] on [[July 4th|date]] with chest pain..." Need consent before this goes live.
communicator|0|Annual Report 2025 is live. Read how we served 42,000 patients across North Carolina.
communicator|0|Video shoot next Tuesday in Conference Room 4B. Staff only, no patients on camera.
communicator|0|Help [[Kai Kealoha|name]] get home: [[https://www.gofundme.com/f/kai-kealoha-heart|url]] - he's been in our NICU since birth.
communicator|0|Volunteer Spotlight: Dr. Zoltán Kovács has volunteered at our free clinic every Saturday for 10 years.
patient|0|Hi I'm [[Agnieszka Kowalczyk|name]] and my breast cancer surgery is on [[14 March 2025|date]]. Any tips for recovery?
patient|0|Three months post-op and back to running! Thank you Dr. Berg and the whole ortho team.
patient|0|My pacemaker was recalled. Serial [[SN44871290|device_id]]. Anyone else get the letter?
patient|0|Got my new plates [[8KLM203|vehicle_id]] for the handicap van, finally, after my spinal surgery.
patient|0|Anyone from [[Scranton|geographic]] in the kidney transplant support group? I'm new.
patient|0|i'm [[eoin gallagher|name]], 34, and i survived a heart attack. get your cholesterol checked.
patient|0|Day 12 after my double mastectomy. Sore but grateful.
patient|0|Please don't call me at [[+1-212-618-7784|phone]] anymore, I already paid the hospital bill!
patient|0|My blood sugar readings are finally normal after 6 months on Ozempic. So happy.
patient|0|Here is my fundraiser for the surgery: [[gofundme.com/f/help-oguz-walk-again|url]]. Please share!
patient|1|Should I stop my metformin before the colonoscopy on Thursday? Nobody at the clinic answers.
patient|1|I'm on lisinopril and my cough won't stop. Can I just switch to losartan myself?
patient|0|What are the signs of stroke? Asking because my grandma had one and I want to be ready.
patient|0|When is the flu clinic open at Riverbend Health?
patient|1|My knee is huge and hot after my replacement 10 days ago. Is that normal or do I need to call?
patient|0|My address for get-well cards: [[77 Calle Real|geographic]], [[Española|geographic]], NM [[87532|geographic]]. Thank you all!!
patient|0|Wow, the new cardiology wing at St. Brigid is beautiful. Nice job, team.
patient|1|Doctors on here: my A1c went from 6.1 to 7.4. Do I need to start insulin or can I fix it with diet?
patient|0|I was born with [[a sixth finger on each hand|unique_characteristic]] and my surgeon just posted my X-ray without asking.
patient|0|My license [[D512-447-88-219-0|license_number]] got lost at the ER. How do I get it back?
patient|0|Transfer my co-pay refund to my bank: account [[004417229381|account_number]]. Thanks billing team.
patient|1|Is it okay to take ibuprofen with my Eliquis? My back is killing me.
patient|0|Had my follow-up today: cancer free for 2 years!
patient|0|I'm a [[97|age]]-year-old great-grandmother and I just got my first smartphone to talk to my doctor.
patient|1|I have a rash on my chest since I started amoxicillin. Do I keep taking it?
caregiver|1|My son has a fever of 103, what should I give him?
caregiver|0|My mother [[Carmen Díaz|name]] is in room [[514|room_bed]] at St. Brigid. Visiting hours are 9-8 if you want to stop by.
caregiver|0|My dad's surgery went well. Thank you all for the prayers.
caregiver|0|Updating everyone on [[Tevita|name]]'s recovery: walking with a cane, home by [[Friday the 21st|date]].
caregiver|1|Grandpa is [[99|age]] and stopped eating since Sunday. Should we take him to the hospital or is this just the end?
caregiver|0|If you want to send mom flowers, her address is [[1428 Elm Street|geographic]], [[Tulsa|geographic]], OK [[74105|geographic]].
caregiver|0|Thank you to the NICU nurses at Northfield Children's Hospital for everything. Our boy is home.
caregiver|0|My wife's caringbridge page: [[https://www.caringbridge.org/visit/marisolpena|url]]. Updates every evening.
caregiver|1|My daughter is 6 weeks old and her poop is white. Is that an emergency?
caregiver|0|Please call me at [[+44 20 7946 0321|phone]], I'm [[Siobhán O'Connor|name]]'s daughter and can't get through to the ward.
caregiver|1|My mother-in-law has dementia and keeps refusing her sertraline. Should we crush it into food?
caregiver|0|Does anyone know how to become a caregiver for a parent through Medicaid in Oregon?
caregiver|0|Dad ([[Jürgen Schröder|name]]) got his new hip today and is already flirting with the nurses.
caregiver|0|Our son [[Mateo|name]] was born at 26 weeks on [[Aug. 9|date]] and today he weighs 5 pounds!
caregiver|0|Wire transfers for [[Ahmed|name]]'s surgery fund go to [[GB33 BUKB 2020 1555 5555 55|account_number]].
caregiver|0|Mom's Medicare card number is [[1EG4-TE5-MK73|health_plan_id]], she keeps posting it on Facebook. How do I stop her?
caregiver|0|Dad is in bay [[3|room_bed]] bed [[2|room_bed]] of the ED, if the family can come.
caregiver|1|My 9 month old has a bump on his head after rolling off the bed. He's acting normal. Do I need to take him in?
caregiver|0|If anyone finds a silver Honda with plate [[RKT 4471|vehicle_id]] at the hospital garage, it's my dad's, he was rushed in.
caregiver|0|Taking care of my husband after his stroke is the hardest thing I've ever done. Thank you to his therapists.
caregiver|0|my sister [[leilani mahelona|name]] is in the icu at queen's, please keep her in your prayers
paramedic|0|Shift recap: 11 calls, 2 cardiac arrests, 1 baby delivered in the back of the rig. Mom and baby fine.
paramedic|0|Pulled a guy out of a car on [[Old Mill Road|geographic]] last night. [[Cody|name]], you're a fighter.
paramedic|0|Reminder: hands-only CPR saves lives. Push hard and fast in the center of the chest.
paramedic|0|Responded to a [[102|age]]-year-old in [[Bluefield|geographic]] who insisted on walking to the ambulance herself.
therapist|0|[[Kateřina|name]] said her first words since the stroke today: "coffee, please." I cried.
therapist|0|Our pediatric therapy gym reopens Monday after renovation. Come see the new climbing wall!
therapist|0|PT tip: move every hour if you sit at a desk. Your back will thank you.
therapist|1|Therapist here but asking for my own shoulder: it clicks and hurts since I lifted a patient. Ice or heat, and should I get an MRI?
nurse|0|Email [[mohammed.rahman84@gmail.com|email]] to send Mr. [[Rahman|name]] your get-well wishes, his family set it up.
physician|0|Telehealth login issue for [[Margaret Brown|name]]: portal shows access from [[73.42.118.9|ip_address]] at 2am.
nurse|0|Happy Thanksgiving from the night crew on 5 South!
physician|0|A 45-year-old with chest pain who 'just has heartburn'? Get the troponin.
communicator|0|Tune in to our webinar on January 22 with Dr. Kenji Watanabe about diabetes and heart health.
pharmacist|0|Holiday hours: closed December 25, open December 26 from 9 to 5.
patient|0|Happy to report my PET scan on [[2024-11-19|date]] came back clear. Thank you Valley Regional Cancer Institute.
nurse|0|Shout out to our volunteer cuddlers in the NICU. You are the unsung heroes of 2025.
nurse|0|Mr. [[Kowalczyk|name]] in [[B12|room_bed]] wants his dentures back before breakfast, day team please check lost and found.
nurse|0|Just learned my favorite patient, [[Dmitri Ivanova|name]], passed away at home in [[Duluth|geographic]]. Rest easy, friend.
nurse|0|[[BRITTANY SMITH|name]] DOB [[02/28/1990|date]] is NOT the same as [[Brittany Smith|name]] DOB [[07/11/1988|date]]. Two-identifier check, people!
nurse|0|The 89-year-old on our floor beat me at chess again. Humbling.
nurse|1|Nurses, I need a gut check for myself: I got a needlestick from a clean needle tonight. Do I really need to go to employee health at 4am?
physician|0|Our hospitalist team in Ohio just hit 100 days without a fall with injury. Teamwork.
physician|0|[[Wei Chen|name]]'s father asked me to share: "My son is alive because of the stroke team." Posted with permission, of course.
physician|0|Sick patient alert for night team: [[Arjun Singh|name]], MRN [[M2277104|mrn]], lactate rising, please reassess at midnight.
physician|0|New study from Abbott: remote monitoring cut readmissions by 20%. Worth a look.
pharmacist|0|Customer [[Beatriz Ferreira|name]] wants her prescriptions texted to [[+52 55 5218 4470|phone]] while she's in Mexico.
pharmacist|0|Did you know you can dispose of old medications at our drop box 24/7? No questions asked.
communicator|0|Our Mercy Heart Pavilion team will be at the Boston health expo June 3 to 5. Stop by booth 214!
communicator|0|Draft tweet: "Congrats to [[Jamal Jackson|name]], our 1,000th robotic surgery patient, who went home to [[Macon|geographic]] today!"
communicator|0|Reminder to all staff: patient photos need a signed consent form before posting, even on your personal accounts.
patient|0|Finally got a date for my hip replacement: [[June 17th|date]]! Nervous but ready.
patient|0|It's been a year since my heart attack. I'm 58, I run 5Ks, and I take my statin every day.
patient|1|My cardiologist put me on Eliquis and I'm scheduled for a tooth extraction next week. Do I stop it, and for how many days?
patient|0|my name is [[xiomara castillo|name]] and i was the patient in the viral video from [[yuma|geographic]]. i'm ok now thank u all
caregiver|0|Thank you Dr. Samuel Osei and the whole neuro team for giving us more time with Dad.
caregiver|1|Our toddler got into grandma's blood pressure pills, maybe one or two. He seems fine. Do we go to the ER or wait?
caregiver|0|Grandma's new address at the nursing home is [[4 Birch Rd.|geographic]], room [[22|room_bed]]. Cards and visits welcome!
caregiver|0|Husband is stable. Thank you to everyone who brought meals this week.
paramedic|0|Units from Kentucky and Tennessee helped us after the tornado. Grateful for mutual aid.
therapist|0|Congrats to [[Astrid|name]] on graduating from speech therapy after her TBI in [[September 2024|date]]!
communicator|0|Media advisory: press briefing on the bus crash at 3 pm in the Maple Room. No patient names will be released.
physician|0|The [[seven-foot-tall retired basketball player|unique_characteristic]] we treated last week gave permission... actually no, let's not post this.
nurse|0|Congrats to our unit's own Charge Nurse Naomi Feld, BSN, RN, on 25 years at St. Brigid!
caregiver|0|For Mom's reimbursement the insurer needs her IBAN [[DE89 3704 0044 0532 0130 00|account_number]], she lives in Germany half the year.
"""
