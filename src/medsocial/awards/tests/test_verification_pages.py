"""The verification page and printable certificate work for anyone with the link; only site
staff revoke, with a reason; an unknown code is a 404."""

import pytest
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.awards.services import award_badge, revoke_award
from medsocial.awards.tests.factories import make_badge_class

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_user):
    return make_user(email="ana@hospital.example", full_name="Ana Lima")


@pytest.fixture
def staff(make_user):
    return make_user(email="staff@hub.example", roles=[Role.SITE_ADMIN])


@pytest.fixture
def award(person):
    return award_badge(
        recipient=person,
        badge_class=make_badge_class(),
        evidence=[{"url": "https://example.org/portfolio", "narrative": "Portfolio of posts"}],
    )


def test_anyone_with_the_link_sees_a_valid_award_and_its_evidence(client, award):
    page = client.get(reverse("awards:verify", args=[award.code.lower()]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "This award is genuine" in text and "Ana Lima" in text and "Community Champion" in text
    assert "Portfolio of posts" in text and 'href="https://example.org/portfolio"' in text
    assert "ana@hospital.example" not in text
    assert "Revoke this award" not in text


def test_a_revoked_award_says_so_with_the_reason_on_both_pages(client, award, staff):
    revoke_award(award=award, by=staff, reason="Portfolio was not the author's own")
    text = client.get(reverse("awards:verify", args=[award.code])).content.decode()
    assert "Revoked" in text and "This award is genuine" not in text
    assert "Portfolio was not the author&#x27;s own" in text
    printable = client.get(reverse("awards:certificate", args=[award.code])).content.decode()
    assert "Revoked on" in printable


def test_the_printable_certificate_names_person_badge_date_and_where_to_verify(client, award, settings):
    page = client.get(reverse("awards:certificate", args=[award.code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Ana Lima" in text and "Community Champion" in text and award.code in text
    assert settings.SITE_URL.rstrip("/") + reverse("awards:verify", args=[award.code]) in text
    assert "data-print" in text and "awards/print.js" in text


def test_an_unknown_code_is_a_404_on_every_page(client):
    for name in ("awards:verify", "awards:certificate"):
        assert client.get(reverse(name, args=["ZZZZ-ZZZZ-ZZZZ"])).status_code == 404


def test_staff_revoke_from_the_verification_page(client, award, staff):
    client.force_login(staff)
    assert "Revoke this award" in client.get(reverse("awards:verify", args=[award.code])).content.decode()
    response = client.post(reverse("awards:revoke", args=[award.code]), {"reason": "Issued in error"})
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.is_revoked and award.revocation_reason == "Issued in error"


def test_revoking_without_a_reason_changes_nothing(client, award, staff):
    client.force_login(staff)
    response = client.post(reverse("awards:revoke", args=[award.code]), {"reason": ""}, follow=True)
    assert "Say why the award is revoked" in response.content.decode()
    award.refresh_from_db()
    assert not award.is_revoked


def test_the_recipient_and_other_people_cannot_revoke(client, award, person, make_user):
    for who in (person, make_user()):
        client.force_login(who)
        response = client.post(reverse("awards:revoke", args=[award.code]), {"reason": "Mine"})
        assert response.status_code == 404
    client.logout()
    assert client.post(reverse("awards:revoke", args=[award.code]), {"reason": "x"}).status_code == 302
    award.refresh_from_db()
    assert not award.is_revoked
