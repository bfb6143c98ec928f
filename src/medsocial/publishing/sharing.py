"""How articles and podcasts present themselves to social networks and search engines
(schema.org Article, PodcastSeries and PodcastEpisode)."""

from django.http import Http404
from django.urls import reverse

from medsocial.core import sharing
from medsocial.publishing import selectors
from medsocial.publishing.models import Article, Episode, Show


def article_meta(article: Article) -> sharing.PageMeta:
    """Sharing metadata of an article page; authors and sources come from the page's prefetch."""
    image = sharing.image_or_card(article.cover_image, kind="article", key=article.slug, title=article.title)
    url = sharing.absolute_url(article.get_absolute_url())
    data = {
        "@context": sharing.SCHEMA,
        "@type": "Article",
        "headline": article.title[:110],
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": url,
        "image": [sharing.absolute_url(image)],
        "author": [
            {
                "@type": "Person",
                "name": a.display_name,
                "url": sharing.absolute_url(reverse("publishing:author", args=[a.pk])),
            }
            for a in article.authors.all()
        ]
        or [sharing.site_organization()],
        "publisher": sharing.site_organization(),
        "citation": [s.url or s.citation for s in article.sources.all()],
        "dateModified": article.updated_at.isoformat(),
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    if article.last_reviewed_at:
        data["lastReviewed"] = article.last_reviewed_at.isoformat()
    if article.reviewer_id:
        data["reviewedBy"] = {"@type": "Person", "name": article.reviewer.display_name}
    return sharing.PageMeta(
        title=article.title,
        description=sharing.plain_summary(article.summary or article.title),
        path=article.get_absolute_url(),
        image=image,
        image_alt=article.cover_alt
        if article.cover_image and article.cover_alt
        else f"{article.title}: article card",
        type="article",
        structured_data=[data],
    )


def _show_image(show: Show) -> str:
    return sharing.image_or_card(show.cover_art, kind="show", key=show.slug, title=show.title)


def _series(show: Show) -> dict:
    return {
        "@type": "PodcastSeries",
        "name": show.title,
        "url": sharing.absolute_url(show.get_absolute_url()),
        "webFeed": sharing.absolute_url(reverse("publishing:podcast-feed", args=[show.slug])),
    }


def show_meta(show: Show) -> sharing.PageMeta:
    image = _show_image(show)
    data = {
        "@context": sharing.SCHEMA,
        **_series(show),
        "description": sharing.plain_summary(show.description, 500),
        "image": sharing.absolute_url(image),
        "author": {"@type": "Person", "name": show.author},
        "publisher": sharing.site_organization(),
        "inLanguage": show.language,
    }
    return sharing.PageMeta(
        title=show.title,
        description=sharing.plain_summary(show.description),
        path=show.get_absolute_url(),
        image=image,
        image_alt=f"{show.title}: podcast cover",
        structured_data=[data],
    )


def episode_meta(episode: Episode) -> sharing.PageMeta:
    """Sharing metadata of an episode page (its show was loaded with it)."""
    show = episode.show
    if episode.cover_art:
        image = episode.cover_art.url
    else:
        image = sharing.card_path("episode", episode.pk, episode.title)
    url = sharing.absolute_url(episode.get_absolute_url())
    audio = reverse("publishing:episode-audio", args=[show.slug, episode.slug, episode.audio_extension])
    data = {
        "@context": sharing.SCHEMA,
        "@type": "PodcastEpisode",
        "name": episode.title,
        "description": sharing.plain_summary(episode.summary or episode.show_notes, 500),
        "url": url,
        "image": sharing.absolute_url(image),
        "partOfSeries": _series(show),
        "associatedMedia": {
            "@type": "MediaObject",
            "contentUrl": sharing.absolute_url(audio),
            "encodingFormat": episode.audio_mime,
        },
        "publisher": sharing.site_organization(),
    }
    if episode.published_at:
        data["datePublished"] = episode.published_at.isoformat()
    if episode.duration_seconds:
        minutes, seconds = divmod(episode.duration_seconds, 60)
        data["timeRequired"] = f"PT{minutes}M{seconds}S"
    if episode.number:
        data["episodeNumber"] = episode.number
    return sharing.PageMeta(
        title=f"{episode.title} · {show.title}",
        description=sharing.plain_summary(episode.summary or episode.show_notes or show.description),
        path=episode.get_absolute_url(),
        image=image,
        image_alt=f"{episode.title}: podcast episode card",
        structured_data=[data],
    )


def article_card_text(key: str) -> tuple[str, str]:
    article = selectors.published_articles().prefetch_related(None).filter(slug=key).only("title").first()
    if article is None:
        raise Http404("No such article")
    return "Article", article.title


def show_card_text(key: str) -> tuple[str, str]:
    show = Show.objects.filter(slug=key).only("title").first()
    if show is None:
        raise Http404("No such show")
    return "Podcast", show.title


def episode_card_text(key: str) -> tuple[str, str]:
    if not key.isdigit():
        raise Http404("No such episode")
    episode = selectors.published_episodes().filter(pk=int(key)).first()
    if episode is None:
        raise Http404("No such episode")
    return f"Podcast · {episode.show.title}"[:60], episode.title
