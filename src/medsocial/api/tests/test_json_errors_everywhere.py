"""Every answer under /api/ that is an error is JSON in the one format, whoever produced it."""

import pytest
from django.test import Client
from django.urls import path

from medsocial import urls as project_urls

pytestmark = pytest.mark.django_db


def _assert_error_format(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["detail"] and body["errors"] == {}
    return body


def test_missing_credentials_answer_401_with_www_authenticate_even_on_a_post():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v1/safety/check", {"text": "hello"}, content_type="application/json")
    body = _assert_error_format(response, 401)
    assert body["detail"] == "Authentication required."
    assert response["WWW-Authenticate"] == 'Bearer realm="MedSocial API"'


def test_a_refused_token_is_named_invalid_in_www_authenticate(client):
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer msp_nope")
    _assert_error_format(response, 401)
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_a_signed_in_session_without_its_csrf_token_is_still_refused(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/api/v1/safety/check", {"text": "hello"}, content_type="application/json")
    body = _assert_error_format(response, 403)
    assert "CSRF" in body["detail"]


def test_an_unknown_api_route_answers_json_404(client):
    body = _assert_error_format(client.get("/api/v1/no-such-thing"), 404)
    assert body["detail"] == "Not found."
    _assert_error_format(client.get("/api/v2/"), 404)


def test_a_wrong_method_answers_json_405_with_allow(client):
    response = client.delete("/api/v1/census/networks")
    body = _assert_error_format(response, 405)
    assert "GET" in response["Allow"] and "DELETE" in body["detail"]


def _boom(request):
    raise RuntimeError("unexpected")


urlpatterns = [path("api/v1/test-boom", _boom), *project_urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_an_unhandled_exception_answers_json_500():
    client = Client(raise_request_exception=False)
    body = _assert_error_format(client.get("/api/v1/test-boom"), 500)
    assert "unexpected" not in body["detail"]


def test_pages_outside_the_api_keep_their_html_errors(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
