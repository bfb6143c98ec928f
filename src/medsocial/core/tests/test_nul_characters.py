"""Input holding a NUL character is refused with the fields named, before any view runs."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_api_query_parameter_with_nul_is_refused_with_its_name(client):
    response = client.get("/api/v1/census/hospitals", {"q": "Mercy\x00"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"q": ["Text may not contain NUL (0x00) characters."]}


def test_a_json_body_with_nul_is_refused_with_the_field_path(client, make_user):
    client.force_login(make_user())
    response = client.post(
        "/api/v1/learning/enrollments",
        {"course": "social\x00media", "extra": [{"x": "\x00"}]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"course", "extra.0.x"}


def test_a_page_with_nul_in_its_query_is_refused(client):
    response = client.get("/census/hospitals/", {"q": "\x00"})
    assert response.status_code == 400
    assert b"NUL" in response.content


def test_a_form_post_with_nul_is_refused(client):
    response = client.post("/accounts/sign-in/", {"username": "a@example.org\x00", "password": "x"})
    assert response.status_code == 400


def test_ordinary_text_passes(client):
    assert client.get("/api/v1/census/hospitals", {"q": "Mercy"}).status_code == 200
