from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from medsocial.accounts.roles import Role, has_role
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.core.page_cache import cache_page_for_visitors
from medsocial.publishing import selectors, services, sharing
from medsocial.publishing.forms import ArticleForm, CommentForm, PublishForm
from medsocial.publishing.models import Article, Category

from .common import role_required

PAGE_SIZE = 12


def _list_page(request, queryset, *, heading, intro="", feed=None, atom=None, extra=None):
    page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "publishing/article_list.html",
        {
            "page_obj": page_obj,
            "heading": heading,
            "intro": intro,
            "feed_url": feed,
            "atom_url": atom,
            "categories": selectors.categories_in_use(),
            **(extra or {}),
        },
    )


@cache_page_for_visitors("publishing")
def article_list(request):
    return _list_page(
        request,
        selectors.published_articles(),
        heading="Articles",
        intro="Practical guidance on social media for health care, with the people, dates and "
        "sources behind every piece.",
        feed=reverse("publishing:feed-articles-rss"),
        atom=reverse("publishing:feed-articles-atom"),
    )


def category_articles(request, slug):
    category = get_object_or_404(Category, slug=slug)
    return _list_page(
        request,
        selectors.published_articles().filter(categories=category),
        heading=category.name,
        intro=category.description,
        feed=reverse("publishing:feed-category-rss", args=[slug]),
        atom=reverse("publishing:feed-category-atom", args=[slug]),
    )


def author_articles(request, pk):
    author = get_object_or_404(get_user_model(), pk=pk)
    qs = selectors.published_articles().filter(authors=author)
    if not qs.exists():
        raise Http404("No articles by this person.")
    return _list_page(
        request,
        qs,
        heading=f"Articles by {author.display_name}",
        feed=reverse("publishing:feed-author-rss", args=[pk]),
        atom=reverse("publishing:feed-author-atom", args=[pk]),
    )


def article_by_id(request, pk):
    article = get_object_or_404(selectors.published_articles(), pk=pk)
    return redirect(article, permanent=True)


@cache_page_for_visitors("publishing")
def article_detail(request, slug):
    article = selectors.article_for_page(request.user, slug)
    return render(
        request,
        "publishing/article_detail.html",
        {
            "article": article,
            "share": sharing.article_meta(article),
            "comments": selectors.approved_comments(article=article),
            "comment_form": CommentForm(user=request.user),
            "comment_action": reverse("publishing:comment-article", args=[article.pk]),
            "comments_feed": reverse("publishing:feed-article-comments", args=[article.slug]),
            "own_tokens": request.session.get("comment_tokens", {}),
            "checklist": services.articles.editorial_problems(article)
            if has_role(request.user, Role.EDITOR)
            else [],
        },
    )


@role_required(Role.EDITOR)
def article_manage(request):
    page_obj = Paginator(
        Article.objects.prefetch_related("authors").order_by("-updated_at", "-pk"), 30
    ).get_page(request.GET.get("page"))
    return render(request, "publishing/article_manage.html", {"page_obj": page_obj})


def _initial(article):
    return {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "authors": list(article.authors.all()),
        "reviewer": article.reviewer,
        "categories": list(article.categories.all()),
        "tags": ", ".join(t.name for t in article.tags.all()),
        "sources": "\n".join(
            f"{s.citation} | {s.url}" if s.url else s.citation for s in article.sources.all()
        ),
        "disclosure": article.disclosure,
        "is_health_information": article.is_health_information,
        "last_reviewed_at": article.last_reviewed_at,
        "cover_alt": article.cover_alt,
        "comments_open": article.comments_open,
    }


@role_required(Role.EDITOR)
def article_edit(request, pk=None):
    article = get_object_or_404(Article, pk=pk) if pk else None
    form = ArticleForm(
        request.POST or None, request.FILES or None, initial=_initial(article) if article else None
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                article = services.save_article(editor=request.user, article=article, **form.cleaned_data)
            except DomainError as exc:
                add_domain_error(form, exc)
            else:
                messages.success(request, "Article saved.")
                return redirect("publishing:article-edit", pk=article.pk)
        status = 400
    return render(
        request,
        "publishing/article_form.html",
        {
            "form": form,
            "article": article,
            "publish_form": PublishForm(),
            "checklist": services.articles.editorial_problems(article) if article else [],
            "revisions": article.revisions.select_related("editor")[:10] if article else [],
        },
        status=status,
    )


@role_required(Role.EDITOR)
@require_POST
def article_publish(request, pk):
    article = get_object_or_404(Article, pk=pk)
    if request.POST.get("action") == "unpublish":
        services.unpublish_article(editor=request.user, article=article)
        messages.success(request, "The article is a draft again.")
        return redirect("publishing:article-edit", pk=pk)
    form = PublishForm(request.POST)
    if form.is_valid():
        try:
            article = services.publish_article(
                editor=request.user, article=article, publish_at=form.cleaned_data["publish_at"]
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, "Scheduled." if article.status == Article.Status.SCHEDULED else "Published."
            )
    else:
        messages.error(request, "Give a valid date and time.")
    return redirect("publishing:article-edit", pk=pk)
