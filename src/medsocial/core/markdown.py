"""Markdown to safe HTML for every text people write here: lessons, course descriptions,
articles, show notes, newsletters and comments.

markdown-it renders with raw HTML off (so `<script>` in the source stays text), then nh3 keeps
only the tags and attributes of the chosen style, so a `javascript:` link never reaches a page.
"""

from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

URL_SCHEMES = frozenset({"http", "https", "mailto"})

_LONG_FORM_TAGS = frozenset(
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
        "em", "strong", "s", "del", "sup", "sub", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
_COMMENT_TAGS = frozenset({"p", "br", "ul", "ol", "li", "blockquote", "code", "pre", "em", "strong", "a"})


@dataclass(frozen=True)
class Style:
    """What a kind of text may contain once rendered, and how its links are marked."""

    tags: frozenset[str]
    attributes: dict[str, set[str]] = field(hash=False)
    link_rel: str


# Text written by the hub's own editors and instructors.
LONG_FORM = Style(
    tags=_LONG_FORM_TAGS,
    attributes={
        "a": {"href", "title"},
        "img": {"src", "alt", "title"},
        "th": {"align"},
        "td": {"align"},
        "code": {"class"},
    },
    link_rel="noopener noreferrer",
)
# Text from anyone: no images or headings, and links that pass no ranking to where they point.
COMMENT = Style(tags=_COMMENT_TAGS, attributes={"a": {"href", "title"}}, link_rel="nofollow ugc noopener")


def render_markdown(text: str, style: Style = LONG_FORM) -> str:
    """Safe HTML for Markdown `text`. Headings start at h2: the page owns its h1."""
    html = _parser.render(text or "").replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=set(style.tags),
        attributes=style.attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=style.link_rel,
    )


def plain_text(text: str) -> str:
    """The words of Markdown `text` without any markup, on one line (for search and feeds)."""
    return nh3.clean(_parser.render(text or ""), tags=set()).replace("\n", " ").strip()
