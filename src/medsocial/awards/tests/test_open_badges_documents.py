"""Every Open Badges 2.0 document the hub serves for awards and course badges conforms to the
2.0 shapes, links to the others by id, and both kinds of badge share one issuer."""

import pytest
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.awards import openbadges
from medsocial.awards.openbadges import hashed_email
from medsocial.awards.services import award_badge, revoke_award
from medsocial.awards.tests import openbadges_v2 as spec
from medsocial.awards.tests.factories import make_badge_class
from medsocial.learning import badges as course_badges
from medsocial.learning import services as learning_services
from medsocial.learning.models import Certificate
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db


def complete_course(user, course) -> Certificate:
    enrollment = learning_services.enroll(user=user, course=course)
    for lesson in course.lessons.all():
        learning_services.complete_lesson(enrollment=enrollment, lesson=lesson)
    return Certificate.objects.get(user=user, course=course)


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def _get(client, url: str) -> dict:
    response = client.get(_path(url) if "://" in url else url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


@pytest.fixture
def award(make_user):
    person = make_user(email="Ana.Lima@Hospital.example", full_name="Ana Lima")
    badge_class = make_badge_class(tags=["community"])
    return award_badge(
        recipient=person,
        badge_class=badge_class,
        evidence=[
            {"url": "https://example.org/portfolio", "narrative": "Portfolio"},
            {"narrative": "12 talks"},
        ],
    )


def test_an_awards_assertion_badge_class_and_issuer_conform_and_link_up(client, award):
    assertion = _get(client, reverse("awards:assertion", args=[award.code]))
    assert spec.problems(spec.ASSERTION, assertion) == []
    assert assertion["id"] == openbadges.absolute(reverse("awards:assertion", args=[award.code]))
    assert assertion["recipient"]["identity"] == hashed_email(
        "ana.lima@hospital.example", award.recipient_salt
    )
    assert "ana" not in str(assertion).lower().replace("ana lima", "")  # no clear-text email
    assert assertion["evidence"] == [
        {"type": "Evidence", "id": "https://example.org/portfolio", "narrative": "Portfolio"},
        {"type": "Evidence", "narrative": "12 talks"},
        {"type": "Evidence", "id": openbadges.absolute(award.get_absolute_url())},
    ]

    badge_class = _get(client, assertion["badge"])
    assert spec.problems(spec.BADGE_CLASS, badge_class) == []
    assert badge_class["id"] == assertion["badge"] and badge_class["name"] == "Community Champion"
    assert badge_class["tags"] == ["community"]
    image = client.get(_path(badge_class["image"]))
    assert image.status_code == 200 and image["Content-Type"] == "image/svg+xml"
    assert b"Community Champion" in image.content and b"CHAMPION" in image.content

    issuer = _get(client, badge_class["issuer"])
    assert spec.problems(spec.ISSUER, issuer) == []
    assert issuer["id"] == badge_class["issuer"]
    revocations = _get(client, issuer["revocationList"])
    assert spec.problems(spec.REVOCATION_LIST, revocations) == []
    assert revocations["revokedAssertions"] == []


def test_the_shape_check_catches_a_broken_document(award):
    from medsocial.awards.documents import assertion_document

    document = assertion_document(award)
    del document["verification"]
    document["issuedOn"] = "yesterday"
    document["recipient"]["identity"] = "ana@hospital.example"
    found = "\n".join(spec.problems(spec.ASSERTION, document))
    assert "verification" in found and "issuedOn" in found and "recipient/identity" in found


def test_course_badges_and_awards_name_the_same_issuer(client, award, make_user):
    learner = make_user()
    course = make_course(title="Privacy Online", lessons=1, quiz=False)
    certificate = complete_course(learner, course)
    course_assertion = _get(client, reverse("learning:badge-assertion", args=[certificate.code]))
    assert spec.problems(spec.ASSERTION, course_assertion) == []
    course_class = _get(client, course_assertion["badge"])
    assert spec.problems(spec.BADGE_CLASS, course_class) == []
    award_class = _get(client, _get(client, reverse("awards:assertion", args=[award.code]))["badge"])
    assert course_class["issuer"] == award_class["issuer"] == openbadges.issuer_url()


def test_the_one_revocation_list_names_revoked_awards_and_certificates(client, award, make_user):
    staff = make_user(roles=[Role.SITE_ADMIN])
    instructor = make_user(roles=[Role.INSTRUCTOR])
    revoke_award(award=award, by=staff, reason="Awarded in error")
    learner = make_user()
    course = make_course(title="Crisis Basics", lessons=1, quiz=False, instructors=[instructor])
    certificate = complete_course(learner, course)
    learning_services.revoke_certificate(by=instructor, certificate=certificate, reason="Course retired")

    revocations = _get(client, reverse("awards:revocations"))
    assert spec.problems(spec.REVOCATION_LIST, revocations) == []
    assert sorted(revocations["revokedAssertions"], key=lambda r: r["id"]) == sorted(
        [
            {"id": course_badges.assertion_url(certificate), "revocationReason": "Course retired"},
            {
                "id": openbadges.absolute(reverse("awards:assertion", args=[award.code])),
                "revocationReason": "Awarded in error",
            },
        ],
        key=lambda r: r["id"],
    )
    assertion = _get(client, reverse("awards:assertion", args=[award.code]))
    assert spec.problems(spec.ASSERTION, assertion) == []
    assert assertion["revoked"] is True and assertion["revocationReason"] == "Awarded in error"


def test_the_issuer_addresses_of_earlier_course_badges_lead_to_the_shared_ones(client):
    issuer = client.get(reverse("learning:badge-issuer"))
    assert issuer.status_code == 301 and issuer["Location"] == reverse("awards:issuer")
    revocations = client.get(reverse("learning:badge-revocations"))
    assert revocations.status_code == 301 and revocations["Location"] == reverse("awards:revocations")


def test_unknown_badges_and_assertions_are_404(client):
    assert client.get(reverse("awards:assertion", args=["AAAA-BBBB-CCCC"])).status_code == 404
    assert client.get(reverse("awards:badge-class", args=["nope"])).status_code == 404
    assert client.get(reverse("awards:badge-image", args=["nope"])).status_code == 404


def test_the_badge_image_escapes_the_name(client):
    make_badge_class(slug="tricky", name='<script>"Ha" & co</script>', caption="<b>")
    svg = client.get(reverse("awards:badge-image", args=["tricky"])).content.decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg
