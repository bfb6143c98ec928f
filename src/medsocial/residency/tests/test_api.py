"""The API answers with the same rules as the pages: applying (twice, bad statements), staff
decisions within capacity, mentor assignment, capstone review, and other people's
applications (404)."""

import pytest

from medsocial.residency.models import Application
from medsocial.residency.tests.factories import PLAN, STATEMENT, make_application

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_apply_list_and_apply_twice(client, cohort, applicant):
    client.force_login(applicant)
    url = f"/api/v1/residency/cohorts/{cohort.slug}/applications"
    short = _post(client, url, {"statement": "Too short."})
    assert short.status_code == 400 and "statement" in short.json()["errors"]
    created = _post(client, url, {"statement": STATEMENT})
    assert created.status_code == 201 and created.json()["status"] == "submitted"
    again = _post(client, url, {"statement": STATEMENT})
    assert again.status_code == 409
    assert [a["id"] for a in client.get("/api/v1/residency/applications").json()] == [created.json()["id"]]
    listed = client.get("/api/v1/residency/cohorts").json()
    assert listed[0]["slug"] == cohort.slug and listed[0]["seats_left"] == 10


def test_staff_accept_within_capacity_and_assign_a_mentor(client, staff, make_user, mentor):
    cohort = mentor.residency_mentoring.get().cohort
    cohort.capacity = 1
    cohort.save()
    first, second = (make_application(cohort=cohort, user=make_user()) for _ in range(2))
    client.force_login(staff)
    assert (
        _post(
            client, f"/api/v1/residency/applications/{first.pk}/decision", {"decision": "accept"}
        ).status_code
        == 200
    )
    full = _post(client, f"/api/v1/residency/applications/{second.pk}/decision", {"decision": "accept"})
    assert full.status_code == 409 and "full" in full.json()["detail"]
    no_reason = _post(client, f"/api/v1/residency/applications/{second.pk}/decision", {"decision": "decline"})
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    assigned = _post(
        client, f"/api/v1/residency/applications/{first.pk}/mentor", {"mentor_email": mentor.email}
    )
    assert assigned.status_code == 200 and assigned.json()["mentor"] == mentor.display_name


def test_a_resident_submits_and_the_mentor_reviews(client, resident, applicant, mentor):
    client.force_login(applicant)
    submitted = _post(client, f"/api/v1/residency/applications/{resident.pk}/capstone", {"plan": PLAN})
    assert submitted.status_code == 201
    version = submitted.json()["id"]
    criteria = list(resident.cohort.program.criteria.all())
    client.force_login(mentor)
    review_url = f"/api/v1/residency/applications/{resident.pk}/capstone/{version}/review"
    bad = _post(
        client,
        review_url,
        {
            "decision": "returned",
            "comments": "",
            "scores": [{"criterion_id": c.pk, "score": 2} for c in criteria],
        },
    )
    assert bad.status_code == 400 and "comments" in bad.json()["errors"]
    good = _post(
        client,
        review_url,
        {
            "decision": "returned",
            "comments": "More detail.",
            "scores": [{"criterion_id": c.pk, "score": 2} for c in criteria],
        },
    )
    assert good.status_code == 201 and good.json()["review"]["comments"] == "More detail."
    client.force_login(applicant)
    history = client.get(f"/api/v1/residency/applications/{resident.pk}/capstone").json()
    assert history[0]["status"] == "returned" and [s["score"] for s in history[0]["review"]["scores"]] == [
        2,
        2,
    ]


def test_other_peoples_applications_are_404(client, resident, make_user, cohort):
    client.force_login(make_user())
    for url in (
        f"/api/v1/residency/applications/{resident.pk}",
        f"/api/v1/residency/applications/{resident.pk}/capstone",
    ):
        assert client.get(url).status_code == 404
    for url, data in (
        (f"/api/v1/residency/applications/{resident.pk}/capstone", {"plan": PLAN}),
        (f"/api/v1/residency/applications/{resident.pk}/withdraw", {}),
        (f"/api/v1/residency/applications/{resident.pk}/decision", {"decision": "decline", "reason": "x"}),
        (f"/api/v1/residency/applications/{resident.pk}/complete", {}),
    ):
        assert _post(client, url, data).status_code == 404, url
    resident.refresh_from_db()
    assert resident.status == Application.Status.ACCEPTED


def test_the_progress_endpoint_lists_the_rotation(client, resident, applicant, cohort):
    from medsocial.residency.tests.factories import add_rotation

    add_rotation(cohort, assignment="Audit", due_in_days=-1)
    client.force_login(applicant)
    body = client.get(f"/api/v1/residency/applications/{resident.pk}").json()
    assert body["total"] == 1 and body["done"] == 0 and body["items"][0]["overdue"] is True
