"""Markdown to safe HTML: markdown-it renders (raw HTML off), nh3 keeps only an allow-list."""

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

ARTICLE_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
}
COMMENT_TAGS = {"p", "br", "ul", "ol", "li", "blockquote", "code", "pre", "em", "strong", "a"}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str, *, comment: bool = False) -> str:
    """HTML for `text`. Comments get a smaller tag set and links marked nofollow ugc."""
    html = _md.render(text or "")
    if comment:
        return nh3.clean(
            html,
            tags=COMMENT_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes=URL_SCHEMES,
            link_rel="nofollow ugc noopener",
        )
    return nh3.clean(
        html,
        tags=ARTICLE_TAGS,
        attributes={
            "a": {"href", "title"},
            "img": {"src", "alt", "title"},
            "th": {"align"},
            "td": {"align"},
            "code": {"class"},
        },
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    )


def plain_text(text: str) -> str:
    """The words of Markdown `text` without any markup (for search and feeds)."""
    return nh3.clean(_md.render(text or ""), tags=set())
