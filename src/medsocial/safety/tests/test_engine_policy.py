"""Policy rules: phrases, patterns, exceptions and disclosures."""

import pytest

from medsocial.safety.engine import PolicyRule, RuleError, analyze, check_pattern

ADVICE = PolicyRule(
    name="Individual medical advice",
    severity="block",
    explanation="Do not give one person medical advice in public.",
    pattern=r"\byou should (?:stop|start|double|skip) (?:taking )?your\b",
)
OUTCOMES = PolicyRule(name="Promising outcomes", phrases=("guaranteed", "100% cure", "risk-free"))
HASHTAGS = PolicyRule(
    name="Unapproved hashtag", pattern=r"#\w+", exceptions=("#LakeshoreProud", "#NursesWeek")
)
DISCLOSURE = PolicyRule(
    name="Missing affiliation disclosure",
    phrases=("Lakeshore Health",),
    unless=("#employee", "I work at", "my employer"),
)


def policy(text, *rules):
    return [(f.rule, f.text) for f in analyze(text, rules=rules).findings if f.category == "policy"]


def test_pattern_rule_fires_with_its_severity():
    analysis = analyze("Honestly you should stop taking your statin.", rules=[ADVICE])
    assert [f.severity for f in analysis.policy_findings] == ["block"]
    assert analysis.has_blocking
    assert analysis.policy_findings[0].explanation == ADVICE.explanation


def test_phrase_rule_is_case_and_space_insensitive():
    assert policy("Results GUARANTEED, a 100%   cure!", OUTCOMES) == [
        ("Promising outcomes", "GUARANTEED"),
        ("Promising outcomes", "100%   cure"),
    ]


def test_approved_hashtags_are_exceptions():
    assert policy("Great week! #NursesWeek #LakeshoreProud #TeamTrauma", HASHTAGS) == [
        ("Unapproved hashtag", "#TeamTrauma")
    ]


def test_disclosure_silences_the_affiliation_rule():
    assert policy("Lakeshore Health has the best nurses in town!", DISCLOSURE)
    assert policy("Lakeshore Health has the best nurses in town! #employee", DISCLOSURE) == []


def test_rules_may_be_plain_mappings():
    rule = {"name": "Competitor", "severity": "warn", "phrases": "Mercy General\nSt. Olaf"}
    assert policy("Better than Mercy General", rule) == [("Competitor", "Mercy General")]


def test_policy_findings_are_not_redacted():
    analysis = analyze("Guaranteed results", rules=[OUTCOMES])
    assert analysis.redacted_text == "Guaranteed results"


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(unclosed", "not a valid regular expression"),
        (r"(a+)+$", "repeats a group"),
        (r"(\w*\s?)*x", "repeats a group"),
        ("x" * 600, "longer than"),
    ],
)
def test_bad_patterns_are_refused_with_a_reason(pattern, reason):
    with pytest.raises(RuleError, match=reason):
        check_pattern(pattern)


def test_rule_without_phrases_or_pattern_is_refused():
    with pytest.raises(RuleError):
        analyze("text", rules=[PolicyRule(name="empty")])
