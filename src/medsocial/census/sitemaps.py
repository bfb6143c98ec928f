from medsocial.census.models import Hospital
from medsocial.core.sitemaps import SiteSitemap


class HospitalSitemap(SiteSitemap):
    """Each hospital's census page (some 6,000; one sitemap page holds 50,000)."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Hospital.objects.only("facility_id", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
