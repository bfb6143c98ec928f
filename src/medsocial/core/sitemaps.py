"""The base of every sitemap section: addresses under SITE_URL, whatever host asked."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class SiteSitemap(Sitemap):
    """Search engines must see the public address (SITE_URL), not the host name a request
    came in on behind a proxy."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path.rstrip("/")
