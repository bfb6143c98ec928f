"""`{% share_head %}`: the sharing metadata of the page being rendered, for the layout's head."""

from django import template
from django.conf import settings

from medsocial.core import sharing

register = template.Library()


@register.inclusion_tag("includes/_share_head.html", takes_context=True)
def share_head(context):
    """Renders the view's `share` (a PageMeta) or, without one, the site's defaults."""
    request = context.get("request")
    meta = context.get("share") or sharing.default_meta(request)
    path = meta.path or (request.path if request is not None else "/")
    image = meta.image or sharing.default_meta(request).image
    return {
        "meta": meta,
        "site_name": settings.SITE_NAME,
        "description": meta.description or sharing.DEFAULT_DESCRIPTION,
        "url": sharing.absolute_url(path),
        "image": sharing.absolute_url(image),
        "image_alt": meta.image_alt or meta.title,
        "structured_data": [sharing.json_ld(item) for item in meta.structured_data],
        "feeds": sharing.feed_links(),
    }
