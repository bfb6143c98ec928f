"""Requests for individual medical advice in public comments ("my son has a fever of 103, what
should I give him"). Such a comment is held for a moderator: the answer belongs with the
person's own clinician, and the comment often reveals the person's health details too.

A comment is a request when it ASKS (a question or a plea for advice), is about a PARTICULAR
person (I, me, my son, my mother…) and is about their HEALTH (symptoms, medicines, doses,
results, a procedure). General questions ("when is the next CPR class?", "how do I register?")
and personal stories without a question are not requests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ASK = re.compile(
    r"\b(?:should\s+(?:i|we|he|she|they|my|mom|dad)|what\s+(?:should|can|could|do|would)\s+(?:i|we)"
    r"|(?:do|does|did|would|could|can|will|are)\s+(?:i|we|he|she|they|you\s+(?:give|take|go|think|recommend))\b"
    r"|go\s+in\s+(?:tonight|now|today)|(?:or|and)\s+(?:wait|not|call|take\s+(?:him|her|them)|go)\b[^.?!\n]{0,30}\?"
    r"|safe\s+for\s+(?:me|him|her|them|my)|at\s+what\s+point|what\s+do\s+(?:i|we)\s+do"
    r"|what\s+(?:dose|dosage|amount)|how\s+(?:much|many|often|long|soon)\b[^.?!\n]{0,40}"
    r"\b(?:should|can|could|do|does|is|before)\b"
    r"|can\s+(?:i|we|he|she|my|you)\s+(?:take|give|mix|stop|skip|drink|eat|use|double|combine|go|still|"
    r"get|have|exercise|drive|shower|fly|travel|switch|lower|raise|increase|cut)"
    r"|is\s+(?:it|this|that)\s+(?:safe|normal|ok|okay|bad|dangerous|serious|fine|common|something|"
    r"an?\s+(?:emergency|sign|symptom|infection|allergy|reaction)|too)"
    r"|are\s+(?:these|those)\s+(?:normal|safe|symptoms|signs)"
    r"|do\s+(?:i|we|you\s+think\s+i)\s+need|does\s+(?:this|that|it)\s+(?:sound|look|mean)|could\s+(?:this|it|that)\s+be"
    r"|when\s+should\s+(?:i|we)|where\s+should\s+(?:i|we)\s+(?:go|take)|will\s+(?:it|this|i|he|she)\s+"
    r"(?:go\s+away|get\s+better|hurt|heal)|any\s+(?:advice|suggestions|recommendations)"
    r"|(?:need|want|looking\s+for)\s+(?:some\s+)?(?:advice|help|a\s+recommendation)|please\s+help|help\s+me"
    r"|what(?:'s|\s+is)\s+the\s+best\s+(?:medicine|med|treatment|thing|way)|what\s+(?:medicine|meds?|pills?)"
    r"|is\s+there\s+(?:anything|something)\s+(?:i|we)|wondering\s+if|recommend\s+(?:a|any|something)"
    r"|how\s+do\s+i\s+(?:treat|stop|get\s+rid|know|tell|lower|raise|manage)|which\s+(?:medicine|one)\s+should)",
    re.IGNORECASE,
)
_PERSONAL = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|myself|we|our|us)\b", re.IGNORECASE)
# Asking how much of a medicine to take is individual advice whoever it is for.
_DOSING = re.compile(
    r"\b(?:what\s+(?:dose|dosage|amount)|how\s+(?:much|many)\s+(?:mg|ml|pills?|tablets?|[a-z]+\s+(?:should|can)))",
    re.IGNORECASE,
)
_HEALTH = re.compile(
    r"\b(?:fever|temp(?:erature)?|pain|ache|aches|aching|hurts?|hurting|sore|rash|itch\w*|cough\w*|cold|flu|"
    r"covid|vomit\w*|throw\w*\s+up|threw\s+up|nause\w*|diarrh\w*|constipat\w*|dizz\w*|faint\w*|headache\w*|"
    r"migraine\w*|bleed\w*|blood|bruis\w*|swell\w*|swollen|lump|bump|infect\w*|incision|stitches|wound|"
    r"scar|burn\w*|allerg\w*|hives|asthma|inhaler|wheez\w*|breath\w*|chest|heart|palpitation\w*|bp|"
    r"pressure|sugar|glucose|a1c|insulin|diabet\w*|thyroid|cholesterol|statin\w*|dose|dosage|doses|mg|ml|"
    r"pill\w*|tablet\w*|capsule\w*|meds?|medication\w*|medicine\w*|prescri\w*|antibiotic\w*|amoxicillin|"
    r"ibuprofen|advil|motrin|tylenol|acetaminophen|paracetamol|aspirin|benadryl|zyrtec|claritin|"
    r"metformin|lisinopril|xanax|zoloft|prozac|adderall|oxy\w*|opioid\w*|vitamin\w*|supplement\w*|"
    r"tea|cbd|alcohol|drink\w*|period|spotting|cramp\w*|pregnan\w*|miscarr\w*|discharge|pee|urin\w*|"
    r"poop|stool|vision|eye|ear|tooth|teeth|gum|throat|tonsil\w*|skin|mole|spot|sleep\w*|insomnia|"
    r"anxi\w*|depress\w*|panic|mood|symptom\w*|diagnos\w*|test\s+results?|results|biopsy|scan|mri|"
    r"x-?ray|labs?|bloodwork|surgery|procedure|side\s+effects?|reaction|shot|vaccine|jab|booster|"
    r"stomach|belly|tummy|back|knee|hip|shoulder|neck|ankle|wrist|foot|feet|leg|arm|head|joint\w*|"
    r"numb\w*|tingl\w*|weak\w*|tired|fatigue|weight|appetite|eating|teething|colic|formula|"
    r"breastfe\w*|rsv|strep|uti|std|sti|hiv|cancer|tumou?r|stroke|seizure\w*|concussion|fracture\w*|"
    r"broken|sprain\w*|stitch|bite|sting|sunburn|dehydrat\w*|cast|crutches|swallow\w*|postpartum|"
    r"confused|confusion|dementia|fell|fall|needlestick|er|urgent\s+care|doctor|colonoscopy|extraction|"
    r"[a-z]+(?:statin|pril|sartan|olol|mab|cillin|mycin|azole|pine|pam|lam|done|xaban|gliptin|tide|zine|"
    r"oxetine|aline|pram|thyroxine|terol|sone|lone|ide))\b"
    r"|\b\d{2,3}(?:\.\d)?\s?(?:°|degrees|f\b)|\b\d+\s?(?:mg|ml|mcg|units?)\b",
    re.IGNORECASE,
)
# Questions about the organization, not about someone's health.
_LOGISTICS = re.compile(
    r"\b(?:register|registration|sign\s+up|tickets?|park|parking|garage|visiting\s+hours|office\s+hours|opening\s+hours|open|webinar|class|"
    r"records|copy|covered|coverage|insurance|medicare|medicaid|billing|bill|lost|posting|facebook|pack|"
    r"course|event|volunteer\w*|donate|donation|job|hiring|career|apply|newsletter|podcast|recording|"
    r"slides|certificate|ce\s+credit|link|website|schedule)\b",
    re.IGNORECASE,
)


_RHETORICAL = re.compile(r"(?:did\s+you\s+know|what\s+should\s+you|how\s+can\s+you|q:)", re.IGNORECASE)
_HEALTH_DRUG_ONLY = re.compile(
    r"\b(?:tylenol|advil|motrin|aleve|ozempic|eliquis|xarelto|benadryl|zyrtec|claritin|turmeric)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class AdviceRequest:
    """Why a comment reads as a request for individual advice: the asking phrase found."""

    phrase: str


def advice_request(text: str) -> AdviceRequest | None:
    """The asking phrase when `text` asks for individual medical advice, else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    if _HEALTH_DRUG_ONLY.search(text) is None and _HEALTH.search(text) is None:
        return None
    for sentence in _sentences(text):
        if _RHETORICAL.match(sentence.strip()):
            continue
        ask = _ASK.search(sentence)
        question = "?" in sentence
        if not ask and not question:
            continue
        health = _HEALTH.search(sentence) or _HEALTH.search(text) or _HEALTH_DRUG_ONLY.search(text)
        personal = _PERSONAL.search(sentence) or _PERSONAL.search(text) or _DOSING.search(sentence)
        if not (health and personal):
            continue
        if not ask:
            # A bare question: personal and about health in the same sentence, not logistics.
            if not (_HEALTH.search(sentence) and _PERSONAL.search(sentence)) or _LOGISTICS.search(sentence):
                continue
            return AdviceRequest(phrase=sentence.strip()[:80])
        if _LOGISTICS.search(sentence) or _LOGISTICS.search(text) and not _HEALTH.search(sentence):
            continue  # "Where do I park for the surgery center?", "How do I get my records?"
        return AdviceRequest(phrase=ask.group())
    return None


_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")


def _sentences(text: str) -> list[str]:
    return [m.group() for m in _SENTENCE.finditer(text)] or [text]


__all__ = ["AdviceRequest", "advice_request"]
