"""Every main page, on the demo data, as a visitor, a signed-in member and a site admin: nothing
wider than a 390 px phone, and no serious or critical WCAG 2.1 AA violation found by axe-core,
on a phone and on a wide screen. Each test visits all its pages and reports every problem at
once, so one run shows the whole list."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from medsocial.accounts.models import User
from medsocial.census.models import Hospital
from medsocial.consulting.models import Engagement
from medsocial.events.models import Event, Registration
from medsocial.learning import services as learning_services
from medsocial.learning.models import Course
from medsocial.publishing.models import Article, Episode
from medsocial.testing.plugin import axe_violations, open_tab, save_screenshot, sign_in_with_session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = 390
WIDE = 1366
TOUCH_TARGET = 44

# Controls a finger must hit on a phone: buttons, menus, form fields, and the links of the
# header, footer, breadcrumbs and pagination (links inside running text are exempt, as WCAG
# exempts them).
SMALL_TARGETS = """(least) => [...document.querySelectorAll(
        'button, .button, summary, select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]),'
        + ' header a, footer a, .breadcrumbs a, .pagination a, .menu-panel a')]
    .filter((e) => e.offsetParent !== null && !e.closest('[aria-hidden=true]'))
    .filter((e) => { const r = e.getBoundingClientRect(); return r.height < least - 0.5 || r.width < least - 0.5; })
    .slice(0, 4)
    .map((e) => { const r = e.getBoundingClientRect();
        return `${e.tagName.toLowerCase()} "${(e.innerText || e.value || e.name || '').trim().slice(0, 30)}" `
            + `${Math.round(r.width)}x${Math.round(r.height)}`; })"""


@pytest.fixture
def demo():
    call_command("demo", "--small", verbosity=0)


def public_pages() -> list[str]:
    course = Course.objects.filter(status="published").order_by("title").first()
    event = Event.objects.filter(kind=Event.Kind.WEBINAR).order_by("starts_at").first()
    summit = Event.objects.filter(kind=Event.Kind.CONFERENCE).first()
    article = Article.objects.filter(status="published").order_by("-published_at").first()
    episode = Episode.objects.select_related("show").order_by("-published_at").first()
    hospital = Hospital.objects.filter(accounts__isnull=False).order_by("facility_id").first()
    return [
        "/",
        reverse("learning:catalog"),
        course.get_absolute_url(),
        reverse("learning:verify-form"),
        reverse("events:list"),
        event.get_absolute_url(),
        reverse("events:agenda", args=[summit.slug]),
        reverse("consulting:home"),
        reverse("consulting:assessment"),
        reverse("consulting:request"),
        reverse("census:home"),
        reverse("census:list"),
        reverse("census:hospital", args=[hospital.facility_id]),
        reverse("census:exports"),
        reverse("publishing:articles"),
        article.get_absolute_url(),
        reverse("publishing:podcasts"),
        reverse("publishing:show", args=[episode.show.slug]),
        reverse("publishing:episode", args=[episode.show.slug, episode.slug]),
        reverse("publishing:newsletter"),
        reverse("publishing:search") + "?q=privacy",
        reverse("publishing:trust"),
        reverse("safety:check"),
        reverse("accounts:sign-in"),
        reverse("accounts:sign-up"),
        "/no-such-page/",
    ]


def member_pages(member) -> list[str]:
    course = Course.objects.filter(status="published").order_by("title").first()
    learning_services.enroll(user=member, course=course)
    lesson = course.lessons.order_by("module__position", "position").first()
    quiz = course.quizzes.first()
    registration = Registration.objects.filter(user=member).first()
    engagement = Engagement.objects.filter(organization__memberships__user=member).first()
    return [
        reverse("learning:dashboard"),
        reverse("learning:transcript"),
        reverse("learning:lesson", args=[course.slug, lesson.slug]),
        reverse("learning:quiz", args=[course.slug, quiz.slug]),
        reverse("events:mine"),
        reverse("events:registration", args=[registration.pk]),
        reverse("consulting:my-engagements"),
        reverse("consulting:workspace", args=[engagement.pk]),
        reverse("consulting:plan", args=[engagement.pk]),
        reverse("accounts:profile"),
        reverse("accounts:organizations"),
    ]


def staff_pages() -> list[str]:
    event = Event.objects.filter(kind=Event.Kind.WEBINAR).order_by("starts_at").first()
    return [
        reverse("staff"),
        *[reverse("staff-role", args=[key]) for key in ["editor", "moderator", "event_manager", "coach"]],
        reverse("events:manage"),
        reverse("events:manage-event", args=[event.slug]),
        reverse("events:checkin", args=[event.slug]),
        reverse("learning:teach"),
        reverse("consulting:board"),
        reverse("publishing:moderation"),
        reverse("census:queue"),
        reverse("publishing:article-manage"),
        reverse("publishing:issues"),
    ]


def problems_on(tab, url: str, width: int, *, axe: bool = True) -> list[str]:
    response = tab.goto(url)
    found = []
    expected_status = 404 if url.startswith("/no-such-page") else 200
    if response.status != expected_status:
        found.append(f"answered {response.status}")
    if width == PHONE:
        scroll_width = tab.evaluate("document.documentElement.scrollWidth")
        if scroll_width > PHONE:
            wide = tab.evaluate(
                """(limit) => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > limit + 1)
                    .filter(e => ![...e.querySelectorAll('*')].some(c => c.getBoundingClientRect().right > limit + 1))
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""",
                PHONE,
            )
            found.append(f"{scroll_width} px wide ({', '.join(wide)})")
        small = tab.evaluate(SMALL_TARGETS, TOUCH_TARGET)
        if small:
            found.append(f"touch targets under {TOUCH_TARGET} px: {'; '.join(small)}")
    if axe:
        found.extend(axe_violations(tab))
    return found


def sweep(
    browser, live_server, pages, *, person=None, screenshots: str = "", widths=(PHONE, WIDE), axe: bool = True
) -> dict[str, list[str]]:
    """Visit each page at each width; the problems found, by page and width."""
    report: dict[str, list[str]] = {}
    for width in widths:
        tab = open_tab(
            browser,
            live_server.url,
            width=width,
            height=844 if width == PHONE else 900,
            phone=width == PHONE,
            axe=True,
        )
        try:
            if person is not None:
                sign_in_with_session(tab, person)
            for url in pages:
                found = problems_on(tab, url, width, axe=axe)
                if found:
                    report[f"{url} at {width} px"] = found
            if screenshots:
                tab.goto(pages[0])
                save_screenshot(tab, f"{screenshots}-{width}")
            if tab.console_errors:
                report[f"console at {width} px"] = tab.console_errors
        finally:
            tab.context.close()
    return report


def test_every_public_page_fits_a_phone_and_passes_axe_for_a_visitor(browser, live_server, demo):
    pages = public_pages()
    report = sweep(browser, live_server, pages, widths=(PHONE,))
    # On a wide screen only the header differs (inline links instead of the compact menu).
    report |= sweep(browser, live_server, pages[:6], widths=(WIDE,), screenshots="home")
    assert not report, _listing(report)


def test_every_main_page_fits_a_phone_and_passes_axe_for_a_member(browser, live_server, demo):
    member = User.objects.get(email="nurse@medsocial.example")
    report = sweep(browser, live_server, member_pages(member), person=member, screenshots="my-learning")
    # The public pages differ for a member only by the header's menus, which axe checked above;
    # their width on a phone is checked again with the signed-in header.
    report |= sweep(browser, live_server, public_pages(), person=member, widths=(PHONE,), axe=False)
    assert not report, _listing(report)


def test_every_staff_page_fits_a_phone_and_passes_axe_for_a_site_admin(browser, live_server, demo):
    admin = User.objects.get(email="admin@medsocial.example")
    report = sweep(browser, live_server, staff_pages(), person=admin, screenshots="staff-dashboard")
    assert not report, _listing(report)


def _listing(report: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}:\n    " + "\n    ".join(found) for page, found in report.items())
