from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from medsocial.publishing import selectors


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return selectors.published_articles().prefetch_related(None)

    def lastmod(self, item):
        return item.updated_at


class EpisodeSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return selectors.published_episodes()

    def lastmod(self, item):
        return item.published_at


class ShowSitemap(Sitemap):
    def items(self):
        return selectors.shows().order_by("title", "pk")


class PagesSitemap(Sitemap):
    priority = 0.5

    def items(self):
        return ["publishing:articles", "publishing:podcasts", "publishing:newsletter", "publishing:trust"]

    def location(self, item):
        return reverse(item)


class CourseSitemap(Sitemap):
    """Published courses."""

    def items(self):
        from medsocial.learning.selectors import published_courses

        return published_courses().order_by("pk")


SITEMAPS = {
    "pages": PagesSitemap,
    "articles": ArticleSitemap,
    "shows": ShowSitemap,
    "episodes": EpisodeSitemap,
    "courses": CourseSitemap,
}
