"""Opening a lesson again reads only: no write, so no wait for SQLite's write lock."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medsocial.learning.services.enrollment import enroll

pytestmark = pytest.mark.django_db


def test_reopening_the_same_lesson_issues_no_write(client, learner, course):
    enroll(user=learner, course=course)
    lesson = course.lessons.order_by("position").first()
    client.force_login(learner)
    url = f"/learn/{course.slug}/lessons/{lesson.slug}/"
    assert client.get(url).status_code == 200  # the first visit records the lesson
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # SQLite logs the BEGIN IMMEDIATE that takes its write lock; a write would show anywhere.
    writes = [
        q["sql"] for q in queries if q["sql"].split()[0].upper() in {"BEGIN", "UPDATE", "INSERT", "DELETE"}
    ]
    assert writes == []


def test_opening_another_lesson_still_records_it(client, learner, course):
    enrollment = enroll(user=learner, course=course)
    first, second = course.lessons.order_by("module__position", "position")[:2]
    client.force_login(learner)
    client.get(f"/learn/{course.slug}/lessons/{first.slug}/")
    client.get(f"/learn/{course.slug}/lessons/{second.slug}/")
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == second.pk
