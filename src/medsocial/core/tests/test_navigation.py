"""The header shows each person their own menu and each role its tools; the staff dashboard
counts what waits in every queue, at a constant query count."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from medsocial.accounts.models import Membership
from medsocial.accounts.roles import Role
from medsocial.census.models import AccountSubmission
from medsocial.census.tests.factories import make_hospital, network
from medsocial.consulting.tests.factories import make_engagement
from medsocial.events.tests.factories import make_event
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.models import Comment
from medsocial.publishing.tests.factories import make_article, make_comment
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db

ROLE_TOOLS = {
    Role.EDITOR: ["Write an article", "Manage articles", "Newsletter"],
    Role.MODERATOR: ["Comment queue", "Census queue"],
    Role.EVENT_MANAGER: ["Manage events", "Check-in"],
    Role.INSTRUCTOR: ["Course authoring"],
    Role.COACH: ["Consulting pipeline"],
}
EVERY_TOOL = {tool for tools in ROLE_TOOLS.values() for tool in tools} | {"Site admin"}


@pytest.mark.parametrize("role", list(ROLE_TOOLS))
def test_the_staff_menu_lists_a_roles_tools_and_no_others(client, make_user, role):
    client.force_login(make_user(roles=[role]))
    html = client.get("/").content.decode()
    assert "Staff tools" in html
    for tool in ROLE_TOOLS[role]:
        assert f">{tool}</a>" in html, tool
    for tool in EVERY_TOOL - set(ROLE_TOOLS[role]):
        assert f">{tool}</a>" not in html, tool


def test_a_site_admin_sees_every_tool(client, make_user):
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    html = client.get("/").content.decode()
    for tool in EVERY_TOOL:
        assert f">{tool}</a>" in html, tool


def test_a_member_gets_the_personal_menu_and_no_staff_menu(client, make_user):
    client.force_login(make_user(full_name="Chris Alvarez"))
    html = client.get("/").content.decode()
    for label in ["My learning", "My events", "My engagements", "Certificates", "Profile", "Organizations"]:
        assert f">{label}</a>" in html, label
    assert "Staff tools" not in html
    assert client.get(reverse("staff")).status_code == 404


def test_an_organization_admin_finds_each_organization_they_run(client, make_user, make_organization):
    lakeshore = make_organization(name="Lakeshore Health System")
    other = make_organization(name="Prairie Hospital")
    admin = make_user(organization=lakeshore, org_role=Membership.Role.ADMIN)
    Membership.objects.create(user=admin, organization=other, role=Membership.Role.MEMBER)
    client.force_login(admin)
    html = client.get("/").content.decode()
    assert reverse("accounts:organization", args=[lakeshore.slug]) in html
    assert reverse("learning:organization", args=[lakeshore.slug]) in html
    assert reverse("learning:organization", args=[other.slug]) not in html
    page = client.get(reverse("staff-role", args=["org_admin"]))
    assert page.status_code == 200
    assert "Lakeshore Health System" in page.content.decode()


def test_anonymous_visitors_get_sign_in_and_no_menus_at_no_query_cost(client):
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from medsocial.core.selectors import home_highlights

    with CaptureQueriesContext(connection) as content_only:
        home_highlights(AnonymousUser())
    with CaptureQueriesContext(connection) as whole_page:
        html = client.get("/").content.decode()
    assert len(whole_page) == len(content_only)  # the header's menus cost nothing
    assert "Sign in" in html and "Staff tools" not in html and "My learning" not in html


def test_a_role_page_of_another_role_is_not_found(client, make_user):
    client.force_login(make_user(roles=[Role.MODERATOR]))
    assert client.get(reverse("staff-role", args=["moderator"])).status_code == 200
    assert client.get(reverse("staff-role", args=["editor"])).status_code == 404
    assert client.get(reverse("staff-role", args=["no-such-role"])).status_code == 404


def test_the_moderator_page_counts_held_comments_and_census_submissions(client, make_user):
    moderator = make_user(roles=[Role.MODERATOR])
    article = make_article()
    for _ in range(3):
        make_comment(article, status=Comment.Status.PENDING, body="Please look at this")
    make_comment(article, status=Comment.Status.APPROVED)
    AccountSubmission.objects.create(
        hospital=make_hospital(),
        network=network("facebook"),
        address="https://facebook.com/x",
        submitted_by=moderator,
    )
    client.force_login(moderator)
    html = client.get(reverse("staff-role", args=["moderator"])).content.decode()
    assert '<span class="tally-count">3</span> <span class="tally-label">Comments held' in html
    assert '<span class="tally-count">1</span> <span class="tally-label">Census submissions' in html
    assert html.count("Please look at this") == 3


def test_check_in_shortcut_opens_the_event_running_now(client, make_user):
    make_event(slug="later", starts_in=datetime.timedelta(days=3))
    make_event(slug="now", starts_at=timezone.now() - datetime.timedelta(minutes=30))
    make_event(slug="over", starts_at=timezone.now() - datetime.timedelta(days=2))
    client.force_login(make_user(roles=[Role.EVENT_MANAGER]))
    response = client.get(reverse("events:checkin-now"))
    assert response.status_code == 302
    assert response["Location"] == reverse("events:checkin", args=["now"])


def test_check_in_shortcut_without_an_event_says_so(client, make_user):
    client.force_login(make_user(roles=[Role.EVENT_MANAGER]))
    response = client.get(reverse("events:checkin-now"), follow=True)
    assert "nobody to check in" in response.content.decode()


def _fill_every_queue(n: int, *, staff) -> None:
    article = make_article()
    for _ in range(n):
        make_article(published=False)
        make_comment(article, status=Comment.Status.PENDING)
        make_event()
        make_course(instructors=[staff], status="draft", lessons=1)
        make_engagement()


def test_staff_pages_cost_the_same_queries_with_5_and_50_rows(client, make_user, make_organization):
    staff = make_user(roles=[Role.SITE_ADMIN], organization=make_organization(), org_role="admin")
    client.force_login(staff)
    urls = [reverse("staff")] + [
        reverse("staff-role", args=[key])
        for key in ["editor", "moderator", "event_manager", "instructor", "coach", "org_admin", "site_admin"]
    ]
    _fill_every_queue(5, staff=staff)
    page_queries(client, urls[0])  # warm the session
    few = {url: page_queries(client, url) for url in urls}
    _fill_every_queue(45, staff=staff)
    many = {url: page_queries(client, url) for url in urls}
    assert many == few


def test_the_teaching_page_counts_courses_and_drafts_however_many_learners_enrolled(client, make_user):
    from medsocial.learning.services.enrollment import enroll

    instructor = make_user(roles=[Role.INSTRUCTOR])
    taught = make_course(instructors=[instructor])
    make_course(instructors=[instructor], status="draft")
    make_course()  # someone else's
    for n in range(3):
        enroll(user=make_user(email=f"learner{n}@example.org"), course=taught)
    client.force_login(instructor)
    html = client.get(reverse("staff-role", args=["instructor"])).content.decode()
    assert '<span class="tally-count">2</span> <span class="tally-label">Courses you teach' in html
    assert '<span class="tally-count">1</span> <span class="tally-label">Unpublished drafts' in html
