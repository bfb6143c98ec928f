"""Redaction never leaves part of a found identifier in the text (property tests)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medsocial.safety.engine import analyze

PIECES = [
    "José Núñez",
    "Zoë Ødegaard-Lund",
    "patient robert kim",
    "ROBERT KIM",
    "Mrs. O'Brien's",
    "Siobhán Ní Bhriain",
    "bed 12",
    "MRN 48213377",
    "SSN 123-45-6789",
    "call 312-555-0100 x4587",
    "+44 20 7946 0958",
    "card 4111 1111 1111 1111",
    "GB82 WEST 1234 5698 7654 32",
    "jdoe1962@gmail.com",
    "admitted March 3, 2024",
    "Date: 03/14/2024",
    "from Dayton, Ohio",
    "42 Maple Street",
    "plate 7ABC 123",
    "10.4.22.17",
    "94-year-old",
    "after surgery",
    "in the ICU",
    "discharged",
]
SEPARATORS = [" ", ", ", ". ", "\n", " — ", "\u200b", " 🙏 ", "؟ ", " (", ") "]


@st.composite
def posts(draw):
    parts = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


def _word_char(c: str) -> bool:
    return c.isalnum()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts())
def test_findings_never_cut_a_word_so_no_fragment_survives_redaction(text):
    analysis = analyze(text, mode="fast")
    for f in analysis.phi_findings:
        before = text[f.start - 1] if f.start > 0 else " "
        after = text[f.end] if f.end < len(text) else " "
        assert not (_word_char(before) and _word_char(text[f.start])), (f, text)
        assert not (_word_char(after) and _word_char(text[f.end - 1])), (f, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posts())
def test_redacted_text_is_the_text_outside_findings_plus_placeholders(text):
    analysis = analyze(text, mode="fast")
    covered = [False] * len(text)
    for f in analysis.phi_findings:
        for i in range(f.start, f.end):
            covered[i] = True
    redacted = analysis.redacted_text
    # Walk the original text: uncovered characters appear in order, covered runs become one
    # placeholder each ("[patient]", "[room]"…), so no covered character is left over.
    position, i = 0, 0
    while i < len(text):
        if covered[i]:
            assert redacted[position] == "[", (text, redacted)
            while position < len(redacted) and redacted[position] == "[":  # touching findings
                position = redacted.index("]", position) + 1
            while i < len(text) and covered[i]:
                i += 1
        else:
            assert redacted[position] == text[i], (text, redacted)
            position += 1
            i += 1
    assert position == len(redacted)
