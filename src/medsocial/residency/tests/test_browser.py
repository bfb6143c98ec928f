"""In Chromium, from the home page: a resident submits a capstone, the mentor returns it with a
comment, the resident reads it and resubmits, the mentor accepts, and the resident (with the
rotation done) completes the Residency and opens the certificate of its Open Badge; then on a 390 px phone."""

import pytest
from django.utils import timezone

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.learning.models import Enrollment
from medsocial.learning.tests.factories import make_course
from medsocial.residency.models import CapstoneVersion
from medsocial.residency.tests.factories import PLAN, add_rotation
from medsocial.testing.plugin import open_tab, save_screenshot, sign_in_through_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDER = "() => document.documentElement.scrollWidth > window.innerWidth + 1"


def _open_personal_menu_link(tab, person, name):
    tab.goto("/")
    tab.locator("header summary").filter(has_text=person.get_short_name()).click()
    tab.locator("details.menu[open] .menu-panel").get_by_role("link", name=name).click()
    tab.wait_for_load_state()


def _score_all(tab, value):
    for field in tab.locator("input[name^=score_]").all():
        field.fill(value)


def test_capstone_returned_resubmitted_accepted_and_the_residency_completed(
    page, browser, live_server, cohort, resident, applicant, mentor
):
    course = make_course(title="Social media for clinicians")
    add_rotation(cohort, course=course)
    add_rotation(cohort, assignment="Audit your organization's accounts")
    Enrollment.objects.create(user=applicant, course=course, completed_at=timezone.now())

    # The resident: home → their menu → My residency → the cohort → submit the plan.
    sign_in_through_page(page, applicant.email, DEFAULT_PASSWORD)
    _open_personal_menu_link(page, applicant, "My residency")
    page.get_by_role("link", name=cohort.name).click()
    page.wait_for_load_state()
    page.get_by_label("Your social media plan").fill("Too short.")
    page.get_by_role("button", name="Submit for review").click()
    assert page.get_by_text("a plan needs at least 200").is_visible()
    page.get_by_label("Your social media plan").fill(PLAN)
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    assert page.get_by_text("Version 1 of your plan is with your mentor.").is_visible()
    assert page.console_errors == []

    # The mentor: home → their menu → My residency → My residents → the resident → return it.
    tab = open_tab(browser, live_server.url)
    try:
        sign_in_through_page(tab, mentor.email, DEFAULT_PASSWORD)
        _open_personal_menu_link(tab, mentor, "My residency")
        tab.get_by_role("link", name="My residents and capstones to review").click()
        tab.wait_for_load_state()
        assert tab.get_by_text("1 capstone waits for your review.").is_visible()
        tab.get_by_role("link", name=applicant.display_name).click()
        tab.wait_for_load_state()
        _score_all(tab, "2")
        tab.get_by_label("Return for changes").check()
        tab.get_by_role("button", name="Send the review").click()
        assert tab.get_by_text("Tell the resident what to change").is_visible()
        _score_all(tab, "2")
        tab.get_by_label("Comments for the resident").fill("Say who answers comments, and how fast.")
        tab.get_by_label("Return for changes").check()
        tab.get_by_role("button", name="Send the review").click()
        tab.wait_for_load_state()
        assert tab.get_by_text("Version 1 is returned to the resident.").is_visible()
        save_screenshot(tab, "residency-capstone-returned")
        assert tab.console_errors == []

        # The resident reads the comment and resubmits.
        page.reload()
        assert page.get_by_text("Say who answers comments, and how fast.").is_visible()
        page.get_by_label("Your social media plan").fill(PLAN + " Nurses answer comments within a day.")
        page.get_by_role("button", name="Submit for review").click()
        page.wait_for_load_state()
        assert page.get_by_text("Version 2 of your plan is with your mentor.").is_visible()

        # The mentor accepts version 2.
        tab.reload()
        assert tab.get_by_role("heading", name="Review version 2").is_visible()
        _score_all(tab, "4")
        tab.get_by_label("Comments for the resident").fill("Ready to go.")
        tab.get_by_label("Accept the plan").check()
        tab.get_by_role("button", name="Send the review").click()
        tab.wait_for_load_state()
        assert tab.get_by_text("Version 2 is accepted.").is_visible()
        assert tab.console_errors == []
    finally:
        tab.context.close()

    # The resident answers the last assignment, completes, and sees the certificate.
    page.reload()
    assert page.get_by_role("button", name="Complete my residency").count() == 0
    page.get_by_text("Answer “Audit your organization's accounts”").click()
    page.get_by_label("Your answer").fill("Four accounts; close the dormant one.")
    page.get_by_role("button", name="Submit answer").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("rotation-count").inner_text() == "2 of 2"
    page.get_by_role("button", name="Complete my residency").click()
    page.wait_for_load_state()
    assert page.get_by_text("Congratulations: you have completed the Residency.").is_visible()
    assert page.get_by_test_id("certificate").is_visible()
    save_screenshot(page, "residency-completed")
    page.get_by_role("link", name="Print the certificate").click()
    page.wait_for_load_state()
    assert page.get_by_text(applicant.display_name).first.is_visible()
    assert page.console_errors == []
    assert list(CapstoneVersion.objects.order_by("number").values_list("status", flat=True)) == [
        "returned",
        "accepted",
    ]


def test_the_resident_page_fits_a_phone(phone_page, resident, applicant, cohort):
    add_rotation(cohort, assignment="Audit your organization's accounts", due_in_days=-2)
    from medsocial.residency.services import capstone

    capstone.submit(application=resident, plan=PLAN, by=applicant)
    sign_in_through_page(phone_page, applicant.email, DEFAULT_PASSWORD)
    phone_page.goto("/")
    phone_page.locator("header summary").filter(has_text=applicant.get_short_name()).click()
    phone_page.locator("details.menu[open] .menu-panel").get_by_role("link", name="My residency").click()
    phone_page.get_by_role("link", name=cohort.name).click()
    phone_page.wait_for_load_state()
    assert phone_page.get_by_text("Overdue").first.is_visible()
    assert phone_page.evaluate(WIDER) is False
    save_screenshot(phone_page, "residency-resident-phone")
    assert phone_page.console_errors == []
