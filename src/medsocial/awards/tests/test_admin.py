"""Site admins define badge classes in the admin and look awards up; awards are not added there."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.awards.models import BadgeClass
from medsocial.awards.services import award_badge
from medsocial.awards.tests.factories import make_badge_class

pytestmark = pytest.mark.django_db


def test_site_admins_define_badge_classes_and_look_awards_up(client, make_user):
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    response = client.post(
        "/admin/awards/badgeclass/add/",
        {
            "slug": "summit-speaker",
            "name": "Summit Speaker",
            "description": "Spoke at the summit.",
            "criteria": "Give a talk at the summit.",
            "criteria_url": "",
            "colour": "#c2185b",
            "caption": "Speaker",
            "tags": "[]",
            "created_at_0": "2026-11-01",
            "created_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    badge_class = BadgeClass.objects.get(slug="summit-speaker")
    award = award_badge(recipient=make_user(), badge_class=badge_class)
    assert client.get("/admin/awards/award/").status_code == 200
    assert client.get(f"/admin/awards/award/{award.pk}/change/").status_code == 200
    assert client.get("/admin/awards/award/add/").status_code == 403


def test_a_bad_colour_is_refused_naming_the_field(client, make_user):
    badge_class = make_badge_class()
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    response = client.post(
        f"/admin/awards/badgeclass/{badge_class.pk}/change/",
        {
            "slug": badge_class.slug,
            "name": badge_class.name,
            "description": badge_class.description,
            "criteria": badge_class.criteria,
            "colour": "red;x:y",
            "caption": "X",
            "tags": "[]",
            "created_at_0": "2026-11-01",
            "created_at_1": "10:00:00",
        },
    )
    assert response.status_code == 200 and "Give a colour as #RRGGBB" in response.content.decode()
    badge_class.refresh_from_db()
    assert badge_class.colour == "#2e7d32"
