"""Every public page answers, and the footer carries the working sign-up form."""

from medsocial.publishing.tests.factories import make_article, make_category, make_comment, make_episode


def test_public_pages_render(client, db):
    category = make_category()
    article = make_article(categories=[category])
    make_comment(article)
    episode = make_episode(transcript="hello")
    urls = [
        "/articles/",
        article.get_absolute_url(),
        category.get_absolute_url(),
        "/podcasts/",
        episode.show.get_absolute_url(),
        episode.get_absolute_url(),
        "/newsletter/",
        "/search/?q=article",
        "/about/trust/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url


def test_footer_form_posts_to_double_opt_in(client, db):
    html = client.get("/articles/").content.decode()
    assert 'action="/newsletter/"' in html and 'name="email"' in html and 'name="lists"' in html
    response = client.post("/newsletter/", {"email": "a@example.org", "lists": "general"})
    assert response.status_code == 200
    assert b"Check your email" in response.content
