import pytest

from medsocial.accounts.models import PersonalAccessToken, hash_token


@pytest.mark.django_db
def test_a_token_is_shown_once_stored_hashed_and_signs_in_api_calls_until_revoked(client, user):
    client.force_login(user)
    client.post("/accounts/tokens/", {"name": "reporting script"})
    page = client.get("/accounts/profile/").content.decode()
    token = PersonalAccessToken.objects.get(user=user)
    raw = next(word for word in page.replace("<", " ").replace(">", " ").split() if word.startswith("msp_"))
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert raw not in client.get("/accounts/profile/").content.decode()  # shown once only

    client.logout()
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json()["email"] == user.email

    client.force_login(user)
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    client.logout()
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required.", "errors": {}}


@pytest.mark.django_db
def test_nobody_can_revoke_another_persons_token(client, user, make_user):
    from medsocial.accounts.services import create_access_token

    token, raw = create_access_token(user=user, name="mine")
    client.force_login(make_user())
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.django_db
def test_a_token_without_a_name_is_refused(client, user):
    client.force_login(user)
    client.post("/accounts/tokens/", {"name": "   "})
    assert not PersonalAccessToken.objects.exists()
