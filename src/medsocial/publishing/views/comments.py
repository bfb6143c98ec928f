from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from medsocial.accounts.roles import Role
from medsocial.core.client_address import client_ip
from medsocial.core.errors import DomainError
from medsocial.core.forms import add_domain_error
from medsocial.publishing import selectors, services, sharing
from medsocial.publishing.forms import CommentForm
from medsocial.publishing.models import Comment

from .common import role_required


@require_POST
def post_comment(request, kind, pk):
    """Take a comment from the article or episode page (no JavaScript needed)."""
    if kind == "article":
        target = get_object_or_404(selectors.published_articles(), pk=pk)
        comments = selectors.approved_comments(article=target)
    else:
        target = get_object_or_404(selectors.published_episodes(), pk=pk)
        comments = selectors.approved_comments(episode=target)
    form = CommentForm(request.POST, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        parent = Comment.objects.filter(pk=data.get("parent")).first() if data.get("parent") else None
        try:
            comment = services.submit_comment(
                target=target,
                body=data["body"],
                user=request.user,
                name=data.get("name", ""),
                email=data.get("email", ""),
                parent=parent,
                ip_address=client_ip(request),
                honeypot=data["website"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            tokens = request.session.get("comment_tokens", {})
            if comment.user_id is None:
                tokens[str(comment.pk)] = comment.delete_token
                request.session["comment_tokens"] = tokens
            if comment.status == Comment.Status.APPROVED:
                messages.success(request, "Your comment is published.")
                return redirect(comment.get_absolute_url())
            messages.info(
                request, "Thank you. Your comment is held for a moderator and will appear once approved."
            )
            return redirect(f"{target.get_absolute_url()}#comments")
    template = "publishing/article_detail.html" if kind == "article" else "publishing/episode_detail.html"
    context = {
        "comments": comments,
        "comment_form": form,
        "comment_action": request.path,
        "own_tokens": request.session.get("comment_tokens", {}),
    }
    if kind == "article":
        article = selectors.article_for_page(request.user, target.slug)
        context |= {"article": article, "share": sharing.article_meta(article)}
    else:
        context |= {"episode": target, "show": target.show, "share": sharing.episode_meta(target)}
    return render(request, template, context, status=400)


@require_POST
def delete_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("article", "episode__show"), pk=pk)
    token = request.session.get("comment_tokens", {}).get(str(pk), "")
    try:
        services.delete_own_comment(comment=comment, user=request.user, token=token)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Your comment was deleted.")
    return redirect(f"{comment.target.get_absolute_url()}#comments")


@role_required(Role.MODERATOR)
def moderation_queue(request):
    status = request.GET.get("status", Comment.Status.PENDING)
    if status not in Comment.Status.values:
        status = Comment.Status.PENDING
    page_obj = Paginator(selectors.moderation_queue(status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "publishing/moderation.html",
        {
            "page_obj": page_obj,
            "status": status,
            "statuses": Comment.Status.choices,
            "query_string": f"status={status}&",
        },
    )


@role_required(Role.MODERATOR)
@require_POST
def moderate(request, pk):
    comment = get_object_or_404(Comment, pk=pk)
    try:
        services.moderate_comment(
            moderator=request.user, comment=comment, action=request.POST.get("action", "")
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Comment by {comment.author_name}: {request.POST.get('action')} done.")
    next_url = request.POST.get("next", "")
    if not (next_url.startswith("/") and not next_url.startswith("//")):
        next_url = reverse("publishing:moderation")
    return redirect(next_url)
