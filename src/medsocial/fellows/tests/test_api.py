"""/api/v1/fellows/: the same rules as the pages, with the API's error format."""

import pytest

from medsocial.accounts.roles import Role
from medsocial.fellows import selectors
from medsocial.fellows.models import Fellow, Portfolio
from medsocial.fellows.tests.conftest import STATEMENT
from medsocial.fellows.tests.factories import give_courses, level, qualify

pytestmark = pytest.mark.django_db


def post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


def test_levels_and_directory_are_public(client, make_user):
    Fellow.objects.create(person=make_user(full_name="Gil Gold"), level=level("gold"), listed=True)
    Fellow.objects.create(person=make_user(full_name="Hidden"), level=level("gold"), listed=False)
    levels = client.get("/api/v1/fellows/levels").json()
    assert [lv["slug"] for lv in levels] == ["resident", "bronze", "silver", "gold", "platinum"]
    assert any(c["key"] == "talks" and float(c["minimum"]) == 1 for c in levels[3]["criteria"])
    directory = client.get("/api/v1/fellows/directory").json()
    assert [f["name"] for f in directory["items"]] == ["Gil Gold"]


def test_submitting_without_the_criteria_answers_400_with_the_gaps(client, person):
    give_courses(person, 1)
    client.force_login(person)
    me = client.get("/api/v1/fellows/me").json()
    assert (
        me["next_level"] == "resident" and me["unmet"] == ["CE hours: 0 of 1"] and not me["ready_to_submit"]
    )
    response = post(client, "/api/v1/fellows/portfolios", {"statement": STATEMENT})
    assert response.status_code == 400 and "CE hours: 0 of 1" in response.json()["detail"]
    assert not Portfolio.objects.exists()


def test_submit_twice_is_a_409_and_a_bad_link_a_400_on_links(client, person):
    qualify(person, level("resident"))
    client.force_login(person)
    bad = post(client, "/api/v1/fellows/portfolios", {"statement": STATEMENT, "links": ["nope"]})
    assert bad.status_code == 400 and "links" in bad.json()["errors"]
    first = post(client, "/api/v1/fellows/portfolios", {"statement": STATEMENT, "directory_consent": True})
    assert first.status_code == 201 and first.json()["status"] == "in_review"
    again = post(client, "/api/v1/fellows/portfolios", {"statement": STATEMENT})
    assert again.status_code == 409
    assert [p["id"] for p in client.get("/api/v1/fellows/portfolios").json()] == [first.json()["id"]]


def test_review_through_the_api(client, person, reviewer, make_user):
    qualify(person, level("resident"))
    client.force_login(person)
    portfolio_id = post(client, "/api/v1/fellows/portfolios", {"statement": STATEMENT}).json()["id"]
    scores = {str(item.pk): 4 for item in selectors.rubric()}
    own = post(
        client,
        f"/api/v1/fellows/portfolios/{portfolio_id}/reviews",
        {"scores": scores, "decision": "approve"},
    )
    assert own.status_code == 403
    client.force_login(make_user())
    assert client.get(f"/api/v1/fellows/portfolios/{portfolio_id}").status_code == 404
    assert client.get("/api/v1/fellows/review-queue").status_code == 403
    client.force_login(reviewer)
    queue = client.get("/api/v1/fellows/review-queue").json()
    assert [p["id"] for p in queue["items"]] == [portfolio_id]
    assert [i["id"] for i in client.get("/api/v1/fellows/rubric").json()] == [int(k) for k in scores]
    response = post(
        client,
        f"/api/v1/fellows/portfolios/{portfolio_id}/reviews",
        {"scores": scores, "decision": "approve"},
    )
    assert response.status_code == 201 and response.json()["decision"] == "approve"
    detail = client.get(f"/api/v1/fellows/portfolios/{portfolio_id}").json()
    assert detail["status"] == "approved" and "/awards/verify/" in detail["award_verification_url"]


def test_listing_consent_through_the_api(client, person):
    client.force_login(person)
    assert (
        client.put(
            "/api/v1/fellows/me/listing", {"listed": True}, content_type="application/json"
        ).status_code
        == 400
    )
    Fellow.objects.create(person=person, level=level("bronze"))
    response = client.put("/api/v1/fellows/me/listing", {"listed": True}, content_type="application/json")
    assert response.status_code == 200 and response.json()["listed_in_directory"] is True


def test_staff_without_the_review_permission_get_403_on_reviews(client, person, make_user):
    qualify(person, level("resident"))
    client.force_login(person)
    portfolio_id = post(client, "/api/v1/fellows/portfolios", {"statement": STATEMENT}).json()["id"]
    client.force_login(make_user(roles=[Role.EDITOR]))
    scores = {str(item.pk): 4 for item in selectors.rubric()}
    response = post(
        client,
        f"/api/v1/fellows/portfolios/{portfolio_id}/reviews",
        {"scores": scores, "decision": "approve"},
    )
    assert response.status_code == 404
    assert Portfolio.objects.get().status == Portfolio.Status.IN_REVIEW
