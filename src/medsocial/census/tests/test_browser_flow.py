"""Through the pages in Chromium: filter the list to one state and a network, open a hospital,
submit an account, approve it as a moderator, and see the census count change."""

import datetime

import pytest

from medsocial.accounts.roles import Role
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.census.services import recompute_census
from medsocial.testing.plugin import save_screenshot

from .factories import make_account, make_hospital, observe

pytestmark = pytest.mark.browser


def instagram_hospitals(tab) -> str:
    row = tab.locator("tr", has=tab.locator("th a", has_text="Instagram"))
    return row.locator("td").first.inner_text()


def test_submit_and_approve_an_account_changes_the_census(page, browser, live_server, make_user):
    make_user(email="mod@example.org", full_name="Casey Moderator", roles=[Role.MODERATOR])
    target = make_hospital(name="Lakeshore Medical Center", state="IL", city="Chicago", beds=320)
    for number, (state, slug) in enumerate(
        [("IL", "x"), ("WI", "facebook"), ("IL", "youtube"), ("NE", "facebook")]
    ):
        other = make_hospital(name=f"Prairie Hospital {number}", state=state)
        account = make_account(other, slug, f"prairie{number}", first_seen=datetime.date(2015, 3, 1))
        observe(account, datetime.date(2025, 1, 15), followers=400 * (number + 1), posts=30)
    account = make_account(target, "facebook", "lakeshoremedical", first_seen=datetime.date(2011, 5, 1))
    for year in range(2012, 2026):
        observe(account, datetime.date(year, 1, 15), followers=300 * (year - 2011), posts=40 * (year - 2011))
    recompute_census()

    page.goto("/census/")
    assert instagram_hospitals(page) == "0"

    page.goto("/census/hospitals/")
    page.select_option("#census-state", "IL")
    page.wait_for_url("**state=IL**")
    page.select_option("#census-network", "facebook")
    page.wait_for_url("**network=facebook**")
    results = page.locator("#census-results tbody tr")
    results.first.wait_for()
    assert results.count() == 1
    assert "Lakeshore Medical Center" in results.first.inner_text()
    save_screenshot(page, "census-list")

    page.get_by_role("link", name="Lakeshore Medical Center").click()
    page.wait_for_url(f"**/census/hospitals/{target.facility_id}/")
    assert page.locator("svg.chart").count() == 1
    page.get_by_role("link", name="Submit an account or correction").click()
    page.select_option("#id_kind", "new")
    page.select_option("#id_network", label="Instagram")
    page.fill("#id_address", "https://www.instagram.com/LakeshoreMedical/")
    page.fill("#id_followers", "2500")
    page.fill("#id_email", "fan@example.org")
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_url(f"**/census/hospitals/{target.facility_id}/")
    assert "A moderator will review" in page.content()
    assert page.console_errors == []

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    moderator = context.new_page()
    moderator.set_default_timeout(15_000)
    # Signs in through the real form; its fields are addressed by id because the footer's
    # newsletter form also has an "Email address" field.
    moderator.goto("/accounts/sign-in/")
    moderator.fill("#id_username", "mod@example.org")
    moderator.fill("#id_password", DEFAULT_PASSWORD)
    moderator.get_by_role("button", name="Sign in").click()
    moderator.wait_for_load_state()
    moderator.goto("/census/moderation/")
    card = moderator.locator("article.submission", has_text="Lakeshore Medical Center")
    assert "instagram.com/lakeshoremedical" in card.inner_text()
    card.get_by_role("button", name="Approve").click()
    moderator.wait_for_url("**/census/moderation/")
    assert "Nothing to review" in moderator.content()

    page.goto(f"/census/hospitals/{target.facility_id}/")
    assert "lakeshoremedical" in page.locator("table").first.inner_text()
    save_screenshot(page, "census-hospital")
    page.goto("/census/")
    assert instagram_hospitals(page) == "1"
    save_screenshot(page, "census-dashboard")
    assert page.console_errors == []
    context.close()
