"""Lesson and course text: Markdown rendered to HTML that cannot carry scripts."""

import nh3
from markdown_it import MarkdownIt

# Raw HTML in the source is escaped by the parser ("html": False); nh3 then keeps only a
# safe set of tags and attributes, so a link like javascript:… never reaches the page.
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "s", "code", "pre",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "img",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> str:
    """Safe HTML for Markdown `text` (headings start at h2: the page owns h1)."""
    html = _markdown.render(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(text: str) -> str:
    """Markdown reduced to its words, for the search index."""
    return nh3.clean(_markdown.render(text or ""), tags=set()).replace("\n", " ")
