"""One search over articles, episode transcripts and courses; sitemap and robots.txt."""

import pytest

from medsocial.publishing import selectors
from medsocial.publishing.tests.factories import make_article, make_episode


@pytest.fixture
def corpus(db):
    return {
        "article": make_article(title="Consent for patient photos", body="Always ask for written consent."),
        "other": make_article(title="Measuring reach", body="Counting followers."),
        "episode": make_episode(
            title="Episode about nothing", transcript="We discuss hashtags for recruitment."
        ),
        "draft": make_article(title="Consent draft", published=False),
    }


def test_finds_articles_by_words_and_prefixes(corpus):
    hits = selectors.search("consen", kinds=("article",))
    assert [h.title for h in hits] == ["Consent for patient photos"]


def test_finds_episodes_by_transcript(corpus):
    hits = selectors.search("recruitment hashtags")
    assert [h.kind for h in hits if h.kind != "course"] == ["episode"]


def test_punctuation_is_not_query_syntax(corpus):
    assert selectors.search('"consent" OR ) NEAR(') is not None


def test_includes_courses_from_learning(db):
    from medsocial.learning.tests.factories import make_course

    make_course(title="Privacy basics for nurses", summary="Keep patients unidentifiable.")
    hits = selectors.search("privacy")
    assert any(h.kind == "course" and h.title == "Privacy basics for nurses" for h in hits)


def test_search_page(client, corpus):
    html = client.get("/search/?q=consent").content.decode()
    assert "Consent for patient photos" in html and "Consent draft" not in html


def test_sitemap_lists_live_content_only(client, corpus):
    xml = client.get("/sitemap.xml").content.decode()
    assert corpus["article"].get_absolute_url() in xml
    assert corpus["episode"].get_absolute_url() in xml
    assert corpus["draft"].get_absolute_url() not in xml


def test_robots_points_to_sitemap(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: " in text and "/sitemap.xml" in text and "Disallow: /admin/" in text
