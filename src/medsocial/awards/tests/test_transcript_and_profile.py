"""A person's awards are on their transcript, their profile and the API, and nobody else's are."""

import pytest
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.awards.services import award_badge, revoke_award
from medsocial.awards.tests.factories import make_badge_class
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_user):
    return make_user(full_name="Ana Lima")


def test_awards_show_on_the_transcript_and_profile_of_their_owner_only(client, person, make_user):
    mine = award_badge(recipient=person, badge_class=make_badge_class(slug="mine", name="Summit Speaker"))
    other = make_user()
    award_badge(recipient=other, badge_class=make_badge_class(slug="theirs", name="Gold Fellow"))
    revoked = award_badge(recipient=person, badge_class=make_badge_class(slug="gone", name="Early Adopter"))
    revoke_award(award=revoked, by=make_user(roles=[Role.SITE_ADMIN]), reason="Error")
    client.force_login(person)
    for url in (reverse("learning:transcript"), reverse("accounts:profile")):
        text = client.get(url).content.decode()
        assert "Summit Speaker" in text and reverse("awards:verify", args=[mine.code]) in text
        assert "Early Adopter" in text and "Revoked" in text
        assert "Gold Fellow" not in text


def test_the_api_lists_my_awards_only(client, person, make_user):
    award = award_badge(
        recipient=person, badge_class=make_badge_class(), evidence=[{"narrative": "Helped 20 peers"}]
    )
    award_badge(recipient=make_user(), badge_class=make_badge_class(slug="other"))
    client.force_login(person)
    response = client.get("/api/v1/awards/")
    assert response.status_code == 200
    [item] = response.json()
    assert item["code"] == award.code and item["badge_slug"] == "community-champion"
    assert item["evidence"] == [{"url": None, "narrative": "Helped 20 peers"}]
    assert item["verification_url"].endswith(reverse("awards:verify", args=[award.code]))
    assert item["revoked"] is False
    client.logout()
    assert client.get("/api/v1/awards/").status_code == 401


def test_the_transcript_and_profile_cost_the_same_for_5_and_50_awards(client, person):
    client.force_login(person)
    figures = []
    for count in (5, 50):
        for n in range(len(figures) and 5, count):
            award_badge(recipient=person, badge_class=make_badge_class(slug=f"badge-{n}", name=f"Badge {n}"))
        figures.append(
            (
                page_queries(client, reverse("learning:transcript")),
                page_queries(client, reverse("accounts:profile")),
            )
        )
    assert figures[0] == figures[1]
