"""Articles: the editor's checklist, scheduling, revisions, and what the page tells readers and crawlers."""

import json
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.core.errors import NotAllowed
from medsocial.publishing import services
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import Article
from medsocial.publishing.tests.factories import make_article


@pytest.fixture
def editor(make_user):
    return make_user(full_name="Ed Itor", roles=[Role.EDITOR])


def draft(editor, **kw):
    defaults = {
        "title": "Hand hygiene",
        "body": "Wash.",
        "authors": [editor],
        "sources": [("WHO guidelines", "https://who.int")],
    }
    return services.save_article(editor=editor, **(defaults | kw))


def test_health_information_without_source_or_author_cannot_be_published(editor):
    no_source = draft(editor, sources=[])
    with pytest.raises(PublishingError, match="source"):
        services.publish_article(editor=editor, article=no_source)
    no_author = draft(editor, title="Other", authors=[])
    with pytest.raises(PublishingError, match="author"):
        services.publish_article(editor=editor, article=no_author)
    assert not Article.objects.filter(status=Article.Status.PUBLISHED).exists()


def test_other_content_may_go_out_without_sources(editor):
    article = draft(editor, sources=[], authors=[], is_health_information=False)
    assert services.publish_article(editor=editor, article=article).status == Article.Status.PUBLISHED


def test_complete_article_is_published_with_a_date(editor):
    article = services.publish_article(editor=editor, article=draft(editor))
    assert article.is_live and article.published_at is not None


def test_scheduled_article_goes_live_when_the_command_runs_after_its_time(editor, client):
    article = services.publish_article(
        editor=editor, article=draft(editor), publish_at=timezone.now() + timedelta(hours=1)
    )
    assert article.status == Article.Status.SCHEDULED
    call_command("publish-scheduled")
    assert client.get(article.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=article.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    call_command("publish-scheduled")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 200


def test_every_save_keeps_a_revision(editor):
    article = draft(editor)
    services.save_article(
        editor=editor,
        article=article,
        title="Hand hygiene, revised",
        body="Wash well.",
        authors=[editor],
        sources=[("WHO", "")],
    )
    assert [r.title for r in article.revisions.all()] == ["Hand hygiene, revised", "Hand hygiene"]


def test_only_editors_write_and_publish(make_user, editor):
    stranger = make_user(roles=[Role.MODERATOR])
    with pytest.raises(NotAllowed):
        draft(stranger)
    with pytest.raises(NotAllowed):
        services.publish_article(editor=stranger, article=draft(editor))


def test_editor_pages_are_refused_to_others(client, make_user, editor):
    article = draft(editor)
    client.force_login(make_user(roles=[]))
    for url in ("/articles/manage/", "/articles/new/", f"/articles/{article.pk}/edit/"):
        assert client.get(url).status_code == 403
    assert client.post(f"/articles/{article.pk}/publish/").status_code == 403
    assert client.get(article.get_absolute_url()).status_code == 404  # a draft is invisible


def test_editor_writes_and_publishes_in_the_site(client, editor):
    client.force_login(editor)
    response = client.post(
        "/articles/new/",
        {
            "title": "Posting from the ward",
            "body": "Text **here**.",
            "summary": "Short.",
            "authors": [editor.pk],
            "sources": "CDC guidance | https://cdc.gov\nA book",
            "is_health_information": "on",
            "tags": "privacy, photos",
            "comments_open": "on",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert [s.citation for s in article.sources.all()] == ["CDC guidance", "A book"]
    client.post(f"/articles/{article.pk}/publish/", {"publish_at": ""})
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_article_page_shows_trust_details_open_graph_and_json_ld(client, make_user):
    author = make_user(full_name="Ana Ruiz", credentials="RN", roles=[])
    reviewer = make_user(full_name="Dr Lee", credentials="MD", roles=[])
    article = make_article(
        title="Safe selfies",
        authors=[author],
        reviewer=reviewer,
        disclosure="Funded by nobody.",
        last_reviewed_at=timezone.now().date(),
    )
    html = client.get(article.get_absolute_url()).content.decode()
    for expected in (
        "Ana Ruiz, RN",
        "Dr Lee, MD",
        "Funded by nobody.",
        "Source 1",
        "Last reviewed",
        '<meta property="og:title" content="Safe selfies">',
        '<meta name="twitter:card"',
    ):
        assert expected in html, expected
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Article" and data["headline"] == "Safe selfies"
    assert data["author"][0]["name"] == "Ana Ruiz, RN"
    assert data["reviewedBy"]["name"] == "Dr Lee, MD"
    assert "datePublished" in data and "lastReviewed" in data


def test_json_ld_cannot_be_closed_by_a_title(client, db):
    article = make_article(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html


def test_trust_page_states_the_principles(client, db):
    html = client.get("/about/trust/").content.decode()
    for word in ("authors", "confidential", "Attribution", "Evidence", "funding", "Advertising"):
        assert word.lower() in html.lower()
