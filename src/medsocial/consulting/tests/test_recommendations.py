"""Readiness gaps map to the catalog's courses and the calendar's upcoming events."""

import pytest

from medsocial.consulting import assessment
from medsocial.consulting.recommendations import recommendations_for, weakest_dimensions

pytestmark = pytest.mark.django_db


def scores(**low):
    return {d.key: low.get(d.key, 90) for d in assessment.DIMENSIONS}


def test_the_weakest_dimensions_below_strength_come_first():
    picked = weakest_dimensions(scores(crisis=10, policy=40, content=70, training=60), limit=3)
    assert [d.key for d in picked] == ["crisis", "policy", "training"]


def test_no_recommendation_when_every_dimension_is_a_strength(user):
    result = recommendations_for(scores(), viewer=user)
    assert result["courses"] == [] and result["events"] == []


def test_an_upcoming_event_on_a_weak_topic_is_recommended(user):
    from medsocial.events.tests import factories

    relevant = factories.make_event(title="Crisis communication drill for hospital teams")
    factories.make_event(title="Photography basics")
    result = recommendations_for(scores(crisis=10), viewer=user)
    assert [(d.key, e.pk) for d, e in result["events"]] == [("crisis", relevant.pk)]


def test_published_courses_on_a_weak_dimensions_topic_are_recommended(client):
    """The real catalog: a course on the crisis topic for a crisis gap, drafts never."""
    from medsocial.consulting.services import save_assessment
    from medsocial.learning import models as learning

    crisis = learning.Course.objects.create(
        title="When a post goes wrong",
        slug="when-a-post-goes-wrong",
        summary="Handling criticism and incidents.",
        topic="crisis",
        status="published",
    )
    learning.Course.objects.create(
        title="Crisis drafts", slug="crisis-drafts", summary="Not ready.", topic="crisis"
    )
    learning.Course.objects.create(
        title="Camera basics",
        slug="camera-basics",
        summary="Framing a shot.",
        topic="platforms",
        status="published",
    )
    result = recommendations_for(scores(crisis=10), viewer=None)
    assert [(d.key, c.pk) for d, c in result["courses"]] == [("crisis", crisis.pk)]
    answers = {q.key: (0 if d.key == "crisis" else 4) for d in assessment.DIMENSIONS for q in d.questions}
    page = client.get(save_assessment(answers=answers).get_absolute_url()).content.decode()
    assert f'<a href="{crisis.get_absolute_url()}">When a post goes wrong</a>' in page
