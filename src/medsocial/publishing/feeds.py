"""RSS and Atom feeds for articles and comments, and the podcast feed podcast apps read."""

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from medsocial.core.text import strip_control_characters
from medsocial.publishing import selectors
from medsocial.publishing.models import Category, Episode, Show

FEED_SIZE = 30


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _without_control_characters(value):
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return [_without_control_characters(item) for item in value]
    return value


class XmlSafeFeed(Feed):
    """A feed that cannot fail on stored text: XML 1.0 has no way to carry control characters,
    so they are removed from every text value (feed and items) before the XML is written.

    Input is cleaned too (`core.middleware`), but older rows, imports and the admin's raw edits
    must not turn a feed into a server error for every subscriber."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = {key: _without_control_characters(value) for key, value in feed.feed.items()}
        feed.items = [
            {key: _without_control_characters(value) for key, value in item.items()} for item in feed.items
        ]
        return feed


class ArticleFeed(XmlSafeFeed):
    """Every published article (the site's main feed)."""

    feed_type = Rss201rev2Feed
    description = (
        "Articles from the hub: social media practice for health care, written and reviewed by clinicians."
    )

    def title(self, obj=None):
        return f"{settings.SITE_NAME}: articles"

    def link(self, obj=None):
        return reverse("publishing:articles")

    def items(self, obj=None):
        return selectors.published_articles()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body_html

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(a.display_name for a in item.authors.all()) or None

    def item_categories(self, item):
        return [c.name for c in item.categories.all()]

    def item_guid(self, item):
        return absolute(reverse("publishing:article-by-id", args=[item.pk]))

    item_guid_is_permalink = False


class ArticleAtomFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description

    def item_description(self, item):
        return item.summary or item.title

    def item_extra_kwargs(self, item):
        return {"content": item.body_html}


class _AtomContentFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


ArticleAtomFeed.feed_type = _AtomContentFeed


class CategoryFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return selectors.published_articles().filter(categories=obj)[:FEED_SIZE]


class AuthorFeedMixin:
    def get_object(self, request, pk):
        author = get_object_or_404(get_user_model(), pk=pk)
        if not selectors.published_articles().filter(authors=author).exists():
            raise Http404("No articles by this author.")
        return author

    def title(self, obj):
        return f"{settings.SITE_NAME}: articles by {obj.display_name}"

    def link(self, obj):
        return reverse("publishing:author", args=[obj.pk])

    def items(self, obj):
        return selectors.published_articles().filter(authors=obj)[:FEED_SIZE]


class CategoryRssFeed(CategoryFeedMixin, ArticleFeed):
    pass


class CategoryAtomFeed(CategoryFeedMixin, ArticleAtomFeed):
    pass


class AuthorRssFeed(AuthorFeedMixin, ArticleFeed):
    pass


class AuthorAtomFeed(AuthorFeedMixin, ArticleAtomFeed):
    pass


class CommentFeed(XmlSafeFeed):
    """Approved comments: site-wide, or on one article or one episode."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, slug=None, show=None):
        if slug and show:
            return get_object_or_404(selectors.published_episodes(), show__slug=show, slug=slug)
        if slug:
            return get_object_or_404(selectors.published_articles(), slug=slug)
        return None

    def title(self, obj):
        return f"Comments on {obj.title}" if obj else f"{settings.SITE_NAME}: comments"

    def link(self, obj):
        return obj.get_absolute_url() if obj else reverse("publishing:articles")

    def description(self, obj):
        return f"The conversation on {obj.title}." if obj else "The latest comments across the hub."

    def items(self, obj):
        if obj is None:
            return selectors.recent_comments().filter(Q_live_article() | Q_live_episode())[:FEED_SIZE]
        field = "episode" if isinstance(obj, Episode) else "article"
        return selectors.recent_comments(**{field: obj})[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.author_name} on {item.target.title}"

    def item_description(self, item):
        return item.body_html

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.author_name


def Q_live_article():  # noqa: N802 - reads as a query fragment
    from django.db.models import Q
    from django.utils import timezone

    return Q(article__status="published", article__published_at__lte=timezone.now())


def Q_live_episode():  # noqa: N802
    from django.db.models import Q
    from django.utils import timezone

    return Q(episode__published_at__lte=timezone.now())


class PodcastRss(Rss201rev2Feed):
    """RSS 2.0 with the Apple Podcasts (itunes:) and Podcasting 2.0 (podcast:) namespaces."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd"
        attrs["xmlns:podcast"] = "https://podcastindex.org/namespace/1.0"
        attrs["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attrs

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        f = self.feed
        handler.addQuickElement("itunes:author", f["itunes_author"])
        handler.addQuickElement("itunes:summary", f["description"])
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", f["owner_name"])
        handler.addQuickElement("itunes:email", f["owner_email"])
        handler.endElement("itunes:owner")
        handler.addQuickElement("itunes:image", "", {"href": f["image"]})
        handler.startElement("image", {})
        handler.addQuickElement("url", f["image"])
        handler.addQuickElement("title", f["title"])
        handler.addQuickElement("link", f["link"])
        handler.endElement("image")
        handler.startElement("itunes:category", {"text": f["category"]})
        if f["subcategory"]:
            handler.addQuickElement("itunes:category", "", {"text": f["subcategory"]})
        handler.endElement("itunes:category")
        handler.addQuickElement("itunes:explicit", "true" if f["explicit"] else "false")
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("podcast:guid", f["podcast_guid"])
        handler.addQuickElement("podcast:locked", "no")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", str(item["duration"]))
        handler.addQuickElement("itunes:explicit", "true" if item["explicit"] else "false")
        handler.addQuickElement("itunes:episodeType", item["episode_type"])
        if item["episode"] is not None:
            handler.addQuickElement("itunes:episode", str(item["episode"]))
        if item["season"] is not None:
            handler.addQuickElement("itunes:season", str(item["season"]))
        if item["image"]:
            handler.addQuickElement("itunes:image", "", {"href": item["image"]})
        handler.addQuickElement("itunes:summary", item["summary"])
        handler.addQuickElement("content:encoded", item["notes_html"])
        if item["transcript_url"]:
            handler.addQuickElement(
                "podcast:transcript", "", {"url": item["transcript_url"], "type": "text/plain"}
            )
        if item["chapters_url"]:
            handler.addQuickElement(
                "podcast:chapters", "", {"url": item["chapters_url"], "type": "application/json+chapters"}
            )


def podcast_guid(show: Show) -> str:
    return str(show.guid)


def show_image(show: Show) -> str:
    if show.cover_art:
        return absolute(show.cover_art.url)
    return absolute(static("publishing/podcast-cover.png"))


class PodcastFeed(XmlSafeFeed):
    feed_type = PodcastRss

    def get_object(self, request, slug):
        return get_object_or_404(Show, slug=slug)

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description

    def get_feed(self, obj, request):
        # Django's Feed reads `language` as a plain attribute, never per object; each show has its own.
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language
        return feed

    def feed_extra_kwargs(self, obj):
        return {
            "itunes_author": obj.author,
            "owner_name": obj.owner_name,
            "owner_email": obj.owner_email,
            "image": show_image(obj),
            "category": obj.category,
            "subcategory": obj.subcategory,
            "explicit": obj.explicit,
            "podcast_guid": podcast_guid(obj),
        }

    def items(self, obj):
        return selectors.published_episodes(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.title

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"urn:uuid:{item.guid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_enclosure_url(self, item):
        return absolute(
            reverse("publishing:episode-audio", args=[item.show.slug, item.slug, item.audio_extension])
        )

    def item_enclosure_length(self, item):
        return item.audio_bytes

    def item_enclosure_mime_type(self, item):
        return item.audio_mime

    def item_extra_kwargs(self, item):
        base = [item.show.slug, item.slug]
        return {
            "duration": item.duration_seconds,
            "explicit": item.explicit or item.show.explicit,
            "episode_type": item.kind,
            "episode": item.number,
            "season": item.season,
            "image": absolute(item.cover_art.url) if item.cover_art else "",
            "summary": item.summary or item.title,
            "notes_html": item.show_notes_html,
            "transcript_url": absolute(reverse("publishing:episode-transcript", args=base))
            if item.transcript
            else "",
            "chapters_url": absolute(reverse("publishing:episode-chapters", args=base))
            if item.chapters
            else "",
        }


def chapters_document(episode: Episode) -> str:
    """Podcasting 2.0 JSON chapters."""
    return json.dumps({"version": "1.2.0", "title": episode.title, "chapters": episode.chapters})
