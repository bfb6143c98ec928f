"""Personal access tokens may only read unless made to write, expire, and a password change
offers to revoke them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from medsocial.accounts.models import PersonalAccessToken
from medsocial.accounts.services import create_access_token
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.learning.models import Enrollment
from medsocial.learning.tests.factories import make_course

pytestmark = pytest.mark.django_db


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _enroll(client, raw, course):
    return client.post(
        "/api/v1/learning/enrollments",
        {"course": course.slug},
        content_type="application/json",
        **_bearer(raw),
    )


def test_a_read_only_token_reads_but_is_refused_on_a_write(client, user):
    course = make_course()
    _, raw = create_access_token(user=user, name="dashboard", scope=PersonalAccessToken.Scope.READ)
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
    response = _enroll(client, raw, course)
    assert response.status_code == 403
    assert "may only read" in response.json()["detail"]
    assert not Enrollment.objects.exists()


def test_a_write_token_may_write(client, user):
    course = make_course()
    _, raw = create_access_token(user=user, name="sync", scope=PersonalAccessToken.Scope.WRITE)
    assert _enroll(client, raw, course).status_code == 201


def test_an_expired_token_is_refused(client, user):
    token, raw = create_access_token(user=user, name="old", expires_in_days=7)
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
    PersonalAccessToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/v1/me", **_bearer(raw))
    assert response.status_code == 401
    assert response.json()["detail"] == "Authentication required."


def test_tokens_made_on_the_profile_page_read_only_and_expire_by_default(client, user):
    client.force_login(user)
    client.post("/accounts/tokens/", {"name": "report", "scope": "read", "expires_in_days": "90"})
    token = PersonalAccessToken.objects.get(user=user)
    assert token.scope == PersonalAccessToken.Scope.READ
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    page = client.get("/accounts/profile/").content.decode()
    assert "Read only" in page


def test_a_token_lifetime_out_of_range_is_refused_with_the_field_named(user):
    from medsocial.accounts.services import AccountError

    with pytest.raises(AccountError) as refused:
        create_access_token(user=user, name="x", expires_in_days=5000)
    assert refused.value.field == "expires_in_days"
    assert not PersonalAccessToken.objects.exists()


def _change_password(client, **extra):
    return client.post(
        "/accounts/password/change/",
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": "a-brand-new-passphrase-42",
            "new_password2": "a-brand-new-passphrase-42",
            **extra,
        },
    )


def test_a_password_change_revokes_the_tokens_when_asked(client, user):
    _, raw = create_access_token(user=user, name="script")
    client.force_login(user)
    page = client.get("/accounts/password/change/").content.decode()
    assert "Also revoke my API access tokens" in page
    assert _change_password(client, revoke_tokens="on").status_code == 302
    client.logout()  # the token alone, as a script would call
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 401


def test_a_password_change_may_keep_the_tokens(client, user):
    _, raw = create_access_token(user=user, name="script")
    client.force_login(user)
    assert _change_password(client).status_code == 302
    client.logout()
    assert client.get("/api/v1/me", **_bearer(raw)).status_code == 200
