import os
import re

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from medsocial.accounts.roles import Role
from medsocial.core.errors import DomainError
from medsocial.publishing import selectors, services
from medsocial.publishing.feeds import chapters_document
from medsocial.publishing.forms import CommentForm, EpisodeForm
from medsocial.publishing.models import Show

from .common import role_required

CHUNK = 64 * 1024
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


def show_list(request):
    return render(request, "publishing/show_list.html", {"shows": selectors.shows()})


def show_detail(request, slug):
    show = get_object_or_404(Show, slug=slug)
    return render(request, "publishing/show_detail.html", {
        "show": show, "episodes": selectors.published_episodes(show),
        "feed_url": request.build_absolute_uri(reverse("publishing:podcast-feed", args=[slug])),
    })


def _episode(show_slug, slug):
    return get_object_or_404(selectors.published_episodes(), show__slug=show_slug, slug=slug)


def episode_detail(request, show, slug):
    episode = _episode(show, slug)
    return render(request, "publishing/episode_detail.html", {
        "episode": episode, "show": episode.show,
        "comments": selectors.approved_comments(episode=episode),
        "comment_form": CommentForm(user=request.user),
        "comment_action": reverse("publishing:comment-episode", args=[episode.pk]),
        "comments_feed": reverse("publishing:feed-episode-comments", args=[show, slug]),
        "own_tokens": request.session.get("comment_tokens", {}),
    })


def _file_chunks(handle, start, length):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            data = handle.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        handle.close()


@require_safe
def episode_audio(request, show, slug, ext):
    """The episode's audio, with byte ranges (206 Partial Content) so players can seek."""
    episode = _episode(show, slug)
    if ext != episode.audio_extension or not episode.audio:
        raise Http404
    try:
        handle = episode.audio.open("rb")
        size = episode.audio.size
    except (FileNotFoundError, OSError):
        raise Http404("The audio file is missing.") from None
    header = request.headers.get("Range", "").strip()
    match = RANGE_RE.match(header)
    if match is None or not any(match.groups()):
        # No range, or one this view does not serve (several ranges): the whole file, as RFC 9110 allows.
        response = FileResponse(handle, content_type=episode.audio_mime)
        response["Accept-Ranges"] = "bytes"
        response["Content-Length"] = str(size)
        return response
    first, last = match.groups()
    if first == "":  # the final N bytes
        length = min(int(last), size)
        start, end = size - length, size - 1
    else:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        handle.close()
        return _unsatisfiable(size)
    length = end - start + 1
    if request.method == "HEAD":
        handle.close()
        response = HttpResponse(status=206, content_type=episode.audio_mime)
    else:
        response = StreamingHttpResponse(_file_chunks(handle, start, length), status=206,
                                         content_type=episode.audio_mime)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = f'inline; filename="{os.path.basename(episode.audio.name)}"'
    return response


def _unsatisfiable(size):
    response = HttpResponse(status=416)
    response["Content-Range"] = f"bytes */{size}"
    return response


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


@role_required(Role.EDITOR)
def episode_new(request, show):
    show = get_object_or_404(Show, slug=show)
    form = EpisodeForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                data = form.cleaned_data
                episode = services.save_episode(editor=request.user, show=show, **data)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Episode saved.")
                if episode.published_at:
                    return redirect(episode)
                return redirect(show)
        status = 400
    return render(request, "publishing/episode_form.html", {"form": form, "show": show}, status=status)
