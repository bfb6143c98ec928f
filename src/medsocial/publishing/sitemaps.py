from django.urls import reverse

from medsocial.census.sitemaps import HospitalSitemap
from medsocial.core.sitemaps import SiteSitemap
from medsocial.events.sitemaps import EventSitemap
from medsocial.learning.sitemaps import CourseSitemap
from medsocial.publishing import selectors


class ArticleSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return selectors.published_articles().prefetch_related(None)

    def lastmod(self, item):
        return item.updated_at


class EpisodeSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return selectors.published_episodes()

    def lastmod(self, item):
        return item.published_at


class ShowSitemap(SiteSitemap):
    def items(self):
        return selectors.shows().order_by("title", "pk")


class PagesSitemap(SiteSitemap):
    priority = 0.5

    def items(self):
        return [
            "home",
            "learning:catalog",
            "events:list",
            "census:home",
            "census:list",
            "census:exports",
            "consulting:home",
            "publishing:articles",
            "publishing:podcasts",
            "publishing:newsletter",
            "publishing:trust",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PagesSitemap,
    "articles": ArticleSitemap,
    "shows": ShowSitemap,
    "episodes": EpisodeSitemap,
    "courses": CourseSitemap,
    "events": EventSitemap,
    "hospitals": HospitalSitemap,
}
