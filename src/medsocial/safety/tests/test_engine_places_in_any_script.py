"""Towns after a street address, after a person's age ("19, of Gary") or origin ("family is
from Σάμος") are found even when the gazetteer does not know them; ZIP codes after the town
too. Countries are never places to hide."""

import pytest

from medsocial.safety.engine import analyze


def places(text):
    return [f.text for f in analyze(text, mode="fast").findings if f.category == "geographic"]


def test_town_and_zip_after_a_street_address_are_found():
    found = places("Compounding order for Ana Ruiz delivered to 6178 Amber Loop, Lynchburg 27568.")
    assert {"Lynchburg", "27568"} <= set(found)


def test_town_after_an_address_with_a_suite_is_found():
    found = places("Seen today in clinic: 96-year-old veteran, lives at 5354 Gordon Club Suite 295, Roanoke.")
    assert "Roanoke" in found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Maria Butler, 19, of Santa Paolina, was airlifted to our trauma center.", "Santa Paolina"),
        ("Praying for him, he coded twice last night. Family is from Σάμος.", "Σάμος"),
        ("Interesting case: a woman from San Felice with new-onset AFib, admitted today.", "San Felice"),
    ],
)
def test_village_named_after_a_person_is_found(text, place):
    assert place in places(text)


def test_country_after_a_person_is_not_a_place():
    assert places("Our patient, 19, of Czech Republic origin, was admitted after surgery.") == []


def test_cyrillic_letters_that_look_like_digits_stay_letters_in_a_name():
    analysis = analyze("Our girl Зоя Чернова had her heart surgery today!", mode="fast")
    assert "Зоя Чернова" in [f.text for f in analysis.findings if f.category == "name"]
