"""Adversarial input gives findings or a clear error, never a crash or a hang."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medsocial.safety.engine import MAX_CHARS, AnalysisTimeout, EngineError, InputError, analyze

PHI_BITS = [
    "MRN 4821337",
    "bed 12",
    "Mrs. Alvarez",
    "(312) 555-0142",
    "SSN 123-45-6789",
    "admitted March 3",
    "jdoe@gmail.com",
    "my patient John",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_any_text_is_analyzed_or_refused_clearly(text):
    try:
        analysis = analyze(text)
    except InputError as exc:
        assert exc.message
        return
    for f in analysis.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(PHI_BITS + [" ", "🙏", "مريض", "\u200b", "\u202e", "ⅰ", "Ｆ", "\n"]), max_size=40
    )
)
def test_mixed_emoji_rtl_and_identifiers_keep_offsets(parts):
    text = " ".join(parts)
    for f in analyze(text).findings:
        assert text[f.start : f.end] == f.text


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=300))
def test_bytes_are_decoded_or_refused(data):
    try:
        analyze(data)
    except InputError:
        pass


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_zero_width_characters_inside_an_identifier_do_not_hide_it(invisible):
    post = f"MRN 48{invisible}21{invisible}337 for the chart"
    assert [f.category for f in analyze(post).findings] == ["mrn"]


def test_fullwidth_and_greek_lookalikes_inside_a_phone_number():
    post = "Text her at ３１２-５５５-０１４２ after discharge"
    assert [f.category for f in analyze(post).findings] == ["phone"]


def test_ten_thousand_characters_finish_quickly():
    post = ("Great shift today with the team. " * 320) + "Mrs. Alvarez in bed 3 went home."
    assert len(post) > 10_000
    started = time.perf_counter()
    analysis = analyze(post)
    assert time.perf_counter() - started < 2
    assert {"name", "room_bed"} <= {f.category for f in analysis.findings}


@pytest.mark.parametrize(
    "post",
    [
        "1" * 20_000,
        "a" * 20_000,
        "@" * 20_000,
        "-1" * 10_000,
        "MRN " * 5_000,
        "Mr. " * 5_000,
        ("x." * 5_000) + "com",
    ],
)
def test_pathological_repetition_does_not_hang(post):
    started = time.perf_counter()
    analyze(post)
    assert time.perf_counter() - started < 2


def test_right_to_left_text_and_emoji():
    post = "\u202eشكرا للفريق 🙏🏽 patient Rosa in room 12 👩🏽‍⚕️"
    categories = {f.category for f in analyze(post).findings}
    assert {"name", "room_bed"} <= categories


def test_empty_and_blank_input_have_no_findings():
    assert analyze("").findings == []
    assert analyze("   \n ").findings == []


def test_binary_input_is_refused_with_a_clear_message():
    with pytest.raises(InputError, match="UTF-8"):
        analyze(b"\xff\xfe\x00\x81binary")
    with pytest.raises(InputError, match="binary"):
        analyze("PK\x03\x04\x00\x00\x08\x00")
    with pytest.raises(InputError, match="not valid text"):
        analyze("bad \udc81 surrogate")


def test_input_over_the_maximum_is_refused():
    with pytest.raises(InputError, match="50,000"):
        analyze("a" * (MAX_CHARS + 1))


def test_time_bound_raises_a_clear_error():
    with pytest.raises(AnalysisTimeout) as info:
        analyze("Mrs. Alvarez in bed 3 " * 100, time_limit=0.0)
    assert isinstance(info.value, EngineError)
    assert "too long" in info.value.message


@pytest.mark.parametrize("mode", ["fast", "full"])
def test_homoglyph_and_zero_width_inside_a_name_and_a_card(mode):
    post = "Mrs. \u0410lva\u200brez paid with card 4111\u200b 1111 1111 1111 before surgery"  # Cyrillic А
    found = {(f.category, f.text) for f in analyze(post, mode=mode).findings}
    assert ("name", "Mrs. \u0410lva\u200brez") in found
    assert ("account_number", "4111\u200b 1111 1111 1111") in found


@pytest.mark.parametrize("mode", ["fast", "full"])
def test_ten_thousand_characters_of_care_text_stay_within_the_time_bound(mode):
    post = ("Patient José Núñez in bed 4 was admitted after surgery. " * 180)[:10_000]
    started = time.perf_counter()
    analysis = analyze(post, mode=mode)
    assert time.perf_counter() - started < 2
    assert any(f.category == "name" and f.text == "José Núñez" for f in analysis.findings)


def test_right_to_left_override_around_a_phone_number():
    post = "Call \u202e312-555-0142\u202c about her chemo"
    [finding] = [f for f in analyze(post).findings if f.category == "phone"]
    assert finding.text.replace("\u202c", "").endswith("0142")
