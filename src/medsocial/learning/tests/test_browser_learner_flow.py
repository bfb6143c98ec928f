"""A learner's whole journey in Chromium: find a course by search, enroll, work through the
lessons, fail and then pass the quiz, download the certificate and see it verified."""

import re

import pytest

from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.learning import demo
from medsocial.learning.models import Certificate, Course
from medsocial.testing.plugin import save_screenshot, sign_in_through_page

pytestmark = pytest.mark.browser


def test_learner_finds_completes_and_verifies_a_course(page, make_user):
    make_user(email="dana@hospital.example", full_name="Dana Cruz, RN")
    demo.load(small=True)  # the starter curriculum
    course = Course.objects.get(slug="platform-by-platform")
    lesson_count = course.lessons.count()

    sign_in_through_page(page, "dana@hospital.example", DEFAULT_PASSWORD)
    page.goto("/learn/")
    page.get_by_label("Search").fill("TikTok")
    page.get_by_role("button", name="Search").click()
    results = page.locator("#catalog-results")
    results.get_by_text("1 course").wait_for()
    assert results.get_by_role("link", name="Strategy, Measurement and Crisis Response").count() == 0
    save_screenshot(page, "learning-catalog")
    results.get_by_role("link", name=course.title).click()

    page.get_by_role("button", name="Enroll").click()
    page.get_by_role("link", name="Start the course").click()
    page.get_by_role("heading", name="X (Twitter): fast conversation").wait_for()
    save_screenshot(page, "learning-lesson")
    for _ in range(lesson_count):
        page.get_by_role("button", name="Mark complete and continue").click()
        page.wait_for_load_state()

    # The final quiz: first wrong, then right (questions come in a shuffled order).
    page.get_by_role("heading", name="Choosing the right platform").wait_for()
    page.get_by_label("A TikTok video").check()
    page.get_by_label("Filming at a patient's bedside").check()
    page.get_by_label("True", exact=True).check()
    page.get_by_role("button", name="Submit answers").click()
    assert page.get_by_text("Not passed").is_visible()
    page.get_by_role("link", name="Try again").click()
    page.get_by_label("A blog post").check()
    page.get_by_label("Accurate captions").check()
    page.get_by_label("Checking the background for patient information").check()
    page.get_by_label("False", exact=True).check()
    page.get_by_role("button", name="Submit answers").click()
    assert page.get_by_text(re.compile("^Passed")).is_visible()
    page.get_by_role("link", name="Back to the course").click()

    page.get_by_role("link", name="Your certificate").click()
    certificate = Certificate.objects.get(course=course)
    page.get_by_text(certificate.code).first.wait_for()
    page.wait_for_load_state("networkidle")
    badge = page.get_by_role("img", name=f"Badge for {course.title}")
    assert badge.evaluate("image => image.complete && image.naturalWidth") > 0
    save_screenshot(page, "learning-certificate")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.code}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    page.goto("/learn/verify/")
    page.get_by_label("Certificate ID").fill(certificate.code)
    page.get_by_role("button", name="Verify").click()
    assert page.get_by_text("This certificate is genuine.").is_visible()
    assert page.get_by_text("Dana Cruz, RN").is_visible()
    assert page.console_errors == []
