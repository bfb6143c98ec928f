"""Dates, phones, ages and cards in the forms people write them: day-month-year with dots,
ISO dates after "presented with", lower-case "may 3" after "on", phones with extensions,
+1/001 prefixes and other countries' national formats, ages after an initial, and cards
after the word "card"."""

import pytest

from medsocial.safety.engine import analyze


def found(text):
    return [(f.category, f.text) for f in analyze(text, mode="fast").findings]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Call her daughter at (312) 555-0199 x4587 after surgery", "(312) 555-0199 x4587"),
        ("Call her daughter at 312-555-0199 ext. 12 after surgery", "312-555-0199 ext. 12"),
        ("Text me at +1-312-555-0199 after my chemo", "+1-312-555-0199"),
        ("Text me at 001-312-555-0199 after my chemo", "001-312-555-0199"),
        ("Text me at 02 72 82 81 15 if you had the same surgery", "02 72 82 81 15"),
        ("Call (0236) 817754 ext 7577 after the hip replacement", "(0236) 817754 ext 7577"),
    ],
)
def test_phone_in_any_written_form_is_found_with_its_extension(text, phone):
    assert ("phone", phone) in found(text)


def test_foreign_fax_number_is_not_read_as_a_card():
    assert found("Consult note sent to the wrong fax: +39 04453324089. Please shred.") == [
        ("fax", "+39 04453324089")
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Grand rounds: chest pain on 06.06.2025, admitted to the ICU", "06.06.2025"),
        ("Grand rounds: MRN 7752688, presented with chest pain on 2024-12-12.", "2024-12-12"),
        ("Case for the residents: 96yo M, presenting February 16 with syncope.", "February 16"),
        ("My husband has been in the ICU since may 25. Please pray.", "may 25"),
    ],
)
def test_date_in_any_written_form_is_found(text, date):
    assert ("date", date) in found(text)


def test_date_of_a_talk_presented_at_a_conference_is_not_a_patient_date():
    assert found("Dr. Lee presented at the cardiology summit on March 3") == []


def test_may_as_a_verb_is_not_a_date():
    assert found("After surgery you may 2 x the dose if the pain is bad.") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Interesting case: 101 y/o woman with new-onset AFib, admitted today.", "101 y/o"),
        ("My grandmother Nelly N., 95, fell and broke her hip.", "95"),
    ],
)
def test_age_over_89_is_an_age_not_a_record_number(text, age):
    findings = found(text)
    assert ("age", age) in findings and "mrn" not in [c for c, _t in findings]


def test_card_number_after_the_word_card_is_an_account():
    assert ("account_number", "060454787536") in found(
        "Who left her insulin in the fridge with her card 060454787536 taped to it?? She had surgery."
    )


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Grandma turned ninety-three after her surgery", "ninety-three"),
        ("He is ninety-one years old and on dialysis", "ninety-one"),
        ("Mr. Ortiz, one hundred and two, admitted with pneumonia", "one hundred and two"),
    ],
)
def test_age_over_89_written_in_words_is_found(text, age):
    assert ("age", age) in found(text)


@pytest.mark.parametrize("text", ["the team is ninety strong today", "a hundred nurses joined the walk"])
def test_ninety_and_hundred_that_are_not_ages_are_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("Pt in infusion chair 4 needs a new IV", "infusion chair 4"),
        ("bed 4-B is ready for the admit", "bed 4-B"),
        ("Room number 12 patient discharged", "Room number 12"),
    ],
)
def test_room_bed_and_chair_in_more_forms_are_found(text, room):
    assert ("room_bed", room) in found(text)


def test_chair_of_a_committee_is_not_a_bed():
    assert found("Dr. Lee is chair 2 years running of the committee") == []


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        ("Found a driver's license S530 4521 8876 in the ED waiting room", "S530 4521 8876"),
        ("licence no. A12 345 678 left at triage", "A12 345 678"),
        ("Lic# 4455123 renewed after the audit", "4455123"),
    ],
)
def test_licence_number_written_in_groups_is_found_whole(text, licence):
    assert ("license_number", licence) in found(text)


def test_ip_address_is_never_cut_out_of_a_longer_number():
    assert "ip_address" not in [c for c, _t in found("Backup ran on 10.4.22.1742 after surgery")]
