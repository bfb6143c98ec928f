"""The readiness assessment: scoring per dimension, the results page, saving and history."""

import pytest
from django.urls import reverse

from medsocial.consulting import assessment
from medsocial.consulting.models import Assessment
from medsocial.consulting.services import save_assessment

pytestmark = pytest.mark.django_db


def answers(default=2, **per_dimension):
    """Answers for every question; `policy=4` sets every policy question to 4."""
    return {q.key: per_dimension.get(d.key, default) for d in assessment.DIMENSIONS for q in d.questions}


def test_each_dimension_is_scored_out_of_100():
    scores, overall = assessment.score(answers(policy=4, crisis=0))
    assert scores["policy"] == 100 and scores["crisis"] == 0 and scores["training"] == 50
    assert overall == round((100 + 0 + 50 * 6) / 8)


def test_results_name_strengths_and_gaps_with_advice(client):
    response = client.post(reverse("consulting:assessment"), answers(policy=4, crisis=0, measurement=1))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    strengths = page.split('id="strengths"')[1].split('id="gaps"')[0]
    gaps = page.split('id="gaps"')[1].split('id="recommended"')[0]
    assert "Social media policy" in strengths
    assert "Crisis and incident plan" in gaps and "rehearse it" in gaps
    assert "Measurement" in gaps


def test_an_incomplete_questionnaire_is_refused_and_nothing_is_saved(client):
    partial = answers()
    partial.pop("crisis_drill")
    response = client.post(reverse("consulting:assessment"), partial)
    assert response.status_code == 400
    assert "Choose an answer." in response.content.decode()
    assert not Assessment.objects.exists()


def test_saved_results_build_an_organizations_history_with_the_change(client, client_admin, client_org):
    client.force_login(client_admin)
    client.post(reverse("consulting:assessment"), {**answers(crisis=0), "organization": client_org.slug})
    second = client.post(
        reverse("consulting:assessment"), {**answers(crisis=3), "organization": client_org.slug}
    )
    assert Assessment.objects.filter(organization=client_org).count() == 2
    results = client.get(second["Location"]).content.decode()
    assert "+75" in results  # crisis went from 0 to 75
    history = client.get(reverse("consulting:assessment-history", args=[client_org.slug])).content.decode()
    assert "(+75)" in history


def test_only_members_save_to_an_organization(outsider, client_org):
    from medsocial.consulting.errors import ConsultingError

    with pytest.raises(ConsultingError):
        save_assessment(answers=answers(), taken_by=outsider, organization=client_org)


def test_an_organizations_results_and_history_are_hidden_from_others(
    client, client_admin, client_org, outsider
):
    saved = save_assessment(answers=answers(), taken_by=client_admin, organization=client_org)
    client.force_login(outsider)
    assert client.get(saved.get_absolute_url()).status_code == 404
    assert client.get(reverse("consulting:assessment-history", args=[client_org.slug])).status_code == 404


def test_the_results_page_recommends_courses_and_events_when_the_catalog_has_them(client, monkeypatch):
    from medsocial.consulting import recommendations

    monkeypatch.setattr(recommendations, "_matching", lambda qs, dimension: [_Item(dimension.keywords[0])])
    monkeypatch.setattr(
        recommendations,
        "weakest_dimensions",
        lambda scores, limit=3: [assessment.DIMENSIONS_BY_KEY["crisis"]],
    )
    monkeypatch.setattr(recommendations, "course_source", lambda: lambda: None)
    monkeypatch.setattr(recommendations, "event_source", lambda: lambda viewer=None: None)
    saved = save_assessment(answers=answers(crisis=0))
    page = client.get(saved.get_absolute_url()).content.decode()
    assert "Course about crisis" in page


class _Item:
    """Stands in for a course or an event found by keyword."""

    _next = 0

    def __init__(self, keyword):
        _Item._next += 1
        self.pk = _Item._next
        self.keyword = keyword
        self.starts_at = None

    def __str__(self):
        return f"Course about {self.keyword}"

    def get_absolute_url(self):
        return "/learn/"


def test_the_history_page_has_a_constant_number_of_queries(client, client_admin, client_org):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(client_admin)
    url = reverse("consulting:assessment-history", args=[client_org.slug])
    for _ in range(5):
        save_assessment(answers=answers(), taken_by=client_admin, organization=client_org)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(45):
        save_assessment(answers=answers(), taken_by=client_admin, organization=client_org)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count("/consulting/assessment/results/") == 50
    assert len(large.captured_queries) == len(small.captured_queries)
