"""The Fellows pages: progress, submitting (the refusal lists unmet criteria), the portfolio and
review pages, and who may open what (a 404 for everyone else)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from medsocial.accounts.roles import Role
from medsocial.fellows import selectors, services
from medsocial.fellows.models import Fellow, Portfolio
from medsocial.fellows.tests.conftest import STATEMENT
from medsocial.fellows.tests.factories import give_courses, level, qualify
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def portfolio(person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    qualify(person, level("resident"))
    return services.submit_portfolio(
        person=person,
        statement=STATEMENT,
        links=["https://example.org/stories"],
        upload=SimpleUploadedFile("work.pdf", b"%PDF-1.4 my work"),
    )


def test_the_ladder_is_public_and_shows_every_level(client):
    text = client.get(reverse("fellows:ladder")).content.decode()
    for name in ("Resident", "Bronze Fellow", "Silver Fellow", "Gold Fellow", "Platinum Fellow"):
        assert name in text
    assert "10 courses completed" in text and "Sign in" in text


def test_my_page_shows_progress_toward_the_next_level(client, person):
    give_courses(person, 1)
    client.force_login(person)
    text = client.get(reverse("fellows:mine")).content.decode()
    assert "Toward Resident" in text and "Courses completed" in text and "Not yet" in text
    assert reverse("fellows:submit") not in text


def test_the_submit_page_lists_unmet_criteria_and_a_post_changes_nothing(client, person):
    give_courses(person, 1)
    client.force_login(person)
    page = client.get(reverse("fellows:submit")).content.decode()
    assert "these criteria are not met" in page and "CE hours: 0 of 1" in page
    response = client.post(reverse("fellows:submit"), {"statement": STATEMENT, "links": ""})
    assert response.status_code == 400 and "CE hours: 0 of 1" in response.content.decode()
    assert not Portfolio.objects.exists()


def test_submitting_from_the_page(client, person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    qualify(person, level("resident"))
    client.force_login(person)
    response = client.post(
        reverse("fellows:submit"),
        {
            "statement": STATEMENT,
            "links": "https://example.org/a\n\nhttps://example.org/b",
            "directory_consent": "on",
            "file": SimpleUploadedFile("work.pdf", b"%PDF-1.4 x"),
        },
    )
    portfolio = Portfolio.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "fellows:portfolio", args=[portfolio.pk]
    )
    assert (
        portfolio.links == ["https://example.org/a", "https://example.org/b"] and portfolio.directory_consent
    )
    # A second visit to the form leads to the open portfolio instead.
    assert client.get(reverse("fellows:submit"))["Location"] == reverse(
        "fellows:portfolio", args=[portfolio.pk]
    )


def test_a_bad_link_on_the_page_is_shown_next_to_the_field(client, person):
    qualify(person, level("resident"))
    client.force_login(person)
    response = client.post(reverse("fellows:submit"), {"statement": STATEMENT, "links": "ftp://x.example"})
    assert response.status_code == 400 and "Link 1 is not a web address" in response.content.decode()
    assert not Portfolio.objects.exists()


def test_reviewing_from_the_page(client, portfolio, reviewer):
    client.force_login(reviewer)
    queue = client.get(reverse("fellows:review-queue")).content.decode()
    assert "Nia Okafor" in queue
    page = client.get(reverse("fellows:portfolio", args=[portfolio.pk])).content.decode()
    assert "Review against the rubric" in page and STATEMENT[:30] in page
    data = {f"score_{item.pk}": 4 for item in selectors.rubric()}
    bad = client.post(
        reverse("fellows:review", args=[portfolio.pk]), {**data, "decision": "return", "reason": ""}
    )
    assert bad.status_code == 400 and "Say why the portfolio is returned or declined" in bad.content.decode()
    response = client.post(reverse("fellows:review", args=[portfolio.pk]), {**data, "decision": "approve"})
    assert response.status_code == 302
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.APPROVED
    page = client.get(reverse("fellows:portfolio", args=[portfolio.pk])).content.decode()
    assert reverse("awards:verify", args=[portfolio.award.code]) in page


def test_the_author_sees_no_review_form_and_cannot_post_a_review(client, portfolio, person):
    client.force_login(person)
    page = client.get(reverse("fellows:portfolio", args=[portfolio.pk])).content.decode()
    assert "Review against the rubric" not in page
    data = {f"score_{item.pk}": 4 for item in selectors.rubric()}
    assert (
        client.post(
            reverse("fellows:review", args=[portfolio.pk]), {**data, "decision": "approve"}
        ).status_code
        == 404
    )
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.IN_REVIEW


def test_a_reviewer_who_is_the_author_is_told_so(client, make_user, settings, tmp_path):
    admin = make_user(roles=[Role.SITE_ADMIN])
    qualify(admin, level("resident"))
    own = services.submit_portfolio(person=admin, statement=STATEMENT)
    client.force_login(admin)
    assert (
        "Review against the rubric"
        not in client.get(reverse("fellows:portfolio", args=[own.pk])).content.decode()
    )
    data = {f"score_{item.pk}": 4 for item in selectors.rubric()}
    response = client.post(reverse("fellows:review", args=[own.pk]), {**data, "decision": "approve"})
    assert (
        response.status_code == 400 and "You cannot review your own portfolio." in response.content.decode()
    )
    own.refresh_from_db()
    assert own.status == Portfolio.Status.IN_REVIEW


def test_a_returned_portfolio_is_resubmitted_from_its_page(client, portfolio, reviewer, person):
    services.review_portfolio(
        portfolio=portfolio,
        reviewer=reviewer,
        scores={str(i.pk): 2 for i in selectors.rubric()},
        decision="return",
        reason="Add the training link.",
    )
    client.force_login(person)
    page = client.get(reverse("fellows:portfolio", args=[portfolio.pk])).content.decode()
    assert "Add the training link." in page and "Update and resubmit" in page
    assert "Rita Reviewer" not in page  # the author sees the review, not who wrote it
    response = client.post(
        reverse("fellows:resubmit", args=[portfolio.pk]),
        {"statement": STATEMENT, "links": "https://example.org/training"},
    )
    assert response.status_code == 302
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.IN_REVIEW and portfolio.file_name == "work.pdf"


def test_the_file_downloads_for_the_author_and_reviewers_only(client, portfolio, person, reviewer, make_user):
    url = reverse("fellows:portfolio-file", args=[portfolio.pk])
    for who in (person, reviewer):
        client.force_login(who)
        response = client.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 my work"
        assert "attachment" in response["Content-Disposition"] or "inline" in response["Content-Disposition"]
    client.force_login(make_user())
    assert client.get(url).status_code == 404
    # Not through the general media address either.
    assert client.get("/media/" + portfolio.file.name).status_code == 404


@pytest.mark.parametrize("who", ["stranger", "event_manager", "anonymous"])
def test_other_people_get_a_404_for_every_private_page(client, portfolio, make_user, who):
    if who == "stranger":
        client.force_login(make_user())
    elif who == "event_manager":
        client.force_login(make_user(roles=[Role.EVENT_MANAGER]))
    urls = [
        reverse("fellows:portfolio", args=[portfolio.pk]),
        reverse("fellows:portfolio-file", args=[portfolio.pk]),
        reverse("fellows:review-queue"),
    ]
    for url in urls:
        response = client.get(url)
        expected = 302 if who == "anonymous" else 404
        assert response.status_code == expected, url
    data = {f"score_{item.pk}": 4 for item in selectors.rubric()}
    response = client.post(reverse("fellows:review", args=[portfolio.pk]), {**data, "decision": "approve"})
    assert response.status_code in (302, 404)
    portfolio.refresh_from_db()
    assert portfolio.status == Portfolio.Status.IN_REVIEW


def test_the_evidence_page_is_public_once_approved_and_hides_the_file(client, portfolio, reviewer):
    url = reverse("fellows:evidence", args=[portfolio.evidence_code])
    assert client.get(url).status_code == 404  # not while in review
    services.review_portfolio(
        portfolio=portfolio,
        reviewer=reviewer,
        scores={str(i.pk): 3 for i in selectors.rubric()},
        decision="approve",
    )
    text = client.get(url).content.decode()
    assert STATEMENT[:30] in text and "https://example.org/stories" in text and "work.pdf" not in text
    assert "nia@hospital.example" not in text


def test_the_queue_and_my_page_cost_the_same_for_5_and_50_portfolios(client, reviewer, make_user):
    people = []
    figures = []
    for count in (5, 50):
        while len(people) < count:
            someone = make_user()
            qualify(someone, level("resident"))
            services.submit_portfolio(person=someone, statement=STATEMENT)
            people.append(someone)
        client.force_login(reviewer)
        queue = page_queries(client, reverse("fellows:review-queue"))
        api_queue = page_queries(client, "/api/v1/fellows/review-queue")
        figures.append((queue, api_queue))
    assert figures[0] == figures[1]


def test_my_page_costs_the_same_for_few_and_many_past_portfolios(client, person, reviewer):
    figures = []
    client.force_login(person)
    for count in (5, 50):
        while Portfolio.objects.filter(person=person).count() < count:
            Portfolio.objects.create(
                person=person, level=level("resident"), statement=STATEMENT, status=Portfolio.Status.DECLINED
            )
        figures.append(page_queries(client, reverse("fellows:mine")))
    assert figures[0] == figures[1]
    Fellow.objects.create(person=person, level=level("bronze"))
    assert client.get(reverse("fellows:mine")).status_code == 200
