"""Reviews: only reviewers, never one's own portfolio, every rubric item scored in range, a reason
to return or decline; approval makes the person a Fellow and awards the level's Open Badge."""

import pytest
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.awards.models import Award
from medsocial.awards.openbadges import absolute
from medsocial.fellows import selectors, services
from medsocial.fellows.errors import FellowsError, ReviewNotAllowed
from medsocial.fellows.models import Fellow, Portfolio, Review
from medsocial.fellows.tests.conftest import STATEMENT
from medsocial.fellows.tests.factories import give_ce_hours, give_courses, level, qualify

pytestmark = pytest.mark.django_db


def full_scores(score=3) -> dict:
    return {str(item.pk): score for item in selectors.rubric()}


@pytest.fixture
def portfolio(person):
    qualify(person, level("resident"))
    return services.submit_portfolio(
        person=person, statement=STATEMENT, links=["https://example.org/stories"], directory_consent=True
    )


def review(portfolio, reviewer, decision="approve", **changes):
    fields = {"scores": full_scores(), "comments": "Strong privacy practice.", "reason": ""}
    fields.update(changes)
    return services.review_portfolio(portfolio=portfolio, reviewer=reviewer, decision=decision, **fields)


def test_approval_makes_a_fellow_and_awards_the_badge_with_evidence(portfolio, reviewer, person):
    result = review(portfolio, reviewer)
    portfolio.refresh_from_db()
    assert result.decision == Review.Decision.APPROVE and result.total == 12 and result.total_max == 16
    assert portfolio.status == Portfolio.Status.APPROVED and portfolio.decided_at
    fellow = Fellow.objects.get(person=person)
    assert fellow.level.slug == "resident" and fellow.listed
    award = portfolio.award
    assert (
        award.badge_class.slug == "fellows-resident"
        and award.recipient == person
        and award.issued_by == reviewer
    )
    assert award.evidence == [
        {
            "narrative": "Record when the portfolio was submitted for Resident: courses completed 1; ce hours 1."
        },
        {
            "url": absolute(reverse("fellows:evidence", args=[portfolio.evidence_code])),
            "narrative": "Portfolio for Resident, reviewed against the Fellows rubric.",
        },
    ]


def test_climbing_raises_the_level_and_keeps_each_badge(portfolio, reviewer, person):
    review(portfolio, reviewer)
    qualify(person, level("bronze"))
    bronze = services.submit_portfolio(person=person, statement=STATEMENT, directory_consent=False)
    assert bronze.level.slug == "bronze"
    review(bronze, reviewer)
    fellow = Fellow.objects.get(person=person)
    assert fellow.level.slug == "bronze" and not fellow.listed  # the newest consent is the wish
    assert sorted(Award.objects.filter(recipient=person).values_list("badge_class__slug", flat=True)) == [
        "fellows-bronze",
        "fellows-resident",
    ]


def test_returning_needs_a_reason_then_the_person_resubmits_and_is_approved(portfolio, reviewer, person):
    with pytest.raises(FellowsError, match="Say why"):
        review(portfolio, reviewer, decision="return")
    review(portfolio, reviewer, decision="return", reason="Add a link to the nurse training.")
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.RETURNED and not Fellow.objects.exists()
    services.resubmit_portfolio(
        portfolio=portfolio, person=person, statement=STATEMENT, links=["https://example.org/training"]
    )
    review(portfolio, reviewer)
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.APPROVED and portfolio.reviews.count() == 2


def test_a_declined_portfolio_closes_and_a_new_one_can_follow(portfolio, reviewer, person):
    review(portfolio, reviewer, decision="decline", reason="The examples show identifiable patients.")
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.DECLINED and portfolio.award is None
    assert not Award.objects.exists()
    again = services.submit_portfolio(person=person, statement=STATEMENT)
    assert again.pk != portfolio.pk and again.status == Portfolio.Status.IN_REVIEW


def test_nobody_reviews_their_own_portfolio(make_user):
    admin = make_user(roles=[Role.SITE_ADMIN])
    give_courses(admin, 1)
    give_ce_hours(admin, 1)
    own = services.submit_portfolio(person=admin, statement=STATEMENT)
    with pytest.raises(ReviewNotAllowed, match="your own portfolio"):
        review(own, admin)
    own.refresh_from_db()
    assert own.status == Portfolio.Status.IN_REVIEW and not Review.objects.exists()


@pytest.mark.parametrize("roles", [[], [Role.EVENT_MANAGER], [Role.COACH]])
def test_people_without_the_review_permission_cannot_review(portfolio, make_user, roles):
    with pytest.raises(ReviewNotAllowed):
        review(portfolio, make_user(roles=roles))
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.IN_REVIEW and not Review.objects.exists()


def test_a_decided_portfolio_cannot_be_reviewed_again(portfolio, reviewer, make_user):
    review(portfolio, reviewer)
    with pytest.raises(FellowsError, match="not in review"):
        review(portfolio, make_user(roles=[Role.SITE_ADMIN]))
    assert Review.objects.count() == 1 and Award.objects.count() == 1


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ("missing_one", "Score “"),
        ("too_high", "must be between 0 and 4"),
        ("negative", "must be between 0 and 4"),
        ("not_a_number", "must be a whole number"),
        ("unknown_item", "There is no rubric item 999999"),
    ],
)
def test_scores_must_cover_the_rubric_within_range(portfolio, reviewer, scores, message):
    given = full_scores()
    first = next(iter(given))
    if scores == "missing_one":
        del given[first]
    elif scores == "too_high":
        given[first] = 5
    elif scores == "negative":
        given[first] = -1
    elif scores == "not_a_number":
        given[first] = "three"
    else:
        given["999999"] = 2
    with pytest.raises(FellowsError, match=message):
        review(portfolio, reviewer, scores=given)
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.IN_REVIEW and not Review.objects.exists()


def test_an_unknown_decision_is_refused(portfolio, reviewer):
    with pytest.raises(FellowsError, match="approve, return or decline"):
        review(portfolio, reviewer, decision="maybe")
    assert not Review.objects.exists()
