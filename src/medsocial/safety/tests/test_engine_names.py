"""Names in any script and case are found whole; states, countries, companies, headings and
staff are not patients."""

import pytest

from medsocial.safety.engine import analyze


def names(text, mode="fast"):
    return [f.text for f in analyze(text, mode=mode).findings if f.category == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("José Núñez was admitted after a stroke", "José Núñez"),
        ("Update on Zoë Ødegaard: she is off the ventilator", "Zoë Ødegaard"),
        ("patient robert kim in bed 5 is stable", "robert kim"),
        ("shoutout to jane doe, discharged march 3!", "jane doe"),
        ("PATIENT ROBERT KIM IN BED 5 AFTER SURGERY", "ROBERT KIM"),
    ],
)
def test_name_is_found_whole_in_any_script_or_case(text, name):
    assert name in names(text)


def test_redaction_leaves_no_part_of_an_accented_name():
    analysis = analyze("José Núñez was admitted after a stroke", mode="fast")
    assert "Jos" not in analysis.redacted_text and "Núñez" not in analysis.redacted_text


def test_possessive_keeps_the_name_and_its_severity():
    analysis = analyze("Mrs. James's recovery after surgery was amazing", mode="fast")
    [finding] = [f for f in analysis.findings if f.category == "name"]
    assert finding.text == "Mrs. James" and finding.severity == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Our nurses from West Virginia cared for flood patients all week.",
        "Volunteers from the Czech Republic toured the surgery unit.",
        "Acme Pharmaceuticals donated infusion chairs to our oncology unit.",
        "Mission Statement\nWe care for every patient with dignity.",
        "Congrats to Dr. Maria Lopez on her new role as chief of surgery.",
        "Pet therapy Fridays with Max the golden retriever for our patients.",
    ],
)
def test_look_alikes_are_not_patient_names(text):
    assert names(text) == []


def test_every_finding_carries_a_confidence_and_severity_follows_it():
    for finding in analyze("Mrs. Alvarez in bed 3, MRN 4821337, call 312-555-0142", mode="fast").findings:
        assert 0 < finding.confidence <= 1
        assert finding.severity == ("block" if finding.confidence >= 0.7 else "warn")
