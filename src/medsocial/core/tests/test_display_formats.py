"""Quantities and dates read the same on every page: "1 CE hour" but "2 CE hours", and one
way of writing a date and a time."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from medsocial.core.templatetags.display import ce_hours

TEMPLATES = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1.00"), "1 CE hour"),
        (Decimal("1"), "1 CE hour"),
        (Decimal("2.00"), "2 CE hours"),
        (Decimal("1.50"), "1.5 CE hours"),
        (Decimal("0.25"), "0.25 CE hours"),
        (Decimal("10"), "10 CE hours"),
        ("3", "3 CE hours"),
    ],
)
def test_ce_hours_are_counted_in_words_people_use(value, text):
    assert ce_hours(value) == text


# Formats that write the same moment differently from the rest of the site: "Nov." (N), "1 p.m."
# (P), "1:00 p.m." (a), 24-hour clocks (H) next to 12-hour ones elsewhere.
ODD_FORMATS = re.compile(r'\|date:"[^"]*(?<!\\)(N|P|a|H)[^"]*"')


def test_no_template_writes_dates_or_times_in_an_odd_format():
    odd = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)}"
        for path in TEMPLATES.glob("**/templates/**/*.html")
        for match in ODD_FORMATS.finditer(path.read_text())
    ]
    assert odd == []


def test_no_template_writes_ce_hours_by_hand():
    by_hand = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.glob("**/templates/**/*.html")
        if re.search(r"\}\}\s*CE (credit )?hours", path.read_text())
    ]
    assert by_hand == []
