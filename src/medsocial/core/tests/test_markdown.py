"""One renderer for every text people write: what each style keeps and what it removes."""

from medsocial.core.markdown import COMMENT, LONG_FORM, plain_text, render_markdown


def test_strikethrough_survives_in_lessons_and_articles_alike():
    assert "<s>withdrawn</s>" in render_markdown("~~withdrawn~~", LONG_FORM)


def test_a_top_level_heading_becomes_h2_because_the_page_owns_h1():
    assert render_markdown("# Consent first").strip() == "<h2>Consent first</h2>"


def test_long_form_keeps_tables_images_and_code_language():
    html = render_markdown(
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n![chart](https://example.org/c.png)\n\n```python\nx = 1\n```"
    )
    assert "<table>" in html and '<img src="https://example.org/c.png" alt="chart">' in html
    assert '<code class="language-python">' in html


def test_comments_lose_images_headings_and_pass_no_ranking():
    html = render_markdown("# Hi\n\n![x](https://example.org/x.png) [site](https://example.org)", COMMENT)
    assert "<img" not in html and "<h2>" not in html and "<h1>" not in html
    assert 'rel="nofollow ugc noopener"' in html


def test_scripts_and_javascript_links_never_survive_in_any_style():
    source = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    for style in (LONG_FORM, COMMENT):
        html = render_markdown(source, style)
        assert "<script" not in html and 'href="javascript' not in html and "<img" not in html
        assert "&lt;script&gt;" in html  # shown as text, never run


def test_plain_text_is_the_words_on_one_line():
    assert plain_text("## Safe posting\n\n*Never* share a **room number**.") == (
        "Safe posting Never share a room number."
    )
