from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from medsocial.core import cards, navigation, selectors, sharing
from medsocial.core.health import health_report
from medsocial.core.page_cache import cache_page_for_visitors
from medsocial.core.personal_cache import cache_page_per_person


@cache_page_for_visitors("learning", "events", "census", "publishing")
def home(request):
    return render(
        request, "core/home.html", {**selectors.home_highlights(request.user), "share": sharing.home_meta()}
    )


@require_safe
def share_card(request, kind, key):
    """A page's generated preview card (the `?v=` its pages link with changes with its title)."""
    response = FileResponse(cards.card_file(kind, key).open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def share_logo(request):
    response = FileResponse(cards.logo_file().open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@cache_page_per_person
@login_required
def staff_dashboard(request):
    """Every staff section the person holds, with how much waits in each queue."""
    sections = selectors.staff_sections(request.user)
    if not sections:
        raise Http404("No staff tools for this account.")
    return render(
        request,
        "core/staff_dashboard.html",
        {"sections": sections, "groups": {g.key: g for g in navigation.staff_groups(request.user)}},
    )


@login_required
def staff_role(request, key):
    """One role's page: its tools, its counts and the first rows of its queue."""
    sections = selectors.staff_sections(request.user, only=key)
    if not sections:
        raise Http404("No such staff section for this account.")
    groups = {g.key: g for g in navigation.staff_groups(request.user)}
    return render(request, "core/staff_role.html", {"section": sections[0], "group": groups[key]})


@never_cache
def healthz(request):
    """The database, the cache and the task queue, as JSON; 200 only when all are healthy.

    `?only=database,cache` checks just those: a load balancer should not take every app server
    out of service because the workers fell behind, which only a monitor should page about."""
    only = [name for name in request.GET.get("only", "").split(",") if name] or None
    report = health_report(only=only)
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def coming_soon(request, section: str):
    return render(request, "core/coming_soon.html", {"section": section})


def bench_hello(request):
    """The benchmark's yardstick: the full middleware stack and URL routing, no work.

    Answers only when MEDSOCIAL_BENCH_HELLO is on (bench/http_bench.py turns it on)."""
    if not settings.BENCH_HELLO:
        raise Http404
    return HttpResponse("hello", content_type="text/plain")


def server_error(request):
    """The 500 page in the site's layout, rendered without the request's context processors:
    the database or the session store may be what failed, so nothing here may touch them."""
    html = loader.render_to_string("500.html", {"SITE_NAME": settings.SITE_NAME, "user": AnonymousUser()})
    return HttpResponseServerError(html)
