"""Taking, moderating and deleting comments on articles and episodes."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.core import page_cache
from medsocial.core.errors import NotAllowed
from medsocial.core.markdown import COMMENT, render_markdown
from medsocial.publishing.errors import CommentError
from medsocial.publishing.models import Comment, CommenterBan

# At most this many comments per window from one IP address and from one account.
RATE_LIMIT_COUNT = 5
RATE_LIMIT_WINDOW_SECONDS = 600
MAX_COMMENT_LENGTH = 5000


def _over_rate_limit(key: str) -> bool:
    cache.add(key, 0, RATE_LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_LIMIT_WINDOW_SECONDS)
        count = 1
    return count > RATE_LIMIT_COUNT


def _screening_reasons(text: str) -> list[str]:
    # Imported at call time: the safety app's engine is the one place these rules live.
    from medsocial.safety import services as safety_services

    return list(safety_services.comment_concerns(text) or [])


@transaction.atomic
def submit_comment(
    *,
    target,
    body: str,
    user=None,
    name: str = "",
    email: str = "",
    parent: Comment | None = None,
    ip_address: str | None = None,
    honeypot: str = "",
) -> Comment:
    """Take a comment on an article or episode (`target`).

    Held for a moderator when the person has no approved comment yet, or when the safety
    coach finds health information or a request for individual advice in it."""
    if honeypot:
        raise CommentError("Your comment could not be accepted.")
    if not getattr(target, "comments_open", False):
        raise CommentError("Comments are closed here.")
    body = (body or "").strip()
    if not body:
        raise CommentError("Write a comment first.", field="body")
    if len(body) > MAX_COMMENT_LENGTH:
        raise CommentError(f"Keep comments under {MAX_COMMENT_LENGTH} characters.", field="body")
    signed_in = user is not None and getattr(user, "is_authenticated", False)
    if signed_in:
        name, email = "", ""
        author_email = user.email
    else:
        user = None
        name, email = name.strip(), email.strip().lower()
        if not name:
            raise CommentError("Give your name.", field="name")
        if not email:
            raise CommentError("Give your email address (it is not published).", field="email")
        author_email = email
    if CommenterBan.objects.filter(email__iexact=author_email).exists():
        raise CommentError("You can no longer comment on this site.")
    if ip_address and _over_rate_limit(f"publishing:comments:ip:{ip_address}"):
        raise CommentError("You are commenting too fast; try again in a few minutes.")
    if signed_in and _over_rate_limit(f"publishing:comments:user:{user.pk}"):
        raise CommentError("You are commenting too fast; try again in a few minutes.")

    field = "article" if target.__class__.__name__ == "Article" else "episode"
    if parent is not None:
        if getattr(parent, f"{field}_id") != target.pk or parent.status != Comment.Status.APPROVED:
            raise CommentError("You can only reply to a published comment on this page.")
        parent = parent.parent or parent  # replies stay one level deep

    concerns = _screening_reasons(body)
    trusted = signed_in and (has_role(user, Role.MODERATOR) or has_role(user, Role.EDITOR))
    known = (
        Comment.objects.filter(status=Comment.Status.APPROVED)
        .filter(**({"user": user} if signed_in else {"user__isnull": True, "guest_email__iexact": email}))
        .exists()
    )
    status = Comment.Status.APPROVED if (trusted or known) and not concerns else Comment.Status.PENDING
    comment = Comment.objects.create(
        **{field: target},
        parent=parent,
        user=user,
        guest_name=name,
        guest_email=email,
        body=body,
        body_html=render_markdown(body, COMMENT),
        status=status,
        concerns=concerns,
        ip_address=ip_address,
    )
    if status == Comment.Status.APPROVED:
        _notify_parent_author(comment)
    return comment


def _notify_parent_author(comment: Comment) -> None:
    if comment.parent_id is None:
        return
    from medsocial.publishing.tasks import notify_reply

    transaction.on_commit(lambda: notify_reply.enqueue(comment.pk))


@transaction.atomic
def moderate_comment(*, moderator, comment: Comment, action: str) -> Comment:
    """Approve, reject, mark as spam, or ban the author (which also rejects the comment)."""
    page_cache.bump("publishing")  # bulk writes send no signals
    if not has_role(moderator, Role.MODERATOR):
        raise NotAllowed("Only moderators moderate comments.")
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    statuses = {
        "approve": Comment.Status.APPROVED,
        "reject": Comment.Status.REJECTED,
        "spam": Comment.Status.SPAM,
        "ban": Comment.Status.REJECTED,
    }
    if action not in statuses:
        raise CommentError("Unknown moderation action.")
    was_approved = comment.status == Comment.Status.APPROVED
    comment.status = statuses[action]
    comment.moderated_at = timezone.now()
    comment.moderated_by = moderator
    comment.save(update_fields=["status", "moderated_at", "moderated_by"])
    if action == "ban" and comment.author_email:
        CommenterBan.objects.get_or_create(
            email=comment.author_email.lower(),
            defaults={"created_by": moderator, "reason": "Banned from the queue"},
        )
        Comment.objects.filter(status=Comment.Status.PENDING).filter(
            guest_email__iexact=comment.author_email
        ).update(status=Comment.Status.REJECTED, moderated_at=timezone.now(), moderated_by=moderator)
    if action == "approve" and not was_approved:
        _notify_parent_author(comment)
    return comment


@transaction.atomic
def delete_own_comment(*, comment: Comment, user=None, token: str = "") -> Comment:
    """A commenter removes their comment: signed-in by account, guests by the token kept in
    their browser session when they posted."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    owns = (user is not None and getattr(user, "is_authenticated", False) and comment.user_id == user.pk) or (
        bool(token) and comment.user_id is None and token == comment.delete_token
    )
    if not owns:
        raise NotAllowed("You can only delete your own comments.")
    comment.status = Comment.Status.DELETED
    comment.body = ""
    comment.body_html = ""
    comment.save(update_fields=["status", "body", "body_html"])
    return comment
