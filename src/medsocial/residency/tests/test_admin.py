"""The admin lists programs, cohorts and applications; decisions stay with the services."""

import pytest

from medsocial.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_site_admins_open_the_residency_admin(client, make_user, resident):
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    for url in (
        "/admin/residency/program/",
        f"/admin/residency/cohort/{resident.cohort_id}/change/",
        "/admin/residency/application/",
        f"/admin/residency/application/{resident.pk}/change/",
        "/admin/residency/capstonereview/",
    ):
        assert client.get(url).status_code == 200, url
    before = resident.status
    client.post(f"/admin/residency/application/{resident.pk}/change/", {"status": "declined"})
    resident.refresh_from_db()
    assert resident.status == before  # the status is read-only here
