"""List pages and feeds cost the same number of queries for 5 items as for 50."""

from medsocial.accounts.roles import Role
from medsocial.publishing.tests.factories import (
    make_article,
    make_category,
    make_comment,
    make_episode,
    make_show,
)
from medsocial.testing.plugin import page_queries


def add_items(n, *, author, category, show, first_article=None):
    articles = [make_article(authors=[author], categories=[category]) for _ in range(n)]
    first_article = first_article or articles[0]
    for i in range(n):
        parent = make_comment(first_article, email=f"c{i}-{n}@example.org")
        make_comment(first_article, parent=parent, email=f"r{i}-{n}@example.org")
        make_comment(first_article, status="pending", email=f"p{i}-{n}@example.org")
        make_episode(show)
    return first_article


def test_pages_and_feeds_cost_the_same_for_5_and_50_items(client, make_user):
    author, category, show = make_user(roles=[]), make_category(), make_show(title="Show")
    moderator = make_user(roles=[Role.MODERATOR])
    first = add_items(5, author=author, category=category, show=show)
    urls = [
        "/articles/",
        f"/articles/category/{category.slug}/",
        f"/articles/author/{author.pk}/",
        first.get_absolute_url(),
        "/podcasts/",
        show.get_absolute_url(),
        "/feeds/articles.rss",
        "/feeds/articles.atom",
        "/feeds/comments.rss",
        f"/feeds/podcasts/{show.slug}.rss",
        f"/feeds/comments/article/{first.slug}.rss",
        "/sitemap.xml",
        "/api/v1/publishing/articles",
        "/api/v1/publishing/episodes",
    ]

    def measure():
        client.logout()
        counts = {url: page_queries(client, url) for url in urls}
        client.force_login(moderator)
        counts["moderation queue"] = page_queries(client, "/comments/moderation/")
        return counts

    with_5 = measure()
    add_items(45, author=author, category=category, show=show, first_article=first)
    assert measure() == with_5


def test_editors_episode_list_costs_the_same_for_5_and_50_episodes(client, make_user):
    show = make_show(title="Show")
    client.force_login(make_user(roles=[Role.EDITOR]))
    url = f"/podcasts/shows/{show.pk}/episodes/"

    def add_episodes(n):
        for i in range(n):
            make_episode(show, published=i % 3 != 0)

    add_episodes(5)
    with_5 = page_queries(client, url)
    add_episodes(45)
    assert page_queries(client, url) == with_5
