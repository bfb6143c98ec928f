"""Every feed parses cleanly; the podcast feed carries what Apple Podcasts requires."""

import feedparser
import pytest

from medsocial.publishing.tests.factories import (
    make_article,
    make_category,
    make_comment,
    make_episode,
    make_show,
)


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed, response


@pytest.fixture
def content(db, make_user):
    author = make_user(full_name="Ana Ruiz", roles=[])
    category = make_category("Privacy")
    article = make_article(
        title="Privacy & <you>", authors=[author], categories=[category], body="**Bold** & text"
    )
    make_comment(article, body="A *first* comment")
    show = make_show(title="The Careful Post")
    episodes = [make_episode(show, number=n, transcript="Words") for n in (1, 2, 3)]
    make_comment(episodes[0], body="Great episode")
    return {"author": author, "category": category, "article": article, "show": show, "episodes": episodes}


def test_article_comment_and_podcast_feeds_parse_without_bozo(client, content):
    article, episode = content["article"], content["episodes"][0]
    urls = [
        "/feeds/articles.rss",
        "/feeds/articles.atom",
        f"/feeds/category/{content['category'].slug}.rss",
        f"/feeds/category/{content['category'].slug}.atom",
        f"/feeds/author/{content['author'].pk}.rss",
        f"/feeds/author/{content['author'].pk}.atom",
        "/feeds/comments.rss",
        f"/feeds/comments/article/{article.slug}.rss",
        f"/feeds/comments/podcasts/{episode.show.slug}/{episode.slug}.rss",
        f"/feeds/podcasts/{content['show'].slug}.rss",
    ]
    for url in urls:
        feed, _ = parse(client, url)
        assert feed.entries, url


def test_site_comment_feed_lists_comments_on_articles_and_episodes(client, content):
    feed, _ = parse(client, "/feeds/comments.rss")
    titles = [e.title for e in feed.entries]
    assert any("Privacy" in t for t in titles) and any("Episode" in t for t in titles)


def test_podcast_feed_has_required_apple_tags_enclosures_and_unique_guids(client, content):
    feed, response = parse(client, f"/feeds/podcasts/{content['show'].slug}.rss")
    xml = response.content.decode()
    for tag in (
        "<itunes:author>",
        "<itunes:owner>",
        "<itunes:name>",
        "<itunes:email>",
        "<itunes:image href=",
        "<itunes:category text=",
        "<itunes:explicit>",
        "<language>",
        "<podcast:guid>",
    ):
        assert tag in xml, tag
    assert "<itunes:explicit>false</itunes:explicit>" in xml
    guids = [e.id for e in feed.entries]
    assert len(guids) == 3 and len(set(guids)) == 3
    for entry, episode in zip(
        sorted(feed.entries, key=lambda e: int(e.itunes_episode)), content["episodes"], strict=True
    ):
        enclosure = entry.enclosures[0]
        assert int(enclosure.length) == episode.audio.size == episode.audio_bytes
        assert enclosure.type == "audio/mpeg"
        assert entry.itunes_duration == str(episode.duration_seconds)
        assert entry.itunes_episodetype == "full"
        assert entry.itunes_season == "1"
    for tag in (
        "<itunes:duration>",
        "<itunes:episode>",
        "<itunes:season>",
        "<itunes:episodeType>",
        "<podcast:transcript ",
        "<podcast:chapters ",
    ):
        assert tag in xml, tag


def test_podcast_guids_are_stable_between_requests(client, content):
    url = f"/feeds/podcasts/{content['show'].slug}.rss"
    first = [e.id for e in feedparser.parse(client.get(url).content).entries]
    second = [e.id for e in feedparser.parse(client.get(url).content).entries]
    assert first == second


def test_chapters_and_transcript_documents(client, content):
    episode = content["episodes"][0]
    chapters = client.get(f"/podcasts/{episode.show.slug}/{episode.slug}/chapters.json")
    assert chapters["Content-Type"] == "application/json+chapters"
    assert chapters.json()["chapters"][0]["title"] == "Start"
    transcript = client.get(f"/podcasts/{episode.show.slug}/{episode.slug}/transcript.txt")
    assert transcript.content == b"Words"


def test_draft_articles_and_pending_comments_stay_out_of_feeds(client, content):
    make_article(title="Secret draft", published=False)
    make_comment(content["article"], body="held-comment-text", status="pending")
    assert b"Secret draft" not in client.get("/feeds/articles.rss").content
    assert b"held-comment-text" not in client.get("/feeds/comments.rss").content


def test_comment_and_article_feeds_survive_control_characters_stored_in_the_database(client, content):
    """Text written straight into the database, past every input check, still makes valid XML."""
    from medsocial.publishing.models import Article, Comment

    article = content["article"]
    Comment.objects.filter(article=article).update(
        body="Bell\x07 and escape\x1b",
        body_html="<p>Bell\x07 and escape\x1b and C1\x85</p>",
        guest_name="Gu\x0best",
    )
    Article.objects.filter(pk=article.pk).update(title="Privacy\x0c Online", summary="Form\x0cfeed")
    for url in [
        "/feeds/comments.rss",
        f"/feeds/comments/article/{article.slug}.rss",
        "/feeds/articles.rss",
        "/feeds/articles.atom",
    ]:
        feed, _ = parse(client, url)
        assert feed.entries, url
    feed, _ = parse(client, f"/feeds/comments/article/{article.slug}.rss")
    [entry] = feed.entries
    assert entry.title == "Guest on Privacy Online"
    assert "Bell and escape and C1" in entry.summary
