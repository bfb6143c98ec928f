import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from medsocial.accounts.roles import Role, has_role
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.media import file_response
from medsocial.core.page_cache import cache_page_for_visitors
from medsocial.publishing import selectors, services, sharing
from medsocial.publishing.feeds import chapters_document
from medsocial.publishing.forms import CommentForm, EpisodeForm, ShowForm
from medsocial.publishing.models import Episode, Show

from .common import role_required


@cache_page_for_visitors("publishing")
def show_list(request):
    return render(request, "publishing/show_list.html", {"shows": selectors.shows()})


@cache_page_for_visitors("publishing")
def show_detail(request, slug):
    show = get_object_or_404(Show, slug=slug)
    return render(
        request,
        "publishing/show_detail.html",
        {
            "show": show,
            "share": sharing.show_meta(show),
            "episodes": selectors.published_episodes(show),
            "feed_url": request.build_absolute_uri(reverse("publishing:podcast-feed", args=[slug])),
            "can_edit": has_role(request.user, Role.EDITOR),
        },
    )


def _episode(show_slug, slug):
    return get_object_or_404(selectors.published_episodes(), show__slug=show_slug, slug=slug)


def episode_detail(request, show, slug):
    episode = _episode(show, slug)
    return render(
        request,
        "publishing/episode_detail.html",
        {
            "episode": episode,
            "show": episode.show,
            "share": sharing.episode_meta(episode),
            "comments": selectors.approved_comments(episode=episode),
            "comment_form": CommentForm(user=request.user),
            "comment_action": reverse("publishing:comment-episode", args=[episode.pk]),
            "comments_feed": reverse("publishing:feed-episode-comments", args=[show, slug]),
            "own_tokens": request.session.get("comment_tokens", {}),
            "can_edit": has_role(request.user, Role.EDITOR),
        },
    )


@require_safe
def episode_audio(request, show, slug, ext):
    """The episode's audio, with byte ranges (206 Partial Content) so players can seek."""
    episode = _episode(show, slug)
    if ext != episode.audio_extension or not episode.audio:
        raise Http404
    return file_response(request, episode.audio, content_type=episode.audio_mime)


def episode_transcript(request, show, slug):
    episode = _episode(show, slug)
    if not episode.transcript:
        raise Http404
    return HttpResponse(episode.transcript, content_type="text/plain; charset=utf-8")


def episode_chapters(request, show, slug):
    episode = _episode(show, slug)
    if not episode.chapters:
        raise Http404
    return HttpResponse(chapters_document(episode), content_type="application/json+chapters")


def _episode_initial(episode: Episode) -> dict:
    return {
        "title": episode.title,
        "summary": episode.summary,
        "show_notes": episode.show_notes,
        "transcript": episode.transcript,
        "chapters": json.dumps(episode.chapters) if episode.chapters else "",
        "number": episode.number,
        "season": episode.season,
        "kind": episode.kind,
        "explicit": episode.explicit,
        "published_at": timezone.localtime(episode.published_at) if episode.published_at else None,
    }


def _episode_page(request, show, episode=None):
    form = EpisodeForm(
        request.POST or None, request.FILES or None, initial=_episode_initial(episode) if episode else None
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                episode = services.save_episode(
                    editor=request.user, show=show, episode=episode, **form.cleaned_data
                )
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, "Episode saved.")
                return redirect("publishing:episode-edit", pk=episode.pk)
        status = 400
    return render(
        request,
        "publishing/episode_form.html",
        {"form": form, "show": show, "episode": episode},
        status=status,
    )


@role_required(Role.EDITOR)
def episode_new(request, show):
    return _episode_page(request, get_object_or_404(Show, slug=show))


@role_required(Role.EDITOR)
def episode_edit(request, pk):
    episode = get_object_or_404(Episode.objects.select_related("show"), pk=pk)
    return _episode_page(request, episode.show, episode)


@role_required(Role.EDITOR)
def show_episodes(request, pk):
    """Every episode of a show, drafts and scheduled ones included, for editors."""
    show = get_object_or_404(Show, pk=pk)
    page_obj = Paginator(selectors.episodes_for_editing(show), 30).get_page(request.GET.get("page"))
    return render(request, "publishing/show_episodes.html", {"show": show, "page_obj": page_obj})


def _show_initial(show: Show) -> dict:
    return {field: getattr(show, field) for field in ShowForm.base_fields if field != "cover_art"}


@role_required(Role.EDITOR)
def show_edit(request, pk):
    show = get_object_or_404(Show, pk=pk)
    form = ShowForm(request.POST or None, request.FILES or None, initial=_show_initial(show))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                show = services.save_show(editor=request.user, show=show, **form.cleaned_data)
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, "Show saved.")
                return redirect("publishing:show-edit", pk=show.pk)
        status = 400
    return render(request, "publishing/show_form.html", {"form": form, "show": show}, status=status)
