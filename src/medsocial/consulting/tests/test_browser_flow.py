"""One engagement from request to measured progress, driven through the pages in Chromium:
the client asks for help, a site admin qualifies the request, assigns a coach and sends a
proposal, the client accepts it, the coach schedules a session and adds an action item, the
client marks it done, and a KPI measurement shows on the chart."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.consulting.models import ActionItem, Engagement, Measurement
from medsocial.consulting.tests.factories import make_coach, make_site_admin
from medsocial.testing.plugin import save_screenshot, sign_in_through_page

pytestmark = pytest.mark.browser


def open_tab(browser, live_server):
    """A second signed-out browser (its own cookies), with console errors collected."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    tab.console_errors = []
    tab.on(
        "console",
        lambda m: (
            tab.console_errors.append(m.text)
            if m.type == "error"
            and not m.text.startswith("Failed to load resource: the server responded with a status of 4")
            else None
        ),
    )
    return tab


def test_an_engagement_from_request_to_a_measured_kpi(
    page, browser, live_server, make_user, make_organization
):
    organization = make_organization(name="Lakeview Hospital")
    make_user(email="ana@lakeview.example", full_name="Ana Ruiz", organization=organization, org_role="admin")
    make_site_admin(email="lead@hub.example", full_name="Morgan Ellis")
    make_coach(email="coach@hub.example", full_name="Jordan Reyes")
    today = timezone.localdate()

    # The client asks for help.
    client_page = page
    sign_in_through_page(client_page, "ana@lakeview.example", DEFAULT_PASSWORD)
    client_page.goto("/consulting/work-with-us/")
    client_page.get_by_label("Recruitment").check()
    client_page.get_by_label("Patient education").check()
    client_page.get_by_label("Current channels").fill(
        "Facebook: facebook.com/lakeview\nLinkedIn: Lakeview Hospital"
    )
    client_page.get_by_label("Within three months").check()
    client_page.get_by_label("Budget range").select_option(label="$5,000 – $15,000")
    client_page.get_by_label("Coaching", exact=True).check()
    client_page.get_by_role("button", name="Send the request").click()
    client_page.get_by_text("your request was sent").wait_for()
    engagement = Engagement.objects.get(organization=organization)

    # A site admin qualifies it, assigns the coach and sends a proposal.
    staff = open_tab(browser, live_server)
    sign_in_through_page(staff, "lead@hub.example", DEFAULT_PASSWORD)
    staff.goto("/consulting/staff/")
    staff.get_by_role("link", name="Lakeview Hospital").click()
    staff.get_by_label("Move to").select_option(label="Qualified")
    staff.get_by_role("button", name="Move").click()
    staff.get_by_text("The engagement is now Qualified.").wait_for()
    staff.get_by_label("Coach:", exact=True).select_option(label="Jordan Reyes")
    staff.get_by_role("button", name="Assign").click()
    staff.get_by_text("Jordan Reyes now coaches this engagement.").wait_for()
    staff.get_by_label("Scope").fill("Six months of coaching for the communications team.")
    staff.get_by_label("Deliverables").fill("Social media policy\nEditorial calendar\nKPI reports")
    staff.get_by_label("Starts on").fill((today + timedelta(days=7)).isoformat())
    staff.get_by_label("Ends on").fill((today + timedelta(days=190)).isoformat())
    staff.get_by_label("Fee (USD)").fill("12000")
    staff.get_by_role("button", name="Send the proposal").click()
    staff.get_by_text("The proposal was sent to the client.").wait_for()
    staff.goto("/consulting/staff/")
    assert staff.locator(".stage-column-proposal .board-card").inner_text().startswith("Lakeview Hospital")
    save_screenshot(staff, "consulting-board")

    # The client accepts the proposal.
    client_page.goto(engagement.get_absolute_url())
    client_page.get_by_role("button", name="Accept the proposal").click()
    client_page.get_by_text("the engagement is now active").wait_for()
    engagement.refresh_from_db()
    assert engagement.stage == "active"

    # The coach schedules a session and adds an action item for the client.
    coach = open_tab(browser, live_server)
    sign_in_through_page(coach, "coach@hub.example", DEFAULT_PASSWORD)
    coach.goto(engagement.get_absolute_url())
    coach.get_by_role("navigation", name="Workspace").get_by_role("link", name="Sessions").click()
    coach.get_by_label("Title").fill("Kick-off")
    starts = timezone.localtime(timezone.now() + timedelta(days=3)).replace(hour=14, minute=0)
    coach.get_by_label("Starts at").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    coach.get_by_label("Agenda").fill("Audit of the current accounts")
    coach.get_by_role("button", name="Schedule the session").click()
    coach.get_by_text("The session is scheduled").wait_for()
    coach.get_by_label("What needs to be done").fill("Draft the social media policy")
    coach.get_by_label("Owner").select_option(label="Ana Ruiz")
    coach.get_by_label("Due on").fill((today + timedelta(days=14)).isoformat())
    coach.get_by_role("button", name="Add the action item").click()
    coach.get_by_text("The action item was added.").wait_for()

    # The client marks it done (htmx swaps the item in place).
    client_page.goto(f"/consulting/engagements/{engagement.pk}/action-items/")
    client_page.get_by_role("button", name="Mark “Draft the social media policy” done").click()
    client_page.locator(".action-item.done").get_by_text("Done by Ana Ruiz").wait_for()
    assert ActionItem.objects.get().done_by.email == "ana@lakeview.example"
    client_page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Messages").click()
    client_page.get_by_label("Message").fill("The policy draft is in Documents. See you on Thursday!")
    client_page.get_by_role("button", name="Send").click()
    client_page.locator(".thread-message").get_by_text("See you on Thursday!").wait_for()
    client_page.goto(engagement.get_absolute_url())
    save_screenshot(client_page, "consulting-workspace")

    # A goal with a KPI is in the plan; the client records a measurement and the chart shows it.
    client_page.goto(f"/consulting/engagements/{engagement.pk}/plan/")
    client_page.get_by_label("Business goal it serves").select_option(label="Recruitment")
    client_page.get_by_label("What:", exact=True).fill("Grow the LinkedIn audience for nursing jobs")
    client_page.get_by_label("Who:", exact=True).fill("Talent acquisition")
    client_page.get_by_label("By when").fill((today + timedelta(days=200)).isoformat())
    client_page.get_by_role("button", name="Add the goal").click()
    client_page.get_by_role("link", name="Add a KPI").click()
    client_page.get_by_label("Metric").select_option(label="Followers")
    client_page.get_by_label("Channel").select_option(label="LinkedIn")
    client_page.get_by_label("Baseline:", exact=True).fill("4200")
    client_page.get_by_label("Baseline date").fill((today - timedelta(days=30)).isoformat())
    client_page.get_by_label("Target:", exact=True).fill("6000")
    client_page.get_by_label("Target deadline").fill((today + timedelta(days=200)).isoformat())
    client_page.get_by_role("button", name="Add the KPI").click()
    client_page.get_by_label("Date").fill((today - timedelta(days=1)).isoformat())
    client_page.get_by_label("Value").fill("5100")
    client_page.get_by_role("button", name="Record").click()
    client_page.get_by_text("The measurement was recorded.").wait_for()
    assert Measurement.objects.get().value == Decimal("5100")
    assert client_page.locator("svg.kpi-chart .kpi-point").count() == 1
    assert client_page.locator("svg.kpi-chart .kpi-progress").count() == 1
    client_page.goto(f"/consulting/engagements/{engagement.pk}/plan/")
    assert client_page.locator("svg.kpi-chart .kpi-point").count() == 1
    assert "50%" in client_page.get_by_text("Progress toward the target").first.inner_text()
    save_screenshot(client_page, "consulting-plan")

    for tab in (client_page, staff, coach):
        assert tab.console_errors == []
