"""Fast mode runs the rules only; full mode adds the named-entity model when it is installed;
the allow-list is refused when it has the wrong shape."""

import pytest

from medsocial.safety.engine import AllowListError, InputError, analyze, ner


def test_fast_mode_never_loads_the_model():
    analysis = analyze("Mrs. Alvarez in bed 3", mode="fast")
    assert analysis.mode == "fast"


def test_unknown_mode_is_refused():
    with pytest.raises(InputError, match="Unknown mode"):
        analyze("text", mode="quick")


@pytest.mark.skipif(not ner.available(), reason="the ner extra is not installed")
def test_the_model_confirms_a_name_the_rules_only_suspect():
    text = "Thandiwe Okonkwo came back to the ICU to thank the team."
    [fast] = [f for f in analyze(text, mode="fast").findings if f.category == "name"]
    full_analysis = analyze(text, mode="full")
    [full] = [f for f in full_analysis.findings if f.category == "name"]
    assert full_analysis.mode == "full"
    assert fast.severity == "warn" and full.severity == "block"
    assert full.text == "Thandiwe Okonkwo"


@pytest.mark.skipif(not ner.available(), reason="the ner extra is not installed")
def test_model_people_without_care_context_are_dropped():
    assert analyze("Taylor Swift played a great show in town last night.", mode="full").findings == []


@pytest.mark.parametrize(
    ("allowed", "message"),
    [
        ({"phone": ["312-555-0199"]}, "unknown key “phone”"),
        ({"phones": "312-555-0199"}, "phones must be a list of strings"),
        ({"urls": [42]}, "urls must hold strings"),
        (["312-555-0199"], "must be a mapping"),
    ],
)
def test_allow_list_of_the_wrong_shape_is_refused_clearly(allowed, message):
    with pytest.raises(AllowListError, match=message):
        analyze("Call 312-555-0199", allowed=allowed)
