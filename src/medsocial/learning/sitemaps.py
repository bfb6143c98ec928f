from medsocial.core.sitemaps import SiteSitemap
from medsocial.learning.selectors import published_courses


class CourseSitemap(SiteSitemap):
    """Published courses."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return published_courses().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
