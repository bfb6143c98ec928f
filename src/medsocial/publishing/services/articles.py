"""Writing, scheduling and publishing articles."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from medsocial.accounts.roles import Role, has_role
from medsocial.core.covers import social_cover
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years
from medsocial.core.errors import NotAllowed
from medsocial.core.markdown import render_markdown
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import Article, ArticleRevision, Source

from .search_index import index_article


def _unique_slug(title: str, exclude_pk=None) -> str:
    base = slugify(title)[:180] or "article"
    slug, n = base, 2
    while Article.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def editorial_problems(article: Article) -> list[str]:
    """The editor's checklist: what keeps this article from being published."""
    problems = []
    if not article.title.strip() or not article.body.strip():
        problems.append("An article needs a title and a body.")
    if article.is_health_information:
        if not article.authors.exists():
            problems.append("Health information must name at least one author.")
        if not article.sources.exists():
            problems.append("Health information must cite at least one source.")
        if article.last_reviewed_at is None and article.publish_at is None and article.published_at is None:
            problems.append("Health information must carry a date (a publication or last-reviewed date).")
    if article.cover_image and not article.cover_alt.strip():
        problems.append("Describe the cover image for people who cannot see it.")
    return problems


@transaction.atomic
def save_article(
    *,
    editor,
    article: Article | None = None,
    title: str,
    body: str,
    summary: str = "",
    authors=(),
    reviewer=None,
    categories=(),
    tags=(),
    sources=(),
    disclosure: str = "",
    is_health_information: bool = True,
    last_reviewed_at=None,
    cover_image=None,
    cover_alt: str = "",
    comments_open: bool = True,
    slug: str = "",
) -> Article:
    """Create or update an article and keep a revision of its words. Editors only.

    `sources` is a list of (citation, url) pairs and replaces the article's sources."""
    if not has_role(editor, Role.EDITOR):
        raise NotAllowed("Only editors write articles.")
    if outside_supported_years(last_reviewed_at):
        raise PublishingError(DATE_RANGE_MESSAGE, field="last_reviewed_at")
    if article is None:
        article = Article()
    else:
        article = Article.objects.select_for_update().get(pk=article.pk)
    article.title, article.body, article.summary = title.strip(), body, summary.strip()
    article.slug = slugify(slug)[:200] if slug else (article.slug or _unique_slug(title))
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        raise PublishingError("Another article already uses that address.", field="slug")
    article.body_html = render_markdown(body)
    article.reviewer = reviewer
    article.disclosure = disclosure
    article.is_health_information = is_health_information
    article.last_reviewed_at = last_reviewed_at
    article.cover_alt = cover_alt.strip()
    article.comments_open = comments_open
    if cover_image:
        article.cover_image = social_cover(cover_image, error=PublishingError)
    if article.cover_image and not article.cover_alt:
        raise PublishingError("Describe the cover image for people who cannot see it.", field="cover_alt")
    article.save()
    article.authors.set(authors)
    article.categories.set(categories)
    article.tags.set(tags)
    article.sources.all().delete()
    Source.objects.bulk_create(
        [
            Source(article=article, citation=c.strip(), url=(u or "").strip(), position=i)
            for i, (c, u) in enumerate(sources)
            if c.strip()
        ]
    )
    ArticleRevision.objects.create(
        article=article, title=article.title, summary=article.summary, body=body, editor=editor
    )
    if article.is_live:
        problems = editorial_problems(article)
        if problems:
            raise PublishingError(problems[0])
    index_article(article)
    return article


@transaction.atomic
def publish_article(*, editor, article: Article, publish_at=None) -> Article:
    """Publish now, or schedule for `publish_at` (a scheduled article goes live by the
    `publish-scheduled` command). Refused when the editor's checklist is not satisfied."""
    if not has_role(editor, Role.EDITOR):
        raise NotAllowed("Only editors publish articles.")
    if outside_supported_years(publish_at):
        raise PublishingError(DATE_RANGE_MESSAGE, field="publish_at")
    article = Article.objects.select_for_update().get(pk=article.pk)
    now = timezone.now()
    if publish_at is not None and publish_at > now:
        article.publish_at = publish_at
        problems = editorial_problems(article)
        if problems:
            raise PublishingError(problems[0])
        article.status = Article.Status.SCHEDULED
        article.save(update_fields=["status", "publish_at", "updated_at"])
        return article
    article.publish_at = article.publish_at or now
    problems = editorial_problems(article)
    if problems:
        raise PublishingError(problems[0])
    article.status = Article.Status.PUBLISHED
    article.published_at = article.published_at or now
    article.save(update_fields=["status", "publish_at", "published_at", "updated_at"])
    index_article(article)
    return article


@transaction.atomic
def unpublish_article(*, editor, article: Article) -> Article:
    """Take an article back to draft (its address stops answering)."""
    if not has_role(editor, Role.EDITOR):
        raise NotAllowed("Only editors unpublish articles.")
    article = Article.objects.select_for_update().get(pk=article.pk)
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    index_article(article)
    return article


def publish_due_articles(now=None) -> int:
    """Publish every scheduled article whose time has come; returns how many went live."""
    now = now or timezone.now()
    count = 0
    for pk in Article.objects.filter(status=Article.Status.SCHEDULED, publish_at__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=pk)
            if article.status != Article.Status.SCHEDULED or editorial_problems(article):
                continue
            article.status = Article.Status.PUBLISHED
            article.published_at = article.publish_at
            article.save(update_fields=["status", "published_at", "updated_at"])
            index_article(article)
            count += 1
    return count
