"""An email address is one account whatever the case it is typed in."""

import pytest

from medsocial.accounts import services
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.core.errors import DomainError


@pytest.mark.django_db
def test_sign_in_matches_the_email_whatever_its_case(client, make_user):
    user = make_user(email="pat.jones@example.org")
    response = client.post(
        "/accounts/sign-in/", {"username": "Pat.Jones@EXAMPLE.org", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_sign_up_refuses_a_case_variant_of_an_existing_address(make_user):
    make_user(email="pat.jones@example.org")
    with pytest.raises(DomainError, match="already exists") as refused:
        services.sign_up(email="PAT.Jones@Example.ORG", password="a-long-enough-passphrase")
    assert refused.value.field == "email"


@pytest.mark.django_db
def test_wrong_case_failures_count_against_the_same_account(client, make_user, settings):
    user = make_user(email="pat.jones@example.org")
    for number in range(settings.AXES_FAILURE_LIMIT):
        variant = "PAT.JONES@example.org" if number % 2 else "pat.jones@EXAMPLE.ORG"
        client.post("/accounts/sign-in/", {"username": variant, "password": "wrong-guess"})
    response = client.post("/accounts/sign-in/", {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 429
