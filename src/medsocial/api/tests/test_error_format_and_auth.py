import pytest
from django.test import Client

from medsocial.accounts.services import create_access_token


@pytest.mark.django_db
def test_anonymous_calls_get_401_in_the_error_format(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required.", "errors": {}}


@pytest.mark.django_db
def test_a_session_identifies_the_caller(client, user):
    client.force_login(user)
    body = client.get("/api/v1/me").json()
    assert body["email"] == user.email
    assert body["memberships"] == []


@pytest.mark.django_db
def test_a_malformed_or_unknown_bearer_token_is_refused(client):
    for header in ["Bearer msp_not-a-real-token", "Bearer ", "Token abc"]:
        response = client.get("/api/v1/me", HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, header


@pytest.mark.django_db
def test_token_calls_do_not_need_csrf_but_session_writes_do(user):
    from medsocial.api.errors import error_body

    _, raw = create_access_token(user=user, name="ci")
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user)
    # A session POST without the CSRF token is refused before it reaches any endpoint.
    response = csrf_client.post("/api/v1/safety/check", {"text": "hello"}, content_type="application/json")
    assert response.status_code in (403, 404, 405)
    if response.status_code == 403:
        assert response.json()["detail"] == error_body("CSRF check Failed")["detail"]


def test_validation_errors_name_each_field():
    from medsocial.api.errors import _field_of

    assert _field_of(["body", "payload", "email"]) == "email"
    assert _field_of(["query", "page"]) == "page"
    assert _field_of(["body", "payload", "answers", 0, "choice"]) == "answers.0.choice"
    assert _field_of([]) == "__all__"
