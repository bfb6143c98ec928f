import pytest

from medsocial.learning import services
from medsocial.learning.models import Course, Enrollment
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db


def test_catalog_is_public_and_hides_drafts(client, instructor, course):
    make_course(status=Course.Status.DRAFT, instructors=[instructor], title="Hidden")
    data = client.get("/api/v1/learning/courses").json()
    assert [item["title"] for item in data["items"]] == ["Privacy Online"]
    assert data["items"][0]["url"].endswith(course.get_absolute_url())


def test_catalog_search_and_filters(client):
    make_course(title="TikTok for Nurses", topic="platforms")
    make_course(title="Handling a Crisis", topic="crisis")
    assert [c["title"] for c in client.get("/api/v1/learning/courses?q=tiktok").json()["items"]] == [
        "TikTok for Nurses"
    ]
    assert [c["title"] for c in client.get("/api/v1/learning/courses?topic=crisis").json()["items"]] == [
        "Handling a Crisis"
    ]


def test_course_detail_public_with_syllabus_and_draft_is_404(client, instructor, course):
    data = client.get(f"/api/v1/learning/courses/{course.slug}").json()
    assert [lesson["title"] for lesson in data["modules"][0]["lessons"]] == ["Lesson 1.1", "Lesson 1.2"]
    assert data["final_quizzes"][0]["pass_mark"] == 100
    draft = make_course(status=Course.Status.DRAFT, instructors=[instructor])
    assert client.get(f"/api/v1/learning/courses/{draft.slug}").status_code == 404


def test_my_enrollments_requires_auth_and_shows_progress(client, learner, course):
    assert client.get("/api/v1/learning/enrollments").status_code == 401
    enrollment = services.enroll(user=learner, course=course)
    services.complete_lesson(enrollment=enrollment, lesson=course.lessons.first())
    client.force_login(learner)
    [item] = client.get("/api/v1/learning/enrollments").json()
    assert item["course"]["slug"] == course.slug and item["lessons_done"] == 1 and item["percent"] == 50


def test_enroll_through_api_twice_is_409(client, learner, course):
    from medsocial.accounts.services import create_access_token

    _, token = create_access_token(user=learner, name="test")
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post(
        "/api/v1/learning/enrollments",
        {"course": course.slug},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201
    again = client.post(
        "/api/v1/learning/enrollments",
        {"course": course.slug},
        content_type="application/json",
        headers=headers,
    )
    assert again.status_code == 409 and "already enrolled" in again.json()["detail"]
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_certificate_verification_api(client, learner, course):
    from medsocial.learning.tests.test_certificates_and_badges import complete

    certificate = complete(learner, course)
    data = client.get(f"/api/v1/learning/certificates/{certificate.code}").json()
    assert data["status"] == "valid" and data["recipient_name"] == "Dana Cruz"
    assert client.get("/api/v1/learning/certificates/NOPE-NOPE-NOPE").status_code == 404
