"""What a page tells social networks and search engines about itself.

A view puts a `PageMeta` in its context as `share`; the base layout's head renders it (Open
Graph, Twitter card, canonical link, JSON-LD). Pages without one get the site's defaults, so
every page carries a preview. Builders take objects the view already loaded and must not
query per list item: list pages use the defaults.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

DEFAULT_DESCRIPTION = (
    "A social media training hub for health care: courses, events, coaching, "
    "a hospital social media census and a post safety coach."
)
SCHEMA = "https://schema.org"


@dataclass
class PageMeta:
    """One page's sharing metadata. `path` and `image` may be site paths or absolute URLs."""

    title: str
    description: str = ""
    path: str = ""
    image: str = ""
    image_alt: str = ""
    type: str = "website"
    structured_data: list[dict] = field(default_factory=list)


def absolute_url(path_or_url: str) -> str:
    """`path_or_url` under SITE_URL, unless it is already absolute."""
    if not path_or_url or path_or_url.startswith(("http://", "https://")):
        return path_or_url
    return settings.SITE_URL.rstrip("/") + "/" + path_or_url.lstrip("/")


def title_digest(title: str) -> str:
    """A short fingerprint of a card's text: it names the cached file and versions the URL, so a
    new title gives a new picture and networks fetch it again."""
    return hashlib.sha256(title.encode()).hexdigest()[:12]


def card_path(kind: str, key, title: str) -> str:
    """The generated branded card of one page, versioned by its title."""
    return f"{reverse('share-card', args=[kind, str(key)])}?v={title_digest(title)}"


def image_or_card(image_field, *, kind: str, key, title: str) -> str:
    """An uploaded image's URL when there is one, else the page's generated card."""
    if image_field:
        return image_field.url
    return card_path(kind, key, title)


def plain_summary(text: str, limit: int = 200) -> str:
    """A description for previews: one line, cut at a word near `limit` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def site_organization() -> dict:
    """The hub as a schema.org Organization: publisher, provider and organizer by default."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": absolute_url("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(reverse("share-logo")),
            "width": 512,
            "height": 512,
        },
    }


def default_meta(request) -> PageMeta:
    """What a page without its own metadata shares: the site's name, blurb and card."""
    return PageMeta(
        title=settings.SITE_NAME,
        description=DEFAULT_DESCRIPTION,
        path=request.path if request is not None else "/",
        image=card_path("site", "home", settings.SITE_NAME),
        image_alt=f"{settings.SITE_NAME} logo and name",
    )


def home_meta() -> PageMeta:
    """The home page: the site defaults plus the Organization itself."""
    organization = {"@context": SCHEMA, **site_organization(), "description": DEFAULT_DESCRIPTION}
    return PageMeta(
        title=settings.SITE_NAME,
        description=DEFAULT_DESCRIPTION,
        path="/",
        image=card_path("site", "home", settings.SITE_NAME),
        image_alt=f"{settings.SITE_NAME} logo and name",
        structured_data=[organization],
    )


def json_ld(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> block. "<", ">" and "&" are escaped so no
    text inside can close the element; browsers never execute this type, so the CSP's
    script-src does not apply to it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def feed_links() -> list[dict]:
    """Site-wide feeds every page advertises in its head."""
    return [
        {
            "type": "application/rss+xml",
            "title": f"{settings.SITE_NAME} articles (RSS)",
            "href": reverse("publishing:feed-articles-rss"),
        },
        {
            "type": "application/atom+xml",
            "title": f"{settings.SITE_NAME} articles (Atom)",
            "href": reverse("publishing:feed-articles-atom"),
        },
        {
            "type": "application/rss+xml",
            "title": f"{settings.SITE_NAME} comments (RSS)",
            "href": reverse("publishing:feed-comments"),
        },
    ]
