from medsocial.core.sitemaps import SiteSitemap
from medsocial.events.models import Event


class EventSitemap(SiteSitemap):
    """Every event page anyone may open: published or cancelled, open to everyone, past ones too."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return (
            Event.objects.filter(visibility=Event.Visibility.PUBLIC)
            .exclude(status=Event.Status.DRAFT)
            .only("slug", "updated_at")
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.updated_at
