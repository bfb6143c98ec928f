"""Sign-up → confirm the address from a real email → sign in → edit the profile."""

import re

import pytest

from medsocial.accounts.models import User
from medsocial.testing.plugin import body_text

PASSWORD = "a-long-unusual-passphrase-41"


def link_in(message) -> str:
    return re.search(r"https?://\S+", body_text(message)).group(0)


@pytest.mark.django_db
def test_sign_up_confirm_sign_in_and_edit_profile(
    client, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/sign-up/",
            {
                "full_name": "Ana Ruiz",
                "email": "Ana.Ruiz@Example.org",
                "credentials": "RN",
                "profession": "nurse",
                "password": PASSWORD,
                "password_again": PASSWORD,
            },
        )
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "ana.ruiz@example.org"
    assert user.email_confirmed_at is None

    # Unconfirmed accounts cannot sign in yet.
    response = client.post("/accounts/sign-in/", {"username": "ana.ruiz@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "Confirm your email address first" in response.content.decode()

    (message,) = smtp_server.wait_for(1)
    assert message["To"] == "ana.ruiz@example.org"
    assert "Confirm your email address" in message["Subject"]
    confirm_path = link_in(message).replace("http://testserver", "")
    assert client.get(confirm_path).status_code == 302
    user.refresh_from_db()
    assert user.email_confirmed_at is not None
    client.post("/accounts/sign-out/")

    response = client.post("/accounts/sign-in/", {"username": "ana.ruiz@example.org", "password": PASSWORD})
    assert response.status_code == 302
    response = client.post(
        "/accounts/profile/",
        {
            "full_name": "Ana M. Ruiz",
            "credentials": "RN, BSN",
            "profession": "nurse",
            "time_zone": "America/Chicago",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.credentials, user.time_zone) == ("Ana M. Ruiz", "RN, BSN", "America/Chicago")
    assert user.display_name == "Ana M. Ruiz, RN, BSN"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("password", "short", "This password is too short"),
        ("password_again", "something-else-entirely", "The two passwords differ."),
        ("full_name", "", "This field is required."),
    ],
)
def test_sign_up_with_bad_input_names_the_field_and_creates_nothing(client, field, value, message):
    data = {
        "full_name": "Ana Ruiz",
        "email": "ana@example.org",
        "password": PASSWORD,
        "password_again": PASSWORD,
        field: value,
    }
    response = client.post("/accounts/sign-up/", data)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_with_an_address_already_taken_is_refused(client, make_user):
    make_user(email="taken@example.org")
    response = client.post(
        "/accounts/sign-up/",
        {"full_name": "X", "email": "TAKEN@example.org", "password": PASSWORD, "password_again": PASSWORD},
    )
    assert response.status_code == 400
    assert "already exists" in str(response.context["form"].errors["email"])
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_tampered_confirmation_link_is_refused(client, make_user):
    from medsocial.accounts.services import email_confirmation_token

    user = make_user(confirmed=False)
    token = email_confirmation_token(user)
    response = client.get(f"/accounts/confirm/{token[:-2]}xx/")
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.email_confirmed_at is None


@pytest.mark.django_db
def test_profile_rejects_an_unknown_time_zone(client, user):
    client.force_login(user)
    response = client.post("/accounts/profile/", {"full_name": "Pat", "time_zone": "Mars/Olympus"})
    assert response.status_code == 400
    assert "time_zone" in response.context["form"].errors
    user.refresh_from_db()
    assert user.time_zone == ""
