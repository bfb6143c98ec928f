"""Control characters are stripped from submitted text, for pages and the API alike."""

import pytest

from medsocial.core.text import strip_control_characters, strip_control_characters_deep

pytestmark = pytest.mark.django_db

ALL_CONTROLS = "".join(chr(c) for c in [*range(0x01, 0x20), 0x7F, *range(0x80, 0xA0)])


def test_every_c0_and_c1_control_goes_but_tab_newline_and_carriage_return_stay():
    assert strip_control_characters(f"a{ALL_CONTROLS}b") == "a\t\n\rb"
    assert strip_control_characters("Zoë — ünïcode ✓ \u200f") == "Zoë — ünïcode ✓ \u200f"
    assert strip_control_characters_deep({"k\x1b": ["x\x07", 3, {"y": "\x85z"}]}) == {
        "k": ["x", 3, {"y": "z"}]
    }


def test_a_form_comment_is_stored_without_control_characters(client):
    from medsocial.publishing.models import Comment
    from medsocial.publishing.tests.factories import make_article

    article = make_article()
    response = client.post(
        f"/comments/article/{article.pk}/",
        {"body": "Line one\x07\r\nline\x1b two\x85", "name": "Gu\x0best", "email": "g@example.org"},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.body == "Line one\r\nline two" and comment.guest_name == "Guest"


def test_an_api_comment_is_stored_without_control_characters(client):
    from medsocial.publishing.models import Comment
    from medsocial.publishing.tests.factories import make_article

    article = make_article()
    # Both the JSON escape and the raw character (which strict JSON would refuse) are cleaned.
    body = '{"article_id": %d, "body": "Esc\\u001b and bell\x07 and C1\\u0085 kept\\nhere", "name": "Ann", "email": "a@example.org"}'
    response = client.post("/api/v1/publishing/comments", body % article.pk, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Comment.objects.get().body == "Esc and bell and C1 kept\nhere"


def test_a_query_string_is_cleaned_before_the_page_sees_it(client):
    response = client.get("/api/v1/census/hospitals", {"q": "Mer\x1bcy"})
    assert response.status_code == 200
    assert response.wsgi_request.GET["q"] == "Mercy"
