"""End to end in Chromium: register for a webinar → confirmation email with .ics at a real SMTP
server → the calendar feed lists it → check-in by the QR address → CE hours on the transcript."""

import datetime
import urllib.request
from decimal import Decimal

import pytest
from django.urls import reverse
from icalendar import Calendar

from medsocial.accounts.roles import Role
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.events.models import Event, Registration
from medsocial.events.tests.factories import make_event
from medsocial.learning.models import CECredit
from medsocial.testing.plugin import save_screenshot, sign_in_through_page


def _ics_attachment(message) -> bytes:
    for part in message.iter_attachments():
        if part.get_filename() == "event.ics":
            return (
                part.get_content() if isinstance(part.get_content(), bytes) else part.get_content().encode()
            )
    raise AssertionError("no event.ics attachment")


def test_webinar_registration_to_ce_hours_end_to_end(page, browser, live_server, smtp_server, make_user):
    starts = datetime.datetime(2030, 5, 14, 17, 0, tzinfo=datetime.UTC)
    event = make_event(
        title="Captioning videos for accessibility",
        slug="captioning-webinar",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        time_zone="America/Chicago",
        ce_hours=Decimal("1.50"),
    )
    attendee = make_user(email="ana@example.org", full_name="Ana Ruiz")
    manager = make_user(email="door@example.org", full_name="Door Staff", roles=[Role.EVENT_MANAGER])

    # 1. Register through the page.
    sign_in_through_page(page, attendee.email, DEFAULT_PASSWORD)
    page.goto(f"/events/{event.slug}/")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url("**/events/registrations/*/")
    assert page.get_by_text("You are registered").is_visible()
    registration = Registration.objects.get(event=event, user=attendee)
    assert registration.status == Registration.Status.CONFIRMED

    # 2. The confirmation reaches the SMTP server with a parseable .ics.
    (message,) = smtp_server.wait_for(1)
    assert message["To"] == attendee.email and "You are registered" in message["Subject"]
    (vevent,) = Calendar.from_ical(_ics_attachment(message)).walk("VEVENT")
    assert vevent.decoded("dtstart").astimezone(datetime.UTC) == starts
    assert str(vevent["summary"]) == "Captioning videos for accessibility"
    assert str(vevent["url"]).endswith(f"/events/{event.slug}/")

    # 3. The private calendar feed lists it.
    page.goto("/events/mine/")
    page.get_by_role("button", name="Create my calendar feed").click()
    feed_url = page.get_by_label("Your feed address").input_value()
    feed_path = feed_url.split("://", 1)[1].split("/", 1)[1]
    with urllib.request.urlopen(f"{live_server.url}/{feed_path}") as response:
        feed = Calendar.from_ical(response.read())
    assert [str(v["summary"]) for v in feed.walk("VEVENT")] == ["Captioning videos for accessibility"]

    # 4. On the day, staff's phone opens the ticket's QR address and checks the person in; a
    # handheld scanner typing the same address into the field is refused the second time.
    now = datetime.datetime.now(datetime.UTC)
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - datetime.timedelta(minutes=5), ends_at=now + datetime.timedelta(minutes=55)
    )
    staff = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})  # a phone
    door = staff.new_page()
    door_errors = []
    door.on(
        "console",
        lambda m: door_errors.append(m.text) if m.type == "error" and "status of 4" not in m.text else None,
    )
    sign_in_through_page(door, manager.email, DEFAULT_PASSWORD)
    door.goto("/" + registration.qr_payload.split("://", 1)[1].split("/", 1)[1])
    door.get_by_role("button", name="Check in Ana").click()
    door.get_by_text("Checked in: Ana Ruiz").wait_for()
    door.get_by_label("Ticket code or QR scan").fill(registration.qr_payload)
    door.get_by_role("button", name="Check in", exact=True).click()
    door.get_by_text("Already checked in").wait_for()
    save_screenshot(door, "events-checkin")
    staff.close()
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None

    # 5. The CE hours are on the learner's transcript.
    credit = CECredit.objects.get(user=attendee, source_key=f"event:{event.pk}")
    assert (credit.hours, credit.title) == (Decimal("1.50"), "Captioning videos for accessibility")
    page.goto(reverse("learning:transcript"))
    assert page.get_by_text("Captioning videos for accessibility").first.is_visible()
    assert page.console_errors == [] and door_errors == []


@pytest.mark.django_db(transaction=True)
def test_event_list_and_summit_agenda_screens(page, make_user):
    from medsocial.accounts import demo as accounts_demo
    from medsocial.events import demo

    accounts_demo.load(small=True)
    demo.load(small=True)
    page.goto("/events/")
    assert page.get_by_role("heading", name="MedSocial Summit").is_visible()
    save_screenshot(page, "events-list")
    page.goto(f"/events/{demo.SUMMIT}/agenda/")
    assert page.get_by_text("Opening keynote: trust is the new reach").is_visible()
    save_screenshot(page, "events-summit-agenda")
    page.goto(f"/events/{demo.SUMMIT}/")
    assert page.get_by_text("12 CE hours", exact=True).is_visible()
    assert Event.objects.filter(slug=demo.SUMMIT).exists()
    assert page.console_errors == []
