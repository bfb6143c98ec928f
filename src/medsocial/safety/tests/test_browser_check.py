"""In Chromium: paste a post with a patient's name and room number, see both highlighted as
you type, and copy the redacted version."""

import pytest

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.testing.plugin import save_screenshot

pytestmark = pytest.mark.browser

POST = (
    "So proud of Mrs. Alvarez in room 412 who walked the whole hallway today after three weeks "
    "in the ICU! #NursesWeek"
)
REDACTED = (
    "So proud of [patient] in [room] who walked the whole hallway today after three weeks "
    "in the ICU! #NursesWeek"
)


def test_highlight_as_you_type_and_copy_the_redacted_version(page, live_server, make_user, make_organization):
    organization = make_organization(name="Lakeshore Health")
    make_user(email="nurse@example.org", full_name="Nia Nurse", organization=organization)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    # Signed in through the form's own fields: the site footer has another "Email address" field.
    page.goto("/accounts/sign-in/")
    page.locator("#id_username").fill("nurse@example.org")
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.goto("/safety/")
    page.get_by_label("Draft post").fill(POST)
    name = page.locator('#safety-results mark[data-category="name"]')
    room = page.locator('#safety-results mark[data-category="room_bed"]')
    # The first full-mode check in a process loads the language model (a few seconds when busy).
    name.wait_for(timeout=30_000)
    assert name.inner_text().startswith("Mrs. Alvarez")
    assert room.inner_text().startswith("room 412")
    assert page.locator("#redacted").input_value() == REDACTED

    button = page.get_by_role("button", name="Copy redacted version")
    button.click()
    page.wait_for_selector('[data-copy-target="#redacted"][data-copied="true"]')
    assert page.evaluate("navigator.clipboard.readText()") == REDACTED
    save_screenshot(page, "safety-check")
    assert page.console_errors == []
