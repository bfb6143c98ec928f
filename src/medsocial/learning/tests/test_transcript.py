import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from medsocial.learning import services
from medsocial.learning.tests.factories import answers_for
from medsocial.testing.plugin import download_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def credits(learner, course):
    enrollment = services.enroll(user=learner, course=course)
    for lesson in course.lessons.all():
        services.complete_lesson(enrollment=enrollment, lesson=lesson)
    quiz = course.quizzes.get()
    services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers_for(quiz))
    services.award_ce_credit(
        user=learner,
        source="event",
        source_key="event:7",
        title="Health Social Media Summit",
        hours=Decimal("4.00"),
        earned_on=datetime.date(2026, 3, 2),
    )


def test_transcript_lists_courses_and_events_with_total(client, learner, credits):
    client.force_login(learner)
    page = client.get(reverse("learning:transcript")).content.decode()
    assert "Privacy Online" in page and "Health Social Media Summit" in page and "5.50" in page


def test_transcript_csv(client, learner, credits):
    client.force_login(learner)
    response = client.get(reverse("learning:transcript-csv"))
    rows = download_rows(response)
    assert rows[0] == ["earned_on", "title", "source", "hours"]
    assert ["2026-03-02", "Health Social Media Summit", "event", "4.00"] in rows
    assert any(row[1:] == ["Privacy Online", "course", "1.50"] for row in rows)


def test_transcript_pdf(client, learner, credits):
    client.force_login(learner)
    response = client.get(reverse("learning:transcript-pdf"))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_transcript_requires_sign_in(client):
    for name in (
        "learning:transcript",
        "learning:transcript-csv",
        "learning:transcript-pdf",
        "learning:dashboard",
    ):
        assert client.get(reverse(name)).status_code == 302


def test_awarding_the_same_source_twice_keeps_one_credit(learner):
    for _ in range(2):
        services.award_ce_credit(
            user=learner,
            source="event",
            source_key="event:1",
            title="Webinar",
            hours=Decimal("1.00"),
            earned_on=datetime.date(2026, 1, 5),
        )
    assert learner.ce_credits.count() == 1
    assert services.withdraw_ce_credit(user=learner, source_key="event:1") == 1
