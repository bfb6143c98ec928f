"""License and ID numbers in states' layouts, lettered beds, body features, ages written at a
sentence's start, lower-case and non-Latin names, names in hashtags and dates beside relatives;
and their clean look-alikes."""

import pytest

from medsocial.safety.engine import analyze


def found(text: str, mode: str = "fast") -> set[tuple[str, str]]:
    return {(f.category, f.text) for f in analyze(text, mode=mode).findings}


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "Found a wallet in the ED: driver's license F123-456-78-901-0, please call security",
            "F123-456-78-901-0",
        ),
        ("His CDL number Y7802345 was visible in the photo from discharge", "Y7802345"),
        ("Her passport number 626 353 648 was in the chart scan", "626 353 648"),
        ("State ID C02-16-3378 belongs to the man we treated after the crash", "C02-16-3378"),
        ("pt brought in by family, DL# WDL8PMDGTUR0 on the intake sheet", "WDL8PMDGTUR0"),
        ("The ambulance log lists her, license number: RN-3456904, for the transfer", "RN-3456904"),
    ],
)
def test_license_and_id_numbers_after_their_label(text, value):
    assert ("license_number", value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: nursing license renewals are due by the end of the month",
        "Driver's license photos are not required for the badge office anymore",
        "Renew your passport before the mission trip in 12 weeks",
    ],
)
def test_license_words_without_a_number_are_clean(text):
    assert not {c for c, _t in found(text)} & {"license_number"}


def test_a_lettered_bed_next_to_care_is_a_bed():
    assert ("room_bed", "bed B") in found("93yo M with CHF exacerbation, bed B")


def test_a_room_number_with_a_dash_is_not_a_date():
    assert found("rm 4-19 bed 19B: NPO after midnight") >= {("room_bed", "rm 4-19"), ("room_bed", "bed 19B")}


@pytest.mark.parametrize(
    "text",
    [
        "We all remember the patient with the dragon tattoo across his back who stayed for months",
        "The woman who has a koi fish tattoo covering her whole left arm was admitted again",
        "Remember the teen with six fingers on each hand? Her surgery went great.",
        "pt has a port-wine birthmark on his right cheek, came in after the crash",
    ],
)
def test_body_features_in_a_post_about_care(text):
    assert "unique_characteristic" in {c for c, _t in found(text)}


@pytest.mark.parametrize(
    "text",
    [
        "A new tattoo removal clinic opens in the dermatology building next month",
        "Our tattoo and piercing policy for staff changed this week",
    ],
)
def test_tattoo_look_alikes_are_clean(text):
    assert found(text) == set()


def test_an_age_at_the_start_of_a_sentence():
    assert ("age", "93") in found("At 93, Anne is our oldest heart failure patient")


def test_an_organizations_age_is_not_a_persons():
    assert found("Our hospital turned 100 this year and we are celebrating all week") == set()
    assert ("age", "turned 100") in found("Mrs. Lee turned 100 in the ICU")


@pytest.mark.parametrize(
    "text, name",
    [
        ("ronald in rm 729 asked for the chaplain", "ronald"),
        ("At 90, shannon is our oldest heart failure patient", "shannon"),
        ("Room 834A is ziyaettin eraslan, fall risk, bed alarm on", "ziyaettin eraslan"),
        ("s/p lap chole OCTOBER 16, elizabeth fowler doing well", "elizabeth fowler"),
        ("Transferring maria isaksson from ICU bed A to 4 West", "maria isaksson"),
    ],
)
def test_lower_case_names_before_a_room_or_a_care_phrase(text, name):
    assert ("name", name) in found(text)


def test_everyday_words_before_a_room_are_not_names():
    assert "name" not in {c for c, _t in found("will is needed for the surgery consent")}
    assert "name" not in {c for c, _t in found("Room 5 is clean and ready for the next admission")}


@pytest.mark.parametrize(
    "text, name",
    [
        ("s/p lap chole January 15th, 胡欣 doing well", "胡欣"),
        ("ניסים אשכנזי's truck has been in the ER lot since the heart attack", "ניסים אשכנזי"),
        ("Валентина Б. had her baby on APRIL 25!", "Валентина Б."),
    ],
)
def test_names_in_another_script_beside_care_words(text, name):
    assert ("name", name) in found(text)


def test_a_post_written_in_another_script_is_not_all_names():
    assert "name" not in {c for c, _t in found("Пациент поступил в больницу с инсультом вчера вечером")}


def test_names_in_support_hashtags():
    assert found("Surgery went well! #TeamMaría #PrayForJosé") >= {("name", "María"), ("name", "José")}
    assert ("name", "Mia") in found("Day 3 after chemo #MiaStrong")


@pytest.mark.parametrize(
    "text", ["#TeamWork on the surgery unit #NursesWeek", "#prayforpeace after the shooting, the ER is full"]
)
def test_hashtags_without_a_name_are_clean(text):
    assert "name" not in {c for c, _t in found(text)}


def test_a_date_beside_a_relative_is_flagged_as_a_warning():
    findings = analyze("we lost dad on 14/03/2025", mode="fast").findings
    assert [(f.category, f.text, f.severity) for f in findings] == [("date", "14/03/2025", "warn")]


def test_a_public_events_date_beside_a_relative_is_clean():
    assert found("My mom and I will be at the 5K on May 3") == set()
