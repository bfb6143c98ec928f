"""Word lists the detectors use. Written for this product; all lower case."""

import re
from functools import lru_cache

# Words that put a nearby name, date or place into a care context.
CARE_WORDS = frozenset(
    """
patient patients pt pts bed beds room rm bay discharged discharge discharging diagnosed diagnosis
dx treated treating treatment er ed icu nicu picu ccu pacu admitted admission admit readmitted
surgery surgical operation procedure chemo chemotherapy radiation dialysis intubated extubated
ventilator vent coded resuscitated cpr stroke cancer tumor leukemia lymphoma overdose od
trauma ambulance transplant delivered c-section stillborn miscarriage
passed died death hospice rehab meds medication prescribed prescription overdosed seizure
sepsis septic fracture fractured broke amputation amputated biopsy mri ct scan x-ray xray
triage sedated sedation ward telemetry isolation
hiv diabetes diabetic dementia alzheimer's alzheimers psychiatric psych suicidal suicide
pregnant pregnancy newborn preemie nicu gunshot stabbing crash accident burn burns
allergy allergic infection pneumonia cardiac arrest heart attack mi copd asthma
kidney liver lung lungs anesthesia recovering recovery chart mrn
inpatient admitted bedside rushed airlifted pacemaker defibrillator icd stent bypass follow-up followup
recalled recall post-op postop pre-op preop op surgeries surgeon's appointment appt clinic ward
nurse-call iv infusion transfusion wound stitches sutures cast ultrasound mammogram colonoscopy
labs bloodwork diagnosis prognosis terminal palliative hospice hospitalized hospitalised
intubation ventilated ecmo dialyzed insulin overdose relapse remission tumour oncology
rehabilitation physio ot pt-inr a1c bp vitals sats o2 oxygen nebulizer inhaler epipen
concussion laceration burns bruising injuries injury injured wheelchair crutches walker
stillbirth labor labour induced epidural c-section delivery neonatal postpartum prenatal ob
rx refill refills script scripts pharmacy echo consult consent syncope prosthesis prosthetic
appendix appendectomy ruptured bleed bleeding hip knee replacement cardiac cardiology neuro
tumor board oncologist hearing aids audiology speech tbi sick illness ill labs
whipple bypass heart lung kidney liver donor donated ostomy g-tube
oxygen o2 cpap bipap bed-bound bedbound homebound
reaction rash fever temp dizziness palpitations fatigue pain nausea vomiting
portal visit visited visiting urgent shot vaccinated booster flu covid rsv
physical radiation relapse mammogram ekg ecg eeg birthday nursing assisted memory
medicaid medicare insurance insurer claim copay prior auth authorization
adm admd dc'd dcd npo sitter cath cathed s/p sched hosp
""".split()
)

# Word beginnings that make any word a care word ("hospitalization", "surgically", "oncologist").
CARE_STEMS = (
    "hospitali",
    "surger",
    "surgic",
    "oncolog",
    "cardiolog",
    "chemo",
    "diagnos",
    "discharg",
    "admitt",
    "readmi",
    "operat",
    "transplant",
    "intubat",
    "resuscitat",
    "amputat",
    "fractur",
    "prescri",
    "medicat",
    "dialys",
    "pneumon",
    "infect",
    "seizur",
    "pregnan",
    "miscarr",
    "overdos",
    "rehab",
    "therap",
    "treat",
    "recover",
    "symptom",
)

# Two-word care phrases checked separately (the word list above is single tokens).
CARE_PHRASES = (
    "came in",
    "brought in",
    "rushed in",
    "emergency room",
    "emergency department",
    "intensive care",
    "labor and delivery",
    "passed away",
    "heart attack",
    "cardiac arrest",
    "life support",
    "end of life",
    "code blue",
    "had her baby",
    "had a baby",
    "gave birth",
    "d/c",
    "s/p",
    "f/u",
    "l&d",
    "post-op day",
)


@lru_cache(maxsize=65536)
def is_care_word(word: str) -> bool:
    lower = word.lower()
    return (
        lower in CARE_WORDS
        or (lower.endswith("s") and lower[:-1] in CARE_WORDS)  # "overdoses", "strokes"
        or lower.startswith(CARE_STEMS)
    )


# Capitalized words that are not names of people.
NOT_NAMES = frozenset(
    """
the a an and or but so our we us my i me you your i've i'll i'd at in on to of by as is be up
out off if then than too very via per he she they them his her their it its this that
these those there here today tonight yesterday tomorrow this morning evening night week weekend
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
hospital health healthcare medical center centre clinic clinics unit department dept team staff
nurse nurses nursing doctor doctors dr physician physicians surgeon surgeons pharmacy pharmacist
er ed icu nicu picu ccu pacu or mri ct covid hipaa rn np pa md do lpn cna emt bsn msn phd dnp
cardiology oncology pediatrics pediatric radiology neurology orthopedics obstetrics maternity
emergency intensive care urgent family medicine internal general community regional memorial
university saint st mount mt north south east west central valley lake lakeshore river county
city state national american association foundation society institute college school
happy thank thanks congrats congratulations shoutout shout welcome please join come meet
proud grateful big huge great good best new another shout-out kudos hats heroes hero
patient patients bed room bay floor wing tower building suite hall auditorium
mr mrs ms miss mx sir madam baby little just after before when while during because since
what who why how where which with without from for into onto about over under between
day days month months year years hour hours minute minutes time times shift shifts
never always every each all some many most more less no yes not only also even still
one two three four five six seven eight nine ten first second third last next
god lord jesus christ amen usa us america facebook twitter instagram tiktok linkedin youtube
flu vaccine vaccines vaccination screening screenings blood drive fair walk run 5k gala
breast prostate colon skin awareness month heart stroke cancer diabetes mental
is are was were be been being has have had do does did will would can could should
may might must shall let lets let's its it's i'm we're they're you're he's she's that's
pt pts dob mrn ssn id help pray praying meet say send visit check read call text ask tell
keep love miss hug cheer celebrate see watch share support donate find give thank-you sending
therapy program programs services service week day awards award club series fund campaign
challenge initiative project festival summit conference council committee board level
grand rounds mondays tuesdays wednesdays thursdays fridays saturdays sundays pet pets remember reminder note update news alert story stories today's tonight's
""".split()
)

# Words before a name that say the person is staff, not a patient.
STAFF_TITLES = frozenset(
    """
dr dr. doctor rev reverend pastor rabbi imam nurse rn np pa surgeon chaplain therapist pharmacist coach director manager
ceo cfo coo president chief officer colleague coworker co-worker volunteer educator
physician resident fellow intern midwife paramedic emt technician tech
""".split()
)

# Credentials after a name that say the person is staff.
CREDENTIALS = frozenset(
    """
rn np pa pa-c md do lpn cna bsn msn dnp phd pharmd crna cnm fnp aprn rrt pt ot slp
facs facp mph mba mha ches lcsw
""".split()
)

# Words right before a capitalized word that mark it as a patient's name.
PATIENT_CUES = frozenset(
    """
patient pt resident client baby little sweet brave young
husband wife son daughter mother father mom dad grandson granddaughter twins triplets brother
sister niece nephew boyfriend girlfriend fiance fiancé fiancee partner grandma grandpa grandmother
grandfather neighbor neighbour friend cousin aunt uncle stepson stepdaughter toddler newborn
""".split()
)

# Common given names (several origins); a capitalized word on this list is a name candidate
# even without a title or cue. The list is a floor, not a ceiling: other capitalized words
# near care words are candidates too.
GIVEN_NAMES = frozenset(
    """
aaliyah aaron abigail adam adrian aiden aisha alejandro alex alexander alexis alice alicia
allison alvaro amanda amber amelia amir amy ana andre andrea andrew angela anna anthony antonio
ari arjun ashley ava barbara benjamin beth betty bianca bill billy bob bobby brandon
brenda brian brittany bruce bryan caleb camila carl carla carlos carmen carol caroline carter
catherine charles charlotte chen cheryl chloe chris christina christopher cindy claire connor
cynthia daniel danielle david deborah debra denise dennis derek destiny diana diane diego
dolores donald donna dorothy dylan edward elena eli elijah elizabeth ella ellen emily emma
eric erica erin esther ethan eugene eva evelyn fatima frances francisco frank gabriel gary
george gloria grace greg gregory hailey hannah harold harry hector helen henry hiroshi hope
ian isaac isabel isabella isaiah ivan jack jacob jacqueline jake james jamal jamie jane janet
janice jasmine jason javier jayden jean jeffrey jennifer jeremy jerry jesse jessica jesus jill
jimmy joan joe joel john johnny jonathan jordan jorge jose joseph joshua joy joyce juan judith
judy julia julian julie justin karen katherine kathleen kathy katie kayla keisha keith kelly
kenneth kevin kim kimberly kyle larry laura lauren leah lee leo leon liam lillian lily linda
lisa logan lori louis lucas lucy luis luke lydia madison maria marie marilyn mark marcus
margaret martha martin mary mason matthew maya megan melissa mia michael michelle miguel mike
mohammed muhammad nancy naomi natalie nathan nicholas nicole noah nora olivia omar oscar pablo
pamela patricia patrick paul paula peter philip priya rachel rafael ralph ramon raymond rebecca
richard rick rita robert roberto rosa ruby russell ruth ryan samantha samuel sandra sara sarah
scott sean sebastian sharon shirley sophia sophie stephanie stephen steve steven susan teresa
terry thomas tiffany timothy tina todd tom tony tyler valerie vanessa victor victoria vincent
virginia walter wanda wayne wei william willie xavier yolanda yusuf zachary zoe mateo santiago
valentina ximena lucia sofia kai malik darnell tyrone latoya shanice deshawn imani kofi
ngozi chinedu oluwaseun raj anil sunita deepak mei ling jun hana yuki kenji minh linh duc
""".split()
)

# Words that turn a following room number into a meeting place, not a patient's room.
EVENT_ROOM_WORDS = frozenset(
    """
conference meeting class classroom training education lecture board community auditorium
seminar workshop session event events hosts fair screening clinic clinics lobby cafeteria
library lab simulation sim learning resource resources vaccination vaccine flu support group
""".split()
)

# Public figures whose names appear in health posts without being anyone's patient details.
PUBLIC_FIGURES = frozenset(
    """
serena williams|venus williams|simone biles|lebron james|michael jordan|tom brady|taylor swift|
beyonce|oprah winfrey|michelle obama|barack obama|joe biden|donald trump|kamala harris|
jimmy carter|ronald reagan|bill gates|melinda gates|elon musk|selena gomez|lady gaga|
celine dion|michael j. fox|michael j fox|christopher reeve|magic johnson|angelina jolie|
jennifer aniston|tom hanks|rita wilson|hugh jackman|ben stiller|bruce willis|jamie foxx|
halle berry|nick jonas|kevin love|naomi osaka|michael phelps|dwayne johnson|the rock|
florence nightingale|clara barton|mary seacole|anthony fauci|jonas salk|marie curie|
princess diana|prince harry|king charles|kate middleton|pope francis|sanjay gupta|
mehmet oz|dr. oz|jane fonda|shannen doherty|olivia newton-john|ruth bader ginsburg
""".replace("\n", "").split("|")
)

# Acronyms that are never names even when they spell a name-list word ("ED", "PAT", "MAR").
ACRONYMS = frozenset(
    """
er ed icu nicu picu ccu pacu or mri ct ekg ecg eeg iv pt ot rn np pa md do cna lpn emt ems
cpr bls acls dob mrn ssn hipaa phi usa uk eu un who cdc fda nih cms va dea npi pat mar tid bid
prn npo dnr sob ama ave st dr am pm ok lol omg asap fyi rip
""".split()
)

# Capitalized words that are never a patient on their own (but may sit next to a name).
NOT_PEOPLE = frozenset(
    """
mom dad mum mommy daddy mama papa grandma grandpa granny nana nanna gran grandmother grandfather
auntie uncle sis bro hubby baby
street st road rd avenue ave lane ln drive dr court ct circle cir way boulevard blvd place pl
terrace trail parkway highway calle avenida camino via room rooms auditorium lobby cafeteria
tylenol advil motrin aleve ozempic wegovy mounjaro eliquis xarelto lipitor zoloft prozac lexapro
xanax adderall ritalin benadryl zyrtec claritin flonase narcan epipen humira keytruda
metformin lisinopril atorvastatin levothyroxine sertraline albuterol warfarin insulin ibuprofen
acetaminophen amoxicillin prednisone gabapentin omeprazole losartan amlodipine
christmas easter thanksgiving hanukkah ramadan diwali halloween
interesting transported responded experience spotlight week weeks ago ice heat date driver saw
finally scientific healthineers tip tips prevention improvement quality
abbott medtronic pfizer moderna merck novartis roche sanofi gsk astrazeneca lilly amgen gilead
regeneron bayer baxter stryker philips siemens epic cerner meditech unitedhealth aetna cigna
humana kaiser anthem cvs walgreens rite walmart amazon google apple microsoft tiktok cardinal
mckesson cencora becton dickinson teva viatris biogen vertex zoll masimo dexcom insulet tandem
mission statement vision values policy guidelines guide update announcement reminder notice
agenda overview summary highlights results news newsletter report annual quarterly recap
schedule calendar menu welcome introduction conclusion faq questions answers resources tips
republic kingdom states emirates islands federation union province county parish
inc llc ltd corp co company corporation group holdings partners pharmaceuticals pharma labs
laboratories technologies systems solutions insurance bank healthcare therapeutics biotech
wellness fitness nutrition pharmacy pharmacies diagnostics imaging
unit ward wing floor tower pavilion building hall campus office
""".split()
)

# Given names that are also everyday lower-case words: never a name candidate in lower case.
COMMON_WORD_NAMES = frozenset(
    """
will mark hope grace may june april august joy faith rose lily ivy summer autumn dawn
bill pat sue art ray jack frank guy major lane sunny don max rich rob sky star angel
gale page carol ruby pearl crystal amber jewel iris daisy holly heather fern olive violet
chance chase cash king earl duke prince early young long short black white brown green gray
grey hill wood stone rivers will's bob peg chip buck rusty dusty penny jean jan june nick
hunter miles price wells banks gay hale hardy may's victor drew reed sharp hall ward moore
""".split()
)

# Country names that the gazetteer spells differently, and common short forms.
COUNTRY_EXTRAS = frozenset(
    """
usa|us|united states|united states of america|america|uk|united kingdom|great britain|britain|
england|scotland|wales|northern ireland|czech republic|czechia|south korea|north korea|korea|
russia|vietnam|viet nam|iran|syria|laos|bolivia|venezuela|tanzania|the netherlands|holland|
ivory coast|cote d'ivoire|congo|drc|burma|taiwan|palestine|vatican|macedonia|
north macedonia|eswatini|swaziland|cape verde|east timor|timor-leste|micronesia|moldova|
puerto rico|guam|europe|asia|africa|latin america|south america|north america|central america|
the caribbean|caribbean|middle east|scandinavia|oceania|antarctica
""".replace("\n", "").split("|")
)

# Words after a capitalized run that make it a company, not a person.
COMPANY_AFTER = re.compile(
    r"^,?\s(?:Inc|LLC|Ltd|Corp|Corporation|Co|Company|Group|Holdings|Partners|Pharmaceuticals|Pharma|"
    r"Labs|Laboratories|Technologies|Systems|Solutions|Insurance|Bank|Healthcare|Therapeutics|"
    r"Biotech|Foundation|Fund|Trust|Associates|Industries|Enterprises|Media|Network|Capital)\b\.?"
)

US_STATES = frozenset(
    """
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY
NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC
""".split()
)

STATE_NAMES = frozenset(
    """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia washington wisconsin wyoming
""".split()
) | frozenset(
    {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "district of columbia",
    }
)

STREET_SUFFIXES = (
    "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|"
    "place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl"
)

# Sites where a link usually points at one person (profiles, fundraisers, care journals).
PERSONAL_SITES = (
    "gofundme.com",
    "caringbridge.org",
    "facebook.com",
    "fb.com",
    "instagram.com",
    "tiktok.com",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "mealtrain.com",
    "givesendgo.com",
    "spotfund.com",
    "lotsahelpinghands.com",
    "venmo.com",
    "cash.app",
    "youtube.com",
    "youtu.be",
    "snapchat.com",
)

# Toll-free prefixes: such numbers belong to organizations and hotlines, not to patients.
TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})
