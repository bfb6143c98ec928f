"""Uploads and snapshots shared by the podcast editing tests."""

import io

import feedparser
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from medsocial.publishing.models import Episode, Show


def png_upload(width=1400, height=1400, name="cover.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def parsed_feed(client, show):
    feed = feedparser.parse(client.get(f"/feeds/podcasts/{show.slug}.rss").content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def podcast_snapshot():
    """Everything an editing page could change, to show a refused request changed nothing."""
    return (list(Show.objects.order_by("pk").values()), list(Episode.objects.order_by("pk").values()))
