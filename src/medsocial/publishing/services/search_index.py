"""Keeping the search index in step with articles and episodes."""

from django.db import connection

from medsocial.publishing.markup import plain_text
from medsocial.publishing.models import Article, Episode, SearchDocument


def _write(kind: str, object_id: int, *, title: str, body: str, url: str, summary: str) -> None:
    document, _ = SearchDocument.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={"title": title, "body": body, "url": url, "summary": summary},
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM publishing_search_fts WHERE rowid = %s", [document.pk])
            cursor.execute(
                "INSERT INTO publishing_search_fts(rowid, title, body) VALUES (%s, %s, %s)",
                [document.pk, title, body],
            )


def _remove(kind: str, object_id: int) -> None:
    for document in SearchDocument.objects.filter(kind=kind, object_id=object_id):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM publishing_search_fts WHERE rowid = %s", [document.pk])
        document.delete()


def index_article(article: Article) -> None:
    """Make a published article findable, or drop one that is not live."""
    if not article.is_live:
        _remove("article", article.pk)
        return
    _write(
        "article",
        article.pk,
        title=article.title,
        summary=article.summary,
        url=article.get_absolute_url(),
        body=f"{article.summary}\n{plain_text(article.body)}",
    )


def index_episode(episode: Episode) -> None:
    """Make a published episode findable by its notes and transcript."""
    if episode.published_at is None:
        _remove("episode", episode.pk)
        return
    _write(
        "episode",
        episode.pk,
        title=episode.title,
        summary=episode.summary,
        url=episode.get_absolute_url(),
        body=f"{episode.summary}\n{plain_text(episode.show_notes)}\n{episode.transcript}",
    )
