"""Reads shared by pages, feeds and the API."""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.publishing.models import Article, Category, Comment, Episode, MailingList, SearchDocument, Show


def published_articles() -> QuerySet[Article]:
    """Live articles, newest first, with what list pages and feeds show."""
    return (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())
        .prefetch_related("authors", "categories")
        .order_by("-published_at", "-pk")
    )


def visible_articles(user) -> QuerySet[Article]:
    """Editors see drafts too; everyone else only live articles."""
    if has_role(user, Role.EDITOR):
        return Article.objects.all()
    return Article.objects.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


def article_for_page(user, slug: str) -> Article:
    """The article with everything its page shows, or 404 when `user` may not see it."""
    qs = (
        visible_articles(user)
        .select_related("reviewer")
        .prefetch_related("authors", "categories", "tags", "sources")
    )
    article = qs.filter(slug=slug).first()
    if article is None:
        raise Http404("No such article.")
    return article


def approved_comments(**target) -> QuerySet[Comment]:
    """Published comments on one article or episode, top level first with their replies."""
    approved = Comment.objects.filter(status=Comment.Status.APPROVED).select_related("user")
    return approved.filter(parent__isnull=True, **target).prefetch_related(
        Prefetch("replies", queryset=approved.order_by("created_at", "pk"), to_attr="approved_replies")
    )


def recent_comments(**target) -> QuerySet[Comment]:
    """Newest approved comments, for the comments feeds."""
    return (
        Comment.objects.filter(status=Comment.Status.APPROVED, **target)
        .select_related("user", "article", "episode__show")
        .order_by("-created_at", "-pk")
    )


def moderation_queue(status: str = Comment.Status.PENDING) -> QuerySet[Comment]:
    return (
        Comment.objects.filter(status=status)
        .select_related("user", "article", "episode__show")
        .order_by("created_at", "pk")
    )


def published_episodes(show: Show | None = None) -> QuerySet[Episode]:
    qs = Episode.objects.filter(published_at__isnull=False, published_at__lte=timezone.now()).select_related(
        "show"
    )
    if show is not None:
        qs = qs.filter(show=show)
    return qs.order_by("-published_at", "-pk")


def episodes_for_editing(show: Show) -> QuerySet[Episode]:
    """Every episode of `show` whatever its state, drafts first, then newest, for the editors' list."""
    return show.episodes.order_by(F("published_at").desc(nulls_first=True), "-pk")


def shows() -> QuerySet[Show]:
    return Show.objects.annotate(
        episode_count=Count("episodes", filter=Q(episodes__published_at__isnull=False))
    )


def categories_in_use() -> QuerySet[Category]:
    return Category.objects.annotate(
        article_count=Count("articles", filter=Q(articles__status=Article.Status.PUBLISHED))
    ).filter(article_count__gt=0)


def mailing_lists() -> QuerySet[MailingList]:
    return MailingList.objects.all()


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" | "episode" | "course"
    title: str
    url: str
    summary: str


def _fts5_query(query: str) -> str:
    # Each word is quoted as a prefix term, so punctuation cannot become FTS5 syntax.
    words = re.findall(r"\w+", query)
    return " ".join(f'"{w}"*' for w in words)


def _search_documents(query: str, limit: int) -> list[SearchDocument]:
    if connection.vendor == "sqlite":
        match = _fts5_query(query)
        if not match:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM publishing_search_fts WHERE publishing_search_fts MATCH %s "
                "ORDER BY bm25(publishing_search_fts, 5.0, 1.0) LIMIT %s",
                [match, limit],
            )
            ids = [row[0] for row in cursor.fetchall()]
        by_id = SearchDocument.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "body", weight="B", config="english"
        )
        words = re.findall(r"\w+", query)
        if not words:
            return []
        # Every word as a prefix, like the SQLite index: "consen" finds "consent".
        search_query = SearchQuery(" & ".join(f"{w}:*" for w in words), config="english", search_type="raw")
        return list(
            SearchDocument.objects.annotate(document=vector, rank=SearchRank(vector, search_query))
            .filter(document=search_query)
            .order_by("-rank", "pk")[:limit]
        )
    words = re.findall(r"\w+", query)
    qs = SearchDocument.objects.all()
    for word in words:
        qs = qs.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return list(qs[:limit]) if words else []


def _search_courses(query: str, limit: int) -> list[SearchHit]:
    from medsocial.learning.selectors import search_courses  # the learning app owns course search

    return [
        SearchHit("course", c.title, c.get_absolute_url(), getattr(c, "summary", ""))
        for c in search_courses(query)[:limit]
    ]


def search(query: str, *, kinds=("article", "episode", "course"), limit: int = 30) -> list[SearchHit]:
    """Articles, episodes (notes and transcripts) and courses matching `query`, best first per kind."""
    query = (query or "").strip()[:200]
    if not query:
        return []
    hits = [
        SearchHit(d.kind, d.title, d.url, d.summary)
        for d in _search_documents(query, limit)
        if d.kind in kinds
    ]
    if "course" in kinds:
        hits += _search_courses(query, limit)
    return hits


# --- Uploaded files (served by core.media) ---------------------------------------------------


def article_cover_file(user, name: str):
    """An article's cover image, wherever the article is visible."""
    article = visible_articles(user).filter(cover_image=name).first()
    if article is None:
        raise Http404("No such file.")
    return article.cover_image


def show_art_file(user, name: str):
    """A show's cover art (every show has a public feed)."""
    show = Show.objects.filter(cover_art=name).first()
    if show is None:
        raise Http404("No such file.")
    return show.cover_art


def episode_file(user, name: str):
    """An episode's art or audio, once the episode is published (editors see drafts' too)."""
    episodes = Episode.objects.all() if has_role(user, Role.EDITOR) else published_episodes()
    episode = episodes.filter(Q(cover_art=name) | Q(audio=name)).first()
    if episode is None:
        raise Http404("No such file.")
    return episode.cover_art if episode.cover_art.name == name else episode.audio
