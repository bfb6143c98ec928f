"""Signing in through the real page in Chromium, with the site's CSP and scripts active."""

import pytest

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.testing.plugin import save_screenshot, sign_in_through_page

pytestmark = pytest.mark.browser


def test_a_member_signs_in_through_the_page_and_sees_the_home_page(page, make_user):
    make_user(email="dana@example.org", full_name="Dana Brooks", credentials="RN")
    sign_in_through_page(page, "dana@example.org", DEFAULT_PASSWORD)
    assert page.locator("summary", has_text="Dana").is_visible()
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Use social media well")
    save_screenshot(page, "home")
    assert page.console_errors == []


def test_a_wrong_password_shows_the_message_on_the_page(page, make_user):
    make_user(email="dana@example.org")
    sign_in_through_page(page, "dana@example.org", "not-the-password")
    assert page.get_by_text("do not match an account").is_visible()
    assert page.console_errors == []
