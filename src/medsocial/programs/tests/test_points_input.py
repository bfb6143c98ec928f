"""Points are whole, positive numbers; anything else is refused with a message naming the field."""

import pytest

from medsocial.programs.errors import WalletError
from medsocial.programs.services import parse_points


@pytest.mark.parametrize(("raw", "expected"), [("25", 25), (" 1,000 ", 1000), (7, 7), ("12.0", 12)])
def test_whole_positive_numbers_are_points(raw, expected):
    assert parse_points(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("-5", "greater than zero"),
        ("0", "greater than zero"),
        ("2.5", "no fractions"),
        (0.5, "no fractions"),
        ("ten", "not a number"),
        ("", "not a number"),
        ("NaN", "no fractions"),
        (True, "whole number"),
        (None, "whole number"),
        ("99999999999", "At most"),
    ],
)
def test_other_input_is_refused_naming_the_field(raw, message):
    with pytest.raises(WalletError) as refused:
        parse_points(raw, field="amount")
    assert refused.value.field == "amount"
    assert message in refused.value.message
