"""Behind the load balancer the client's address comes from X-Forwarded-For, past the proxies the
site trusts only; the sign-in lockout and the comment rate limit key on it."""

import pytest
from django.test import RequestFactory

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.core.client_address import client_ip
from medsocial.publishing.services import comments as comment_services
from medsocial.publishing.tests.factories import make_article

PROXY = "10.0.0.5"


def _request(remote=PROXY, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 0
    assert client_ip(_request(forwarded="203.0.113.9")) == PROXY


def test_one_trusted_hop_takes_the_address_the_proxy_appended(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = [], 1
    assert client_ip(_request(forwarded="203.0.113.9")) == "203.0.113.9"
    # A client that writes its own header cannot choose the address: the proxy's entry is last.
    assert client_ip(_request(forwarded="1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request(forwarded="")) == PROXY
    assert client_ip(_request(forwarded="not-an-address")) == PROXY


def test_trusted_proxy_networks_are_walked_past_and_nothing_else_is_believed(settings):
    settings.TRUSTED_PROXIES, settings.TRUSTED_PROXY_COUNT = ["10.0.0.0/8"], 0
    assert client_ip(_request(forwarded="1.2.3.4, 203.0.113.9, 10.0.0.7")) == "203.0.113.9"
    # Straight from the internet, not through our proxies: the header is the sender's invention.
    assert client_ip(_request(remote="198.51.100.20", forwarded="1.2.3.4")) == "198.51.100.20"
    assert client_ip(_request(forwarded="2001:db8::1")) == "2001:db8::1"


def _sign_in(client, email, password, address):
    return client.post(
        "/accounts/sign-in/",
        {"username": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
def test_an_attacker_behind_the_proxy_locks_only_their_own_address_out(client, user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, user.email, "wrong-guess", "203.0.113.9")
    assert _sign_in(client, user.email, DEFAULT_PASSWORD, "203.0.113.9").status_code == 429
    # The account's owner, from another address through the same proxy, still signs in.
    response = _sign_in(client, user.email, DEFAULT_PASSWORD, "198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_a_spoofed_header_does_not_escape_the_lockout(client, user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, user.email, "wrong-guess", f"1.1.1.{attempt}, 203.0.113.9")
    assert _sign_in(client, user.email, DEFAULT_PASSWORD, "9.9.9.9, 203.0.113.9").status_code == 429


def _comment(client, article, number, address):
    return client.post(
        f"/comments/article/{article.pk}/",
        {"body": f"Comment {number}", "name": "Guest", "email": f"g{number}@example.org"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
def test_guests_behind_the_proxy_each_have_their_own_comment_budget(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    article = make_article()
    for number in range(comment_services.RATE_LIMIT_COUNT):
        assert _comment(client, article, number, "203.0.113.9").status_code == 302
    assert "too fast" in _comment(client, article, 99, "203.0.113.9").content.decode()
    assert _comment(client, article, 100, "198.51.100.7").status_code == 302
    # Writing a fresh address at the front of the header does not buy a new budget.
    assert "too fast" in _comment(client, article, 101, "5.5.5.5, 203.0.113.9").content.decode()
