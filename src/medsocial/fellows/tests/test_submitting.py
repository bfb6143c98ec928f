"""Submitting a portfolio: only for the next level, only when its criteria are met (the refusal
lists what is missing), one open portfolio at a time, and bad input changes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medsocial.fellows import services
from medsocial.fellows.errors import CriteriaNotMet, FellowsError, PortfolioInReview
from medsocial.fellows.models import Fellow, Portfolio
from medsocial.fellows.tests.conftest import STATEMENT
from medsocial.fellows.tests.factories import give_ce_hours, give_courses, level, qualify

pytestmark = pytest.mark.django_db


def submit(person, **changes):
    fields = {"statement": STATEMENT, "links": ["https://example.org/stories"], "directory_consent": True}
    fields.update(changes)
    return services.submit_portfolio(person=person, **fields)


def test_submitting_without_meeting_the_criteria_lists_what_is_missing_and_saves_nothing(person):
    give_courses(person, 1)
    with pytest.raises(CriteriaNotMet) as refused:
        submit(person)
    assert refused.value.unmet == ["CE hours: 0 of 1"]
    assert "You do not meet the criteria for Resident yet: CE hours: 0 of 1." == refused.value.message
    assert not Portfolio.objects.exists()


def test_a_portfolio_is_for_the_next_level_and_keeps_the_figures_it_was_judged_on(person):
    qualify(person, level("resident"))
    portfolio = submit(person)
    assert portfolio.level.slug == "resident" and portfolio.status == Portfolio.Status.IN_REVIEW
    assert portfolio.criteria_figures == {
        "courses": "1",
        "ce_hours": "1",
        "events": "0",
        "articles": "0",
        "talks": "0",
        "mentoring": "0",
    }
    assert portfolio.links == ["https://example.org/stories"] and portfolio.directory_consent


def test_a_fellow_applies_for_the_level_above_theirs(person):
    Fellow.objects.create(person=person, level=level("silver"))
    qualify(person, level("gold"))
    assert submit(person).level.slug == "gold"


def test_submitting_twice_while_one_is_in_review_is_refused(person):
    qualify(person, level("resident"))
    first = submit(person)
    with pytest.raises(PortfolioInReview, match="already in review"):
        submit(person, statement=STATEMENT + " Again.")
    assert list(Portfolio.objects.all()) == [first]


def test_a_returned_portfolio_is_resubmitted_not_started_again(person):
    qualify(person, level("resident"))
    first = submit(person)
    Portfolio.objects.filter(pk=first.pk).update(status=Portfolio.Status.RETURNED)
    with pytest.raises(PortfolioInReview, match="returned for changes"):
        submit(person)
    services.resubmit_portfolio(portfolio=first, person=person, statement=STATEMENT + " Updated.", links=[])
    first.refresh_from_db()
    assert first.status == Portfolio.Status.IN_REVIEW and first.statement.endswith("Updated.")
    assert Portfolio.objects.count() == 1


def test_only_the_author_resubmits_and_only_a_returned_portfolio(person, make_user):
    qualify(person, level("resident"))
    portfolio = submit(person)
    with pytest.raises(FellowsError, match="Only a portfolio returned"):
        services.resubmit_portfolio(portfolio=portfolio, person=person, statement=STATEMENT)
    Portfolio.objects.filter(pk=portfolio.pk).update(status=Portfolio.Status.RETURNED)
    with pytest.raises(FellowsError, match="not your portfolio"):
        services.resubmit_portfolio(portfolio=portfolio, person=make_user(), statement=STATEMENT)


def test_the_top_of_the_ladder_has_nothing_to_apply_for(person):
    Fellow.objects.create(person=person, level=level("platinum"))
    with pytest.raises(FellowsError, match="highest level"):
        submit(person)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"statement": "Too short."}, "statement", "at least 100 characters"),
        ({"statement": "x" * 5001}, "statement", "under 5000 characters"),
        ({"links": ["https://ok.example", "javascript:alert(1)"]}, "links", "Link 2 is not a web address"),
        ({"links": ["example.org/no-scheme"]}, "links", "Link 1 is not a web address"),
        ({"links": [f"https://example.org/{n}" for n in range(11)]}, "links", "at most 10 links"),
        (
            {"upload": SimpleUploadedFile("cv.pdf", b"<html><script>alert(1)</script></html>")},
            "file",
            "not a real .pdf file",
        ),
        ({"upload": SimpleUploadedFile("cv.exe", b"MZ\x90\x00")}, "file", "Allowed file types"),
        ({"upload": SimpleUploadedFile("cv.pdf", b"")}, "file", "The file is empty."),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_saved(person, changes, field, message):
    qualify(person, level("resident"))
    with pytest.raises(FellowsError) as refused:
        submit(person, **changes)
    assert refused.value.field == field and message in refused.value.message
    assert not Portfolio.objects.exists()


def test_a_real_file_is_kept_with_its_type(person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    qualify(person, level("resident"))
    portfolio = submit(person, upload=SimpleUploadedFile("talks.pdf", b"%PDF-1.4 portfolio"))
    assert portfolio.file_name == "talks.pdf" and portfolio.file_type == "application/pdf"
    assert portfolio.file.read() == b"%PDF-1.4 portfolio"


def test_partial_progress_counts_decimal_hours(person):
    give_courses(person, 1)
    give_ce_hours(person, "0.75")
    with pytest.raises(CriteriaNotMet) as refused:
        submit(person)
    assert refused.value.unmet == ["CE hours: 0.75 of 1"]
