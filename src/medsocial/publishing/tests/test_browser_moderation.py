"""A guest comments, a moderator approves it in the queue, and it appears on the page and in the feed."""

import feedparser
import pytest

from medsocial.accounts.roles import Role
from medsocial.accounts.tests.factories import DEFAULT_PASSWORD
from medsocial.publishing.tests.factories import make_article
from medsocial.testing.plugin import save_screenshot, sign_in_through_page

pytestmark = pytest.mark.browser


def test_guest_comment_is_held_then_approved_and_published(page, make_user, live_server):
    author = make_user(full_name="Ana Ruiz", credentials="RN", roles=[])
    reviewer = make_user(full_name="Sam Lee", credentials="PharmD", roles=[])
    article = make_article(
        title="Five checks before posting from the unit",
        authors=[author],
        reviewer=reviewer,
        summary="A photo from a busy shift can reveal more than you think.",
        body="## The checks\n\n1. **Background**: whiteboards and monitors.\n2. **Consent**.",
        disclosure="No outside funding.",
    )
    make_user(email="mod@example.org", roles=[Role.MODERATOR])

    page.goto(article.get_absolute_url())
    page.get_by_role("textbox", name="Comment").fill("Does this apply to *volunteers* too?")
    page.get_by_role("textbox", name="Name", exact=False).first.fill("Riley Guest")
    page.get_by_label("Email (not published)").fill("riley@example.org")
    page.get_by_role("button", name="Post comment").click()
    page.locator(".messages").get_by_text("held for a moderator").wait_for()
    assert page.locator(".comment").count() == 0
    save_screenshot(page, "publishing-article")

    context = page.context.browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    moderator_page = context.new_page()
    moderator_page.console_errors = []
    moderator_page.on("console", lambda m: m.type == "error" and moderator_page.console_errors.append(m.text))
    sign_in_through_page(moderator_page, "mod@example.org", DEFAULT_PASSWORD)
    moderator_page.goto("/comments/moderation/")
    queue_item = moderator_page.locator(".moderation-queue li", has_text="Riley Guest")
    queue_item.wait_for()
    save_screenshot(moderator_page, "publishing-moderation")
    queue_item.get_by_role("button", name="Approve").click()
    moderator_page.get_by_text("approve done").wait_for()
    assert moderator_page.console_errors == []
    context.close()

    page.goto(article.get_absolute_url())
    comment = page.locator(".comment", has_text="Riley Guest")
    comment.wait_for()
    assert comment.locator("em", has_text="volunteers").count() == 1
    feed = feedparser.parse(page.request.get("/feeds/comments.rss").body())
    assert not feed.bozo and any("Riley Guest" in e.title for e in feed.entries)
    article_feed = feedparser.parse(page.request.get(f"/feeds/comments/article/{article.slug}.rss").body())
    assert any("volunteers" in e.description for e in article_feed.entries)
    assert page.console_errors == []
