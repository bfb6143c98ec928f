"""Known XSS payloads as comments and article bodies never reach the page as script."""

import re
from html.parser import HTMLParser

import pytest

from medsocial.accounts.roles import Role
from medsocial.publishing import services
from medsocial.publishing.models import Comment
from medsocial.publishing.tests.factories import make_article

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(\'x\')">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](&#106;avascript:alert(1))",
    "![x](javascript:alert(1))",
    '![x](x "onerror=alert(1)")',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<video><source onerror="alert(1)"></video>',
    "<marquee onstart=alert(1)>x</marquee>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<link rel=import href=data:text/html,<script>alert(1)</script>>",
    "`<script>` in code is fine: <script>alert(1)</script>",
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    "<svg/onload=alert(1)//",
]


class _Tags(HTMLParser):
    """Collects the elements and attributes a browser would build from the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not (
            attributes.get("type") == "application/ld+json"
            or (attributes.get("src") or "").startswith("/static/")
        ):
            self.problems.append(f"script element {attrs}")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            compact = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if compact.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.problems.append(f"{name}={value!r} on <{tag}>")


def assert_clean(html: str):
    parser = _Tags()
    parser.feed(html)
    assert parser.problems == []


def test_payloads_in_comments_are_neutralized(client, db, make_user):
    article = make_article()
    moderator = make_user(roles=[Role.MODERATOR])
    for i, payload in enumerate(PAYLOADS):
        comment = services.submit_comment(
            target=article, body=payload, name=f"Guest {i}", email=f"guest{i}@example.org"
        )
        services.moderate_comment(moderator=moderator, comment=comment, action="approve")
    assert Comment.objects.filter(status="approved").count() == len(PAYLOADS)
    html = client.get(article.get_absolute_url()).content.decode()
    assert_clean(html)
    assert client.get("/feeds/comments.rss").status_code == 200


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_article_bodies_are_neutralized(client, db, make_user, payload):
    editor = make_user(roles=[Role.EDITOR])
    article = services.save_article(
        editor=editor,
        title="T",
        body=payload,
        summary=payload,
        authors=[editor],
        sources=[("A source", "https://example.org")],
    )
    services.publish_article(editor=editor, article=article)
    assert_clean(client.get(article.get_absolute_url()).content.decode())


def test_links_in_comments_are_nofollow_ugc(db):
    article = make_article()
    comment = services.submit_comment(
        target=article, body="[site](https://example.org)", name="A", email="a@example.org"
    )
    assert 'rel="nofollow ugc noopener"' in comment.body_html


def test_payload_list_is_large_enough():
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize(
    "raw",
    ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '<a href=" JaVaScRiPt:alert(1)">x</a>'],
)
def test_the_checker_catches_unsanitized_markup(raw):
    with pytest.raises(AssertionError):
        assert_clean(raw)
