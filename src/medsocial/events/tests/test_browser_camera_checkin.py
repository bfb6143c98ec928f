"""Check-in with a phone's camera: Chromium's fake camera films a ticket's real QR code, the page
reads it (the vendored jsQR reader where the browser has no QR BarcodeDetector, as Chromium on
Linux has none) and checks the person in through the same form staff type codes into."""

import datetime
import json

import pytest
import segno

from medsocial.accounts.roles import Role
from medsocial.events import services
from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.testing.plugin import CHROMIUM, open_tab, save_screenshot, sign_in_with_session

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 640, 480


def write_camera_film(path, text: str) -> None:
    """One YUV4MPEG2 frame (Chromium's fake camera loops it): the QR code of `text`, black on
    white, in the middle of the picture."""
    rows = [list(row) for row in segno.make(text, error="m").matrix]
    scale = min(WIDTH, HEIGHT) // (len(rows) + 8)
    size = len(rows) * scale
    left, top = (WIDTH - size) // 2, (HEIGHT - size) // 2
    luma = bytearray([235]) * (WIDTH * HEIGHT)
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    start = (top + y * scale + dy) * WIDTH + left + x * scale
                    luma[start : start + scale] = bytes([16]) * scale
    chroma = bytes([128]) * ((WIDTH // 2) * (HEIGHT // 2))
    with open(path, "wb") as film:
        film.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        film.write(b"FRAME\n" + bytes(luma) + chroma + chroma)


@pytest.fixture
def door_event():
    return make_event(title="Camera door", starts_in=-datetime.timedelta(minutes=10))


def test_the_door_phone_checks_a_ticket_in_by_filming_its_qr_code(
    browser, live_server, tmp_path, make_user, door_event
):
    attendee = make_user(full_name="Quinn Holder")
    ticket = services.register(event=door_event, user=attendee, ticket_type=ticket_of(door_event))
    film = tmp_path / "ticket.y4m"
    write_camera_film(film, ticket.qr_payload)
    phone_browser, tab = _camera_tab(browser, live_server, film)
    try:
        sign_in_with_session(tab, make_user(roles=[Role.EVENT_MANAGER]))
        tab.goto(f"/events/manage/{door_event.slug}/check-in/")
        tab.get_by_role("button", name="Scan with the camera").click()
        tab.get_by_text("Checked in: Quinn Holder").wait_for()
        assert tab.get_by_role("button", name="Scan with the camera").is_hidden()
        assert tab.locator("[data-qr-scanner]").get_attribute("data-reader") in {"jsqr", "barcode-detector"}
        save_screenshot(tab, "events-checkin-camera")
        assert Registration.objects.get(pk=ticket.pk).checked_in_at is not None
        tab.get_by_role("button", name="Stop the camera").click()
        assert tab.locator("video").is_hidden()
        assert tab.console_errors == []
    finally:
        phone_browser.close()


def test_without_a_camera_the_typed_code_still_checks_in(phone_page, live_server, make_user, door_event):
    attendee = make_user(full_name="Rae Typed")
    ticket = services.register(event=door_event, user=attendee, ticket_type=ticket_of(door_event))
    sign_in_with_session(phone_page, make_user(roles=[Role.EVENT_MANAGER]))
    phone_page.goto(f"/events/manage/{door_event.slug}/check-in/")
    phone_page.get_by_role("button", name="Scan with the camera").click()
    phone_page.get_by_text("Type the ticket code below instead").wait_for()
    phone_page.get_by_label("Ticket code or QR scan").fill(ticket.ticket_code)
    phone_page.get_by_role("button", name="Check in", exact=True).click()
    phone_page.get_by_text("Checked in: Rae Typed").wait_for()
    assert phone_page.console_errors == []


# Chromium on Linux has no BarcodeDetector, so the page's other branch is driven through one
# defined before the page loads: the browser's detector is stood in for, the page's code is not.
FAKE_DETECTOR = """
window.__detectCalls = 0;
window.BarcodeDetector = class {
  static getSupportedFormats() { return Promise.resolve(%(formats)s); }
  constructor(options) { window.__detectorFormats = options.formats; }
  detect(source) {
    window.__detectCalls += 1;
    if (!(source instanceof HTMLVideoElement)) return Promise.reject(new Error("not the video"));
    return Promise.resolve(window.__detectCalls < 3 ? [] : [{ rawValue: %(payload)s }]);
  }
};
"""


def _camera_tab(browser, live_server, film):
    phone_browser = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={film}",
        ],
    )
    tab = open_tab(phone_browser, live_server.url, width=390, height=844, phone=True)
    tab.context.grant_permissions(["camera"], origin=live_server.url)
    return phone_browser, tab


def test_a_browser_with_a_qr_barcode_detector_uses_it_and_checks_the_ticket_in(
    browser, live_server, tmp_path, make_user, door_event
):
    attendee = make_user(full_name="Ada Detector")
    ticket = services.register(event=door_event, user=attendee, ticket_type=ticket_of(door_event))
    film = tmp_path / "blank.y4m"
    write_camera_film(film, "not a ticket")
    phone_browser, tab = _camera_tab(browser, live_server, film)
    try:
        tab.add_init_script(
            FAKE_DETECTOR % {"formats": '["ean_13", "qr_code"]', "payload": json.dumps(ticket.qr_payload)}
        )
        sign_in_with_session(tab, make_user(roles=[Role.EVENT_MANAGER]))
        tab.goto(f"/events/manage/{door_event.slug}/check-in/")
        tab.get_by_role("button", name="Scan with the camera").click()
        tab.get_by_text("Checked in: Ada Detector").wait_for()
        assert tab.locator("[data-qr-scanner]").get_attribute("data-reader") == "barcode-detector"
        assert tab.evaluate("window.__detectorFormats") == ["qr_code"]
        assert tab.evaluate("typeof window.jsQR") == "undefined"  # the fallback was never fetched
        assert Registration.objects.get(pk=ticket.pk).checked_in_at is not None
        assert tab.console_errors == []
    finally:
        phone_browser.close()


def test_a_barcode_detector_without_qr_codes_falls_back_to_the_bundled_reader(
    browser, live_server, tmp_path, make_user, door_event
):
    attendee = make_user(full_name="Bo Fallback")
    ticket = services.register(event=door_event, user=attendee, ticket_type=ticket_of(door_event))
    film = tmp_path / "ticket.y4m"
    write_camera_film(film, ticket.qr_payload)
    phone_browser, tab = _camera_tab(browser, live_server, film)
    try:
        tab.add_init_script(FAKE_DETECTOR % {"formats": '["ean_13"]', "payload": '""'})
        sign_in_with_session(tab, make_user(roles=[Role.EVENT_MANAGER]))
        tab.goto(f"/events/manage/{door_event.slug}/check-in/")
        tab.get_by_role("button", name="Scan with the camera").click()
        tab.get_by_text("Checked in: Bo Fallback").wait_for()
        assert tab.locator("[data-qr-scanner]").get_attribute("data-reader") == "jsqr"
        assert tab.evaluate("window.__detectCalls") == 0
        assert Registration.objects.get(pk=ticket.pk).checked_in_at is not None
    finally:
        phone_browser.close()
