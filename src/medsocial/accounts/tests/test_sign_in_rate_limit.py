import pytest

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD


@pytest.mark.django_db
def test_sign_in_is_locked_after_repeated_failures_even_with_the_right_password(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/accounts/sign-in/", {"username": user.email, "password": "wrong-guess"})
        assert response.status_code in (400, 429)
    response = client.post("/accounts/sign-in/", {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(client, user):
    response = client.post("/accounts/sign-in/", {"username": user.email, "password": "wrong-guess"})
    assert response.status_code == 400
    assert "do not match an account" in response.content.decode()
