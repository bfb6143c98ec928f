"""comment_concerns: why a public comment should be held for a moderator."""

import pytest

from medsocial.safety.services import comment_concerns


def test_comment_revealing_a_patient_is_held():
    reasons = comment_concerns("Praying for Mrs. Alvarez in room 412, she was admitted March 3")
    assert len(reasons) == 1 and "health information" in reasons[0]
    assert "room or bed number" in reasons[0]


@pytest.mark.parametrize(
    "text",
    [
        "Should I stop taking my blood pressure pills before the surgery?",
        "What dose of ibuprofen is safe for a 6 year old?",
        "Is it normal that my incision is still red after two weeks?",
    ],
)
def test_request_for_individual_advice_is_held(text):
    assert any("medical advice" in reason for reason in comment_concerns(text))


@pytest.mark.parametrize(
    "text",
    [
        "Great article, thank you for sharing!",
        "My sister is a nurse there and loves the team.",
        "When is the next CPR class?",
    ],
)
def test_ordinary_comments_pass(text):
    assert comment_concerns(text) == []


def test_comment_screening_runs_in_fast_mode(monkeypatch):
    from medsocial.safety import engine

    modes = []
    real = engine.analyze

    def spy(text, **kwargs):
        modes.append(kwargs.get("mode"))
        return real(text, **kwargs)

    monkeypatch.setattr(engine, "analyze", spy)
    comment_concerns("Praying for Mrs. Alvarez in room 412")
    assert modes == ["fast"]
