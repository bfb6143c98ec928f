from django_tasks import task

from medsocial.core.email import email_send


@task()
def notify_reply(comment_id: int) -> None:
    """Tell the author of a comment that someone replied to it."""
    from medsocial.publishing.models import Comment

    reply = Comment.objects.select_related("parent__user", "user", "article", "episode__show").get(
        pk=comment_id
    )
    parent = reply.parent
    if parent is None or parent.status != Comment.Status.APPROVED or not parent.author_email:
        return
    if parent.author_email.lower() == (reply.author_email or "").lower():
        return
    from django.conf import settings

    email_send(
        template_prefix="publishing/emails/reply",
        to=[parent.author_email],
        context={
            "name": parent.author_name,
            "replier": reply.author_name,
            "title": str(reply.target),
            "body": reply.body,
            "url": settings.SITE_URL.rstrip("/") + reply.get_absolute_url(),
        },
    )


@task()
def queue_issue_deliveries(issue_id: int) -> None:
    """Split an issue's recipients into batches, one task each."""
    from medsocial.publishing.services.newsletter import queue_deliveries

    for batch in queue_deliveries(issue_id):
        deliver_issue_batch.enqueue(issue_id, batch)


@task()
def deliver_issue_batch(issue_id: int, delivery_ids: list[int]) -> None:
    from medsocial.publishing.services.newsletter import deliver_batch

    deliver_batch(issue_id, delivery_ids)


@task()
def publish_scheduled_articles() -> int:
    from medsocial.publishing.services.articles import publish_due_articles

    return publish_due_articles()
