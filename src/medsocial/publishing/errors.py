from medsocial.core.errors import DomainError


class PublishingError(DomainError):
    """An article, episode or newsletter action was refused; the message is safe to show."""


class CommentError(DomainError):
    """A comment was refused; the message is safe to show to the commenter."""
