"""Patient names. Candidates come from capitalized runs of words in any script, from lower-case
given names followed by a surname (the US Census lists), and, in full mode, from the language
model's PERSON entities. Context decides: a care word, a cue ("patient", "praying for"), a
title or an age confirms; staff titles and credentials, states, countries, companies and
headings drop the candidate.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import gazetteer
from . import lexicon as lx
from .scan import HIGH, LIKELY, POSSIBLE, Scan

_PARTICLES = frozenset(
    {"van", "der", "de", "den", "la", "le", "del", "da", "di", "von", "dos", "das", "bin", "ibn"}
)
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "mister", "missus"})
_ORG_WORDS = frozenset(
    "hospital health center centre clinic foundation university medical memorial "
    "school college institute association society church pharmacy campus".split()
)
_FAMILY_AFTER = re.compile(r"^\s(?:family|family's|household|twins|triplets|kids|children)\b")
_PERSON_VERB_AFTER = re.compile(
    r"^\s(?:lives|lived|is|was|has|had|went|came|got|said|says|told|asked|needs|needed|rang|walked|"
    r"finished|beat|passed|died|turned|loves|loved|smiled|laughed|cried|woke|ate|fought|survived|"
    r"made|gave|taught|spent|arrived|left|wants|wanted|called|remembers|remembered|who|and\s+(?:his|her))\b"
)
# Capitalized common nouns at the start of a sentence ("Billing called", "Driver's license").
_COMMON_NOUN_ENDING = re.compile(r"(?:ing|tion|sion|ment|ness|ity|ance|ence|ship|ist|ism|ogy|ics|er|or|ly)$")
# Therapy animals are named in hospital posts all the time: "Max the golden retriever".
_PET_AFTER = re.compile(
    r"^,?\s(?:the|our)\s(?:[\w-]+\s){0,2}(?:dog|cat|pup|puppy|retriever|labrador|lab|poodle|doodle|horse|pony|"
    r"therapy\s+(?:dog|animal|pet))\b",
    re.IGNORECASE,
)
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
    "shoutout to",
    "shout out to",
    "shout-out to",
    "welcome home",
    "welcome back",
    "congrats to",
    "congratulations to",
    "happy birthday",
    "rip",
    "rest in peace",
    "in memory of",
    "remembering",
    "discharged",
    "admitted",
    "named",
    "patient",
    "listed under",
    "under the name",
    "refill reminder for",
    "reminder for",
    "my name is",
    "i'm",
    "i am",
    "this is",
    "proud of",
    "remember",
    "reference",
    "happy for",
    "grateful to",
    "thanks to",
    "the driver,",
    "gentleman on our floor,",
)
# The last word of every person cue: the cue itself is looked for only after one of them.
_PERSON_CUE_LAST = frozenset(cue.rstrip(",").split()[-1] for cue in _PERSON_CUES)
_SENTENCE_END = re.compile(r"(?:^|[.!?\n:;]\s*|[\"“(]\s*|[-•*]\s+)$")
_AGE_AFTER = re.compile(
    r"^(?:,\s?\d{1,3}\b|\s?\(\d{1,3}\)|,\s(?:age|aged)\s\d{1,3}|\s\d{1,3}\s?(?:yo|y/o|M|F)\b)"
)
_CRED_AFTER = re.compile(
    r"^,?\s(?:" + "|".join(sorted(lx.CREDENTIALS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_STAFF_AFTER = re.compile(
    r"^,?\s(?:our|the|a|an|who\s+(?:works|leads|runs|joined|is\s+(?:our|the|a)))\s(?:[\w-]+\s){0,3}?"
    r"(?:nurse|doctor|surgeon|physician|manager|director|educator|volunteer|"
    r"pharmacist|therapist|chaplain|tech|technician|coordinator|specialist|"
    r"colleague|intern|resident|fellow|chief|lead|leader|champion|employee|"
    r"team|staff|hero|member|speaker|author|host|ceo|president|officer|founder|dietitian|"
    r"midwife|paramedic|counselor|social\s+worker|administrator|scientist|researcher)\b",
    re.IGNORECASE,
)
_CAMEL_CASE = re.compile(r"^(?!Mc|Mac|O'|O’|D'|De|Di|La|Le|Van|Von)[A-Z][a-z]+[A-Z]")
_PERSON_NOUN_BEFORE = re.compile(
    r"\b(?:gentleman|lady|patient|woman|man|boy|girl|client|resident|driver|veteran|survivor)\b[^.!?]{0,30},\s$",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|outside|to)\s$", re.IGNORECASE)
_LINE_END = re.compile(r"^\s*(?::|$|\n)")
# "Rosalind, the client with…", "Zoë in 412", "Jürgen, our patient": the words after place a person.
_APPOSITIVE_AFTER = re.compile(
    r"^(?:,\s(?:the|our|a|my)\s(?:[\w-]+\s){0,2}?(?:client|patient|mom|mother|dad|father|gentleman|lady|"
    r"woman|man|boy|girl|baby|resident|veteran|survivor|donor|recipient|teen|toddler|grandmother|"
    r"grandfather)\b|\s(?:in|from)\s(?:room\s|bed\s)?\d{1,4}[A-Z]?\b|\s\((?:bed|room)\s)",
    re.IGNORECASE,
)


def _base(word: str) -> str:
    """The word without a possessive ending: "James's" → "James", "Núñez’s" → "Núñez"."""
    if word[-2:] in ("'s", "’s") and len(word) > 2:
        return word[:-2]
    return word


def _name_word(word: str) -> bool:
    folded = gazetteer.fold(word)
    return folded in gazetteer.given_names() or folded in gazetteer.surnames()


def _capitalized(word: str) -> bool:
    """ "Alvarez", "O'Brien", "Ñuñez" yes; acronyms such as "ICU" no, but an all-caps word that
    is a known given name or surname ("ROBERT", "KIM") yes."""
    word = _base(word)
    if not word or not word[0].isupper():
        return False
    if len(word) > 1 and word.isupper():
        lower = word.lower()
        if lower in lx.NOT_NAMES or lower in lx.ACRONYMS or lower in lx.NOT_PEOPLE or lx.is_care_word(lower):
            return False
        return _name_word(word) or (len(word) >= 3 and not word.isascii())
    return True


@lru_cache(maxsize=8192)
def _plain_word(word: str) -> bool:
    """An everyday word that is never a given name (the judge would drop it anyway)."""
    lower = _base(word).lower()
    return lower in lx.NOT_NAMES and gazetteer.fold(lower) not in gazetteer.given_names()


def names(scan: Scan) -> None:
    tokens = scan.tokens
    text = scan.text
    count = len(tokens)
    i = 0
    while i < count:
        _start, _end, word = tokens[i]
        if not word[0].isupper() or not _capitalized(word):
            i += 1
            continue
        # A run of capitalized words separated by one space (or an initial like "J.").
        run = [i]
        j = i + 1
        while j < count and len(run) < 6:
            gap = text[tokens[j - 1][1] : tokens[j][0]]
            previous = tokens[j - 1][2]
            if (
                tokens[j][2] in _PARTICLES
                and j + 1 < count
                and text[tokens[j][1] : tokens[j + 1][0]] == " "
                and gap == " "
                and (_capitalized(tokens[j + 1][2]) or tokens[j + 1][2] in _PARTICLES)
            ):
                run.append(j)  # "van der Berg", "De la Cruz"
                j += 1
                continue
            if (
                _capitalized(tokens[j][2])
                and not previous.endswith(("'s", "’s"))
                and gap in (" ", ". ")
                and (
                    gap == " " or len(previous) == 1 or previous.lower() in TITLES or previous.lower() == "dr"
                )
            ):
                run.append(j)
                j += 1
            else:
                break
        if len(run) == 1 and _plain_word(word):
            i = j
            continue  # "The", "Thanks", "Today": a sentence's first word, never a name
        for part in _without_places(scan, run):
            _judge_run(scan, part)
        i = j
    _lower_case_names(scan)
    _other_script_names(scan)
    _listed_names(scan)


@lru_cache(maxsize=4096)
def _latin_letter(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _other_script_names(scan: Scan) -> None:
    """ "s/p lap chole, 胡欣 doing well", "נעמי זילברמן's truck": in a post written in Latin
    letters, words in another script (Han, Hangul, Hebrew, Arabic, Devanagari, Cyrillic,
    Greek…) next to care words or identifiers are almost always a person's name."""
    text, tokens = scan.text, scan.tokens
    if text.isascii():
        return
    other = [k for k, (_s, _e, word) in enumerate(tokens) if not _latin_letter(word[0])]
    if not other or len(other) * 2 > len(tokens):
        return  # a post written in that script: its words are not names as such
    k = 0
    while k < len(other):
        run = [other[k]]
        while (
            k + 1 < len(other)
            and other[k + 1] == run[-1] + 1
            and len(run) < 4
            and text[tokens[run[-1]][1] : tokens[other[k + 1]][0]] in (" ", ". ")
        ):
            k += 1
            run.append(other[k])
        k += 1
        start, end = tokens[run[0]][0], tokens[run[-1]][1]
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        if text[end : end + 1] == "." and len(tokens[run[-1]][2]) == 1:
            end += 1  # "Валентина Б."
        if scan.overlaps(start, end):
            continue
        previous = tokens[run[0] - 1][2].lower() if run[0] else ""
        if _staff_context(scan, start, end, previous):
            continue
        if scan.near_care(start, end) or scan.near_identifier(start, end):
            scan.add("name", start, end, LIKELY)


_COORDINATED = re.compile(r"^(?:,\s|\s)(?:and|&|or)\s([A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)?)\b")
_COORDINATED_BEFORE = re.compile(r"\b([A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][^\W\d_]+)?)(?:,\s|\s)(?:and|&)\s$")
# "Müller, Georgia, DOB…", "Núñez, Virginia 415…": surname, comma, given name, then an identifier.
_LAST_FIRST = re.compile(
    r"(?<![\w,] )\b((?:(?:van|von|de|da|del|der|la|le)\s){0,2}[A-ZÀ-ÖØ-Þa-zß-ÿ][^\W\d_]+(?:[-'’ ][A-ZÀ-ÖØ-Þ][^\W\d_]+)?),\s"
    r"([A-ZÀ-ÖØ-Þa-zß-ÿ][^\W\d_]+(?:-[^\W\d_]+)?)(?=,?\s(?:DOB|MRN|SSN|\+|\(|\d))"
)


_LAST_FIRST_HINT = re.compile(r"[^\W\d_],\s[^\W\d_]+,?\s(?:DOB|MRN|SSN|\+|\(|\d)")


def _listed_names(scan: Scan) -> None:
    """Second names joined to a found one ("twins, Tomás and Beatriz") and "Last, First" lists."""
    text = scan.text
    for category, start, end, confidence in list(scan.results):
        if category != "name":
            continue
        m = _COORDINATED.match(text[end : end + 40])
        if m:
            s, e = end + m.start(1), end + m.end(1)
            if m.group(1).lower() not in lx.NOT_NAMES and not scan.overlaps(s, e):
                scan.add("name", s, e, min(confidence, LIKELY))
        m = _COORDINATED_BEFORE.search(text[max(0, start - 40) : start])
        if m:
            offset = max(0, start - 40)
            s, e = offset + m.start(1), offset + m.end(1)
            if m.group(1).lower() not in lx.NOT_NAMES and not scan.overlaps(s, e):
                scan.add("name", s, e, min(confidence, LIKELY))
    # The same name again elsewhere in the post ("…sepsis in Keiko early. Keiko is home now").
    seen = {}
    for category, start, end, confidence in scan.results:
        if category == "name":
            for word in _base(text[start:end]).split():
                if len(word) > 2 and word[0].isalpha() and word.lower().rstrip(".") not in TITLES:
                    seen[word] = max(seen.get(word, 0.0), confidence)
    for word, confidence in seen.items():
        for m in re.finditer(r"(?<![\w'’])" + re.escape(word) + r"(?![\w])", text):
            if not scan.overlaps(*m.span()):
                scan.add("name", *m.span(), confidence)
    places = gazetteer.all_places()
    for m in _LAST_FIRST.finditer(text) if _LAST_FIRST_HINT.search(text) else ():
        first, last = gazetteer.fold(m.group(2)), gazetteer.fold(m.group(1))
        if first in places or last in places or m.group(2).lower() in lx.NOT_NAMES:
            continue
        s, e = m.start(1), m.end(2)
        if m.group(1).lower() in lx.NOT_NAMES or lx.is_care_word(m.group(1)):
            continue
        if scan.overlaps(s, e):
            _replace_overlapping_names(scan, s, e)
            if scan.overlaps(s, e):
                continue
        scan.add("name", s, e, LIKELY)


def _replace_overlapping_names(scan: Scan, start: int, end: int) -> None:
    """Drop name findings inside [start, end) so one finding can cover the whole name."""
    keep = [r for r in scan.results if not (r[0] == "name" and start <= r[1] and r[2] <= end)]
    if len(keep) != len(scan.results):
        scan.results[:] = keep
        scan.taken[:] = [(r[1], r[2]) for r in keep]


def _without_places(scan: Scan, run: list[int]) -> list[list[int]]:
    """Split a run around state and country names ("West Virginia", "Czech Republic")."""
    tokens = scan.tokens
    words = [gazetteer.fold(_base(tokens[k][2])) for k in run]
    places = gazetteer.states_and_countries()
    given = gazetteer.given_names()
    before = scan.tokens[run[0] - 1][2].lower().rstrip(".") if run[0] else ""
    last_end = tokens[run[-1]][1]
    if len(run) == 1 and (
        before in lx.PATIENT_CUES
        or _APPOSITIVE_AFTER.match(scan.text[last_end : last_end + 60])
        or _AGE_AFTER.match(scan.text[last_end : last_end + 20])
    ):
        return [run]  # "My daughter Virginia (16)", "Georgia, the client with…"
    parts, current, k = [], [], 0
    while k < len(run):
        for size in (3, 2, 1):
            if size == 1 and (
                (k > 0 and words[k - 1] in given)
                or (k == 0 and before in TITLES)
                or words[k - 1 : k] == ["mr"]
            ):
                continue  # "Linh Washington", "Mr Washington": a surname
            if k + size <= len(run) and " ".join(words[k : k + size]) in places:
                if current:
                    parts.append(current)
                current = []
                k += size
                break
        else:
            current.append(run[k])
            k += 1
    if current:
        parts.append(current)
    return parts


def _staff_context(scan: Scan, start: int, end: int, previous_word: str) -> bool:
    after = scan.text[end : end + 60]
    return (
        previous_word in lx.STAFF_TITLES or bool(_CRED_AFTER.match(after)) or bool(_STAFF_AFTER.match(after))
    )


def _judge_run(scan: Scan, run: list[int]) -> None:
    tokens, text = scan.tokens, scan.text
    words = [_base(tokens[k][2]).lower() for k in run]
    if words[-1] in _ORG_WORDS or any(w in _ORG_WORDS for w in words[1:]):
        return  # "Mercy Hospital", "Lakeshore Health Foundation"
    last_end = tokens[run[-1]][1]
    if lx.COMPANY_AFTER.match(text[last_end : last_end + 30]):
        return  # "Acme Pharmaceuticals", "Blue Harbor Inc."
    following = tokens[run[-1] + 1][2].lower() if run[-1] + 1 < len(tokens) else ""
    if words and tokens[run[-1]][2].endswith(("'s", "’s")) and following in _ORG_WORDS:
        return  # "Northfield Children's Hospital"
    if run[0] > 0 and tokens[run[0] - 1][2].lower() in {"st", "saint", "mt", "mount", "san", "santa"}:
        return  # "St. Brigid"
    if all(tokens[k][2].isupper() and len(tokens[k][2]) > 1 for k in run) and (
        any(w in lx.NOT_NAMES or w in lx.NOT_PEOPLE for w in words)
        or (len(words) == 1 and gazetteer.fold(words[0]) not in gazetteer.given_names())
    ):
        return  # "TWO WEEKS", "OH": all capitals and not a name
    given = gazetteer.given_names()
    lead = 0
    while lead < len(words) and (
        (words[lead] in lx.NOT_NAMES or (lx.is_care_word(words[lead]) and lead + 1 < len(words)))
        and gazetteer.fold(words[lead]) not in given
    ):
        lead += 1  # "Discharged Chukwuemeka Adeyemi"
    tail = len(words)
    while tail > lead and words[tail - 1] in lx.NOT_NAMES and gazetteer.fold(words[tail - 1]) not in given:
        tail -= 1
    if lead >= tail:
        return
    name_words = words[lead:tail]
    if all(w in lx.NOT_NAMES for w in name_words) or all(w in lx.NOT_PEOPLE for w in name_words):
        return
    if (
        len(name_words) >= 3
        and gazetteer.fold(name_words[0]) not in given
        and gazetteer.fold(name_words[0]) not in gazetteer.surnames()
        and gazetteer.fold(name_words[1]) in given
    ):
        lead += 1  # "Saw Minh Friedman", "Driver Ana Ruiz": a capitalized word before a full name
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
    if any(w in lx.STAFF_TITLES for w in words[:lead]) or _staff_context(scan, start, end, previous_word):
        return
    if scan.overlaps(start, end):
        return  # already a street, town or other finding
    after = text[end : end + 60]
    following = tokens[last_k + 1][2].lower() if last_k + 1 < len(tokens) else ""
    titled = bool(previous) and previous_word.rstrip(".") in TITLES
    if titled:
        # Include the title itself ("Mrs. Alvarez") in the span.
        title_k = run[lead - 1] if lead else prev_index
        start = tokens[title_k][0]
    cued = previous_word in lx.PATIENT_CUES or "patient" in previous[-2:]
    known = gazetteer.fold(name_words[0]) in given or gazetteer.fold(name_words[-1]) in gazetteer.surnames()
    aged = bool(_AGE_AFTER.match(after) or _APPOSITIVE_AFTER.match(after)) or any(
        c in ("room_bed", "age") and end <= s <= end + 8 for c, s, _e, _c in scan.results
    )  # "Augustin (bed 1)", "Linh, 94"
    line_start = text.rfind("\n", 0, start) + 1
    heading = not text[line_start:start].strip(" #*-•") and bool(_LINE_END.match(after))
    sentence_start = bool(_SENTENCE_END.search(text[max(0, start - 3) : start]))
    family = bool(_FAMILY_AFTER.match(after)) and previous_word == "the"
    person_cue = text[max(0, start - 24) : start].lower().rstrip(" :,").endswith(_PERSON_CUES) or bool(
        _PERSON_NOUN_BEFORE.search(text[max(0, start - 40) : start])
    )
    if any(lx.is_care_word(w) for w in name_words) or words[-1] in lx.NOT_PEOPLE:
        return  # "Surgery went great", "Stroke Survivors Support Group"
    if len(name_words) == 1 and (name_words[0] in lx.NOT_PEOPLE or len(name_words[0]) == 1):
        return  # "Mom", "L&D"
    if " ".join(name_words) in lx.PUBLIC_FIGURES:
        return
    if (
        len(name_words) == 1
        and not (titled or cued)
        and gazetteer.fold(name_words[0]) in gazetteer.cities()
        and _PLACE_BEFORE.search(text[max(0, start - 12) : start])
    ):
        return  # "in Orlando": the place rules judge it
    possessive = text[end : end + 2] in ("'s", "’s")
    if len(name_words) == 1 and not (known or titled or possessive) and lx.is_care_word(following):
        if following not in {"bed", "beds", "room", "bay", "rm"}:
            return  # "the Whipple surgery"
    folded_run = " ".join(gazetteer.fold(w) for w in name_words)
    if (
        folded_run in gazetteer.cities()
        and not (titled or cued)
        and not (gazetteer.fold(name_words[0]) in given and len(name_words) > 1)
        and folded_run not in given
    ):
        return  # "Bozeman", "Fort Collins": places, judged by the place rules
    if _PET_AFTER.match(after):
        return
    if cued or family or person_cue:
        scan.add("name", start, end, HIGH)
        return
    if heading:
        return  # "Mission Statement", "Patient Stories"
    if not scan.near_care(start, end) and not scan.near_identifier(start, end):
        if (
            len(name_words) >= 2
            and not sentence_start
            and gazetteer.fold(name_words[0]) in given
            and name_words[-1] not in lx.NOT_NAMES
        ):
            scan.add("name", start, end, LIKELY - 0.05)  # a full name: someone in particular
        return
    if titled or aged:
        scan.add("name", start, end, HIGH)
    elif len(name_words) >= 2 and not sentence_start:
        scan.add("name", start, end, LIKELY + (0.05 if known else 0.0))
    elif len(name_words) >= 2 and not sentence_start and gazetteer.fold(name_words[0]) in given:
        pass
    elif len(name_words) >= 2 and name_words[-1] not in lx.NOT_NAMES:
        scan.add("name", start, end, LIKELY if known else POSSIBLE)
    elif known and not sentence_start and name_words[0] not in lx.NOT_PEOPLE:
        scan.add("name", start, end, LIKELY)
    elif (
        (gazetteer.fold(name_words[0]) in given or not _COMMON_NOUN_ENDING.search(name_words[0]))
        and name_words[0] not in lx.NOT_PEOPLE
        and (_PERSON_VERB_AFTER.match(after) or text[end : end + 2] in ("'s", "’s"))
    ):
        # "Mildred's new pacemaker", "Eun-ji beat the odds": used like a person.
        scan.add("name", start, end, LIKELY if known else POSSIBLE)


def _lower_surname(word: str) -> bool:
    """A lower-case word that reads as a surname: on the Census list, written with letters
    English words do not use ("ramírez") or with an apostrophe ("o'brien"), and not an everyday
    or care word."""
    base = _base(word)
    if (
        base in lx.NOT_NAMES
        or lx.is_care_word(base)
        or base in lx.NOT_PEOPLE
        or _COMMON_NOUN_ENDING.search(base)
    ):
        return False
    return gazetteer.fold(base) in gazetteer.surnames() or not base.isascii() or "'" in base or "’" in base


_ANY_CUE_BEFORE = TITLES | lx.PATIENT_CUES | _PERSON_CUE_LAST | {"for", "of", "remember", "pt", "patient"}


def _unknown_word(word: str) -> bool:
    """ "gigli", "isaksson": a lower-case word that is no English word, care word or common
    noun; after a given name it reads as a surname."""
    lower = word.lower()
    return (
        len(lower) >= 3
        and lower not in lx.NOT_NAMES
        and lower not in lx.NOT_PEOPLE
        and not lx.is_care_word(lower)
        and not _COMMON_NOUN_ENDING.search(lower)
        and gazetteer.fold(lower) not in gazetteer.everyday_words()
    )


def _lower_case_names(scan: Scan) -> None:
    """ "patient robert kim", "shoutout to jane doe": a lower-case given name and surname in a
    post about care, or a lower-case given name right after a patient cue or title."""
    tokens, text = scan.tokens, scan.text
    given = gazetteer.given_names()
    for index, (start, end, word) in enumerate(tokens):
        if word in lx.NOT_NAMES or not word.islower():
            continue  # most lower-case words of a post are function words: leave at once
        base = _base(word)
        folded = gazetteer.fold(base)
        previous = tokens[index - 1][2].lower() if index else ""
        if previous in lx.STAFF_TITLES or base in lx.NOT_NAMES or base in lx.COMMON_WORD_NAMES:
            continue
        if folded not in given and previous not in _ANY_CUE_BEFORE:
            continue  # neither a given name nor after a cue: none of the tests below can hold
        cue_before = (
            previous.rstrip(".") in TITLES
            or previous in lx.PATIENT_CUES
            or (
                previous in _PERSON_CUE_LAST
                and text[max(0, start - 24) : start].lower().rstrip(" :,").endswith(_PERSON_CUES)
            )
            or (previous in {"for", "of", "remember"} and not base.isascii() and scan.near_care(start, end))
        )
        strong_cue = previous.rstrip(".") in TITLES or (
            previous in {"pt", "patient"} and ("'" in base or "’" in base)
        )
        if folded not in given and not (
            (cue_before and not base.isascii() or strong_cue)
            and not lx.is_care_word(base)
            and base not in lx.NOT_PEOPLE
            and not _COMMON_NOUN_ENDING.search(base)
        ):
            if not (
                cue_before
                and index + 1 < len(tokens)
                and tokens[index + 1][2].islower()
                and _lower_surname(tokens[index + 1][2])
            ):
                continue
        stop = end - (len(word) - len(base))
        two_words = False
        if index + 1 < len(tokens) and word == base:
            n_start, n_end, n_word = tokens[index + 1]
            n_base = _base(n_word)
            if (
                n_word.islower()
                and text[end:n_start] == " "
                and (_lower_surname(n_word) or (folded in given and _unknown_word(n_base)))
            ):
                stop = n_end - (len(n_word) - len(n_base))
                two_words = True
        if scan.overlaps(start, stop) or _staff_context(scan, start, stop, previous):
            continue
        if cue_before:
            scan.add("name", start, stop, HIGH)
        elif two_words and scan.near_care(start, stop):
            scan.add("name", start, stop, LIKELY)


def _agree(scan: Scan, start: int, end: int) -> None:
    """The model read a name where a rule suspected one: the rule's finding becomes likely."""
    for index, (category, s, e, confidence) in enumerate(scan.results):
        if category == "name" and s < end and start < e and confidence < LIKELY:
            scan.results[index] = (category, s, e, LIKELY)


def ner_names(scan: Scan) -> None:
    """PERSON entities from the language model, kept when the context says patient."""
    text = scan.text
    for label, start, end in scan.entities:
        if label != "PERSON":
            continue
        span_words = text[start:end].split()
        while span_words and span_words[0].lower().rstrip(".") in TITLES | {"dr", "the"}:
            if span_words[0].lower().rstrip(".") == "dr":
                span_words = []
                break
            start = text.index(span_words[1], start) if len(span_words) > 1 else end
            span_words = span_words[1:]
        if not span_words:
            continue
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        if scan.overlaps(start, end):
            _agree(scan, start, end)
            continue
        folded = " ".join(gazetteer.fold(_base(w)) for w in span_words)
        if " ".join(w.lower() for w in span_words) in lx.PUBLIC_FIGURES:
            continue
        if (
            folded in gazetteer.us_states()
            or folded in gazetteer.countries()
            or all(w.lower() in lx.NOT_NAMES or w.lower() in lx.NOT_PEOPLE for w in span_words)
            or lx.COMPANY_AFTER.match(text[end : end + 30])
            or any(w.lower() in _ORG_WORDS for w in span_words)
        ):
            continue
        before = text[max(0, start - 30) : start].split()
        previous_word = before[-1].lower().rstrip(".,:") if before else ""
        if previous_word == "dr" or _staff_context(scan, start, end, previous_word):
            continue
        if any(ch.isdigit() for ch in text[start:end]) or not span_words[0][0].isalpha():
            continue
        lower_words = [_base(w).lower() for w in span_words]
        line_start = text.rfind("\n", 0, start) + 1
        if (
            any(lx.is_care_word(w) for w in lower_words)
            or any(w in lx.NOT_PEOPLE for w in lower_words)
            or (not text[line_start:start].strip(" #*-•") and _LINE_END.match(text[end : end + 5]))
            or (
                " ".join(gazetteer.fold(w) for w in lower_words) in gazetteer.cities()
                and len(lower_words) == 1
            )
            or _PET_AFTER.match(text[end : end + 40])
            or any(_CAMEL_CASE.search(w) for w in span_words)
        ):
            continue  # "MyChart", "Max the therapy dog", "Cardiac Rehab"
        cued = previous_word in lx.PATIENT_CUES or previous_word in TITLES
        if len(span_words) == 1 and not (
            cued or _name_word(_base(span_words[0])) or _PERSON_VERB_AFTER.match(text[end : end + 30])
        ):
            continue
        if cued or scan.near_care(start, end) or scan.near_identifier(start, end):
            scan.add("name", start, end, HIGH if cued else LIKELY)
