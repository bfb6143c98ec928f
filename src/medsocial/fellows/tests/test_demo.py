"""The demo has Fellows at three levels and one portfolio in review, and loads twice unchanged."""

import pytest

from medsocial.accounts import demo as accounts_demo
from medsocial.awards.models import Award
from medsocial.fellows import demo
from medsocial.fellows.models import Fellow, Portfolio

pytestmark = pytest.mark.django_db


def test_demo_fellows_at_three_levels_and_a_portfolio_in_review():
    accounts_demo.load(small=True)
    demo.load(small=True)
    assert sorted(Fellow.objects.values_list("level__slug", flat=True)) == ["bronze", "gold", "silver"]
    assert Fellow.objects.filter(listed=True).count() == 2
    assert Portfolio.objects.filter(status=Portfolio.Status.IN_REVIEW).count() == 1
    assert Award.objects.filter(badge_class__slug__startswith="fellows-").count() == 3
    counts = (Fellow.objects.count(), Portfolio.objects.count(), Award.objects.count())
    demo.load(small=True)
    assert (Fellow.objects.count(), Portfolio.objects.count(), Award.objects.count()) == counts
