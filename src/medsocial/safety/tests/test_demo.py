"""The demo loader adds Lakeshore Health's rules and allow-list once."""

import pytest

from medsocial.safety import demo
from medsocial.safety.engine import analyze
from medsocial.safety.models import AllowedIdentifier, PolicyRule
from medsocial.safety.selectors import allow_list_for

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_lakeshore_numbers_are_allowed(make_organization):
    org = make_organization(name="Lakeshore Health")
    org.slug = "lakeshore-health"
    org.save()
    demo.load(small=True)
    counts = (PolicyRule.objects.count(), AllowedIdentifier.objects.count())
    demo.load(small=True)
    assert (PolicyRule.objects.count(), AllowedIdentifier.objects.count()) == counts
    assert PolicyRule.objects.filter(organization__isnull=True).count() >= 5
    assert analyze("Call us at (312) 555-0199!", allowed=allow_list_for(org)).findings == []
