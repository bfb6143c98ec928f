"""Pages: what they show, their constant query counts, and who may open them."""

import pytest
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.census import services
from medsocial.census.models import AccountSubmission, SocialAccount
from medsocial.census.services import recompute_census
from medsocial.testing.plugin import download_rows, page_queries

from .factories import make_account, make_hospital, network, observe

pytestmark = pytest.mark.django_db


def hospitals_with_accounts(count: int):
    import datetime

    for number in range(count):
        hospital = make_hospital(name=f"Lakeview Hospital {number}", state="IL" if number % 2 else "WI")
        account = make_account(hospital, "facebook", f"lakeview{number}")
        make_account(hospital, "x", f"lakeview{number}")
        observe(account, datetime.date(2024, 5, 1), followers=100 + number, posts=3)
    recompute_census()


@pytest.mark.parametrize("count", [5, 50])
def test_list_page_query_count_is_constant(client, django_assert_num_queries, count):
    hospitals_with_accounts(count)
    client.get(reverse("census:list"))  # warm the filter choices cache
    with django_assert_num_queries(4):
        response = client.get(reverse("census:list"), {"network": "facebook", "sort": "followers"})
    assert response.status_code == 200
    assert response.content.count(b'class="net-badge net-facebook') == min(count, 50) + 1


@pytest.mark.parametrize("count", [5, 50])
def test_census_page_query_count_is_constant(client, django_assert_num_queries, count):
    hospitals_with_accounts(count)
    with django_assert_num_queries(6):
        response = client.get(reverse("census:home"))
    assert f"{count} of {count}".encode() in response.content
    with django_assert_num_queries(0):  # warm: anonymous visitors get the cached page
        again = client.get(reverse("census:home"))
    assert f"{count} of {count}".encode() in again.content


def test_moderation_queue_query_count_is_constant(client, make_user):
    moderator = make_user(email="mod@example.org", roles=[Role.MODERATOR])
    hospital = make_hospital()
    make_account(hospital, "facebook", "existing")

    def submit(first, last):
        for number in range(first, last):
            services.submit(
                hospital=hospital,
                kind="new",
                network=network("x"),
                address=f"@newacct{number}",
                email="f@example.org",
            )

    client.force_login(moderator)
    submit(0, 5)
    page_queries(client, reverse("census:queue"))  # warm the session
    few = page_queries(client, reverse("census:queue"))
    submit(5, 50)
    assert page_queries(client, reverse("census:queue")) == few


def test_htmx_filter_returns_only_the_results_fragment(client):
    hospitals_with_accounts(3)
    response = client.get(reverse("census:list"), {"state": "IL"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content
    assert b"Lakeview Hospital 1" in response.content and b"Lakeview Hospital 0" not in response.content


def test_search_by_name_or_city(client):
    make_hospital(name="Mercy Hospital", city="Dubuque")
    make_hospital(name="General Hospital", city="Mercyville")
    make_hospital(name="Other", city="Elsewhere")
    response = client.get(reverse("census:list"), {"q": "mercy"}, HTTP_HX_REQUEST="true")
    assert b"Mercy Hospital" in response.content and b"General Hospital" in response.content
    assert b"Other" not in response.content


def test_hospital_page_shows_accounts_chart_table_and_peer_rank(client):
    hospitals_with_accounts(2)
    hospital = SocialAccount.objects.first().hospital
    response = client.get(hospital.get_absolute_url())
    body = response.content.decode()
    assert '<svg class="chart"' in body and "Follower history as a table" in body
    assert "by followers" in body
    assert "Submit an account" in body and "Add an account" not in body


def test_anonymous_submission_through_the_page(client):
    hospital = make_hospital()
    url = reverse("census:submit", args=[hospital.facility_id])
    response = client.post(
        url,
        {
            "kind": "new",
            "network": network("facebook").pk,
            "address": "https://twitter.com/x",
            "email": "f@example.org",
        },
    )
    assert response.status_code == 400
    assert "not a Facebook address" in response.content.decode()
    response = client.post(
        url,
        {
            "kind": "new",
            "network": network("facebook").pk,
            "address": "facebook.com/SpringHosp",
            "email": "f@example.org",
        },
    )
    assert response.status_code == 302
    assert AccountSubmission.objects.get().address == "https://www.facebook.com/springhosp"


def test_duplicate_submission_page_points_at_the_existing_account(client):
    hospital = make_hospital(name="Original Hospital")
    make_account(hospital, "facebook", "springhosp")
    response = client.post(
        reverse("census:submit", args=[make_hospital().facility_id]),
        {
            "kind": "new",
            "network": network("facebook").pk,
            "address": "@SpringHosp",
            "email": "f@example.org",
        },
    )
    assert response.status_code == 400
    assert "already listed" in response.content.decode() and "Original Hospital" in response.content.decode()


def test_queue_and_review_are_hidden_from_non_moderators(client, make_user):
    submission = services.submit(
        hospital=make_hospital(), kind="new", network=network("x"), address="@abc", email="f@example.org"
    )
    client.force_login(make_user(email="editor@example.org", roles=[Role.EDITOR]))
    assert client.get(reverse("census:queue")).status_code == 404
    assert client.post(reverse("census:approve", args=[submission.pk])).status_code == 404
    assert client.post(reverse("census:reject", args=[submission.pk]), {"reason": "x"}).status_code == 404
    submission.refresh_from_db()
    assert submission.status == "pending"


def test_anonymous_visitors_are_sent_to_sign_in_for_moderation(client):
    response = client.get(reverse("census:queue"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_account_edit_is_for_the_claiming_organization_admins_only(client, make_user, make_organization):
    organization = make_organization(name="Claiming Health")
    other = make_organization(name="Another Health")
    hospital = make_hospital(organization=organization)
    account = make_account(hospital, "facebook", "claimed")
    urls = [
        reverse("census:account-edit", args=[account.pk]),
        reverse("census:account-observe", args=[account.pk]),
        reverse("census:account-add", args=[hospital.facility_id]),
    ]
    client.force_login(make_user(email="otheradmin@example.org", organization=other, org_role="admin"))
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    client.force_login(make_user(email="member@example.org", organization=organization, org_role="member"))
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
    client.force_login(make_user(email="admin@example.org", organization=organization, org_role="admin"))
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    response = client.post(urls[1], {"observed_on": "2024-02-01", "followers": "-1"})
    assert response.status_code == 400 and "cannot be negative" in response.content.decode()
    response = client.post(urls[1], {"observed_on": "2024-02-01", "followers": "77"})
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.latest_followers == 77


def test_exports_have_the_documented_columns(client):
    hospitals_with_accounts(2)
    response = client.get(reverse("census:export-hospitals", args=["csv"]))
    header = b"".join(response.streaming_content).decode().splitlines()[0].split(",")
    assert (
        header[:3] == ["facility_id", "name", "address"]
        and "facebook_urls" in header
        and "follower_growth_12m" in header
    )
    figures = client.get(reverse("census:export-figures", args=["json"])).json()["figures"]
    assert set(figures[0]) == {
        "data_note",
        "dimension",
        "key",
        "network",
        "period",
        "hospitals",
        "hospitals_present",
        "accounts_active",
        "accounts_dormant",
        "accounts_closed",
        "accounts_opened",
        "followers",
    }
    overall = next(f for f in figures if f["dimension"] == "overall" and f["network"] == "")
    assert (overall["hospitals"], overall["hospitals_present"]) == (2, 2)
    data = client.get(reverse("census:export-hospitals", args=["json"]), {"state": "WI"}).json()["hospitals"]
    assert [h["name"] for h in data] == ["Lakeview Hospital 0"]
    assert data[0]["facebook_urls"] == "https://www.facebook.com/lakeview0"


def test_hospital_export_neutralizes_a_name_that_is_a_formula(client):
    make_hospital(name="=cmd|' /C calc'!A0", state="IL")
    rows = download_rows(client.get(reverse("census:export-hospitals", args=["csv"]), {"bom": "1"}))
    assert rows[1][1] == "'=cmd|' /C calc'!A0"
