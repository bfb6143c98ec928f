"""Each of the demo roles starts on the home page and reaches every one of its tools by
clicking, in two clicks at most (open a header menu, pick the tool), on a wide screen and on
a phone."""

import pytest

from medsocial.accounts.models import Membership
from medsocial.accounts.roles import Role
from medsocial.events.tests.factories import make_event
from medsocial.testing.plugin import open_tab, save_screenshot, sign_in_with_session

pytestmark = pytest.mark.browser

STAFF = "Staff tools"
MINE = "Your menu"

# role: (staff roles, organization role, [(menu, link, address the tool lives at)])
JOURNEYS = {
    "admin": (
        ["superuser"],
        None,
        [(STAFF, "Site admin", "/admin/"), (STAFF, "Staff dashboard", "/staff/")],
    ),
    "instructor": (
        [Role.INSTRUCTOR],
        None,
        [
            (STAFF, "Course authoring", "/learn/teach/"),
            (STAFF, "New course", "/learn/teach/new/"),
            (STAFF, "Residency cohorts", "/residency/manage/"),
        ],
    ),
    "event-manager": (
        [Role.EVENT_MANAGER],
        None,
        [
            (STAFF, "Manage events", "/events/manage/"),
            (STAFF, "Check-in", "/events/manage/door-day/check-in/"),
        ],
    ),
    "coach": ([Role.COACH], None, [(STAFF, "Consulting pipeline", "/consulting/staff/")]),
    "editor": (
        [Role.EDITOR],
        None,
        [
            (STAFF, "Write an article", "/articles/new/"),
            (STAFF, "Manage articles", "/articles/manage/"),
            (STAFF, "Newsletter", "/newsletter/issues/"),
        ],
    ),
    "moderator": (
        [Role.MODERATOR],
        None,
        [(STAFF, "Comment queue", "/comments/moderation/"), (STAFF, "Census queue", "/census/moderation/")],
    ),
    "org-admin": (
        [],
        Membership.Role.ADMIN,
        [
            (STAFF, "Lakeshore Health System", "/accounts/organizations/lakeshore-health/"),
            (STAFF, "Lakeshore Health System: learning", "/learn/organizations/lakeshore-health/"),
        ],
    ),
    "member": (
        [],
        Membership.Role.MEMBER,
        [
            (MINE, "My learning", "/learn/my/"),
            (MINE, "My events", "/events/mine/"),
            (MINE, "My residency", "/residency/mine/"),
            (MINE, "Organizations", "/accounts/organizations/"),
        ],
    ),
    "learner": (
        [],
        None,
        [
            (MINE, "My learning", "/learn/my/"),
            (MINE, "My engagements", "/consulting/engagements/"),
            (MINE, "Certificates", "/learn/my/#certificates"),
            (MINE, "Profile", "/accounts/profile/"),
        ],
    ),
}


def _person(role, make_user, make_organization):
    staff_roles, org_role, _ = JOURNEYS[role]
    organization = (
        make_organization(name="Lakeshore Health System", slug="lakeshore-health") if org_role else None
    )
    if staff_roles == ["superuser"]:
        return make_user(full_name="Morgan Ellis", is_superuser=True, is_staff=True)
    return make_user(
        full_name="Robin Patel", roles=staff_roles, organization=organization, org_role=org_role or "member"
    )


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("role", list(JOURNEYS))
def test_each_role_reaches_its_tools_from_the_home_page_in_two_clicks(
    browser, live_server, make_user, make_organization, role, width
):
    person = _person(role, make_user, make_organization)
    make_event(slug="door-day", title="Door day")  # so the check-in shortcut has an event to open
    tab = open_tab(
        browser, live_server.url, width=width, height=900 if width > 400 else 844, phone=width < 400
    )
    sign_in_with_session(tab, person)
    statuses = []
    tab.on(
        "response",
        lambda r: statuses.append((r.url, r.status)) if r.request.resource_type == "document" else None,
    )
    # On a phone the menus work the same way; one journey per role shows they open and fit.
    journeys = JOURNEYS[role][2] if width > 400 else JOURNEYS[role][2][:1]
    try:
        for number, (menu, link, address) in enumerate(journeys):
            tab.goto("/")
            tab.locator("header summary").filter(has_text=menu).click()  # click 1
            panel = tab.locator("details.menu[open] .menu-panel")
            if number == 0:
                save_screenshot(tab, f"nav-{role}-{width}")
            statuses.clear()
            panel.get_by_role("link", name=link, exact=True).click()  # click 2
            tab.wait_for_load_state()
            assert tab.url == f"{live_server.url}{address}", (link, tab.url)
            assert all(status < 400 for _, status in statuses), statuses
            assert tab.locator("h1").first.is_visible()
        assert tab.console_errors == []
    finally:
        tab.context.close()
