"""Podcast shows and episodes: audio read on upload, artwork checked, notes rendered, search kept current."""

from django.db import transaction
from django.utils.text import slugify
from PIL import Image, UnidentifiedImageError

from medsocial.accounts.roles import Role, has_role
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years
from medsocial.core.errors import NotAllowed
from medsocial.core.markdown import render_markdown
from medsocial.publishing.audio import read_audio
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import Episode, Show

from .search_index import index_episode

# Apple Podcasts refuses artwork outside these bounds, and other apps follow its rules.
ARTWORK_MIN_PIXELS, ARTWORK_MAX_PIXELS = 1400, 3000
ARTWORK_FORMATS = {"JPEG", "PNG"}


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
            raise PublishingError(
                "A chapter's startTime must be a number of seconds.", field="chapters"
            ) from None
        clean.append({"startTime": start, "title": str(chapter["title"])[:200]})
    return sorted(clean, key=lambda c: c["startTime"])


def check_artwork(uploaded, *, field: str = "cover_art") -> None:
    """Refuse cover art podcast apps would reject: a square JPEG or PNG, RGB, 1400 to 3000 pixels a side."""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image_format, mode, (width, height) = image.format, image.mode, image.size
    except (UnidentifiedImageError, OSError):
        raise PublishingError("That file could not be read as an image.", field=field) from None
    finally:
        uploaded.seek(0)
    if image_format not in ARTWORK_FORMATS:
        raise PublishingError("Cover art must be a JPEG or PNG image.", field=field)
    if width != height:
        raise PublishingError(
            f"Cover art must be square; this image is {width} × {height} pixels.", field=field
        )
    if not ARTWORK_MIN_PIXELS <= width <= ARTWORK_MAX_PIXELS:
        raise PublishingError(
            f"Cover art must be between {ARTWORK_MIN_PIXELS} and {ARTWORK_MAX_PIXELS} pixels "
            f"a side; this image is {width} pixels.",
            field=field,
        )
    if mode == "CMYK":
        raise PublishingError("Cover art must use the RGB colour space (not CMYK).", field=field)


def _unique_episode_slug(show: Show, title: str) -> str:
    base = slugify(title)[:180] or "episode"
    slug, n = base, 2
    while Episode.objects.filter(show=show, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def save_episode(
    *,
    editor,
    show: Show,
    title: str,
    audio=None,
    episode: Episode | None = None,
    summary: str = "",
    show_notes: str = "",
    transcript: str = "",
    chapters=(),
    number=None,
    season=None,
    kind: str = Episode.Kind.FULL,
    explicit: bool = False,
    published_at=None,
    cover_art=None,
) -> Episode:
    """Create or update an episode. Editors only.

    A new audio file is read for its duration, size and type, so the feed's enclosure length is
    the stored file's size. The slug and guid of an existing episode never change: podcast apps
    know an episode by its guid, and a new one would make them offer it again as new."""
    if not has_role(editor, Role.EDITOR):
        raise NotAllowed("Only editors publish episodes.")
    if episode is None:
        episode = Episode(show=show)
    else:
        episode = Episode.objects.select_for_update().get(pk=episode.pk, show=show)
    if not title.strip():
        raise PublishingError("Give the episode a title.", field="title")
    if outside_supported_years(published_at):
        raise PublishingError(DATE_RANGE_MESSAGE, field="published_at")
    if audio is not None:
        info = read_audio(audio)
        episode.audio = audio
        episode.audio_mime, episode.audio_bytes, episode.duration_seconds = (
            info.mime,
            info.size,
            info.duration_seconds,
        )
    elif not episode.audio:
        raise PublishingError("Upload the episode's audio.", field="audio")
    if cover_art:
        check_artwork(cover_art)
        episode.cover_art = cover_art
    episode.title, episode.summary = title.strip(), summary.strip()
    episode.slug = episode.slug or _unique_episode_slug(show, title)
    episode.show_notes, episode.show_notes_html = show_notes, render_markdown(show_notes)
    episode.transcript = transcript
    episode.chapters = _valid_chapters(list(chapters))
    episode.number, episode.season, episode.kind, episode.explicit = number, season, kind, explicit
    episode.published_at = published_at
    episode.save()
    index_episode(episode)
    return episode


@transaction.atomic
def save_show(
    *,
    editor,
    show: Show,
    title: str,
    description: str,
    author: str,
    owner_name: str,
    owner_email: str,
    category: str,
    subcategory: str = "",
    language: str = "en-us",
    explicit: bool = False,
    cover_art=None,
) -> Show:
    """Update a show's details, which podcast apps read from its feed. Editors only.

    The slug and guid stay as they are: the feed's address and the show's identity in
    podcast directories depend on them."""
    if not has_role(editor, Role.EDITOR):
        raise NotAllowed("Only editors change podcast shows.")
    show = Show.objects.select_for_update().get(pk=show.pk)
    required = {
        "title": title,
        "description": description,
        "author": author,
        "owner_name": owner_name,
        "owner_email": owner_email,
        "category": category,
    }
    for field, value in required.items():
        if not value.strip():
            raise PublishingError(f"The show's {field.replace('_', ' ')} cannot be empty.", field=field)
    if cover_art:
        check_artwork(cover_art)
        show.cover_art = cover_art
    show.title, show.description, show.author = title.strip(), description.strip(), author.strip()
    show.owner_name, show.owner_email = owner_name.strip(), owner_email.strip()
    show.category, show.subcategory = category.strip(), subcategory.strip()
    show.language, show.explicit = language.strip().lower(), explicit
    show.save()
    return show
