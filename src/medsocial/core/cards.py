"""Branded preview cards for pages without an uploaded cover image.

A card is a 1200×630 PNG (the size Facebook, LinkedIn and X show large): a colour band with
the site's name, the page's kind and its title wrapped on up to four lines. Cards are drawn
once per title and kept on disk under MEDIA_ROOT/share-cards/; a new title draws a new file
and removes the old one.
"""

import io
import tempfile
import textwrap
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.utils.module_loading import import_string
from PIL import Image, ImageDraw, ImageFont

from medsocial.core.sharing import title_digest

CARD_SIZE = (1200, 630)
LOGO_SIZE = (512, 512)
INK = (17, 24, 39)
BAND = (13, 94, 112)
PAPER = (250, 250, 247)
ACCENT = (232, 242, 244)

# Which pages have a card: kind -> function(key) returning (label, title) for a PUBLIC object,
# raising Http404 otherwise (a card must not reveal a draft's title).
CARD_SOURCES = {
    "site": "medsocial.core.cards.site_card_text",
    "course": "medsocial.learning.sharing.card_text",
    "event": "medsocial.events.sharing.card_text",
    "article": "medsocial.publishing.sharing.article_card_text",
    "show": "medsocial.publishing.sharing.show_card_text",
    "episode": "medsocial.publishing.sharing.episode_card_text",
    "hospital": "medsocial.census.sharing.card_text",
}


def site_card_text(key: str) -> tuple[str, str]:
    if key != "home":
        raise Http404("No such card")
    return "", "Social media training for health care"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def draw_card(*, label: str, title: str) -> bytes:
    """The PNG bytes of one card."""
    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 110], fill=BAND)
    draw.rectangle([0, height - 24, width, height], fill=BAND)
    draw.text((64, 30), settings.SITE_NAME, font=_font(48), fill=(255, 255, 255))
    top = 160
    if label:
        draw.text((64, top), label.upper(), font=_font(30), fill=BAND)
        top += 60
    lines = textwrap.wrap(title, width=30)[:4] or [settings.SITE_NAME]
    if len(textwrap.wrap(title, width=30)) > 4:
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    font = _font(64)
    for line in lines:
        draw.text((64, top), line, font=font, fill=INK)
        top += 82
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def draw_logo() -> bytes:
    """A square raster logo (search engines want a bitmap logo for an Organization)."""
    image = Image.new("RGB", LOGO_SIZE, BAND)
    draw = ImageDraw.Draw(image)
    draw.ellipse([96, 96, 416, 416], fill=ACCENT)
    initial = (settings.SITE_NAME[:1] or "M").upper()
    draw.text((256, 256), initial, font=_font(220), fill=BAND, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _cards_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "share-cards"


def card_file(kind: str, key: str) -> Path:
    """The card of one page on disk, drawn now if its title changed or it was never drawn."""
    source = CARD_SOURCES.get(kind)
    if source is None:
        raise Http404("No such card")
    label, title = import_string(source)(key)
    safe_key = "".join(c for c in key if c.isalnum() or c in "-_")[:120]
    folder = _cards_dir() / kind
    path = folder / f"{safe_key}-{title_digest(label + '|' + title + '|' + settings.SITE_NAME)}.png"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(f"{safe_key}-{'?' * 12}.png"):
        stale.unlink(missing_ok=True)
    _write_atomically(path, draw_card(label=label, title=title))
    return path


def logo_file() -> Path:
    path = _cards_dir() / f"logo-{title_digest(settings.SITE_NAME)}.png"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, draw_logo())
    return path


def _write_atomically(path: Path, data: bytes) -> None:
    """Written under a unique temporary name and renamed, so a concurrent request never reads
    half a file and two requests drawing the same card do not collide."""
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".partial", delete=False) as handle:
        handle.write(data)
    Path(handle.name).replace(path)
