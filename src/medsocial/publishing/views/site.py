from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from medsocial.publishing import selectors


def search(request):
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    kinds = (kind,) if kind in ("article", "episode", "course") else ("article", "episode", "course")
    hits = selectors.search(query, kinds=kinds) if query else []
    return render(request, "publishing/search.html", {"query": query, "hits": hits, "kind": kind})


def trust(request):
    return render(request, "publishing/trust.html")


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /api/",
        "Disallow: /comments/",
        "Disallow: /newsletter/confirm/",
        "Disallow: /newsletter/unsubscribe/",
        "Disallow: /search/",
        "",
        f"Sitemap: {settings.SITE_URL.rstrip('/')}{reverse('publishing:sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
