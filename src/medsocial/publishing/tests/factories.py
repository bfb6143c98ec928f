from datetime import timedelta
from itertools import count

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from medsocial.core.markdown import COMMENT, render_markdown
from medsocial.publishing.audio import silent_mp3
from medsocial.publishing.models import Article, Category, Comment, Episode, Show, Source
from medsocial.publishing.services.search_index import index_article, index_episode

_seq = count(1)


def make_category(name=None):
    n = next(_seq)
    name = name or f"Category {n}"
    return Category.objects.create(name=name, slug=f"category-{n}")


def make_article(
    *,
    title=None,
    body="Body text.",
    summary="A summary.",
    authors=(),
    sources=1,
    published=True,
    categories=(),
    **extra,
):
    n = next(_seq)
    title = title or f"Article {n}"
    now = timezone.now()
    article = Article.objects.create(
        title=title,
        slug=f"article-{n}",
        body=body,
        body_html=render_markdown(body),
        summary=summary,
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=now - timedelta(minutes=n) if published else None,
        publish_at=now if published else None,
        **extra,
    )
    article.authors.set(authors)
    article.categories.set(categories)
    for i in range(sources):
        Source.objects.create(
            article=article, citation=f"Source {i + 1}", url="https://example.org/s", position=i
        )
    index_article(article)
    return article


def make_show(**extra):
    n = next(_seq)
    return Show.objects.create(
        title=extra.pop("title", f"Show {n}"),
        slug=f"show-{n}",
        description="About the show.",
        author="Hosts",
        owner_name="Owner",
        owner_email="owner@example.org",
        **extra,
    )


def mp3_upload(seconds=3, name="episode.mp3"):
    return SimpleUploadedFile(name, silent_mp3(seconds), content_type="audio/mpeg")


def make_episode(show=None, *, number=None, transcript="", title=None, published=True, seconds=3):
    show = show or make_show()
    n = next(_seq)
    audio = silent_mp3(seconds)
    episode = Episode(
        show=show,
        title=title or f"Episode {n}",
        slug=f"episode-{n}",
        number=number,
        season=1,
        summary="Summary.",
        transcript=transcript,
        audio_mime="audio/mpeg",
        audio_bytes=len(audio),
        duration_seconds=seconds,
        published_at=timezone.now() - timedelta(minutes=n) if published else None,
        chapters=[{"startTime": 0, "title": "Start"}],
    )
    episode.audio.save(f"ep-{n}.mp3", ContentFile(audio), save=False)
    episode.save()
    index_episode(episode)
    return episode


def make_comment(
    target,
    *,
    body="Nice.",
    status=Comment.Status.APPROVED,
    user=None,
    name="Guest",
    email="guest@example.org",
    parent=None,
):
    field = "article" if isinstance(target, Article) else "episode"
    return Comment.objects.create(
        **{field: target},
        body=body,
        body_html=render_markdown(body, COMMENT),
        status=status,
        user=user,
        guest_name="" if user else name,
        guest_email="" if user else email,
        parent=parent,
    )
