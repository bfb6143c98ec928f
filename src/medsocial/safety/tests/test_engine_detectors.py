"""The detectors find each kind of identifier in context, and leave look-alikes alone."""

import pytest

from medsocial.safety.engine import Allowed, analyze


def found(text, **kwargs):
    return {(f.category, f.text) for f in analyze(text, **kwargs).findings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs. Alvarez in bed 3 is finally going home!", {("name", "Mrs. Alvarez"), ("room_bed", "bed 3")}),
        ("My patient John told me a joke before surgery.", {("name", "John")}),
        ("Pt DOB 3/14/1931, admitted March 3.", {("date", "3/14/1931"), ("date", "March 3")}),
        ("Our 94-year-old patient walked out of rehab today.", {("age", "94-year-old")}),
        ("MRN: 48213377 needs a callback", {("mrn", "48213377")}),
        ("Member ID XKZ4481920 was denied again", {("health_plan_id", "XKZ4481920")}),
        ("Acct # 99812734 still open", {("account_number", "99812734")}),
        ("Her license number RN7712345 expired", {("license_number", "RN7712345")}),
        ("License plate 7ABC123 in the ER bay lot", {("vehicle_id", "7ABC123")}),
        ("Pacemaker serial SN 4471-22913 recalled", {("device_id", "4471-22913")}),
        ("SSN 123-45-6789", {("ssn", "123-45-6789")}),
        ("Email jdoe1962@gmail.com about her chemo", {("email", "jdoe1962@gmail.com")}),
        (
            "Donate: gofundme.com/f/help-tommy-fight-leukemia",
            {("url", "gofundme.com/f/help-tommy-fight-leukemia")},
        ),
        ("Login from 10.4.22.17 on the patient portal", {("ip_address", "10.4.22.17")}),
        ("He lives at 42 Maple Street and was admitted", {("geographic", "42 Maple Street")}),
        (
            "The only quadruplets born here this year went home today",
            {("unique_characteristic", "quadruplets")},
        ),
        ("Fax 312-555-0100 his records", {("fax", "312-555-0100")}),
    ],
)
def test_identifier_is_found(text, expected):
    assert expected <= found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Join us in Conference Room 210 on March 3 for a free CPR class!",
        "Our flu shot clinic opens Oct 1. Walk-ins welcome.",
        "Happy Nurses Week to the Cardiology team at Lakeshore Health!",
        "Congrats to Dr. Maria Lopez on her new role as chief of surgery.",
        "Did you know 1 in 3 adults over 65 has a fall each year?",
        "Call the national crisis line at 1-800-273-8255 any time.",
        "The only Level I trauma center in the county is ready for you.",
        "",
    ],
)
def test_look_alike_is_not_flagged(text):
    assert analyze(text).findings == []


def test_organization_published_details_are_allowed():
    post = (
        "Questions about the vaccine clinic? Call 312-555-0199, visit lakeshorehealth.org/flu "
        "or stop by 1200 Lakeshore Drive."
    )
    allowed = Allowed(
        phones=("(312) 555-0199",),
        urls=("lakeshorehealth.org",),
        addresses=("1200 Lakeshore Dr, Chicago, IL 60611",),
    )
    assert analyze(post, allowed=allowed).findings == []
    assert {"phone", "geographic"} <= {f.category for f in analyze(post).findings}


def test_offsets_point_into_the_original_text_after_normalization():
    post = "MRN 12\u200b3\u0417\uff14567 — call him"  # zero-width space, Cyrillic З, fullwidth 4
    finding = analyze(post).findings[0]
    assert finding.category == "mrn"
    assert post[finding.start : finding.end] == finding.text == "12\u200b3\u0417\uff14567"


def test_phone_with_homoglyph_digits_is_found():
    post = "Her cell is (312) 555-О199, she was discharged Friday"  # Cyrillic О for 0
    assert ("phone", "(312) 555-О199") in found(post)


def test_redacted_text_replaces_each_finding_with_its_suggestion():
    analysis = analyze("Mrs. Alvarez in bed 3 is going home today!")
    assert analysis.redacted_text == "[patient] in [room] is going home today!"
    assert analysis.has_blocking


def test_findings_carry_explanation_and_severity():
    for finding in analyze("SSN 123-45-6789 for my patient Rosa").findings:
        assert finding.severity in {"block", "warn"}
        assert finding.explanation and finding.suggestion.startswith("[")


def test_age_under_ninety_is_not_an_identifier():
    assert not any(f.category == "age" for f in analyze("Our 72-year-old patient is home").findings)


def test_staff_name_with_credentials_is_not_a_patient():
    assert found("Shoutout to Maria Gomez, RN, who ran the ICU all weekend") == set()
