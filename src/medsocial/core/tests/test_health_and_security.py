import pytest


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["database"]["ok"] is True


@pytest.mark.django_db
def test_home_page_sends_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert b"<script>" not in response.content


@pytest.mark.django_db
def test_every_script_stylesheet_and_image_on_the_home_page_is_served_locally(client):
    import re

    html = client.get("/").content.decode()
    # A canonical link names the page's own address for search engines; nothing is loaded from it.
    loaded = re.sub(r'<link rel="canonical"[^>]*>', "", html)
    assets = re.findall(r'<(?:script|img|link)[^>]+(?:src|href)="([^"]+)"', loaded)
    assert assets, "the page should load its stylesheet and scripts"
    assert all(url.startswith("/") and not url.startswith("//") for url in assets), assets
