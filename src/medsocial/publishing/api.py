"""The publishing API: public articles and episodes, and comment submission under the same
rules as the pages (moderation, screening, honeypot, rate limits)."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate
from ninja.utils import check_csrf

from medsocial.api.auth import token_user, viewer
from medsocial.api.pagination import PageNumberPagination
from medsocial.core.client_address import client_ip
from medsocial.publishing import selectors, services
from medsocial.publishing.errors import CommentError
from medsocial.publishing.feeds import absolute
from medsocial.publishing.models import Comment

router = Router(tags=["publishing"])


class PersonOut(Schema):
    name: str

    @staticmethod
    def resolve_name(obj):
        return obj.display_name


class SourceOut(Schema):
    citation: str
    url: str


class ArticleOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    published_at: datetime | None
    authors: list[PersonOut]
    categories: list[str]
    url: str

    @staticmethod
    def resolve_authors(obj):
        return list(obj.authors.all())

    @staticmethod
    def resolve_categories(obj):
        return [c.name for c in obj.categories.all()]

    @staticmethod
    def resolve_url(obj):
        return absolute(obj.get_absolute_url())


class ArticleDetailOut(ArticleOut):
    body: str = Field(description="Markdown.")
    body_html: str = Field(description="Sanitized HTML.")
    reviewer: PersonOut | None
    last_reviewed_at: date | None
    disclosure: str
    sources: list[SourceOut]
    tags: list[str]

    @staticmethod
    def resolve_sources(obj):
        return list(obj.sources.all())

    @staticmethod
    def resolve_tags(obj):
        return [t.name for t in obj.tags.all()]


class EpisodeOut(Schema):
    id: int
    show: str
    slug: str
    title: str
    summary: str
    number: int | None
    season: int | None
    duration_seconds: int
    audio_url: str
    audio_mime: str
    audio_bytes: int
    published_at: datetime | None
    url: str

    @staticmethod
    def resolve_show(obj):
        return obj.show.slug

    @staticmethod
    def resolve_audio_url(obj):
        from django.urls import reverse

        return absolute(
            reverse("publishing:episode-audio", args=[obj.show.slug, obj.slug, obj.audio_extension])
        )

    @staticmethod
    def resolve_url(obj):
        return absolute(obj.get_absolute_url())


class EpisodeDetailOut(EpisodeOut):
    show_notes: str
    transcript: str
    chapters: list[dict]


class CommentIn(Schema):
    article_id: int | None = Field(None, ge=1, le=2_147_483_647)
    episode_id: int | None = Field(None, ge=1, le=2_147_483_647)
    body: str = Field(description="Markdown subset.", max_length=5000)
    parent_id: int | None = Field(None, ge=1, le=2_147_483_647)
    name: str = Field("", description="Guests only.")
    email: str = Field("", description="Guests only; never published.")
    website: str = Field("", description="Leave empty (a trap for automated posting).")


class CommentOut(Schema):
    id: int
    status: str = Field(description="approved, or pending when held for a moderator.")
    author: str
    body_html: str
    created_at: datetime

    @staticmethod
    def resolve_author(obj):
        return obj.author_name


@router.get("/articles", response=list[ArticleOut], auth=None)
@paginate(PageNumberPagination)
def list_articles(request: HttpRequest):
    return selectors.published_articles()


@router.get("/articles/{slug}", response=ArticleDetailOut, auth=None)
def get_article(request: HttpRequest, slug: str):
    article = get_object_or_404(
        selectors.published_articles().select_related("reviewer").prefetch_related("tags", "sources"),
        slug=slug,
    )
    return article


@router.get("/episodes", response=list[EpisodeOut], auth=None)
@paginate(PageNumberPagination)
def list_episodes(request: HttpRequest):
    return selectors.published_episodes()


@router.get("/episodes/{episode_id}", response=EpisodeDetailOut, auth=None)
def get_episode(request: HttpRequest, episode_id: int = Path(..., ge=1, le=2_147_483_647)):
    return get_object_or_404(selectors.published_episodes(), pk=episode_id)


def _commenter(request: HttpRequest):
    """A token identifies the caller; a browser session does too, but only with its CSRF token."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = token_user(request, header[7:].strip())
        if user is None:
            raise PermissionDenied("Invalid access token.")
        return user
    user = viewer(request)
    if user.is_authenticated and check_csrf(request) is not None:
        raise PermissionDenied("CSRF check failed.")
    return user


@router.post("/comments", response={201: CommentOut}, auth=None)
def submit_comment(request: HttpRequest, payload: CommentIn):
    """Post a comment on an article or an episode, signed in or as a guest with name and email."""
    user = _commenter(request)
    if bool(payload.article_id) == bool(payload.episode_id):
        raise CommentError("Give exactly one of article_id and episode_id.")
    if payload.article_id:
        target = get_object_or_404(selectors.published_articles(), pk=payload.article_id)
    else:
        target = get_object_or_404(selectors.published_episodes(), pk=payload.episode_id)
    parent = None
    if payload.parent_id:
        parent = Comment.objects.filter(pk=payload.parent_id).first()
        if parent is None:
            raise Http404("No such comment.")
    comment = services.submit_comment(
        target=target,
        body=payload.body,
        user=user if user.is_authenticated else None,
        name=payload.name,
        email=payload.email,
        parent=parent,
        ip_address=client_ip(request),
        honeypot=payload.website,
    )
    return Status(201, comment)
