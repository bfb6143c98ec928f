"""Lesson pages: the rendered lesson text, cached, and the video players a lesson may frame."""

import hashlib
import re
from urllib.parse import parse_qs, urlsplit

from django.core.cache import cache

from medsocial.core.markdown import render_markdown


def rendered_lesson_body(text: str) -> str:
    """`render_markdown(text)`, kept in the cache under a digest of the text: parsing and
    cleaning a long lesson costs more than everything else on its page, and the same text
    always gives the same HTML, so an edited lesson simply has a new key."""
    key = "lesson-html:" + hashlib.blake2b((text or "").encode(), digest_size=16).hexdigest()
    html = cache.get(key)
    if html is None:
        html = render_markdown(text)
        cache.set(key, html, 24 * 3600)
    return html


# Players the Content-Security-Policy lets the lesson page frame (settings: frame-src).
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{1,12}")


def video_player_url(url: str) -> str | None:
    """The privacy-friendly player address for a YouTube or Vimeo video page, or None when the
    address is not one of theirs (the lesson then links to it instead of framing it)."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be":
            candidate = segments[0] if segments else ""
        elif segments[:1] in (["embed"], ["shorts"], ["live"]):
            candidate = segments[1] if len(segments) > 1 else ""
        else:
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        if _YOUTUBE_ID.fullmatch(candidate):
            return f"https://www.youtube-nocookie.com/embed/{candidate}"
    elif host in _VIMEO_HOSTS:
        candidate = segments[-1] if segments else ""
        if _VIMEO_ID.fullmatch(candidate):
            return f"https://player.vimeo.com/video/{candidate}?dnt=1"
    return None
