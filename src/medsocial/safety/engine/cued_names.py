"""Names the words around them give away, in any case and any script: "pt robert kim",
"shoutout to JANE DOE", "my husband 吉田花子", "Thank you Esther Marín for…", "ZACHARY CLARK IN
30", "loredana stanisławek in 24 pulled out his IV".

A person cue before the words ("patient", "Mrs.", "my grandmother", "praying for") or a
person context after them (", 93," an age, "in 24" a room, "'s daughter", "rang the bell")
opens a slot; the slot takes the words that read as a name: not everyday English (the
dictionary's most frequent words), not care words, credentials or months, or on the Census
name lists, or written in letters English does not use. Capital letters are not required,
so lower-case and all-caps posts are read the same way as others.
"""

from __future__ import annotations

import re

from . import gazetteer
from . import lexicon as lx
from .scan import HIGH, LIKELY, Scan

# Words a slot never takes: function words, people nouns and words that start a clause.
_STOP = (
    frozenset(
        """
    a an the and or but nor so yet for of to in on at by with from into onto over under about
    after before since until during while as than then who whom whose which what when where why how
    is are was were be been being am has have had do does did will would can could should may might
    must shall not no yes all any some each every this that these those it its he she they them him
    her his their our my your me we us you i
    patient patients pt pts client resident baby twins mom mum dad team staff unit floor room bed
    family friends everyone everybody folks today tonight tomorrow yesterday morning evening night
    """.split()
    )
    | lx.PATIENT_CUES
    | lx.STAFF_TITLES
    | lx.CREDENTIALS
    | lx.NOT_PEOPLE
)
_PARTICLES = frozenset(
    "da de del della di do dos das du la le van von der den ter bin ibn al el abu y".split()
)
_NOT_NAME_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ship", "ism", "ology", "ed", "ly")

# Cues right before a name, case-insensitive; the name follows after optional ":" or ",".
_BEFORE_SOURCE = (
    r"(?:\b(?:pt|patient|client|resident|mr|mrs|ms|mx|miss|mister|missus|baby|"
    r"(?:my|our|her|his|their)\s(?:little\s|baby\s|sweet\s|brave\s|beautiful\s|late\s|dear\s|old\s)?"
    r"(?:husband|wife|son|daughter|mom|mum|mother|dad|father|grandmother|grandma|grandfather|grandpa|"
    r"nana|granny|gran|brother|sister|partner|aunt|auntie|uncle|niece|nephew|grandson|granddaughter|"
    r"boy|girl|cousin|neighbou?r|friend|fianc[eé]e?|stepson|stepdaughter|kiddo|child|toddler|newborn|"
    r"twin|bestie|patient)|"
    r"shout\s?-?outs?(?:\sto)?|praying\sfor|prayers\s(?:for|to)|pray\sfor|thinking\sof|"
    r"thoughts\s(?:are\s)?with|welcome\s(?:home|back)|congrat(?:s|ulations)(?:\sto)?|"
    r"happy\s(?:\d{1,3}(?:st|nd|rd|th)\s)?(?:birthday|bday)(?:\sto)?|rip|rest\sin\speace|in\smemory\sof|"
    r"remembering|meet|thank\syou|thanks(?:\sto)?|my\sname\sis|(?:patient\s)?name|get\swell(?:\ssoon)?|"
    r"send(?:ing)?\s(?:love|prayers|hugs|strength)\sto|hugs\sto|proud\sof|update\son|"
    r"(?:order|notes?|auth(?:orization)?|reminder|teaching|refills?|prescription|rx|consult|"
    r"follow-?up|results|labs|appointment|paperwork|done|denied|approved|pending|scheduled)"
    r"\s(?:[\w-]+\s){0,2}?for|"
    r"save\son|listed\sunder|under\sthe\sname|admitted|discharged|visited|visiting|"
    r"driver|belongs\sto|transferring|transferred|belonging\sto|owner\sis|log\slists|"
    r"(?:room|rm|bed|bay)\s\#?\d[\w-]{0,5}(?:\sis)?)"
    r")\.?[,:]?\s"
)
# Found once per post in its lower-case copy; a name may start where a cue ends.
_BEFORE = re.compile(_BEFORE_SOURCE)
# Person context right after a name.
_AFTER_SOURCE = (
    r"(?:,\s(?:\d{1,3}|age\s\d{1,3}|aged\s\d{1,3})\b"
    r"|\s\((?:\d{1,3}|age\s\d{1,3}|room\s\w+|bed\s\w+|rm\s\w+)\)"
    r"|\s(?:in|to)\s(?:room\s|bed\s|rm\s)?(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?\b(?!\s?(?:%|mg|am|pm|minutes|min|days|hours|hrs|weeks|"
    r"months|years|patients|people|nurses|beds))"
    r"|['’]s\s(?:daughter|son|wife|husband|mom|mum|mother|dad|father|family|parents|kids|children|"
    r"sister|brother|grandson|granddaughter|insulin|meds|medication|chart|surgery|recovery|room|bed|"
    r"care|story|journey|transplant|scan|biopsy|results|labs|diagnosis|birthday|funeral)\b"
    r"|\s(?:is|was|has|had)\s(?:back|home|been|doing|recovering|discharged|admitted|finally|still|now|"
    r"going|in\s(?:the\s)?(?:icu|er|ed|hospital|room|bed|hospice|surgery|rehab))\b"
    r"|\s(?:is|was)\s(?:npo|our\s(?:oldest|youngest|longest|first|last|favorite|patient)|in\ssurgery)\b"
    r"|\s(?:doing\swell|is\sdoing|is\sstable|resting\scomfortably)\b"
    r"|\s(?:is|was)\s(?:adm|admitted|dc'd|d/c|intubated|transferred|moved|brought|sent|found|born)\b"
    r"|\s(?:had|has)\s(?:her|his|their|a)\s(?:baby|surgery|procedure|stroke|seizure|c-section|transplant|"
    r"fall|heart\sattack)\b|\sgave\sbirth\b"
    r"|\s(?:rang|walked|coded|beat|passed|died|fell|turned|pulled|survived|woke|fought|celebrated|"
    r"delivered|underwent|needs|needed|went\shome|came\shome|asked\sme|asked\sus)\b"
    r"|,?\s\(?(?:mrn|dob|d\.o\.b\.|ssn|mr\#|acct|member\sid)\b"
    r"|\sfrom\s[^\W\d_]+\s(?:rang|was|is|has|had|came|went|beat|survived|fought)\b)"
)
# Found once per post in its lower-case copy; a name may end where a context starts.
_AFTER = re.compile(_AFTER_SOURCE)
_AGE_OR_ROOM = re.compile(r"^(?:,\s|\s\(|\s(?i:in|to)\s)", re.IGNORECASE)
_STAFF_AFTER = re.compile(
    r"^,?\s(?:(?:" + "|".join(sorted(lx.CREDENTIALS, key=len, reverse=True)) + r")\b"
    r"|(?:our|the|a)\s(?:[\w-]+\s){0,2}?(?:nurse|doctor|surgeon|physician|pharmacist|therapist|"
    r"chaplain|volunteer|educator|manager|director|colleague|speaker)\b)",
    re.IGNORECASE,
)
# "elderly patient, atypical chest pain": after these a comma ends the phrase, no name follows.
_NOUN_COMMA_BEFORE = re.compile(r"\b(?:pt|patient|client|resident)s?\.?,\s$", re.IGNORECASE)
# A title is part of the name's span, as people read it ("Mrs. Alvarez").
_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|mx|miss|mister|missus)\.?\s$", re.IGNORECASE)
_DR_BEFORE = re.compile(r"\b(?:dr|doctor|nurse|prof|professor|rn|np|pa)\.?\s$", re.IGNORECASE)
MAX_WORDS = 4


def _is_initial(scan: Scan, index: int) -> bool:
    start, end, word = scan.tokens[index]
    return len(word) == 1 and word.isalpha() and scan.text[end : end + 1] == "."


def _name_like(word: str) -> tuple[bool, bool]:
    """(reads as a name, only weakly): weak words are names that are also everyday words
    ("will", "grace", "day"), taken only beside a stronger name word or written capitalized."""
    base = word[:-2] if word[-2:] in ("'s", "’s") and len(word) > 2 else word
    lower = base.lower()
    if lower in _STOP or lower in lx.NOT_NAMES or lx.is_care_word(lower):
        return False, False
    folded = gazetteer.fold(base)
    listed = folded in gazetteer.given_names() or folded in gazetteer.surnames()
    if listed:
        return True, folded in gazetteer.very_common_words()
    if folded in gazetteer.everyday_words() or lower in gazetteer.everyday_words():
        return False, False
    if base.islower() and lower.endswith("s") and lower[:-1] in gazetteer.everyday_words():
        return False, False  # "navigators" (but "MATS", "Mats" may be a name)
    if base.islower() and base.isascii() and lower.endswith(_NOT_NAME_ENDINGS):
        return False, False
    return True, False


def _word_ok(scan: Scan, index: int) -> tuple[bool, bool]:
    start, _end, word = scan.tokens[index]
    if _is_initial(scan, index):
        return True, True
    if (
        len(word) < 2
        and word.isascii()
        or scan.text[start - 1 : start].isdigit()
        or scan.text[_end : _end + 1].isdigit()
    ):
        return False, False  # "B" of "2B", "GB" of "GB82 …"
    ok, weak = _name_like(word)
    if ok and weak and word[0].isupper() and not word.isupper():
        weak = False  # "Grace", "Will": written as a name
    return ok, weak


def _joined(scan: Scan, left: int, right: int) -> bool:
    """Two neighbouring tokens belong to one name: one space, or ". " after an initial."""
    gap = scan.text[scan.tokens[left][1] : scan.tokens[right][0]]
    return gap == " " or (gap == ". " and _is_initial(scan, left))


def _run_forward(scan: Scan, first: int) -> list[int]:
    run: list[int] = []
    k = first
    while k < len(scan.tokens) and len(run) < MAX_WORDS:
        if run and not _joined(scan, run[-1], k):
            break
        word = scan.tokens[k][2]
        if run and word.lower() in _PARTICLES and k + 1 < len(scan.tokens) and _joined(scan, k, k + 1):
            if _word_ok(scan, k + 1)[0]:
                run.append(k)  # "van den Corput", "da Costa"
                k += 1
                continue
        if not _word_ok(scan, k)[0]:
            break
        run.append(k)
        if word.endswith(("'s", "’s")):
            break
        k += 1
    return run


def _run_backward(scan: Scan, last: int) -> list[int]:
    run: list[int] = []
    k = last
    while k >= 0 and len(run) < MAX_WORDS:
        if run and not _joined(scan, k, run[0]):
            break
        word = scan.tokens[k][2]
        if run and word.lower() in _PARTICLES and k > 0 and _joined(scan, k - 1, k):
            run.insert(0, k)
            k -= 1
            continue
        if not _word_ok(scan, k)[0] or (run and word.endswith(("'s", "’s"))):
            break
        run.insert(0, k)
        k -= 1
    while run and scan.tokens[run[0]][2].lower() in _PARTICLES:
        run.pop(0)
    return run


def _acceptable(scan: Scan, run: list[int], *, cued: bool) -> bool:
    words = [scan.tokens[k][2] for k in run]
    flags = [_word_ok(scan, k) for k in run]
    strong = [k for k, (_ok, weak) in zip(run, flags, strict=True) if not weak]
    if not strong:
        return False  # "grace", "will", "J."
    if not cued and len(run) == 1:
        word = words[0]
        # A single word before a context needs to look like a name on its own.
        if word.islower() and word.isascii():
            # "michael is NPO", "ronald in rm 729": a lower-case given name that is not also
            # one of the most frequent English words ("will", "grace", "rose" stay out).
            folded = gazetteer.fold(word)
            if folded not in gazetteer.given_names() or folded in gazetteer.very_common_words():
                return False
    folded = " ".join(gazetteer.fold(w.rstrip("'’s") if w.endswith(("'s", "’s")) else w) for w in words)
    if folded in gazetteer.states_and_countries():
        return False
    following = scan.text[scan.tokens[run[0]][0] : scan.tokens[run[0]][0] + 40].lower()
    if any(following.startswith(figure) for figure in lx.PUBLIC_FIGURES):
        return False  # "Simone Biles"
    if len(run) == 1 and folded in gazetteer.cities() and not gazetteer.is_person_name_word(words[0]):
        return False
    return True


def _span(scan: Scan, run: list[int]) -> tuple[int, int]:
    start, end, word = scan.tokens[run[0]][0], scan.tokens[run[-1]][1], scan.tokens[run[-1]][2]
    if word.endswith(("'s", "’s")):
        end -= 2
    elif _is_initial(scan, run[-1]):
        end += 1
    return start, end


def _staff(scan: Scan, start: int, end: int) -> bool:
    return bool(
        _DR_BEFORE.search(scan.text[max(0, start - 12) : start])
        or _STAFF_AFTER.match(scan.text[end : end + 50])
    )


def _claim(scan: Scan, start: int, end: int, confidence: float) -> None:
    """Add the name, replacing shorter name findings inside it ("Jos" inside "José Núñez")."""
    inside = [r for r in scan.results if r[0] == "name" and start <= r[1] and r[2] <= end]
    if inside:
        keep = [r for r in scan.results if r not in inside]
        scan.results[:] = keep
        scan.taken[:] = [(r[1], r[2]) for r in keep]
    if scan.overlaps(start, end):
        return
    scan.add("name", start, end, confidence)


_SIGN_OFF_BEFORE = re.compile(r"(?:\s[-–—~]\s?|\n[-–—~]?\s?)$")


def _sign_off(scan: Scan) -> None:
    """ "…join my chemo buddy group - alícia nascimento": a name signing a post about care."""
    tokens, text = scan.tokens, scan.text
    if len(tokens) < 4:
        return
    tail = text.rstrip(" .!\n")
    for first in range(max(1, len(tokens) - MAX_WORDS), len(tokens)):
        start = tokens[first][0]
        if not _SIGN_OFF_BEFORE.search(text[max(0, start - 3) : start]):
            continue
        run = _run_forward(scan, first)
        if (
            run
            and len(run) >= 2
            and tokens[run[-1]][1] >= len(tail) - 1
            and _acceptable(scan, run, cued=True)
        ):
            s, e = _span(scan, run)
            if not _staff(scan, s, e) and scan.near_care(s, e, window=300):
                _claim(scan, s, e, LIKELY)
        return


# Hashtags made of a name and a support word: "#TeamMaría", "#PrayForJosé", "#MiaStrong",
# "#prayforlucia".
_HASHTAG = re.compile(
    r"#(?P<pre>team|pray(?:ing)?(?:for|4)|prayers(?:for|4)|love(?:for|4)|strong(?:for|4)|fight(?:for|4)|"
    r"hugs(?:for|4)|welove|gogo|go)?(?P<name>[^\W\d_]{2,30}?)"
    r"(?P<post>strong|tough|warrior|army|nation|squad|fights|fighting|journey|recovery|updates?)?(?![^\W\d_])",
    re.IGNORECASE,
)
_CAMEL_PART = re.compile(r"[^\W\d_][^\W\d_A-Z]*")


def _hashtag_names(scan: Scan) -> None:
    text = scan.text
    for m in _HASHTAG.finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue
        start, end = m.span("name")
        value = m.group("name")
        parts = _CAMEL_PART.findall(value) if not value.islower() and not value.isupper() else [value]
        if len(parts) > 2 or not parts:
            continue
        folded = gazetteer.fold(parts[0])
        if len(parts) == 1 and (
            folded in gazetteer.very_common_words()
            or not (
                folded in gazetteer.given_names()
                or (value[0].isupper() and folded not in gazetteer.everyday_words() and _name_like(value)[0])
            )
        ):
            continue  # "#prayforpeace", "#TeamWork"
        if any(not _name_like(part)[0] for part in parts):
            continue
        if scan.overlaps(start, end) or not scan.near_care(start, end, window=300):
            continue
        scan.add("name", start, end, LIKELY)


# The first word of every cue in _BEFORE: the pattern is tried where one of them stands, not at
# every character of the post.
_CUE_FIRST_WORDS = frozenset(
    """pt patient client resident mr mrs ms mx miss mister missus baby my our her his their shout shoutout
    shoutouts shout-out shout-outs praying prayers pray thinking thoughts welcome congrats congratulations
    happy rip rest in remembering meet thank thanks name get send sending hugs proud update order orders
    note notes auth authorization reminder teaching refill refills prescription rx consult follow-up
    followup follow results labs appointment paperwork done denied approved pending scheduled save
    listed under admitted discharged visited visiting driver belongs belonging owner log room rm bed
    bay transferring transferred""".split()
)


def _cue_ends(scan: Scan) -> dict[int, int]:
    """Where each person cue ends -> where it starts."""
    lower = scan.lower
    ends: dict[int, int] = {}
    for start, end, _word in scan.tokens:
        if lower[start:end] in _CUE_FIRST_WORDS:
            m = _BEFORE.match(lower, start)
            if m and m.end() not in ends:
                ends[m.end()] = m.start()
    return ends


def cued_names(scan: Scan) -> None:
    tokens, text = scan.tokens, scan.text
    if "#" in text:
        _hashtag_names(scan)
    _sign_off(scan)
    cue_ends = _cue_ends(scan)
    contexts = {m.start(): m for m in _AFTER.finditer(scan.lower)}
    if not cue_ends and not contexts:
        return
    for index, (start, end, _word) in enumerate(tokens):
        if index and start in cue_ends:
            cue = text[cue_ends[start] : start]
            if _DR_BEFORE.search(text[max(0, start - 12) : start]):
                continue
            run = _run_forward(scan, index)
            if run and _NOUN_COMMA_BEFORE.search(cue):
                # "elderly patient, atypical chest pain": only a written-out name follows.
                if len(run) < 2 or not all(scan.tokens[k][2][0].isupper() for k in run):
                    run = []
            if run and _acceptable(scan, run, cued=True):
                s, e = _span(scan, run)
                if not _staff(scan, s, e):
                    title = _TITLE_BEFORE.search(cue)
                    _claim(scan, start - len(title.group()) if title else s, e, HIGH)
                continue
        context = contexts.get(end)
        if context is None and end + 1 in contexts and _is_initial(scan, index):
            context = contexts[end + 1]
        if context:
            run = _run_backward(scan, index)
            if run and _acceptable(scan, run, cued=False):
                s, e = _span(scan, run)
                # An age or a room right after the words places a person on its own.
                placed = bool(_AGE_OR_ROOM.match(context.group()))
                if not _staff(scan, s, e) and (placed or scan.near_care(s, e) or scan.near_identifier(s, e)):
                    _claim(scan, s, e, LIKELY)
