"""A new password, chosen on the password page or from a reset link, offers (checked by default)
to revoke the person's API access tokens, and signs out every other browser either way. A
revoked token answers 401 on the API; a kept one still works."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from medsocial.accounts.models import PersonalAccessToken
from medsocial.accounts.services import create_access_token
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-42"


def _api_me(raw: str) -> int:
    """The status of a request made with the token alone, as a script would."""
    return Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def _signed_in_elsewhere(user) -> Client:
    other = Client()
    other.force_login(user)
    assert other.get("/accounts/profile/").status_code == 200
    return other


def _change_on_the_password_page(client, user, **choice):
    client.force_login(user)
    return client.post(
        "/accounts/password/change/",
        {"old_password": DEFAULT_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        | choice,
        follow=True,
    )


def _reset_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return f"/accounts/reset/{uid}/{default_token_generator.make_token(user)}/"


def _change_from_a_reset_link(client, user, **choice):
    form_page = client.get(_reset_link(user), follow=True)
    assert form_page.status_code == 200
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD} | choice,
        follow=True,
    )


CHANGES = {"password page": _change_on_the_password_page, "reset link": _change_from_a_reset_link}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_revoking_is_offered_and_checked_by_default(client, user, change):
    if change is _change_on_the_password_page:
        client.force_login(user)
        html = client.get("/accounts/password/change/").content.decode()
    else:
        html = client.get(_reset_link(user), follow=True).content.decode()
    assert "Also revoke my API access tokens" in html
    assert 'name="revoke_tokens"' in html
    checkbox = html[html.index('name="revoke_tokens"') - 200 : html.index('name="revoke_tokens"') + 200]
    assert "checked" in checkbox


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_new_password_with_the_box_checked_revokes_every_token_and_signs_out_elsewhere(
    client, user, make_user, change
):
    _, first = create_access_token(user=user, name="reporting script")
    _, second = create_access_token(user=user, name="census sync", scope=PersonalAccessToken.Scope.WRITE)
    _, someone_elses = create_access_token(user=make_user(email="sam@example.org"), name="theirs")
    elsewhere = _signed_in_elsewhere(user)
    assert _api_me(first) == 200

    page = change(client, user, revoke_tokens="on")

    assert page.status_code == 200
    assert "2 API token(s) were revoked" in page.content.decode()
    assert (_api_me(first), _api_me(second)) == (401, 401)
    assert _api_me(someone_elses) == 200
    assert elsewhere.get("/accounts/profile/").status_code == 302  # back to sign in
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_new_password_with_the_box_cleared_keeps_the_tokens_but_still_signs_out_elsewhere(
    client, user, change
):
    _, raw = create_access_token(user=user, name="reporting script")
    elsewhere = _signed_in_elsewhere(user)

    page = change(client, user)  # an unchecked box is not sent

    assert page.status_code == 200
    assert "revoked" not in page.content.decode()
    assert _api_me(raw) == 200
    assert PersonalAccessToken.objects.get().revoked_at is None
    assert elsewhere.get("/accounts/profile/").status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_the_browser_that_changed_the_password_stays_signed_in(client, user):
    _change_on_the_password_page(client, user, revoke_tokens="on")
    assert client.get("/accounts/profile/").status_code == 200
