"""Podcast episodes: audio read on upload, notes rendered, search kept current."""

from django.db import transaction
from django.utils.text import slugify

from medsocial.accounts.roles import Role, has_role
from medsocial.core.errors import NotAllowed
from medsocial.publishing.audio import read_audio
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.markup import render_markdown
from medsocial.publishing.models import Episode, Show

from .search_index import index_episode


def _valid_chapters(chapters) -> list[dict]:
    if not isinstance(chapters, list):
        raise PublishingError("Chapters must be a list.", field="chapters")
    clean = []
    for chapter in chapters:
        if not isinstance(chapter, dict) or "startTime" not in chapter or not chapter.get("title"):
            raise PublishingError("Each chapter needs a startTime (seconds) and a title.", field="chapters")
        try:
            start = float(chapter["startTime"])
        except (TypeError, ValueError):
            raise PublishingError("A chapter's startTime must be a number of seconds.", field="chapters") from None
        clean.append({"startTime": start, "title": str(chapter["title"])[:200]})
    return sorted(clean, key=lambda c: c["startTime"])


@transaction.atomic
def save_episode(*, editor, show: Show, title: str, audio=None, episode: Episode | None = None, summary: str = "",
                 show_notes: str = "", transcript: str = "", chapters=(), number=None, season=None,
                 kind: str = Episode.Kind.FULL, explicit: bool = False, published_at=None, cover_art=None) -> Episode:
    """Create or update an episode. A new audio file is read for its duration, size and type."""
    if not has_role(editor, Role.EDITOR):
        raise NotAllowed("Only editors publish episodes.")
    episode = episode or Episode(show=show)
    if audio is not None:
        info = read_audio(audio)
        episode.audio = audio
        episode.audio_mime, episode.audio_bytes, episode.duration_seconds = info.mime, info.size, info.duration_seconds
    elif not episode.audio:
        raise PublishingError("Upload the episode's audio.", field="audio")
    episode.title, episode.summary = title.strip(), summary.strip()
    if not episode.slug:
        base = slugify(title)[:180] or "episode"
        slug, n = base, 2
        while Episode.objects.filter(show=show, slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        episode.slug = slug
    episode.show_notes, episode.show_notes_html = show_notes, render_markdown(show_notes)
    episode.transcript = transcript
    episode.chapters = _valid_chapters(list(chapters))
    episode.number, episode.season, episode.kind, episode.explicit = number, season, kind, explicit
    episode.published_at = published_at
    if cover_art:
        episode.cover_art = cover_art
    episode.save()
    index_episode(episode)
    return episode
