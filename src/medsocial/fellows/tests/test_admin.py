"""Staff edit the levels' thresholds in the admin; portfolios and Fellows are not added there."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.fellows.models import Level

pytestmark = pytest.mark.django_db


def test_site_admins_edit_a_levels_thresholds(client, make_user):
    gold = Level.objects.get(slug="gold")
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    assert client.get("/admin/fellows/level/").status_code == 200
    response = client.post(
        f"/admin/fellows/level/{gold.pk}/change/",
        {
            "name": gold.name,
            "slug": gold.slug,
            "rank": gold.rank,
            "description": gold.description,
            "badge_class": gold.badge_class_id,
            "min_courses": 12,
            "min_ce_hours": "32.5",
            "min_events": 5,
            "min_articles": 2,
            "min_talks": 1,
            "min_mentoring": 2,
        },
    )
    assert response.status_code == 302
    gold.refresh_from_db()
    assert gold.min_courses == 12 and str(gold.min_ce_hours) == "32.50"


def test_a_negative_threshold_is_refused(client, make_user):
    gold = Level.objects.get(slug="gold")
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    response = client.post(
        f"/admin/fellows/level/{gold.pk}/change/",
        {
            "name": gold.name,
            "slug": gold.slug,
            "rank": gold.rank,
            "description": gold.description,
            "badge_class": gold.badge_class_id,
            "min_courses": -1,
            "min_ce_hours": "-3",
            "min_events": 5,
            "min_articles": 2,
            "min_talks": 1,
            "min_mentoring": 2,
        },
    )
    assert response.status_code == 200
    gold.refresh_from_db()
    assert gold.min_courses == 10


def test_portfolios_and_fellows_are_not_added_in_the_admin(client, make_user):
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    assert client.get("/admin/fellows/portfolio/").status_code == 200
    assert client.get("/admin/fellows/portfolio/add/").status_code == 403
    assert client.get("/admin/fellows/fellow/add/").status_code == 403
    assert client.get("/admin/fellows/rubricitem/").status_code == 200
