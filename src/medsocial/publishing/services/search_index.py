"""Keeping the search index in step with articles and episodes."""

from django.db import connection

from medsocial.core.markdown import plain_text
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


def rebuild_search_indexes() -> dict[str, int]:
    """Rebuild every search index from the content itself: the site search documents (and on
    SQLite their FTS5 table, which a `dumpdata` copy or a hand-made restore leaves out of step)
    and each course's search text. Safe to run at any time; returns what was indexed."""
    from medsocial.learning.models import Course
    from medsocial.learning.services.authoring import refresh_search_text

    articles = episodes = 0
    for article in Article.objects.iterator():
        index_article(article)
        articles += article.is_live
    for episode in Episode.objects.iterator():
        index_episode(episode)
        episodes += episode.published_at is not None
    live = {("article", pk) for pk in Article.objects.values_list("pk", flat=True)} | {
        ("episode", pk) for pk in Episode.objects.values_list("pk", flat=True)
    }
    for document in SearchDocument.objects.only("pk", "kind", "object_id"):
        if (document.kind, document.object_id) not in live:
            _remove(document.kind, document.object_id)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM publishing_search_fts")
            cursor.execute(
                "INSERT INTO publishing_search_fts(rowid, title, body) "
                "SELECT id, title, body FROM publishing_searchdocument"
            )
    courses = 0
    for course in Course.objects.iterator():
        refresh_search_text(course)
        courses += 1
    return {"articles": articles, "episodes": episodes, "courses": courses}
