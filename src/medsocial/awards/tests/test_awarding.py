"""award_badge(): evidence is checked, the same badge is never awarded twice, revocation frees it."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.awards.errors import AwardError
from medsocial.awards.models import Award
from medsocial.awards.services import award_badge, revoke_award
from medsocial.awards.tests.factories import make_badge_class
from medsocial.core.errors import NotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def badge_class():
    return make_badge_class()


@pytest.fixture
def person(make_user):
    return make_user(email="ana@hospital.example", full_name="Ana Lima")


@pytest.fixture
def staff(make_user):
    return make_user(email="staff@hub.example", roles=[Role.SITE_ADMIN])


def test_an_award_keeps_the_name_evidence_and_who_awarded_it(person, badge_class, staff, settings):
    award = award_badge(
        recipient=person,
        badge_class=badge_class,
        evidence=[
            {"url": "https://example.org/talk", "narrative": "Spoke at the summit"},
            {"url": "/learn/"},
        ],
        by=staff,
    )
    assert award.recipient_name == "Ana Lima" and award.issued_by == staff
    assert award.evidence == [
        {"url": "https://example.org/talk", "narrative": "Spoke at the summit"},
        {"url": settings.SITE_URL.rstrip("/") + "/learn/"},
    ]
    assert len(award.code) == 14 and award.status == "valid"


def test_awarding_the_same_badge_twice_returns_the_first_award(person, badge_class):
    first = award_badge(recipient=person, badge_class=badge_class, evidence=[{"narrative": "First"}])
    second = award_badge(recipient=person, badge_class=badge_class, evidence=[{"narrative": "Second"}])
    assert second.pk == first.pk and second.evidence == [{"narrative": "First"}]
    assert Award.objects.count() == 1


def test_a_revoked_badge_can_be_awarded_again_as_a_new_award(person, badge_class, staff):
    first = award_badge(recipient=person, badge_class=badge_class)
    revoke_award(award=first, by=staff, reason="Awarded to the wrong person")
    again = award_badge(recipient=person, badge_class=badge_class)
    assert again.pk != first.pk and again.code != first.code
    assert Award.objects.filter(revoked_at__isnull=True).count() == 1


def test_two_people_each_get_their_own_award(person, badge_class, make_user):
    other = make_user()
    assert award_badge(recipient=person, badge_class=badge_class) != award_badge(
        recipient=other, badge_class=badge_class
    )


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ([{}], "Evidence item 1 has neither a url nor a narrative."),
        ([{"narrative": "ok"}, {"url": "  ", "narrative": ""}], "Evidence item 2 has neither"),
        ([{"url": "javascript:alert(1)"}], "Evidence item 1: the url must start with http:// or https://."),
        ([{"url": "//evil.example/x"}], "Evidence item 1: the url must start with http"),
        ([{"url": "ftp://example.org/file"}], "Evidence item 1: the url must start with http"),
        ([{"narrative": "x" * 2001}], "Evidence item 1: the narrative is longer than 2000 characters."),
        (["just a string"], "Evidence item 1 must have a url or a narrative."),
        ([{"narrative": f"item {n}"} for n in range(21)], "Give at most 20 evidence items."),
    ],
)
def test_bad_evidence_is_refused_naming_the_item_and_nothing_is_awarded(
    person, badge_class, evidence, message
):
    with pytest.raises(AwardError) as refused:
        award_badge(recipient=person, badge_class=badge_class, evidence=evidence)
    assert message in refused.value.message and refused.value.field == "evidence"
    assert not Award.objects.exists()


def test_revoking_needs_site_staff_and_a_reason(person, badge_class, staff):
    award = award_badge(recipient=person, badge_class=badge_class)
    with pytest.raises(NotAllowed):
        revoke_award(award=award, by=person, reason="Mine to revoke?")
    with pytest.raises(AwardError, match="Say why"):
        revoke_award(award=award, by=staff, reason="   ")
    award.refresh_from_db()
    assert not award.is_revoked
    revoke_award(award=award, by=staff, reason="Issued in error")
    award.refresh_from_db()
    assert award.is_revoked and award.revoked_by == staff and award.revocation_reason == "Issued in error"
    with pytest.raises(AwardError, match="already revoked"):
        revoke_award(award=award, by=staff, reason="Again")


def test_defining_a_badge_class_again_updates_its_wording():
    make_badge_class(slug="x-badge", name="Old name")
    updated = make_badge_class(slug="x-badge", name="New name")
    assert updated.name == "New name"
    from medsocial.awards.models import BadgeClass

    assert BadgeClass.objects.filter(slug="x-badge").count() == 1
