"""Staff reports: workload per coach, engagements by stage, upcoming sessions, overdue items, CSV."""

import pytest
from django.urls import reverse

from medsocial.consulting.tests.factories import make_action_item, make_coach, make_engagement, make_session
from medsocial.testing.plugin import download_rows

pytestmark = pytest.mark.django_db


def read_csv(response):
    return download_rows(response)


def test_reports_show_workload_stages_sessions_and_overdue_items(client, site_admin, coach, engagement):
    make_session(engagement, title="Quarterly review")
    make_action_item(engagement, title="Send analytics export", due_in_days=-3)
    make_engagement(stage="new")
    client.force_login(site_admin)
    page = client.get(reverse("consulting:reports")).content.decode()
    assert "Quarterly review" in page and "Send analytics export" in page and "Jordan Reyes" in page


def test_the_engagements_export_lists_the_pipeline(client, site_admin, engagement):
    make_action_item(engagement, due_in_days=-1)
    client.force_login(site_admin)
    rows = read_csv(client.get(reverse("consulting:report-csv", args=["engagements"])))
    assert rows[0][:3] == ["id", "organization", "stage"]
    assert rows[1][1:3] == ["Lakeview Hospital", "Active"] and rows[1][9] == "1"


def test_the_workload_export_counts_each_coachs_engagements(client, site_admin, coach, engagement):
    make_engagement(stage="qualified", coaches=[coach])
    make_coach(full_name="Idle Coach")
    client.force_login(site_admin)
    rows = {row[0]: row for row in read_csv(client.get(reverse("consulting:report-csv", args=["workload"])))}
    assert rows["Jordan Reyes"][2:4] == ["1", "2"]
    assert rows["Idle Coach"][2:4] == ["0", "0"]


def test_a_coachs_reports_only_cover_their_engagements(client, coach, engagement):
    other = make_engagement(coaches=[make_coach()], stage="active")
    make_action_item(other, title="Somebody else's task", due_in_days=-2)
    client.force_login(coach)
    page = client.get(reverse("consulting:reports")).content.decode()
    assert "Somebody else's task" not in page
    rows = read_csv(client.get(reverse("consulting:report-csv", args=["overdue"])))
    assert len(rows) == 1


def test_csv_cells_cannot_smuggle_formulas(client, site_admin, engagement):
    make_action_item(engagement, title='=HYPERLINK("http://x")', due_in_days=-1)
    client.force_login(site_admin)
    rows = read_csv(client.get(reverse("consulting:report-csv", args=["overdue"])))
    assert rows[1][2].startswith("'=")


def test_an_unknown_report_is_404(client, site_admin):
    client.force_login(site_admin)
    assert client.get(reverse("consulting:report-csv", args=["salaries"])).status_code == 404


def test_the_reports_page_has_a_constant_number_of_queries(client, site_admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(n):
        for _ in range(n):
            coach = make_coach()
            e = make_engagement(stage="active", coaches=[coach])
            make_session(e)
            make_action_item(e, due_in_days=-1, owner=coach)

    client.force_login(site_admin)
    add(5)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("consulting:reports"))
    add(45)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("consulting:reports"))
    assert len(large.captured_queries) == len(small.captured_queries)
