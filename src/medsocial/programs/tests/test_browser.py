"""In Chromium, from the home page: an organization admin sends points to a nurse, and the nurse
registers for a webinar paying with those points, then finds the spend on their statement."""

from decimal import Decimal

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.events.models import Order, Registration
from medsocial.events.tests.factories import make_event
from medsocial.programs import services
from medsocial.programs.models import Plan
from medsocial.programs.selectors import points_balance
from medsocial.programs.tests.factories import make_plan
from medsocial.testing.plugin import open_tab, save_screenshot, sign_in_through_page


def test_a_leader_sends_points_and_a_nurse_pays_a_webinar_with_them(
    page, browser, live_server, org_admin, nurse, hospital, site_staff
):
    plan = make_plan(name="Hospital team", kind=Plan.Kind.ORGANIZATION, seats=10, yearly_points=5000)
    membership = services.join(plan=plan, by=org_admin, organization=hospital)
    services.mark_paid(invoice=membership.invoices.get(), by=site_staff)
    event = make_event(title="Short videos that nurses trust", price=Decimal("120"))

    # The leader: home → Staff tools → the organization's points → send 150 to the nurse.
    sign_in_through_page(page, org_admin.email, DEFAULT_PASSWORD)
    page.goto("/")
    page.locator("header summary").filter(has_text="Staff tools").click()
    page.locator("details.menu[open] .menu-panel").get_by_role(
        "link", name="Lakeshore Health: points"
    ).click()
    page.wait_for_load_state()
    assert page.get_by_test_id("balance").inner_text() == "5000"
    page.get_by_role("textbox", name="email address").fill(nurse.email)
    page.get_by_role("textbox", name="Points").fill("2.5")
    page.get_by_role("button", name="Send points").click()
    assert page.get_by_text("Points are whole numbers: no fractions.").is_visible()
    page.get_by_role("textbox", name="Points").fill("150")
    page.get_by_role("button", name="Send points").click()
    page.wait_for_load_state()
    assert page.get_by_text(f"150 points sent to {nurse.email}").is_visible()
    assert page.get_by_test_id("balance").inner_text() == "4850"
    save_screenshot(page, "points-organization-transfer")
    assert page.console_errors == []

    # The nurse: home → Events → the webinar → pay with points → ticket, then the statement.
    tab = open_tab(browser, live_server.url)
    try:
        sign_in_through_page(tab, nurse.email, DEFAULT_PASSWORD)
        tab.goto("/")
        tab.locator("header").get_by_role("link", name="Events", exact=True).click()
        tab.get_by_role("link", name="Short videos that nurses trust").first.click()
        tab.wait_for_load_state()
        assert tab.get_by_text("You have 150 points").is_visible()
        tab.get_by_label("Pay with my points").check()
        tab.get_by_role("button", name="Register").click()
        tab.wait_for_url("**/events/registrations/*/")
        assert tab.get_by_text("You are registered").is_visible()
        save_screenshot(tab, "points-ticket-paid")
        registration = Registration.objects.get(event=event, user=nurse)
        assert registration.order.payment_status == Order.PaymentStatus.PAID
        assert registration.order.payment_provider == "points"
        assert points_balance(nurse) == 30

        tab.locator("header summary").filter(has_text=nurse.get_short_name()).click()
        tab.locator("details.menu[open] .menu-panel").get_by_role("link", name="My points").click()
        tab.wait_for_load_state()
        assert tab.get_by_test_id("balance").inner_text() == "30"
        assert tab.get_by_role("cell", name="Short videos that nurses trust").is_visible()
        assert tab.console_errors == []
    finally:
        tab.context.close()
