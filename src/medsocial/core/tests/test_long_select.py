"""The quick <select> writes the same options, selection and attributes as Django's own."""

import re

from django import forms

from medsocial.core.forms import LongSelect

CHOICES = [
    ("", "Use the site's time zone"),
    ("America/Chicago", "America/Chicago"),
    ("Europe/Paris", "Europe/Paris"),
]


def options(html: str) -> list[tuple[str, bool, str]]:
    return [
        (value, " selected" in attrs, label)
        for value, attrs, label in re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', html)
    ]


def test_options_and_selection_match_djangos_select():
    ours = LongSelect(choices=CHOICES).render("time_zone", "Europe/Paris", attrs={"id": "id_time_zone"})
    django_own = forms.Select(choices=CHOICES).render(
        "time_zone", "Europe/Paris", attrs={"id": "id_time_zone"}
    )
    assert options(ours) == options(django_own)
    assert [selected for _, selected, _ in options(ours)] == [False, False, True]
    assert ours.startswith('<select name="time_zone" id="id_time_zone">')


def test_labels_and_values_are_escaped():
    html = LongSelect(choices=[('"><script>', "<b>bold</b>")]).render("field", "")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_grouped_choices_keep_their_groups():
    html = LongSelect(choices=[("Americas", [("America/Chicago", "Chicago")])]).render(
        "tz", "America/Chicago"
    )
    assert (
        '<optgroup label="Americas"><option value="America/Chicago" selected>Chicago</option></optgroup>'
        in html
    )
