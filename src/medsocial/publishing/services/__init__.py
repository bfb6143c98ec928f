"""Writes for publishing, one module per concept; import from here."""

from .articles import publish_article, publish_due_articles, save_article, unpublish_article  # noqa: F401
from .comments import delete_own_comment, moderate_comment, submit_comment  # noqa: F401
from .newsletter import (  # noqa: F401
    confirm_subscription,
    import_subscribers,
    resume_issue,
    resume_stalled_sends,
    save_issue,
    send_issue,
    send_test_issue,
    subscribe,
    unsubscribe,
)
from .podcasts import save_episode, save_show  # noqa: F401
