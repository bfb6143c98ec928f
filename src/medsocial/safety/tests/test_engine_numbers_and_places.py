"""Phones, cards, bank accounts and places found through well-kept libraries and a gazetteer."""

import pytest

from medsocial.safety.engine import Allowed, analyze


def found(text, **kwargs):
    return {(f.category, f.text) for f in analyze(text, mode="fast", **kwargs).findings}


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Call her at 312-555-0100 x4587 about the biopsy", "312-555-0100 x4587"),
        ("His daughter's cell is +1-312-555-0142, he was admitted", "+1-312-555-0142"),
        ("Reach the family at 001-312-555-0142 after surgery", "001-312-555-0142"),
        ("Her son in London: +44 20 7946 0958, she is in the ICU", "+44 20 7946 0958"),
        ("Daughter's number is 020 7946 0958, patient was discharged", "020 7946 0958"),
        ("Call (312) 555-0142 ext. 12 about his chemo", "(312) 555-0142 ext. 12"),
        ("Patient's wife: +33 1 23 45 67 89", "+33 1 23 45 67 89"),
    ],
)
def test_phone_in_any_format_is_found_whole(text, phone):
    assert ("phone", phone) in found(text)


def test_toll_free_and_published_numbers_are_not_flagged():
    assert (
        found("Questions? Call 1-800-273-8255 or 312-555-0199.", allowed=Allowed(phones=("312-555-0199",)))
        == set()
    )


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Paid his copay with card 4111 1111 1111 1111 after surgery", "4111 1111 1111 1111"),
        ("Her Visa 4012-8888-8888-1881 was charged for the ER visit", "4012-8888-8888-1881"),
        ("Refund to IBAN GB82 WEST 1234 5698 7654 32 for the patient", "GB82 WEST 1234 5698 7654 32"),
    ],
)
def test_cards_and_ibans_with_valid_check_digits_are_account_numbers(text, number):
    assert ("account_number", number) in found(text)


def test_a_digit_run_that_fails_the_luhn_check_is_not_a_card():
    assert not any(c == "account_number" for c, _t in found("Order 4111 1111 1111 1112 shipped today"))


def test_licence_plate_with_a_space_is_found():
    assert ("vehicle_id", "7ABC 123") in found("His plate 7ABC 123 was in the ER lot all night")


def test_city_from_the_gazetteer_is_a_place_in_a_care_post():
    assert ("geographic", "Dayton") in found("She was airlifted from Dayton after the crash")
    assert ("geographic", "Tupelo") in found("Our patient drove in from Tupelo, MS for chemo")


@pytest.mark.parametrize(
    "text",
    [
        "Nurses from the Czech Republic joined our surgery team this week.",
        "Our team from West Virginia visited the ICU for training.",
        "Happy retirement to Linda Marsh, RN, after 38 years in Labor and Delivery.",
        "Read James Carter, MD's tips for managing diabetes.",
    ],
)
def test_countries_states_and_staff_are_not_places_or_patients(text):
    assert found(text) == set()


def test_street_address_parsed_by_usaddress_is_found():
    assert any(
        c == "geographic" and t.startswith("4417 Old Mill")
        for c, t in found("He was discharged to 4417 Old Mill Rd, where his daughter lives")
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Date: 03/14/2024 — surgery went well", "03/14/2024"),
        ("Follow-up on 2024-03-14 for the pacemaker check", "2024-03-14"),
        ("Discharged 14 March 2024 after the stroke", "14 March 2024"),
    ],
)
def test_dates_of_care_in_many_formats(text, date):
    assert ("date", date) in found(text)
