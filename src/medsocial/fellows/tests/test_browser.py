"""In Chromium, from the home page: a nurse who meets the Resident criteria submits a portfolio,
a site admin approves it against the rubric, and the badge's public verification page (opened
on a phone by someone signed out) shows the award and its evidence."""

from medsocial.accounts.roles import Role
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.awards.models import BadgeClass
from medsocial.fellows.ladder import install_default_ladder
from medsocial.fellows.models import Fellow, Level, Portfolio, RubricItem
from medsocial.fellows.tests.conftest import STATEMENT
from medsocial.fellows.tests.factories import level, qualify
from medsocial.testing.plugin import open_tab, save_screenshot, sign_in_through_page


def test_a_portfolio_is_submitted_approved_and_its_badge_verifies(page, browser, live_server, make_user):
    nurse = make_user(email="nia@hospital.example", full_name="Nia Okafor", credentials="RN")
    reviewer = make_user(email="rita@hub.example", full_name="Rita Reviewer", roles=[Role.SITE_ADMIN])
    # A live-server test before this one may have flushed the rows the ladder's migration made.
    install_default_ladder(Level, BadgeClass, RubricItem)
    qualify(nurse, level("resident"))

    # The nurse: home → her menu → Fellows → submit a portfolio.
    sign_in_through_page(page, nurse.email, DEFAULT_PASSWORD)
    page.goto("/")
    page.locator("header summary").filter(has_text=nurse.get_short_name()).click()
    page.locator("details.menu[open] .menu-panel").get_by_role("link", name="Fellows").click()
    page.wait_for_load_state()
    assert page.get_by_text("You meet the criteria").is_visible()
    page.get_by_role("link", name="Submit a portfolio for Resident").click()
    page.wait_for_load_state()
    page.get_by_label("Statement").fill("Too short.")
    page.get_by_role("button", name="Submit for review").click()
    assert page.get_by_text("Write a statement of at least 100 characters").is_visible()
    page.get_by_label("Statement").fill(STATEMENT)
    page.get_by_label("Links").fill("https://example.org/patient-stories")
    page.get_by_label("List me in the public Fellows directory").check()
    save_screenshot(page, "fellows-portfolio-form")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your portfolio for Resident is submitted for review.").is_visible()
    assert page.console_errors == []
    portfolio = Portfolio.objects.get(person=nurse)

    # The reviewer: home → Staff tools → Fellows portfolios → review → approve.
    tab = open_tab(browser, live_server.url)
    try:
        sign_in_through_page(tab, reviewer.email, DEFAULT_PASSWORD)
        tab.goto("/")
        tab.locator("header summary").filter(has_text="Staff tools").click()
        tab.locator("details.menu[open] .menu-panel").get_by_role("link", name="Fellows portfolios").click()
        tab.wait_for_load_state()
        tab.get_by_role("link", name="Review Nia Okafor, RN's portfolio").click()
        tab.wait_for_load_state()
        for label in (
            "Impact on patients",
            "Privacy and professionalism",
            "Quality of the work",
            "Leadership",
        ):
            tab.get_by_label(label).fill("4")
        tab.get_by_label("Approve").check()
        tab.get_by_label("Comments").fill("Exemplary privacy practice.")
        save_screenshot(tab, "fellows-review")
        tab.get_by_role("button", name="Save the review").click()
        tab.wait_for_load_state()
        assert tab.get_by_text("Badge awarded").is_visible()
        tab.get_by_role("link", name="Open the badge's verification page").click()
        tab.wait_for_load_state()
        assert tab.get_by_text("This award is genuine.").is_visible()
        assert tab.console_errors == []
    finally:
        tab.context.close()
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.APPROVED
    assert Fellow.objects.get(person=nurse).level.slug == "resident"

    # Anyone with the link, on a phone: the award, the person, the badge and the evidence.
    phone = open_tab(browser, live_server.url, width=390, height=844, phone=True)
    try:
        phone.goto(portfolio.award.get_absolute_url())
        assert phone.get_by_text("This award is genuine.").is_visible()
        assert phone.get_by_role("definition").filter(has_text="Nia Okafor").is_visible()
        assert phone.get_by_text("Record when the portfolio was submitted for Resident").is_visible()
        save_screenshot(phone, "fellows-badge-verification-phone")
        phone.get_by_role("link", name="Printable certificate").click()
        phone.wait_for_load_state()
        assert phone.get_by_text("Resident", exact=True).is_visible()
        phone.goto("/fellows/directory/")
        assert phone.get_by_text("Nia Okafor, RN").is_visible()
        assert phone.console_errors == []
    finally:
        phone.context.close()
