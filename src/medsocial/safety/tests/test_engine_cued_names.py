"""A person cue before the words ("pt", "my husband", "shoutout to") or a person context after
them (an age, a room, "'s daughter") finds the name whatever its case or script; everyday
words after the same cues are not names."""

import pytest

from medsocial.safety.engine import analyze


def names(text, mode="fast"):
    return [f.text for f in analyze(text, mode=mode).findings if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pt stefano innocenti in bed 4 finally off the vent tonight.", "stefano innocenti"),
        ("Discharge teaching done for nicola morrison: follow-up on Friday.", "nicola morrison"),
        ("My husband JACK T. MARKS has been in the ICU since Tuesday. Please pray.", "JACK T. MARKS"),
        ("Praying for Jaroslava Musil, who coded twice last night.", "Jaroslava Musil"),
        ("My grandmother Otýlie Kašpar fell and broke her hip after surgery.", "Otýlie Kašpar"),
        ("Thank you Esther Marín for letting us share your transplant journey.", "Esther Marín"),
        ("Welcome home, baby 吉田花子! 112 days in the NICU.", "吉田花子"),
        ("Our girl Зоя Чернова had her heart surgery today!", "Зоя Чернова"),
        ("Shoutout to A. da Costa, discharged after 3 weeks on our floor!", "A. da Costa"),
        ("Need to call Davi Lucca Rodrigues's daughter back about the biopsy.", "Davi Lucca Rodrigues"),
    ],
)
def test_name_after_a_person_cue_is_found_whole(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ZACHARY CLARK IN 30 NEEDS A SITTER TONIGHT, FALL RISK", "ZACHARY CLARK"),
        ("Rough night. loredana stanisławek in 24 pulled out his IV again.", "loredana stanisławek"),
        ("My grandmother Emiliano C., 93, fell and broke her hip.", "Emiliano C."),
    ],
)
def test_name_before_a_room_or_an_age_is_found(text, name):
    assert name in names(text)


def test_title_is_part_of_a_lower_case_name():
    assert names("mrs. wójcik in bed 3 is going home after surgery") == ["mrs. wójcik"]


@pytest.mark.parametrize(
    "text",
    [
        "patient went home today after surgery, so proud of this team",
        "Case review: elderly patient, atypical chest pain, troponin negative.",
        "Thank you all for the patient navigators program after surgery!",
        "Shoutout to the night shift for the code save",
        "Got to meet Simone Biles at the health fair after her surgery talk",
        "Thanks to Dr. Okafor for the save on the night shift",
        "Praying for Ohio after the storm; our trauma team is ready.",
    ],
)
def test_everyday_words_staff_and_public_figures_after_a_cue_are_not_names(text):
    assert names(text) == []


def test_room_number_right_after_a_name_is_a_room():
    analysis = analyze("JORDAN LEWIS IN 446 NEEDS A SITTER TONIGHT, FALL RISK", mode="fast")
    assert ("room_bed", "446") in [(f.category, f.text) for f in analysis.findings]


def test_age_in_parentheses_after_a_name_is_not_a_room():
    analysis = analyze("My daughter Linh (5) has a rash after her flu shot.", mode="fast")
    assert "room_bed" not in [f.category for f in analysis.findings]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Text me at 241.241.8665 if you want to join my chemo buddy group - andrée bouchet",
            "andrée bouchet",
        ),
        ("Grand rounds: STEF SPANHAAK, MRN N3244694, presented with chest pain.", "STEF SPANHAAK"),
        ("Vinícius d. is back at home after the hip replacement.", "Vinícius d."),
        ("Mom (सुदर्शन च., 95) is in room 9 after her surgery", "सुदर्शन च."),
    ],
)
def test_name_signing_a_post_or_before_a_record_label_is_found(text, name):
    assert name in names(text)


def test_letters_of_an_account_number_after_a_cue_are_not_a_name():
    analysis = analyze("discharged GB82 WEST 1234 5698 7654 32 after surgery", mode="fast")
    assert "name" not in [f.category for f in analysis.findings]


def test_letter_of_a_room_number_is_not_a_name():
    assert names("Rough night. Alyssa Weiß in 2B pulled out her IV after surgery.") == ["Alyssa Weiß"]


def test_name_lower_cased_with_a_capital_i_keeps_its_offsets():
    analysis = analyze("İstanbul trip over. Pt robert kim in bed 5 after surgery.", mode="fast")
    assert "robert kim" in [f.text for f in analysis.findings if f.category == "name"]
