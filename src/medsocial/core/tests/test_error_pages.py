"""404, 403 and 500 pages carry the site's layout; the 500 page needs no database."""

import pytest
from django.test import RequestFactory

from medsocial.core.views import server_error


def test_the_500_page_renders_in_the_layout_without_the_database():
    # No django_db mark: any query here would raise, as when the database is down.
    response = server_error(RequestFactory().get("/anything/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert 'class="site-header"' in html and 'href="/learn/"' in html
    assert "Staff tools" not in html


@pytest.mark.django_db
def test_an_unknown_address_gets_the_404_page_in_the_layout(client):
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in html and 'class="site-header"' in html
    assert 'name="q"' in html  # a search box to find the page another way


@pytest.mark.django_db
def test_a_refused_page_gets_the_403_page_with_the_reason(client, make_user):
    client.force_login(make_user())
    response = client.get("/learn/teach/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "This page is not open to you" in html
    assert "Only instructors can author courses." in html
