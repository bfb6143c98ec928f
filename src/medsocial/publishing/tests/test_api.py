"""The publishing API: public reads, and comments under the same rules as the pages."""

import pytest

from medsocial.publishing.models import Comment
from medsocial.publishing.tests.factories import make_article, make_episode


@pytest.fixture
def article(db):
    return make_article(title="API article")


def test_lists_and_details_are_public(client, article):
    make_article(title="Hidden draft", published=False)
    episode = make_episode(transcript="Hello")
    listing = client.get("/api/v1/publishing/articles").json()
    assert [a["title"] for a in listing["items"]] == ["API article"]
    detail = client.get(f"/api/v1/publishing/articles/{article.slug}").json()
    assert detail["sources"][0]["citation"] == "Source 1"
    episodes = client.get("/api/v1/publishing/episodes").json()["items"]
    assert episodes[0]["audio_bytes"] == episode.audio_bytes
    assert client.get(f"/api/v1/publishing/episodes/{episode.pk}").json()["transcript"] == "Hello"
    assert client.get("/api/v1/publishing/articles/nope").status_code == 404


def test_guest_comment_is_held(client, article):
    response = client.post(
        "/api/v1/publishing/comments",
        {"article_id": article.pk, "body": "Hi", "name": "G", "email": "g@example.org"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "pending"


def test_guest_without_email_gets_a_field_error(client, article):
    response = client.post(
        "/api/v1/publishing/comments",
        {"article_id": article.pk, "body": "Hi", "name": "G"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "email" in response.json()["errors"]
    assert not Comment.objects.exists()


def test_honeypot_and_target_rules(client, article):
    spam = client.post(
        "/api/v1/publishing/comments",
        {
            "article_id": article.pk,
            "body": "x",
            "name": "G",
            "email": "g@example.org",
            "website": "http://spam",
        },
        content_type="application/json",
    )
    assert spam.status_code == 400
    both = client.post(
        "/api/v1/publishing/comments",
        {"article_id": article.pk, "episode_id": 1, "body": "x"},
        content_type="application/json",
    )
    assert both.status_code == 400


def test_session_comment_needs_csrf(article, make_user):
    from django.test import Client

    user = make_user(roles=[])
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    response = browser.post(
        "/api/v1/publishing/comments",
        {"article_id": article.pk, "body": "Hi"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_comments_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/publishing/comments" in paths and "/api/v1/publishing/articles" in paths
