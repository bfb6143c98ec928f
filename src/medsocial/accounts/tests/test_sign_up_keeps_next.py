""" "Sign in to enroll" → create an account → confirm the address from the real email → back on
the course, signed in; an address off the site is never followed."""

import re

import pytest

from medsocial.learning.tests.factories import make_course
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-unusual-passphrase-41"


def _sign_up(client, next_path: str):
    return client.post(
        "/accounts/sign-up/",
        {
            "full_name": "Ana Ruiz",
            "email": "ana@example.org",
            "credentials": "",
            "profession": "nurse",
            "password": PASSWORD,
            "password_again": PASSWORD,
            "next": next_path,
        },
    )


def _confirmation_path(message) -> str:
    return re.search(r"https?://\S+", body_text(message)).group(0).replace("http://testserver", "")


def test_the_course_is_where_confirming_the_address_leads(
    client, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    course = make_course(title="Privacy basics")
    course_page = client.get(course.get_absolute_url()).content.decode()
    assert f"/accounts/sign-in/?next={course.get_absolute_url()}" in course_page
    sign_up_link = f"/accounts/sign-up/?next={course.get_absolute_url()}"
    assert sign_up_link in course_page
    form = client.get(sign_up_link).content.decode()
    assert f'name="next" value="{course.get_absolute_url()}"' in form

    with django_capture_on_commit_callbacks(execute=True):
        assert _sign_up(client, course.get_absolute_url()).status_code == 302
    (message,) = smtp_server.wait_for(1)
    response = client.get(_confirmation_path(message))
    assert response.status_code == 302
    assert response["Location"] == course.get_absolute_url()
    enroll_page = client.get(course.get_absolute_url()).content.decode()
    assert ">Enroll</button>" in enroll_page  # signed in: the course offers enrollment


def test_an_address_off_the_site_is_not_followed(
    client, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    with django_capture_on_commit_callbacks(execute=True):
        _sign_up(client, "https://evil.example.net/phish")
    (message,) = smtp_server.wait_for(1)
    assert "evil.example.net" not in body_text(message)
    response = client.get(_confirmation_path(message))
    assert response["Location"] == "/accounts/profile/"
