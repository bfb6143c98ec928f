import time

import feedparser
import pytest
from mutagen.mp3 import MP3

from medsocial.publishing import demo
from medsocial.publishing.models import Article, Comment, Episode, Show, Subscription

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        Article.objects.count(),
        Episode.objects.count(),
        Comment.objects.count(),
        Show.objects.count(),
        Subscription.objects.count(),
        sorted(Episode.objects.values_list("audio", flat=True)),
    )


def test_demo_loads_once_fast_with_authors_sources_audio_and_comments(client):
    from medsocial.accounts import demo as accounts_demo

    accounts_demo.load(small=True)
    started = time.monotonic()
    demo.load(small=True)
    assert time.monotonic() - started < 3
    first = snapshot()
    assert first[0] >= 3 and first[1] == 3 and first[2] >= 3
    for article in Article.objects.all():
        assert article.authors.exists() and article.sources.exists()
    for episode in Episode.objects.all():
        with episode.audio.open("rb") as handle:
            assert round(MP3(handle).info.length) == episode.duration_seconds
        assert episode.audio.size == episode.audio_bytes
    feed = feedparser.parse(client.get("/feeds/podcasts/the-careful-post.rss").content)
    assert not feed.bozo and len(feed.entries) == 3
    demo.load(small=True)
    assert snapshot() == first
